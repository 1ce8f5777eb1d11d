import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGit } from '../../../src/cli/git.js';

describe('createGit (real git)', () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'crpat-git-'));
    execFileSync('git', ['init', '-q', dir]);
    execFileSync('git', ['-C', dir, 'remote', 'add', 'origin', 'git@github.com:acme/api.git']);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads the origin URL', async () => {
    const git = createGit({ PATH: process.env['PATH'] });
    expect((await git(['remote', 'get-url', 'origin'], dir)).trim()).toBe('git@github.com:acme/api.git');
  });

  it('rejects outside a checkout', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'crpat-nogit-'));
    try {
      const git = createGit({ PATH: process.env['PATH'], GIT_CEILING_DIRECTORIES: tmpdir() });
      await expect(git(['remote', 'get-url', 'origin'], outside)).rejects.toThrow();
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('runs git without CR_PAT, GH_TOKEN and GITHUB_TOKEN in its environment', async () => {
    const git = createGit({ PATH: process.env['PATH'], CR_PAT: 'ghp_x', GH_TOKEN: 'gho_y', GITHUB_TOKEN: 'ghs_z', KEEP: 'kept' });
    const env = await git(['-c', 'alias.printenv=!env', 'printenv'], dir);
    expect(env).toContain('KEEP=kept');
    expect(env).toContain('GIT_TERMINAL_PROMPT=0');
    expect(env).not.toMatch(/^(CR_PAT|GH_TOKEN|GITHUB_TOKEN)=/m);
  });
});

import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGit, gitEnvironment, resolveGit } from '../../../src/cli/git.js';

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

// The Windows rules, tested on any machine against the resolution logic with the platform injected (issue 11).
describe('resolveGit: git by absolute path from PATH, never from the checkout', () => {
  const files = (...paths: string[]) => ({ isFile: (path: string) => paths.includes(path) });

  it('Windows: skips relative and empty PATH entries, so a git.exe in the checkout is not run', () => {
    const host = { platform: 'win32' as const, ...files('.\\git.exe', 'git.exe', 'C:\\Program Files\\Git\\cmd\\git.exe') };
    expect(resolveGit({ Path: ';.;bin;C:\\Program Files\\Git\\cmd' }, host)).toBe('C:\\Program Files\\Git\\cmd\\git.exe');
  });

  it('Windows: the variable may be spelt Path, entries may be quoted; \\x (drive-relative) is not absolute', () => {
    const host = { platform: 'win32' as const, ...files('\\tools\\git.exe', 'D:\\Git\\bin\\git.exe') };
    expect(resolveGit({ Path: '\\tools;"D:\\Git\\bin"' }, host)).toBe('D:\\Git\\bin\\git.exe');
    expect(resolveGit({ Path: '\\tools;.' }, host)).toBeNull();
  });

  it('POSIX: an empty or relative entry (the working directory) is skipped too', () => {
    const host = { platform: 'linux' as const, ...files('git', './git', 'bin/git', '/usr/bin/git') };
    expect(resolveGit({ PATH: ':.:bin:/usr/bin' }, host)).toBe('/usr/bin/git');
  });

  it('createGit rejects when no absolute PATH entry holds git, and runs nothing', async () => {
    const git = createGit({ PATH: '.' }, { platform: 'linux', isFile: () => true });
    await expect(git(['--version'], tmpdir())).rejects.toThrow('git was not found on PATH');
  });
});

describe('gitEnvironment', () => {
  it('Windows: the token variables are withheld whatever their case, and NoDefaultCurrentDirectoryInExePath is set', () => {
    const env = gitEnvironment({ Cr_Pat: 'ghp_x', gh_token: 'gho_y', GitHub_Token: 'ghs_z', Path: 'C:\\Git', KEEP: 'kept' }, 'win32');
    expect(env).toEqual({ Path: 'C:\\Git', KEEP: 'kept', GIT_TERMINAL_PROMPT: '0', NoDefaultCurrentDirectoryInExePath: '1' });
  });

  it('POSIX: names are case-sensitive there (cr_pat is another variable), and no Windows variable is added', () => {
    const env = gitEnvironment({ CR_PAT: 'ghp_x', cr_pat: 'other', PATH: '/usr/bin' }, 'linux');
    expect(env).toEqual({ cr_pat: 'other', PATH: '/usr/bin', GIT_TERMINAL_PROMPT: '0' });
  });
});

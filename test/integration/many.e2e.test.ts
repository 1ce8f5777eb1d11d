import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Simulator, startSimulator, tokenValue } from '../../src/simulator/index.js';
import { CHECK_IDS, type ManyReport, type Report } from '../../src/types.js';
import { runCli } from '../helpers/cli.js';

// The built binary with several repositories: the grouped document, the grouped report, exit codes, --repos-file.
let sim: Simulator;
let dir: string;
beforeAll(async () => {
  sim = await startSimulator();
  dir = await mkdtemp(join(tmpdir(), 'crpat-many-'));
});
afterAll(async () => {
  await sim.close();
  await rm(dir, { recursive: true, force: true });
});

async function crpat(label: string, args: string[]) {
  const token = tokenValue(sim.world, label);
  const result = await runCli([...args, '--api-url', sim.apiUrl, '--registry', sim.registryUrl], { env: { CR_PAT: token } });
  expect(result.stdout + result.stderr).not.toContain(token);
  return result;
}

describe('two --repo', () => {
  it('--json: {schemaVersion, verdict, results} with one full single-repository document each, exit 0 when both pass', async () => {
    const { code, stdout, stderr } = await crpat('octocat-classic-push', ['--repo', 'acme/private-app', '--repo', 'octocat/hello-world', '--json']);
    expect(stderr).toBe('');
    const doc = JSON.parse(stdout) as ManyReport;
    expect(Object.keys(doc)).toEqual(['schemaVersion', 'verdict', 'results']);
    expect(doc).toMatchObject({ schemaVersion: 1, verdict: 'pass' });
    expect(doc.results.map((r: Report) => r.target.repository)).toEqual(['acme/private-app', 'octocat/hello-world']);
    for (const report of doc.results) {
      expect(Object.keys(report)).toEqual(['schemaVersion', 'target', 'verdict', 'token', 'checks', 'profile', 'capabilities', 'githubToken']);
      expect(report.checks.map((c) => c.id)).toEqual([...CHECK_IDS]);
      expect(report.token.login).toBe('octocat');
    }
    expect(code).toBe(0);
  });

  it('exit 1 when one cannot push; the overall verdict is fail', async () => {
    const { code, stdout } = await crpat('octocat-classic-push', ['--repo', 'acme/private-app', '--repo', 'acme/legacy-app', '--json']);
    const doc = JSON.parse(stdout) as ManyReport;
    expect(doc.verdict).toBe('fail');
    expect(doc.results.map((r) => r.verdict)).toEqual(['pass', 'fail']);
    expect(code).toBe(1);
  });

  it('the human report: the overall verdict line first, grouped per repository; a line per repository on stderr', async () => {
    const { code, stdout, stderr } = await crpat('octocat-classic-push', ['--repo', 'acme/private-app', '--repo', 'acme/legacy-app']);
    expect(code).toBe(1);
    const lines = stdout.split('\n');
    expect(lines[0]).toBe('✖ This token cannot push to 1 of 2 repositories');
    expect(stdout).toContain(`✔ This token can push to ${sim.registryHost}/acme/private-app`);
    expect(stdout).toContain(`✖ This token cannot push to ${sim.registryHost}/acme/legacy-app`);
    expect(stdout.indexOf('acme/legacy-app —')).toBeLessThan(stdout.indexOf('✖ registry.push'));
    expect(stderr.split('\n').filter(Boolean).sort()).toEqual(['✔ acme/private-app  can push', '✖ acme/legacy-app  cannot push: 1 problem'].sort());
  });

  it('a refused token: exit 1, every repository fails token.valid', async () => {
    const { code, stdout } = await crpat('octocat-classic-revoked', ['--repo', 'acme/private-app', '--repo', 'octocat/hello-world', '--json']);
    const doc = JSON.parse(stdout) as ManyReport;
    expect(doc.results.every((r) => r.checks.find((c) => c.id === 'token.valid')?.status === 'fail')).toBe(true);
    expect(code).toBe(1);
  });

  it('--image with two repositories is a usage error: exit 2, nothing sent', async () => {
    const before = sim.requests.length;
    const { code, stdout, stderr } = await crpat('octocat-classic-push', ['--repo', 'acme/a', '--repo', 'acme/b', '--image', 'x']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^crpat: --image names one package, so it takes a single repository/);
    expect(sim.requests.length).toBe(before);
  });
});

describe('--repos-file', () => {
  it('reads the targets (comments and blank lines ignored) and prints the grouped document', async () => {
    const file = join(dir, 'repos.txt');
    await writeFile(file, '# services\nacme/private-app\n\nhttps://github.com/octocat/hello-world # public\n');
    const { code, stdout } = await crpat('octocat-classic-push', ['--repos-file', file, '--json']);
    const doc = JSON.parse(stdout) as ManyReport;
    expect(doc.results.map((r) => r.target.repository)).toEqual(['acme/private-app', 'octocat/hello-world']);
    expect(code).toBe(0);
  });

  it('a bad line: exit 2, the line number named and its content not repeated', async () => {
    const file = join(dir, 'bad.txt');
    await writeFile(file, 'acme/private-app\nnot/a/repo/at/all\n');
    const { code, stderr } = await crpat('octocat-classic-push', ['--repos-file', file]);
    expect(code).toBe(2);
    expect(stderr).toMatch(new RegExp(`^crpat: --repos-file ${file}: line 2 is not a repository: `));
    expect(stderr).not.toContain('at/all');
  });
});

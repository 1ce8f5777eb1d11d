import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GHCR_MESSAGES, type Simulator, startSimulator, tokenValue } from '../../src/simulator/index.js';
import type { Report } from '../../src/types.js';
import { type CliResult, runCli } from '../helpers/cli.js';

// The built binary against the simulator: every check id in both directions, every --repo form, both output
// modes, every exit code. No run may print the token.
let sim: Simulator;
let skewed: Simulator;
beforeAll(async () => {
  sim = await startSimulator();
  // A simulator whose clock is ten days behind: it still accepts a token that, by crpat's clock, has expired.
  skewed = await startSimulator({ now: () => new Date(Date.now() - 10 * 86_400_000) });
});
afterAll(async () => Promise.all([sim.close(), skewed.close()]));

async function crpat(s: Simulator, label: string, repo: string, extra: string[] = []): Promise<{ result: CliResult; token: string }> {
  const token = tokenValue(s.world, label);
  const result = await runCli(['--repo', repo, '--api-url', s.apiUrl, '--registry', s.registryUrl, ...extra], { env: { CR_PAT: token } });
  expect(result.stdout).not.toContain(token);
  expect(result.stderr).not.toContain(token);
  return { result, token };
}

async function json(s: Simulator, label: string, repo: string): Promise<Report> {
  const { result } = await crpat(s, label, repo, ['--json']);
  const report = JSON.parse(result.stdout) as Report;
  expect(result.code).toBe({ pass: 0, fail: 1, inconclusive: 3 }[report.verdict]);
  return report;
}

const statusOf = (report: Report, id: string) => report.checks.find((c) => c.id === id)?.status;

describe('each check, passing and failing', () => {
  it.each([
    ['token.format', 'octocat-classic-push', 'octocat/hello-world', 'octocat-classic-mistyped', 'octocat/hello-world'],
    ['token.valid', 'octocat-classic-push', 'octocat/hello-world', 'octocat-classic-expired', 'octocat/hello-world'],
    // write:packages alone: the push token with repo as well passes too, but warns about repo (overreach).
    ['token.scopes', 'octocat-classic-packages-only', 'octocat/hello-world', 'octocat-classic-repo-only', 'octocat/hello-world'],
    ['org.sso', 'octocat-classic-push', 'acme/private-app', 'octocat-classic-push', 'sso-corp/internal-tools'],
    ['org.policy', 'octocat-classic-push', 'acme/private-app', 'octocat-classic-push', 'strict-org/private-svc'],
    // A missing repository whose image the registry also refuses (hubot's namespace): README, repo.access "never
    // overrides an opened upload", and acme/does-not-exist would be a new package octocat may create in acme.
    ['repo.access', 'octocat-classic-push', 'acme/private-app', 'octocat-classic-push', 'hubot/does-not-exist'],
    ['repo.push', 'octocat-classic-push', 'acme/private-app', 'monalisa-classic-push', 'acme/private-app'],
    ['registry.login', 'octocat-classic-push', 'octocat/hello-world', 'octocat-classic-revoked', 'octocat/hello-world'],
    ['registry.push', 'octocat-classic-push', 'acme/private-app', 'octocat-classic-push', 'acme/legacy-app'],
  ])('%s', async (id, passLabel, passRepo, failLabel, failRepo) => {
    expect(statusOf(await json(sim, passLabel, passRepo), id)).toBe('pass');
    expect(statusOf(await json(sim, failLabel, failRepo), id)).toBe('fail');
  });

  it('token.expiry: pass far from expiry, warn within 7 days, fail once expired', async () => {
    expect(statusOf(await json(sim, 'octocat-classic-push', 'octocat/hello-world'), 'token.expiry')).toBe('pass');
    expect(statusOf(await json(sim, 'octocat-classic-expiring-soon', 'octocat/hello-world'), 'token.expiry')).toBe('warn');
    // Expired by crpat's clock, yet the skewed registry opened the upload: the registry is the ground truth, so the
    // expiry only warns; refused by the registry as well, it fails.
    expect(statusOf(await json(skewed, 'octocat-classic-expiring-soon', 'octocat/hello-world'), 'token.expiry')).toBe('warn');
    const remove = skewed.inject({ server: 'registry', method: 'POST', path: /\/blobs\/uploads\/$/, status: 401, body: { errors: [{ code: 'UNAUTHORIZED', message: GHCR_MESSAGES.unauthenticated }] } });
    try {
      expect(statusOf(await json(skewed, 'octocat-classic-expiring-soon', 'octocat/hello-world'), 'token.expiry')).toBe('fail');
    } finally {
      remove();
    }
  });
});

describe('--repo forms', () => {
  it.each([
    'octocat/hello-world',
    'https://github.com/octocat/hello-world',
    'https://github.com/octocat/hello-world.git',
    'https://github.com/octocat/hello-world/',
    'https://github.com/octocat/hello-world/tree/main',
    'https://github.com/octocat/hello-world/pkgs/container/x',
    'https://github.com/octocat/hello-world/settings',
    'github.com/octocat/hello-world',
    'git@github.com:octocat/hello-world.git',
    'ssh://git@github.com/octocat/hello-world.git',
    'git://github.com/octocat/hello-world.git',
    // GHE.com hosts are GitHub's own; an Enterprise Server host needs --api-url on it (host-trust.e2e).
    'https://octo.ghe.com/octocat/hello-world',
    'git@octo.ghe.com:octocat/hello-world.git',
    'ssh://git@ssh.github.com:443/octocat/hello-world.git',
  ])('%s', async (form) => {
    const report = await json(sim, 'octocat-classic-push', form);
    expect(report.target.repository).toBe('octocat/hello-world');
    expect(report.verdict).toBe('pass');
  });

  it.each(['', 'octocat', 'octocat/hello/world/extra', 'https://user:pw@github.com/octocat/hello-world', 'ftp://github.com/a/b', 'https://github.com/octocat/hello-world?tab=1'])(
    'refuses %j with one line and exit 2',
    async (form) => {
      const { result } = await crpat(sim, 'octocat-classic-push', form);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
    },
  );
});

describe('output and exit codes', () => {
  it('human report: verdict line first, masked token, exit 0', async () => {
    const { result } = await crpat(sim, 'octocat-classic-push', 'octocat/hello-world');
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n')[0]).toBe(`✔ This token can push to ${sim.registryHost}/octocat/hello-world`);
    expect(result.stdout).toContain('ghp_****');
  });

  it('human report of a failure names the problems and fixes, exit 1', async () => {
    const { result } = await crpat(sim, 'octocat-classic-repo-only', 'octocat/hello-world');
    expect(result.code).toBe(1);
    expect(result.stdout.split('\n')[0]).toBe(`✖ This token cannot push to ${sim.registryHost}/octocat/hello-world — 2 problems`);
    expect(result.stdout).toContain('https://github.com/settings/tokens/new?scopes=write:packages');
  });

  it('--json prints exactly one document with the contract fields', async () => {
    const { result } = await crpat(sim, 'octocat-classic-push', 'octocat/hello-world', ['--json']);
    const report = JSON.parse(result.stdout) as Report;
    expect(report).toMatchObject({
      schemaVersion: 1,
      verdict: 'pass',
      target: { repository: 'octocat/hello-world', image: `${sim.registryHost}/octocat/hello-world`, apiUrl: sim.apiUrl, registry: sim.registryHost },
      token: { kind: 'classic', login: 'octocat', scopes: ['repo', 'write:packages'] },
    });
    expect(report.checks).toHaveLength(10);
    for (const check of report.checks) expect(Object.keys(check)).toEqual(expect.arrayContaining(['id', 'status', 'summary', 'fix']));
  });

  it('exit 3 when the registry cannot be reached: inconclusive, never "bad token"', async () => {
    const token = tokenValue(sim.world, 'octocat-classic-push');
    const result = await runCli(['--repo', 'octocat/hello-world', '--api-url', sim.apiUrl, '--registry', 'http://127.0.0.1:9', '--json'], { env: { CR_PAT: token } });
    expect(result.code).toBe(3);
    const report = JSON.parse(result.stdout) as Report;
    expect(report.verdict).toBe('inconclusive');
    expect(statusOf(report, 'registry.login')).toBe('error');
  });

  it('exit 2 for --token, without echoing the value', async () => {
    const token = tokenValue(sim.world, 'octocat-classic-push');
    const result = await runCli(['--repo', 'octocat/hello-world', '--token', token]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/visible to every user/);
    expect(result.stderr + result.stdout).not.toContain(token);
  });

  it('--token-stdin trims a trailing newline', async () => {
    const token = tokenValue(sim.world, 'octocat-classic-push');
    const result = await runCli(['--repo', 'octocat/hello-world', '--api-url', sim.apiUrl, '--registry', sim.registryUrl, '--token-stdin', '--json'], { input: `  ${token}\r\n` });
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain(token);
  });

  it('exit 2 without a token and without a terminal', async () => {
    const result = await runCli(['--repo', 'octocat/hello-world', '--api-url', sim.apiUrl, '--registry', sim.registryUrl]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/CR_PAT/);
  });

  it('exit 2 without --repo and without a terminal', async () => {
    const result = await runCli(['--api-url', sim.apiUrl], { env: { CR_PAT: tokenValue(sim.world, 'octocat-classic-push') }, cwd: '/' });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--repo/);
  });
});

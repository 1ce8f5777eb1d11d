import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDefaultWorld, mintToken, type RecordedRequest, type Simulator, type SimToken, startSimulator, tokenValue, type World } from '../../src/simulator/index.js';
import type { Capability, ManyReport, Report } from '../../src/types.js';
import { CHECK_IDS } from '../../src/types.js';
import { type CliResult, runCli } from '../helpers/cli.js';

// `crpat check --for <profile>` end to end: the built binary against the simulator. The capability table for classic
// and fine-grained tokens, the fine-grained probes (and proof that none of them could have written anything), the
// overreach warning, the one-click links, and the GITHUB_TOKEN advice (issue 6). The push contract (issue 2) is
// asserted unchanged alongside.

const PERMISSIONS = ['contents', 'actions', 'deployments', 'environments'] as const;
type Grant = Record<string, 'read' | 'write'>;
const ALL_WRITE: Grant = Object.fromEntries(PERMISSIONS.map((p) => [p, 'write']));

function fineGrained(label: string, permissions: Grant): SimToken {
  return {
    label,
    value: mintToken('fine-grained', label),
    kind: 'fine-grained',
    user: 'octocat',
    expiresAt: null,
    fineGrained: { resourceOwner: 'acme', repositories: ['acme/private-app'], permissions: { metadata: 'read', ...permissions } },
  };
}

function world(): World {
  const w = createDefaultWorld();
  w.tokens.push(
    fineGrained('fg-all-write', ALL_WRITE),
    fineGrained('fg-metadata-only', {}),
    ...PERMISSIONS.map((p) => fineGrained(`fg-all-but-${p}`, { ...ALL_WRITE, [p]: 'read' })),
    { label: 'octocat-classic-risky', value: mintToken('classic', 'octocat-classic-risky'), kind: 'classic', user: 'octocat', scopes: ['write:packages', 'delete_repo', 'admin:org'], expiresAt: null },
  );
  return w;
}

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ world: world() });
});
afterAll(async () => sim.close());

/** Runs the binary with `label`'s token; returns the result and the requests this run caused on the API side. */
async function crpat(label: string, args: string[], env: Record<string, string> = {}): Promise<{ result: CliResult; api: RecordedRequest[] }> {
  const token = tokenValue(sim.world, label);
  const first = sim.requests.length;
  const result = await runCli(['--api-url', sim.apiUrl, '--registry', sim.registryUrl, ...args], { env: { CR_PAT: token, ...env } });
  expect(result.stdout).not.toContain(token);
  expect(result.stderr).not.toContain(token);
  return { result, api: sim.requests.slice(first).filter((r) => r.server === 'api') };
}

async function json(label: string, args: string[], env: Record<string, string> = {}): Promise<{ report: Report; api: RecordedRequest[] }> {
  const { result, api } = await crpat(label, [...args, '--json'], env);
  const report = JSON.parse(result.stdout) as Report;
  expect(result.code).toBe({ pass: 0, fail: 1, inconclusive: 3 }[report.verdict]);
  return { report, api };
}

const check = (report: Report, id: string) => report.checks.find((c) => c.id === id);
const needed = (caps: Capability[]) => Object.fromEntries(caps.filter((c) => c.needed).map((c) => [c.name, c.granted]));
const paths = (requests: RecordedRequest[]) => requests.map((r) => `${r.method} ${r.path.replace(/crpat-probe-[0-9a-f]{32}/, 'RANDOM')}`);

describe('the push profile (default): the contract of issue 2, plus the capability row', () => {
  it('ten checks, profile push, one capability row, no request beyond GET /user and GET /repos', async () => {
    const { report, api } = await json('octocat-classic-packages-only', ['--repo', 'octocat/hello-world']);
    expect(report.verdict).toBe('pass');
    expect(report.checks.map((c) => c.id)).toEqual([...CHECK_IDS]);
    expect(report.profile).toBe('push');
    expect(report.capabilities).toEqual([{ name: 'packages:write', needed: true, granted: true, evidence: 'scope write:packages; the registry opened an upload for the image' }]);
    expect(report.githubToken).toBeNull();
    expect(paths(api)).toEqual(['GET /user', 'GET /repos/octocat/hello-world']);
  });

  it('too much power: delete_repo and admin:org make token.scopes warn, with each risk; the verdict stays pass', async () => {
    const { report } = await json('octocat-classic-risky', ['--repo', 'octocat/hello-world']);
    expect(report.verdict).toBe('pass');
    const scopes = check(report, 'token.scopes');
    expect(scopes).toMatchObject({ status: 'warn', summary: expect.stringMatching(/^The token has write:packages, and also delete_repo, admin:org, which pushing images does not need/) });
    expect(scopes?.details).toEqual(['delete_repo: delete any repository you administer.', expect.stringMatching(/^admin:org: fully manage the organization/)]);
    expect(scopes?.fix).toContain('https://github.com/settings/tokens/new?scopes=write:packages&description=crpat%20push%3A%20octocat%2Fhello-world');
  });

  it('one click: missing scopes and renewal links come pre-filled', async () => {
    const missing = await json('octocat-classic-repo-only', ['--repo', 'octocat/hello-world']);
    expect(check(missing.report, 'token.scopes')?.fix).toContain(
      'https://github.com/settings/tokens/new?scopes=write:packages&description=crpat%20push%3A%20octocat%2Fhello-world',
    );
    const expiring = await json('octocat-classic-expiring-soon', ['--repo', 'octocat/hello-world']);
    expect(check(expiring.report, 'token.expiry')?.fix).toContain('https://github.com/settings/tokens/new?scopes=repo,write:packages&description=crpat%20push');
    const foreign = await json('octocat-classic-push', ['--repo', 'acme/legacy-app']);
    expect(check(foreign.report, 'registry.push')?.fix).toContain('https://github.com/orgs/acme/packages/container/legacy-app/settings');
  });

  it('--for nope: exit 2, one line, nothing sent', async () => {
    const { result, api } = await crpat('octocat-classic-push', ['--repo', 'acme/private-app', '--for', 'nope']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe("crpat: --for is one of push, deploy (push: push images; deploy: also a deployment's repository permissions)\n");
    expect(api).toEqual([]);
  });
});

describe('--for deploy with a classic token: from the scopes and the role, no extra request', () => {
  it('a token that has everything: pass, eleven checks, every needed row granted', async () => {
    const { report, api } = await json('octocat-classic-push', ['--repo', 'acme/private-app', '--for', 'deploy']);
    expect(report.verdict).toBe('pass');
    expect(report.checks.map((c) => c.id)).toEqual([...CHECK_IDS, 'token.capabilities']);
    expect(check(report, 'token.capabilities')?.status).toBe('pass');
    expect(report.profile).toBe('deploy');
    expect(needed(report.capabilities)).toEqual({
      'contents:write': true,
      'metadata:read': true,
      'actions:write': true,
      'deployments:write': true,
      'environments:write': true,
      'packages:write': true,
    });
    expect(report.capabilities.find((c) => c.name === 'organization_administration:write')).toMatchObject({ needed: false });
    expect(paths(api)).toEqual(['GET /user', 'GET /repos/acme/private-app']);
  });

  it('a token without repo: the push contract still passes, token.capabilities fails with the deploy scopes pre-selected', async () => {
    const { report } = await json('octocat-classic-packages-only', ['--repo', 'acme/private-app', '--for', 'deploy']);
    expect(report.verdict).toBe('fail');
    expect(report.checks.filter((c) => c.status === 'fail').map((c) => c.id)).toEqual(['token.capabilities']);
    expect(check(report, 'token.scopes')?.status).toBe('pass');
    expect(check(report, 'token.capabilities')?.fix).toBe(
      'Create a token with exactly the scopes deploy needs (repo, write:packages): https://github.com/settings/tokens/new?scopes=repo,write:packages&description=crpat%20deploy%3A%20acme%2Fprivate-app',
    );
    expect(needed(report.capabilities)).toMatchObject({ 'contents:write': false, 'actions:write': false, 'packages:write': true });
  });

  it('a read-only collaborator: the role is what to fix', async () => {
    const { report } = await json('monalisa-classic-push', ['--repo', 'acme/private-app', '--for', 'deploy']);
    expect(check(report, 'token.capabilities')?.fix).toBe('Ask an admin of acme/private-app to give monalisa the Write role (now read): https://github.com/acme/private-app/settings/access');
  });

  it('the human report: the verdict names the profile, the table lists each capability; --quiet leaves it out', async () => {
    const { result } = await crpat('octocat-classic-packages-only', ['--repo', 'acme/private-app', '--for', 'deploy']);
    expect(result.stdout.split('\n')[0]).toBe(`✖ This token can push to ${sim.registryHost}/acme/private-app, but lacks what deploy needs on acme/private-app — 1 problem`);
    expect(result.stdout).toMatch(/^Capabilities for deploy:\n {2}capability +needed +granted +evidence\n {2}contents:write +yes +no +no scope repo/m);
    const quiet = await crpat('octocat-classic-packages-only', ['--repo', 'acme/private-app', '--for', 'deploy', '--quiet']);
    expect(quiet.result.stdout).not.toContain('Capabilities');
  });

  it('several repositories: each result has its own table and token.capabilities', async () => {
    const { result } = await crpat('octocat-classic-push', ['--repo', 'acme/private-app', '--repo', 'acme/public-site', '--for', 'deploy', '--json']);
    const many = JSON.parse(result.stdout) as ManyReport;
    expect(many.verdict).toBe('pass');
    for (const report of many.results) {
      expect(report.profile).toBe('deploy');
      expect(check(report, 'token.capabilities')?.status).toBe('pass');
    }
  });
});

describe.concurrent('--for deploy with fine-grained tokens: the probes, granted and refused, and nothing written', () => {
  const POSTS = [
    'POST /repos/acme/private-app/git/blobs',
    'POST /repos/acme/private-app/actions/workflows/RANDOM.yml/dispatches',
    'POST /repos/acme/private-app/deployments',
    'POST /repos/acme/private-app/environments/RANDOM/variables',
  ];

  /** Each case on a simulator of its own, so its requests are its own. */
  async function probe(label: string): Promise<{ report: Report; api: RecordedRequest[]; before: World; after: World }> {
    const own = await startSimulator({ world: world() });
    try {
      const before = structuredClone(own.world);
      const token = tokenValue(own.world, label);
      const result = await runCli(['--repo', 'acme/private-app', '--api-url', own.apiUrl, '--registry', own.registryUrl, '--for', 'deploy', '--json'], { env: { CR_PAT: token } });
      expect(result.stdout + result.stderr).not.toContain(token);
      expect(own.openUploads()).toEqual([]);
      return { report: JSON.parse(result.stdout) as Report, api: own.requests.filter((r) => r.server === 'api'), before, after: own.world };
    } finally {
      await own.close();
    }
  }

  /** The mutating requests are exactly the four probes, each refused by the permission check, a missing target or validation. */
  function expectNothingWritten(api: RecordedRequest[], before: World, after: World): void {
    const mutating = api.filter((r) => r.method !== 'GET');
    expect(paths(mutating)).toEqual(POSTS);
    for (const r of mutating) expect([403, 404, 422], `${r.method} ${r.path}`).toContain(r.status);
    expect(after).toEqual(before);
  }

  it('every permission: all four granted (422 or 404 after the permission check); token.capabilities passes', async () => {
    const { report, api, before, after } = await probe('fg-all-write');
    expect(needed(report.capabilities)).toEqual({
      'contents:write': true,
      'metadata:read': true,
      'actions:write': true,
      'deployments:write': true,
      'environments:write': true,
      'packages:write': false,
    });
    expect(check(report, 'token.capabilities')?.status).toBe('pass');
    // The push contract for a fine-grained token is unchanged: token.scopes and registry.push fail.
    expect(report.checks.filter((c) => c.status === 'fail').map((c) => c.id)).toEqual(['token.scopes', 'registry.push']);
    expect(api.map((r) => r.status)).toEqual([200, 200, 422, 404, 422, 404]);
    expectNothingWritten(api, before, after);
  });

  it('metadata only: every write refused with 403, then the read probe, refused too', async () => {
    const { report, api, before, after } = await probe('fg-metadata-only');
    expect(needed(report.capabilities)).toMatchObject({ 'contents:write': false, 'actions:write': false, 'deployments:write': false, 'environments:write': false });
    const capabilities = check(report, 'token.capabilities');
    expect(capabilities?.status).toBe('fail');
    expect(capabilities?.fix).toContain('https://github.com/settings/personal-access-tokens/new?');
    expect(capabilities?.fix).toContain('https://github.com/settings/tokens/new?scopes=repo,write:packages&description=crpat%20deploy');
    expect(api.filter((r) => r.method === 'GET').length).toBe(2 + 4);
    expectNothingWritten(api, before, after);
  });

  it.each(PERMISSIONS)('every permission but %s write: exactly that one refused, and read access found', async (permission) => {
    const { report, api, before, after } = await probe(`fg-all-but-${permission}`);
    const want = Object.fromEntries(PERMISSIONS.map((p) => [`${p}:write`, p !== permission]));
    expect(needed(report.capabilities)).toMatchObject(want);
    const row = report.capabilities.find((c) => c.name === `${permission}:write`);
    expect(row?.evidence).toMatch(/403 Resource not accessible by personal access token.*; read access works/);
    expect(check(report, 'token.capabilities')).toMatchObject({ status: 'fail', summary: expect.stringContaining(`${permission}:write`) });
    expectNothingWritten(api, before, after);
  });
});

describe('GITHUB_TOKEN advice inside GitHub Actions', () => {
  const ACTIONS = { GITHUB_ACTIONS: 'true', GITHUB_REPOSITORY: 'acme/private-app' };

  it('the target is the workflow repository: one GET of the package, which is linked: GITHUB_TOKEN may replace the token', async () => {
    const { report, api } = await json('octocat-classic-push', ['--repo', 'acme/private-app'], ACTIONS);
    expect(report.githubToken).toMatchObject({ replaces: true, summary: expect.stringContaining('linked to acme/private-app') });
    expect(report.githubToken?.steps[0]).toContain('permissions: packages: write');
    expect(paths(api)).toEqual(['GET /user', 'GET /repos/acme/private-app', 'GET /orgs/acme/packages/container/private-app']);
    const { result } = await crpat('octocat-classic-push', ['--repo', 'acme/private-app'], ACTIONS);
    expect(result.stdout).toMatch(/^GITHUB_TOKEN with `permissions: packages: write` may replace the personal token/m);
  });

  it('a package pushed by hand and not linked: not until its Manage Actions access lists the repository', async () => {
    const { report } = await json('octocat-classic-push', ['--repo', 'acme/legacy-app'], { ...ACTIONS, GITHUB_REPOSITORY: 'acme/legacy-app' });
    expect(report.githubToken?.replaces).not.toBe(true);
  });

  it('another repository: no advice and no package read', async () => {
    const { report, api } = await json('octocat-classic-push', ['--repo', 'acme/public-site'], ACTIONS);
    expect(report.githubToken).toBeNull();
    expect(paths(api)).toEqual(['GET /user', 'GET /repos/acme/public-site']);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GHCR_MESSAGES, SCENARIOS, type Simulator, scenarioByName, startSimulator, tokenValue } from '../../src/simulator/index.js';
import type { Finding, Report } from '../../src/types.js';
import { runCli } from '../helpers/cli.js';

// Issue 10: each behaviour of the real service that public reports show (docs/github-behaviour.md), through the built
// binary against the simulator: the verdict, the exit code, and the root cause the report names.
let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator();
});
afterAll(async () => sim.close());

const EXIT = { pass: 0, fail: 1, inconclusive: 3 } as const;

// Each scenario runs once (both describes read the same report): the binary's start dominates the time.
const cache = new Map<string, Promise<Report>>();
function run(name: string, env: Record<string, string> = {}): Promise<Report> {
  const key = `${name} ${JSON.stringify(env)}`;
  if (!cache.has(key)) cache.set(key, runOnce(name, env));
  return cache.get(key)!;
}

async function runOnce(name: string, env: Record<string, string>): Promise<Report> {
  const scenario = scenarioByName(name);
  const token = tokenValue(sim.world, scenario.tokenLabel);
  const args = ['--repo', scenario.repository, ...(scenario.image ? ['--image', scenario.image] : []), '--api-url', sim.apiUrl, '--registry', sim.registryUrl, '--json'];
  const result = await runCli(args, { env: { CR_PAT: token, ...env } });
  expect(result.stdout + result.stderr).not.toContain(token);
  const report = JSON.parse(result.stdout) as Report;
  expect(result.code, result.stderr).toBe(EXIT[report.verdict]);
  return report;
}

const check = (report: Report, id: string): Finding => {
  const found = report.checks.find((c) => c.id === id);
  if (!found) throw new Error(`no ${id}`);
  return found;
};
const withStatus = (report: Report, status: Finding['status']) => report.checks.filter((c) => c.status === status).map((c) => c.id);

describe('every field-report scenario: verdict, exit code, failing and undecided checks', () => {
  it.each(SCENARIOS.filter((s) => s.ledger).map((s) => [s.name, s] as const))('%s', async (name, scenario) => {
    const report = await run(name);
    expect(report.verdict).toBe(scenario.expect.verdict);
    expect(withStatus(report, 'fail')).toEqual(scenario.expect.failing);
    expect(withStatus(report, 'error')).toEqual(scenario.expect.erroring ?? []);
    for (const id of scenario.expect.warning ?? []) expect(withStatus(report, 'warn')).toContain(id);
  });
});

describe('the root cause each report names', () => {
  it('package rights are not the repository role: a read collaborator whom the package grants Write can push', async () => {
    const report = await run('package-grant');
    expect(report.verdict).toBe('pass');
    expect(check(report, 'repo.push')).toMatchObject({ status: 'warn', summary: expect.stringMatching(/only read access .* the package grants monalisa Write directly/) });
    expect(check(report, 'registry.push').status).toBe('pass');
  });

  it('an unexplained ghcr refusal is inconclusive, quotes ghcr, points at the status page, and blames no scope', async () => {
    const report = await run('ghcr-outage');
    const push = check(report, 'registry.push');
    expect(push.summary).toContain('permission_denied: unable to connect to authzd server:');
    expect(push.summary).toMatch(/names no permission/);
    expect(push.fix).toMatch(/https:\/\/www\.githubstatus\.com.*try again/);
    for (const c of report.checks.filter((c) => c.status !== 'pass')) expect(`${c.summary} ${c.fix ?? ''}`).not.toMatch(/write:packages|lacks .*scope/);
    expect(report.capabilities[0]).toMatchObject({ name: 'packages:write', granted: null });
  });

  it('a token-service "denied" for a token GET /user accepted is never "invalid, expired or revoked"', async () => {
    const login = check(await run('token-service-denied'), 'registry.login');
    expect(login.status).toBe('error');
    expect(login.summary).toMatch(/is not invalid, expired or revoked/);
    expect(login.summary).toMatch(/single sign-on, an IP allow list, or a ghcr outage; single sign-on and an IP allow list are ruled out/);
    expect(login.summary).not.toMatch(/the token is invalid/);
  });

  it("ghcr's own failure at the token service is inconclusive too, never \"invalid, expired or revoked\"", async () => {
    // The outage's wording answered by the token service instead of the upload (docs/github-behaviour.md#ghcr-outage).
    const remove = sim.inject({ server: 'registry', path: '/token', status: 403, body: { errors: [{ code: 'DENIED', message: GHCR_MESSAGES.authzd }] } });
    try {
      const token = tokenValue(sim.world, 'octocat-classic-push');
      const result = await runCli(['--repo', 'acme/widgets', '--api-url', sim.apiUrl, '--registry', sim.registryUrl, '--json'], { env: { CR_PAT: token } });
      const report = JSON.parse(result.stdout) as Report;
      expect(result.code).toBe(3);
      const login = check(report, 'registry.login');
      expect(login).toMatchObject({ status: 'error', summary: expect.stringContaining('unable to connect to authzd server') });
      expect(login.fix).toMatch(/githubstatus\.com/);
      for (const c of report.checks) expect(`${c.summary} ${c.fix ?? ''}`).not.toMatch(/invalid, expired or revoked|lacks write:packages/);
    } finally {
      remove();
    }
  });

  it.each([
    [
      'an IP allow list refusal of the repository',
      'org.policy',
      { status: 403, body: { message: 'Although you appear to have the correct authorization credentials, the `acme` organization has an IP allow list enabled, and your IP address is not permitted to access this resource.' } },
    ],
    [
      'an SSO refusal of the repository',
      'org.sso',
      {
        status: 403,
        headers: { 'x-github-sso': 'required; url=https://github.com/orgs/acme/sso?authorization_request=A1b2C3' },
        body: { message: 'Resource protected by organization SAML enforcement. You must grant your Personal Access token access to this organization.' },
      },
    ],
  ] as const)('the registry opened the upload despite %s: exit 0, and %s only warns (the registry is the ground truth)', async (_name, id, answer) => {
    const remove = sim.inject({ server: 'api', method: 'GET', path: '/repos/acme/widgets', ...answer });
    try {
      const token = tokenValue(sim.world, 'octocat-classic-push');
      const result = await runCli(['--repo', 'acme/widgets', '--api-url', sim.apiUrl, '--registry', sim.registryUrl, '--json'], { env: { CR_PAT: token } });
      const report = JSON.parse(result.stdout) as Report;
      expect(result.code, result.stderr).toBe(0);
      expect(report.verdict).toBe('pass');
      expect(check(report, 'registry.push').status).toBe('pass');
      expect(check(report, id)).toMatchObject({ status: 'warn', summary: expect.stringMatching(/The registry opened the upload all the same/) });
    } finally {
      remove();
    }
  });

  it('a token-service "denied" while GET /user answers 503 (an outage of both) is inconclusive, never "invalid"', async () => {
    const removers = [
      sim.inject({ server: 'api', path: '/user', status: 503, body: { message: 'Service Unavailable' } }),
      sim.inject({ server: 'registry', path: '/token', status: 403, body: { errors: [{ code: 'DENIED', message: GHCR_MESSAGES.denied }] } }),
    ];
    try {
      const token = tokenValue(sim.world, 'octocat-classic-push');
      const result = await runCli(['--repo', 'acme/widgets', '--api-url', sim.apiUrl, '--registry', sim.registryUrl, '--json'], { env: { CR_PAT: token } });
      const report = JSON.parse(result.stdout) as Report;
      expect(result.code).toBe(3);
      expect(check(report, 'registry.login')).toMatchObject({ status: 'error', summary: expect.stringMatching(/did not say whether it accepts the token/) });
      for (const c of report.checks) expect(`${c.summary} ${c.fix ?? ''}`).not.toMatch(/token is invalid, expired or revoked|Create a classic token/);
    } finally {
      for (const remove of removers) remove();
    }
  });

  it('a 429 with a Go duration: crpat waits and tries once more; opened the second time', async () => {
    expect((await run('rate-limited-once')).verdict).toBe('pass');
  });

  it('a 429 that persists: inconclusive, with the wait', async () => {
    const push = check(await run('rate-limited'), 'registry.push');
    expect(push.summary).toMatch(/HTTP 429 TOOMANYREQUESTS: retry-after: 10\.305464ms.*crpat waited 11 ms as it asked and tried once more/);
  });

  it("a classic-token lifetime limit on a public repository: org.policy names it, the fix is a shorter classic token, and it is not a ban", async () => {
    const report = await run('lifetime-policy');
    const policy = check(report, 'org.policy');
    expect(policy.summary).toMatch(/timebox-org refuses personal access tokens \(classic\) with a lifetime of more than 7 days/);
    expect(policy.fix).toMatch(/^Create a classic token that expires within 7 days .*https:\/\/github\.com\/settings\/tokens\/new\?scopes=write:packages/);
    expect(policy.fix).not.toContain('https://github.com/settings/personal-access-tokens');
    const push = check(report, 'registry.push');
    expect(push.summary).toMatch(/does not ban classic tokens/);
    expect(push.summary).not.toMatch(/refuses personal access tokens \(classic\)\./);
  });

  it('an enterprise lifetime limit names the enterprise', async () => {
    expect(check(await run('lifetime-policy-enterprise'), 'org.policy').summary).toMatch(/The enterprise BigCorp Open Source .* more than 8 days/);
  });

  it('an IP allow list: names the list and the organization; the fix is about the address', async () => {
    const report = await run('ip-allow-list');
    const policy = check(report, 'org.policy');
    expect(policy.summary).toMatch(/fenced-org has an IP allow list/);
    expect(policy.fix).toMatch(/address/);
    for (const c of report.checks) expect(c.fix ?? '').not.toMatch(/settings\/access|settings\/tokens\/new/);
  });

  it('an IP allow list, from a workflow of the repository: the GITHUB_TOKEN advice says it would be refused alike', async () => {
    const advice = (await run('ip-allow-list', { GITHUB_ACTIONS: 'true', GITHUB_REPOSITORY: scenarioByName('ip-allow-list').repository })).githubToken;
    expect(advice).toMatchObject({ replaces: false, steps: [], fix: null });
    expect(advice?.summary).toMatch(/^GITHUB_TOKEN would not help here: fenced-org's IP allow list refuses this runner's address.* self-hosted runners/);
  });

  it.each([
    ['ip-allow-list', /IP allow list/, /Write role|settings\/access/],
    ['managed-user-outside-enterprise', /Enterprise Managed User/, /Write role/],
  ])('%s with --for deploy: token.capabilities is skipped, and no fix asks for a repository role', async (name, why, never) => {
    const scenario = scenarioByName(name);
    const token = tokenValue(sim.world, scenario.tokenLabel);
    const args = ['--repo', scenario.repository, '--for', 'deploy', '--api-url', sim.apiUrl, '--registry', sim.registryUrl, '--json'];
    const result = await runCli(args, { env: { CR_PAT: token } });
    const report = JSON.parse(result.stdout) as Report;
    expect(result.code).toBe(1);
    expect(check(report, 'token.capabilities')).toMatchObject({ status: 'skip', summary: expect.stringMatching(why) });
    for (const c of report.checks) expect(c.fix ?? '').not.toMatch(never);
  });

  it('SAML SSO: a fix that edits the scopes says to authorize the token again', async () => {
    const report = await run('sso-scope-edit');
    for (const id of ['token.scopes', 'registry.push']) expect(check(report, id).fix).toMatch(/drops the token's SSO authorization: authorize it again \(Configure SSO/);
  });

  it("another app's installation token: the fix is GITHUB_TOKEN or a classic token, not more app permissions", async () => {
    const push = check(await run('app-token-package-granted'), 'registry.push');
    expect(push.summary).toMatch(/app \d+, not the Actions GITHUB_TOKEN \(app 15368\)/);
    expect(push.fix).toMatch(/GITHUB_TOKEN with `permissions: packages: write`.*classic token/);
  });

  it('GITHUB_TOKEN, write_package: "Manage Actions access" with the Write role', async () => {
    const push = check(await run('github-token-package-not-granted'), 'registry.push');
    expect(push.fix).toMatch(/Write role under "Manage Actions access": https:\/\/github\.com\/orgs\/acme\/packages\/container\/hand-made\/settings/);
  });

  it('GITHUB_TOKEN without packages: write: the permissions key (or a fork)', async () => {
    const push = check(await run('github-token-read-only'), 'registry.push');
    expect(push.summary).toMatch(/pull request from a fork/);
    expect(push.fix).toMatch(/`permissions: packages: write`/);
  });

  it("GITHUB_TOKEN under another owner's namespace: names the namespace probed and whose token it is", async () => {
    const push = check(await run('github-token-other-namespace', { GITHUB_ACTIONS: 'true', GITHUB_REPOSITORY: 'acme/widgets' }), 'registry.push');
    expect(push.summary).toMatch(/only under its own repository owner's namespace, and this probe was for octocat's namespace/);
    expect(push.summary).toContain(`this token is acme/widgets's, so it may push under ${sim.registryHost}/acme/ only`);
  });

  it('a managed user in its own namespace is told why, not "push to a namespace you own"', async () => {
    const push = check(await run('managed-user-own-namespace'), 'registry.push');
    expect(push.summary).toMatch(/Enterprise Managed User/);
    expect(push.fix).not.toMatch(/namespace the user owns/);
  });

  it('the managed-user REST refusal is not "bad credentials"', async () => {
    const report = await run('managed-user-outside-enterprise');
    expect(check(report, 'token.valid').status).toBe('pass');
    expect(check(report, 'repo.access').summary).toMatch(/Enterprise Managed User/);
    // Read-only beyond its enterprise: a grant on acme's package cannot help, so registry.push does not ask for one.
    const push = check(report, 'registry.push');
    expect(push.summary).toMatch(/mona_octoent is an Enterprise Managed User, and GitHub refuses it outside its enterprise/);
    expect(push.fix).not.toMatch(/grants Write|Manage access/);
  });

  it('any ghs_[A-Za-z0-9._-]{36,} is accepted offline, whatever its dots or length', async () => {
    for (const token of [`ghs_2345678_${'a-b'.repeat(20)}`, `ghs_15368_${'x'.repeat(900)}.y`, `ghs_${'Ab1'.repeat(14)}`]) {
      const result = await runCli(['--repo', 'acme/widgets', '--api-url', sim.apiUrl, '--registry', sim.registryUrl, '--json'], { env: { CR_PAT: token } });
      const report = JSON.parse(result.stdout) as Report;
      expect(check(report, 'token.format').status).toBe('pass');
      expect(check(report, 'token.valid').status).toBe('fail'); // GitHub never issued it: the API decides, not the shape
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkToken } from '../../src/index.js';
import { createRegistryTokenSigner, type Simulator, startSimulator, tokenValue } from '../../src/simulator/index.js';
import type { Report } from '../../src/types.js';
import { type TestCerts, generateTestCerts } from '../rig/certs.js';
import { type RunningRegistry, startRegistry } from '../rig/registry.js';
import { runCli } from '../helpers/cli.js';

// The push probe against Debian's docker-registry (the CNCF distribution registry) with token auth, signed by
// the simulator's token service. Direct: distribution's own dialect (401 insufficient_scope, cancel 204).
// Front: the simulator before the same registry, answering in ghcr's dialect (403 DENIED + reason).
let certs: TestCerts;
let direct: Simulator;
let front: Simulator;
let registry: RunningRegistry;

beforeAll(async () => {
  certs = await generateTestCerts();
  const tokenSigner = createRegistryTokenSigner({ keyPem: certs.signing.keyPem, certPem: certs.signing.certPem, issuer: 'crpat-simulator', service: 'ghcr.io' });
  direct = await startSimulator({ tokenSigner });
  registry = await startRegistry({ realm: `${direct.apiUrl}/token`, rootCertPath: certs.signing.certPath });
  front = await startSimulator({ tokenSigner, registry: { mode: 'front', upstream: registry.url }, world: direct.world });
});

afterAll(async () => {
  await Promise.all([front?.close(), direct?.close()]);
  await registry?.stop();
  await certs?.remove();
});

function check(sim: Simulator, label: string, repository: string, registryUrl: string): Promise<Report> {
  return checkToken({ repository, token: tokenValue(sim.world, label), apiUrl: sim.apiUrl, registry: registryUrl });
}

const status = (report: Report, id: string) => report.checks.find((c) => c.id === id);

describe('distribution registry, its own dialect', () => {
  it('opens an upload for a token that may push, cancels it, and leaves no session behind', async () => {
    const report = await check(direct, 'octocat-classic-push', 'octocat/hello-world', registry.url);
    expect(report.verdict).toBe('pass');
    expect(status(report, 'registry.push')).toMatchObject({ status: 'pass', details: [expect.stringMatching(/cancelled its empty upload/)] });
    expect(await registry.listUploads()).toEqual([]);
  });

  it('reads 401 insufficient_scope as a refused push (ledger ghcr §7.4)', async () => {
    const report = await check(direct, 'octocat-classic-repo-only', 'octocat/hello-world', registry.url);
    expect(report.verdict).toBe('fail');
    expect(status(report, 'registry.push')).toMatchObject({ status: 'fail', summary: expect.stringContaining('HTTP 401 UNAUTHORIZED: authentication required (insufficient_scope)') });
    expect(await registry.listUploads()).toEqual([]);
  });

  it('fails registry.login when the token service refuses the credentials', async () => {
    const report = await check(direct, 'octocat-classic-revoked', 'octocat/hello-world', registry.url);
    expect(status(report, 'registry.login')).toMatchObject({ status: 'fail', summary: expect.stringContaining('HTTP 403 DENIED: denied') });
    expect(status(report, 'registry.push')?.status).toBe('skip');
  });

  it('lower-cases the image reference and says so', async () => {
    const report = await checkToken({
      repository: 'Octocat/Hello-World',
      token: tokenValue(direct.world, 'octocat-classic-push'),
      apiUrl: direct.apiUrl,
      registry: registry.url,
    });
    expect(report.target.image).toBe(`${registry.host}/octocat/hello-world`);
    expect(status(report, 'registry.push')).toMatchObject({ status: 'pass', summary: expect.stringMatching(/lower-cased from .*Octocat\/Hello-World/) });
  });
});

describe('ghcr dialect in front of the real registry', () => {
  it.each([
    ['octocat-classic-repo-only', 'octocat/hello-world', 'permission_denied: The token provided does not match expected scopes.'],
    ['octocat-classic-push', 'acme/legacy-app', 'permission_denied: write_package'],
    ['octocat-classic-push', 'hubot/dotfiles', 'permission_denied: create_package'],
  ])('%s on %s: 403 DENIED %s', async (label, repository, message) => {
    const report = await check(front, label, repository, front.registryUrl);
    expect(status(report, 'registry.push')).toMatchObject({ status: 'fail', summary: expect.stringContaining(`HTTP 403 DENIED: ${message}`) });
  });

  it('passes a token that may push, through the front to the real registry', async () => {
    const report = await check(front, 'octocat-classic-push', 'acme/private-app', front.registryUrl);
    expect(report.verdict).toBe('pass');
    expect(await registry.listUploads()).toEqual([]);
  });
});

// Issue 10: where the registry decides, the real registry decides (docs/github-behaviour.md#package-rights,
// #classic-token-lifetime-policy), through the built binary.
describe('field reports where the registry decides, through the built binary and the real registry', () => {
  async function cli(label: string, repository: string): Promise<{ code: number | null; report: Report }> {
    const token = tokenValue(front.world, label);
    const result = await runCli(['--repo', repository, '--api-url', front.apiUrl, '--registry', front.registryUrl, '--json'], { env: { CR_PAT: token } });
    expect(result.stdout + result.stderr).not.toContain(token);
    return { code: result.code, report: JSON.parse(result.stdout) as Report };
  }

  it('package-grant: the real registry opens the upload for a read collaborator whom the package grants Write; exit 0', async () => {
    const { code, report } = await cli('monalisa-classic-push', 'acme/shared-images');
    expect(code).toBe(0);
    expect(status(report, 'registry.push')?.status).toBe('pass');
    expect(status(report, 'repo.push')).toMatchObject({ status: 'warn', summary: expect.stringMatching(/package grants monalisa Write directly/) });
    expect(await registry.listUploads()).toEqual([]);
  });

  it('lifetime-policy: the real registry refuses the push; org.policy names the 7-day limit; exit 1', async () => {
    const { code, report } = await cli('octocat-classic-push', 'timebox-org/public-tool');
    expect(code).toBe(1);
    expect(report.checks.filter((c) => c.status === 'fail').map((c) => c.id)).toEqual(['org.policy', 'registry.push']);
    expect(status(report, 'org.policy')?.summary).toMatch(/more than 7 days/);
    expect(status(report, 'registry.push')?.summary).toMatch(/does not ban classic tokens/);
  });
});

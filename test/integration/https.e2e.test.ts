import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRegistryTokenSigner, type Simulator, startSimulator, tokenValue } from '../../src/simulator/index.js';
import type { Report } from '../../src/types.js';
import { runCli } from '../helpers/cli.js';
import { type TestCerts, generateTestCerts } from '../rig/certs.js';
import { type RunningRegistry, startRegistry } from '../rig/registry.js';

// HTTPS end to end, as a user with a private CA runs it: simulator and docker-registry on TLS with a CA made at
// test time, the built binary trusting it through NODE_EXTRA_CA_CERTS.
let certs: TestCerts;
let sim: Simulator;
let registry: RunningRegistry;

beforeAll(async () => {
  certs = await generateTestCerts();
  const tokenSigner = createRegistryTokenSigner({ keyPem: certs.signing.keyPem, certPem: certs.signing.certPem, issuer: 'crpat-simulator', service: 'ghcr.io' });
  const tls = { key: await readFile(certs.server.keyPath, 'utf8'), cert: await readFile(certs.server.certPath, 'utf8') };
  sim = await startSimulator({ tokenSigner, tls });
  registry = await startRegistry({
    realm: `${sim.apiUrl}/token`,
    rootCertPath: certs.signing.certPath,
    tls: { certPath: certs.server.certPath, keyPath: certs.server.keyPath },
  });
});

afterAll(async () => {
  await sim?.close();
  await registry?.stop();
  await certs?.remove();
});

function run(label: string, env: Record<string, string>) {
  const token = tokenValue(sim.world, label);
  return runCli(['--repo', 'octocat/hello-world', '--api-url', sim.apiUrl, '--registry', registry.url, '--json'], { env: { CR_PAT: token, ...env } }).then((result) => {
    expect(result.stdout + result.stderr).not.toContain(token);
    return result;
  });
}

describe('over HTTPS with a private CA', () => {
  it('uses https URLs throughout', () => {
    expect(sim.apiUrl).toMatch(/^https:/);
    expect(registry.url).toMatch(/^https:/);
  });

  it('passes with NODE_EXTRA_CA_CERTS, against the real registry', async () => {
    const result = await run('octocat-classic-push', { NODE_EXTRA_CA_CERTS: certs.ca.certPath });
    const report = JSON.parse(result.stdout) as Report;
    expect(report.verdict).toBe('pass');
    expect(result.code).toBe(0);
    expect(await registry.listUploads()).toEqual([]);
  });

  it('refuses a push the token service did not grant (401 insufficient_scope)', async () => {
    const result = await run('octocat-classic-repo-only', { NODE_EXTRA_CA_CERTS: certs.ca.certPath });
    expect(result.code).toBe(1);
    expect((JSON.parse(result.stdout) as Report).checks.find((c) => c.id === 'registry.push')?.status).toBe('fail');
  });

  it('is inconclusive, naming the certificate, without the CA', async () => {
    const result = await run('octocat-classic-push', {});
    expect(result.code).toBe(3);
    const report = JSON.parse(result.stdout) as Report;
    expect(report.checks.find((c) => c.id === 'token.valid')?.summary).toMatch(/certificate .* not trusted.*NODE_EXTRA_CA_CERTS/);
  });
});

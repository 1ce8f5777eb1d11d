import { spawnSync } from 'node:child_process';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRegistryTokenSigner, GHCR_MESSAGES, type Simulator, startSimulator } from '../../src/simulator/index.js';
import { generateTestCerts, type TestCerts } from '../rig/certs.js';
import { type RunningRegistry, startRegistry } from '../rig/registry.js';
import { postUpload, registryError, registryToken, tokenRequest } from './helpers.js';

// Front mode: /v2/* proxied to a distribution registry, refusals translated into ghcr's shape (ledger ghcr §7.4 gaps).

const hasRegistry = spawnSync('docker-registry', ['--version']).status === 0;

describe.skipIf(!hasRegistry)('front mode over a real docker-registry 2.8.2 (ledger ghcr §7)', () => {
  let certs: TestCerts;
  let registry: RunningRegistry;
  let sim: Simulator;

  beforeAll(async () => {
    certs = await generateTestCerts();
    // The realm is rewritten by the front, so a placeholder is enough here.
    registry = await startRegistry({ realm: 'http://127.0.0.1:9/token', rootCertPath: certs.signing.certPath });
    const tokenSigner = createRegistryTokenSigner({
      keyPem: certs.signing.keyPem,
      certPem: certs.signing.certPem,
      issuer: 'crpat-simulator',
      service: 'ghcr.io',
    });
    sim = await startSimulator({ registry: { mode: 'front', upstream: registry.url }, tokenSigner });
  });

  afterAll(async () => {
    await sim?.close();
    await registry?.stop();
    await certs?.remove();
  });

  it('GET /v2/ without auth: distribution\'s 401, realm rewritten to the front\'s /token', async () => {
    const res = await fetch(`${sim.registryUrl}/v2/`);
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe(`Bearer realm="${sim.registryUrl}/token",service="ghcr.io"`);
  });

  it('allowed push: 202 with Location rewritten to the front; DELETE is forwarded and really cancels (204)', async () => {
    const token = await registryToken(sim, 'octocat-classic-push', 'octocat/hello-world');
    const res = await postUpload(sim, 'octocat/hello-world', token);
    expect(res.status).toBe(202);
    const location = res.headers.get('location') ?? '';
    expect(location.startsWith(`${sim.registryUrl}/v2/octocat/hello-world/blobs/uploads/`)).toBe(true);
    expect(await registry.listUploads()).toHaveLength(1);
    expect(sim.openUploads()).toHaveLength(1);
    const cancel = await fetch(location, { method: 'DELETE', headers: { authorization: `Bearer ${token}` } });
    expect(cancel.status).toBe(204);
    expect(await registry.listUploads()).toEqual([]);
    expect(sim.openUploads()).toEqual([]);
  });

  it.each([
    ['octocat-classic-repo-only', 'octocat/hello-world', GHCR_MESSAGES.scopes],
    ['octocat-classic-push', 'acme/legacy-app', GHCR_MESSAGES.writePackage],
    ['octocat-classic-push', 'hubot/dotfiles', GHCR_MESSAGES.createPackage],
    ['octocat-fine-grained', 'acme/private-app', GHCR_MESSAGES.scopes],
  ])('401 insufficient_scope for %s on %s becomes ghcr\'s 403 DENIED with the ladder\'s reason', async (label, name, message) => {
    const res = await postUpload(sim, name, await registryToken(sim, label, name));
    expect(res.status).toBe(403);
    expect(await registryError(res)).toEqual({ code: 'DENIED', message });
    expect(await registry.listUploads()).toEqual([]);
  });

  it('the token service still refuses bad credentials with 403 denied (ledger ghcr §1.3)', async () => {
    expect((await tokenRequest(sim, 'octocat-classic-revoked', 'octocat/hello-world')).status).toBe(403);
  });
});

/** A stand-in upstream answering like distribution 2.8.2 (ledger ghcr §7.4), recording what reached it. */
function fakeDistribution(seen: { method: string; url: string; authorization: string | undefined; body: string }[]) {
  return createServer((req: IncomingMessage, res: ServerResponse) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', authorization: req.headers.authorization, body });
      const origin = `http://${req.headers.host}`;
      if (req.method === 'POST' && req.url?.includes('/refused/')) {
        res.writeHead(401, {
          'www-authenticate': `Bearer realm="http://127.0.0.1:9/token",service="ghcr.io",scope="repository:octocat/refused:pull,push",error="insufficient_scope"`,
          'content-type': 'application/json; charset=utf-8',
        });
        return res.end('{"errors":[{"code":"UNAUTHORIZED","message":"authentication required","detail":null}]}\n');
      }
      if (req.method === 'POST') {
        res.writeHead(202, { location: `${origin}/v2/octocat/hello-world/blobs/uploads/u-1?_state=abc`, 'docker-upload-uuid': 'u-1', range: '0-0', 'content-length': '0' });
        return res.end();
      }
      res.writeHead(201, { 'content-type': 'text/plain' });
      res.end('ok');
    });
  });
}

describe('front mode plumbing (stand-in upstream)', () => {
  const seen: { method: string; url: string; authorization: string | undefined; body: string }[] = [];
  const upstream = fakeDistribution(seen);
  let sim: Simulator;

  beforeAll(async () => {
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    const { port } = upstream.address() as AddressInfo;
    sim = await startSimulator({ registry: { mode: 'front', upstream: `http://127.0.0.1:${port}` }, tokenSigner: () => 'jwt' });
  });

  afterAll(async () => {
    await sim?.close();
    await new Promise((resolve) => upstream.close(resolve));
  });

  it('keeps method, path, query, Authorization and body', async () => {
    await fetch(`${sim.registryUrl}/v2/octocat/hello-world/blobs/uploads/u-1?_state=abc&digest=sha256:0`, {
      method: 'PUT',
      headers: { authorization: 'Bearer jwt' },
      body: 'layer-bytes',
    });
    expect(seen.at(-1)).toEqual({ method: 'PUT', url: '/v2/octocat/hello-world/blobs/uploads/u-1?_state=abc&digest=sha256:0', authorization: 'Bearer jwt', body: 'layer-bytes' });
  });

  it('rewrites an absolute Location into the upstream to the front', async () => {
    const res = await postUpload(sim, 'octocat/hello-world', 'jwt');
    expect(res.headers.get('location')).toBe(`${sim.registryUrl}/v2/octocat/hello-world/blobs/uploads/u-1?_state=abc`);
  });

  it('an unknown bearer refused with insufficient_scope becomes 401 unauthenticated (ledger ghcr §2)', async () => {
    const res = await postUpload(sim, 'octocat/refused', 'jwt-we-never-issued');
    expect(res.status).toBe(401);
    expect((await registryError(res)).message).toBe(GHCR_MESSAGES.unauthenticated);
  });

  it('refuses to start in front mode without a tokenSigner', async () => {
    await expect(startSimulator({ registry: { mode: 'front', upstream: 'http://127.0.0.1:9' } })).rejects.toThrow(/tokenSigner/);
  });
});

import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRegistryTokenSigner, type RegistryTokenSigner } from '../../src/simulator/registry-jwt.js';
import { generateTestCerts, type TestCerts } from './certs.js';
import { type RunningRegistry, startRegistry } from './registry.js';

// Proves the rig against the real docker-registry 2.8.2 with plain fetch; each test is named after the row of
// ledger ghcr §7.2/§7.3/§7.4 it reproduces. Tokens are signed inside tests (it.each rows hold thunks):
// the signing key only exists after beforeAll.

const REALM = 'http://127.0.0.1:5056/token';
const SERVICE = 'ghcr.io';
const ISSUER = 'crpat-simulator';
const REPO = 'octo-org/my-app';
const UPLOADS = `/v2/${REPO}/blobs/uploads/`;
const UNAUTHORIZED = expect.objectContaining({
  errors: [expect.objectContaining({ code: 'UNAUTHORIZED', message: 'authentication required' })],
});

let certs: TestCerts;
let sign: RegistryTokenSigner;

beforeAll(async () => {
  certs = await generateTestCerts();
  sign = signerWith({});
});

afterAll(async () => {
  await certs?.remove();
});

function signerWith(overrides: { issuer?: string; service?: string; now?: () => number; ttlSeconds?: number }) {
  return createRegistryTokenSigner({
    keyPem: certs.signing.keyPem,
    certPem: certs.signing.certPem,
    issuer: ISSUER,
    service: SERVICE,
    ...overrides,
  });
}

/** A token for `actions` on `name` (no access entry when `actions` is empty). */
function token(actions: string[], name = REPO, signer = sign): string {
  return signer({ sub: 'octocat', access: actions.length ? [{ type: 'repository', name, actions }] : [] });
}

function bearer(jwt: string): { authorization: string } {
  return { authorization: `Bearer ${jwt}` };
}

describe('startRegistry', () => {
  it('a missing binary fails loudly with the install command (registry tests never skip)', async () => {
    const binary = 'crpat-no-such-registry';
    const start = startRegistry({ realm: REALM, rootCertPath: certs.signing.certPath, binary });
    await expect(start).rejects.toThrow(/apt-get install docker-registry/);
  });
});

describe('docker-registry over HTTP', () => {
  let registry: RunningRegistry;

  beforeAll(async () => {
    registry = await startRegistry({ realm: REALM, rootCertPath: certs.signing.certPath });
  });

  afterAll(async () => {
    await registry?.stop();
  });

  /** Opens an upload session with a pull,push token; returns its absolute Location. */
  async function openUpload(): Promise<string> {
    const res = await fetch(`${registry.url}${UPLOADS}`, { method: 'POST', headers: bearer(token(['pull', 'push'])) });
    expect(res.status).toBe(202);
    return new URL(res.headers.get('location') ?? '', registry.url).href;
  }

  /** Cancels a session so later tests start from an empty `_uploads`. */
  async function cancel(location: string): Promise<void> {
    const res = await fetch(location, { method: 'DELETE', headers: bearer(token(['pull', 'push', 'delete'])) });
    expect(res.status).toBe(204);
  }

  it('§7.4 GET /v2/ no auth → 401, Bearer challenge with our realm and service, UNAUTHORIZED body', async () => {
    const res = await fetch(`${registry.url}/v2/`);
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe(`Bearer realm="${REALM}",service="${SERVICE}"`);
    expect(res.headers.get('docker-distribution-api-version')).toBe('registry/2.0');
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await res.json()).toEqual({
      errors: [{ code: 'UNAUTHORIZED', message: 'authentication required', detail: null }],
    });
  });

  it('§7.4 GET /v2/ valid token, empty access → 200 {}', async () => {
    const res = await fetch(`${registry.url}/v2/`, { headers: bearer(token([])) });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({});
  });

  it('§7.4 POST blobs/uploads/ no auth → 401, challenge scope repository:<name>:pull,push', async () => {
    const res = await fetch(`${registry.url}${UPLOADS}`, { method: 'POST' });
    expect(res.status).toBe(401);
    expect(challenge(res.headers.get('www-authenticate'))).toEqual({
      realm: REALM,
      service: SERVICE,
      scope: `repository:${REPO}:pull,push`,
    });
  });

  it('§7.4 POST blobs/uploads/ token pull,push → 202, absolute Location, Upload-UUID, Range 0-0', async () => {
    const res = await fetch(`${registry.url}${UPLOADS}`, { method: 'POST', headers: bearer(token(['pull', 'push'])) });
    expect(res.status).toBe(202);
    const uuid = res.headers.get('docker-upload-uuid') ?? '';
    expect(uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    const location = res.headers.get('location') ?? '';
    expect(location.startsWith(`${registry.url}${UPLOADS}${uuid}?_state=`)).toBe(true);
    expect(res.headers.get('range')).toBe('0-0');
    expect(res.headers.get('content-length')).toBe('0');
    expect(await registry.listUploads()).toEqual([`${REPO}/_uploads/${uuid}`]);
    await cancel(location);
  });

  it.each([
    ['pull only', () => token(['pull'])],
    ['push only', () => token(['push'])],
    ['empty access', () => token([])],
    ['pull,push on another repo', () => token(['pull', 'push'], 'octo-org/other')],
  ])('§7.4 POST blobs/uploads/ token %s → 401 insufficient_scope', async (_, makeToken) => {
    const res = await fetch(`${registry.url}${UPLOADS}`, { method: 'POST', headers: bearer(makeToken()) });
    expect(res.status).toBe(401);
    expect(challenge(res.headers.get('www-authenticate'))).toEqual({
      realm: REALM,
      service: SERVICE,
      scope: `repository:${REPO}:pull,push`,
      error: 'insufficient_scope',
    });
    expect(await res.json()).toEqual(UNAUTHORIZED);
  });

  it('§7.3/§7.4 DELETE <location> with pull,push → 401 insufficient_scope (delete); session stays', async () => {
    const location = await openUpload();
    const uuid = new URL(location).pathname.split('/').pop();
    const res = await fetch(location, { method: 'DELETE', headers: bearer(token(['pull', 'push'])) });
    expect(res.status).toBe(401);
    expect(challenge(res.headers.get('www-authenticate'))).toEqual({
      realm: REALM,
      service: SERVICE,
      scope: `repository:${REPO}:delete`,
      error: 'insufficient_scope',
    });
    expect(await registry.listUploads()).toEqual([`${REPO}/_uploads/${uuid}`]);
    await cancel(location);
  });

  it('§7.4 DELETE <location> with pull,push,delete → 204, session gone; again → 404 BLOB_UPLOAD_UNKNOWN', async () => {
    const location = await openUpload();
    const uuid = new URL(location).pathname.split('/').pop();
    const all = bearer(token(['pull', 'push', 'delete']));
    const res = await fetch(location, { method: 'DELETE', headers: all });
    expect(res.status).toBe(204);
    expect(res.headers.get('docker-upload-uuid')).toBe(uuid);
    expect(await registry.listUploads()).toEqual([]);

    const again = await fetch(location, { method: 'DELETE', headers: all });
    expect(again.status).toBe(404);
    expect(await again.json()).toEqual({
      errors: [{ code: 'BLOB_UPLOAD_UNKNOWN', message: 'blob upload unknown to registry', detail: {} }],
    });
  });

  it.each([
    ['wrong iss', () => token(['pull', 'push'], REPO, signerWith({ issuer: 'someone-else' }))],
    ['wrong aud', () => token(['pull', 'push'], REPO, signerWith({ service: 'registry.example' }))],
    [
      'expired > 60 s',
      () => token(['pull', 'push'], REPO, signerWith({ now: () => Date.now() - 10 * 60_000, ttlSeconds: 60 })),
    ],
    ['garbage token', () => 'not-a-jwt'],
    ['2-part token', () => token(['pull', 'push']).split('.').slice(0, 2).join('.')],
    ['payload swapped under a valid signature', () => swapPayload(token(['pull']), token(['pull', 'push']))],
  ])('§7.2/§7.4 %s → 401 invalid_token', async (_, makeToken) => {
    const res = await fetch(`${registry.url}${UPLOADS}`, { method: 'POST', headers: bearer(makeToken()) });
    expect(res.status).toBe(401);
    expect(challenge(res.headers.get('www-authenticate'))).toEqual({
      realm: REALM,
      service: SERVICE,
      scope: `repository:${REPO}:pull,push`,
      error: 'invalid_token',
    });
    expect(await res.json()).toEqual(UNAUTHORIZED);
  });

  it('§7.2 expired by less than the 60 s leeway → still accepted', async () => {
    const lenient = signerWith({ now: () => Date.now() - 90_000, ttlSeconds: 60 });
    const res = await fetch(`${registry.url}/v2/`, { headers: bearer(token([], REPO, lenient)) });
    expect(res.status).toBe(200);
  });
});

describe('docker-registry over HTTPS with the throwaway CA', () => {
  let registry: RunningRegistry;

  beforeAll(async () => {
    registry = await startRegistry({
      realm: REALM,
      rootCertPath: certs.signing.certPath,
      tls: { certPath: certs.server.certPath, keyPath: certs.server.keyPath },
    });
  });

  afterAll(async () => {
    await registry?.stop();
  });

  /** fetch in a child node that trusts the throwaway CA through NODE_EXTRA_CA_CERTS. */
  const httpsFetch = (url: string, init: RequestInit = {}) => fetchInChild(url, init, certs.ca.certPath);

  it('§7.4 GET /v2/ no auth → 401 with our realm (fetch trusts the CA via NODE_EXTRA_CA_CERTS)', async () => {
    const res = await httpsFetch(`${registry.url}/v2/`);
    expect(res.status).toBe(401);
    expect(res.headers['www-authenticate']).toBe(`Bearer realm="${REALM}",service="${SERVICE}"`);
  });

  it('§7.4 POST pull,push → 202, https Location; DELETE with delete → 204 (localhost matches the SAN)', async () => {
    const base = `https://localhost:${registry.port}`;
    const opened = await httpsFetch(`${base}${UPLOADS}`, { method: 'POST', headers: bearer(token(['pull', 'push'])) });
    expect(opened.status).toBe(202);
    const location = opened.headers['location'] ?? '';
    expect(location.startsWith(`${base}${UPLOADS}`)).toBe(true);

    const pullPush = await httpsFetch(location, { method: 'DELETE', headers: bearer(token(['pull', 'push'])) });
    expect(pullPush.status).toBe(401);
    const all = await httpsFetch(location, { method: 'DELETE', headers: bearer(token(['pull', 'push', 'delete'])) });
    expect(all.status).toBe(204);
    expect(await registry.listUploads()).toEqual([]);
  });

  it('§7.4 POST pull only → 401 insufficient_scope over HTTPS', async () => {
    const res = await httpsFetch(`${registry.url}${UPLOADS}`, { method: 'POST', headers: bearer(token(['pull'])) });
    expect(res.status).toBe(401);
    expect(challenge(res.headers['www-authenticate'])).toEqual({
      realm: REALM,
      service: SERVICE,
      scope: `repository:${REPO}:pull,push`,
      error: 'insufficient_scope',
    });
  });

  it('without the CA, fetch refuses the certificate (so the CA is what makes HTTPS work)', async () => {
    const res = await fetchInChild(`${registry.url}/v2/`, {}, undefined);
    expect(res.error).toMatch(/^UNABLE_TO_VERIFY_LEAF_SIGNATURE: /);
  });
});

/**
 * The Bearer challenge's parameters, with the actions of each scope sorted: 2.8.2 builds them from a Go map, so
 * `pull,push` and `push,pull` both occur (ledger github-api §7.4 saw it on mount; it happens on plain POSTs too).
 */
function challenge(header: string | null | undefined): Record<string, string> {
  expect(header).toMatch(/^Bearer /);
  const params: Record<string, string> = {};
  for (const [, name = '', value = ''] of (header ?? '').matchAll(/(\w+)="([^"]*)"/g)) params[name] = value;
  if (params['scope'] !== undefined) params['scope'] = params['scope'].split(' ').map(sortActions).join(' ');
  return params;
}

/** `repository:a/b:push,pull` → `repository:a/b:pull,push`; the name may contain ':' (host port), actions cannot. */
function sortActions(scope: string): string {
  const cut = scope.lastIndexOf(':');
  return `${scope.slice(0, cut)}:${scope.slice(cut + 1).split(',').sort().join(',')}`;
}

/** Keeps header and signature of `signed`, takes the payload of `other`. */
function swapPayload(signed: string, other: string): string {
  const [header, , signature] = signed.split('.');
  return `${header}.${other.split('.')[1]}.${signature}`;
}

interface ChildResponse {
  status?: number;
  headers: Record<string, string>;
  body?: string;
  error?: string;
}

const FETCH_SCRIPT = `
const [url, init] = JSON.parse(process.argv[1]);
try {
  const res = await fetch(url, init);
  console.log(JSON.stringify({ status: res.status, headers: Object.fromEntries(res.headers), body: await res.text() }));
} catch (error) {
  const cause = error.cause ?? error;
  console.log(JSON.stringify({ headers: {}, error: \`\${cause.code}: \${cause.message}\` }));
}`;

const execFileAsync = promisify(execFile);

/**
 * Runs one fetch in a child node so `NODE_EXTRA_CA_CERTS` (read only at startup) applies, the way crpat's own
 * HTTPS tests point Node at the CA.
 */
async function fetchInChild(url: string, init: RequestInit, caPath: string | undefined): Promise<ChildResponse> {
  const env = { ...process.env };
  delete env['NODE_EXTRA_CA_CERTS'];
  if (caPath !== undefined) env['NODE_EXTRA_CA_CERTS'] = caPath;
  const { stdout } = await execFileAsync(
    process.execPath,
    ['--input-type=module', '-e', FETCH_SCRIPT, JSON.stringify([url, init])],
    { env },
  );
  return JSON.parse(stdout) as ChildResponse;
}

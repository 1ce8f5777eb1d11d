import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Ajv } from 'ajv';
import formats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { assessCapabilities } from '../../src/capabilities/assess.js';
import type { Answer } from '../../src/evidence/answer.js';
import { readRepo } from '../../src/evidence/repo.js';
import { PROFILES } from '../../src/capabilities/profiles.js';
import type { ProbeRequest } from '../../src/capabilities/run-probes.js';
import type { Capability } from '../../src/capabilities/capability.js';
import { packageEvidence, packageLookupPath } from '../../src/evidence/package.js';
import { createDefaultWorld, type Simulator, type SimToken, tokenValue, type World } from '../../src/simulator/index.js';
import { mintToken } from '../../src/simulator/tokens.js';
import { useSimulator } from './helpers.js';

// The capability probes against the simulator: for a fine-grained token with and without each permission, the probe
// runner must read the grant back exactly, and no probe may change anything (ledger github-api §3, §10; probes.ts).

type Grant = Record<string, 'read' | 'write'>;

const FG = (label: string, permissions: Grant, rest: Partial<SimToken> = {}, user = 'octocat'): SimToken => ({
  label,
  value: mintToken('fine-grained', label),
  kind: 'fine-grained',
  user,
  createdAt: new Date('2026-01-01T00:00:00Z'),
  expiresAt: null,
  fineGrained: { resourceOwner: 'acme', repositories: ['acme/private-app'], permissions: { metadata: 'read', ...permissions } },
  ...rest,
});

const PERMISSIONS = ['contents', 'actions', 'deployments', 'environments'] as const;
const ALL_WRITE: Grant = Object.fromEntries(PERMISSIONS.map((p) => [p, 'write']));

function probeWorld(): World {
  const world = createDefaultWorld({ now: new Date('2026-06-01T00:00:00Z') });
  world.tokens.push(
    FG('fg-all-write', ALL_WRITE),
    FG('fg-metadata-only', {}),
    FG('fg-all-read', Object.fromEntries(PERMISSIONS.map((p) => [p, 'read']))),
    ...PERMISSIONS.map((p) => FG(`fg-only-${p}`, { [p]: 'write' })),
    ...PERMISSIONS.map((p) => FG(`fg-all-but-${p}`, { ...ALL_WRITE, [p]: 'read' })),
    FG('fg-pending', ALL_WRITE, { fineGrained: { resourceOwner: 'acme', repositories: 'all', permissions: ALL_WRITE, pendingApproval: true } }),
    FG('monalisa-fg-all-write', ALL_WRITE, {}, 'monalisa'),
    {
      label: 'hubot-classic-read-packages',
      value: mintToken('classic', 'hubot-classic-read-packages'),
      kind: 'classic',
      user: 'hubot',
      scopes: ['read:packages'],
      expiresAt: null,
    },
  );
  return world;
}

interface Sent {
  method: string;
  path: string;
  status: number;
  message: string | null;
}

/** The request function the lead's client would provide: the API base URL, the token, JSON in and out. */
function requestFor(sim: Simulator, label: string, sent: Sent[]): ProbeRequest {
  return async (method, path, body) => {
    const res = await fetch(`${sim.apiUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${tokenValue(sim.world, label)}`,
        'user-agent': 'crpat-test',
        'x-github-api-version': '2022-11-28',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    const parsed: unknown = text === '' ? null : JSON.parse(text);
    const message = typeof parsed === 'object' && parsed !== null && 'message' in parsed ? String((parsed as { message: unknown }).message) : null;
    sent.push({ method, path, status: res.status, message });
    return { status: res.status, headers: res.headers, body: parsed } satisfies Answer;
  };
}

async function assess(sim: Simulator, label: string, repo = 'private-app') {
  const sent: Sent[] = [];
  const request = requestFor(sim, label, sent);
  const repoAnswer = await request('GET', `/repos/acme/${repo}`);
  sent.length = 0; // only the probes below
  const result = await assessCapabilities(
    {
      profile: PROFILES.deploy,
      tokenKind: 'fine-grained',
      target: { owner: 'acme', repo },
      scopes: null,
      repo: readRepo({ kind: 'response', ...repoAnswer, requestId: null }),
      registry: { kind: 'unknown', reason: 'not run in this test' },
    },
    { request, pause: async () => {} },
  );
  return { ...result, sent };
}

const granted = (caps: Capability[]) => Object.fromEntries(caps.filter((c) => c.needed).map((c) => [c.name, c.granted]));

/** Every mutating request was refused by the permission check, the target lookup or validation: nothing written. */
function expectNothingWritable(sent: Sent[]): void {
  const mutating = sent.filter((s) => s.method !== 'GET');
  for (const s of mutating) {
    expect([403, 404, 422], `${s.method} ${s.path}`).toContain(s.status);
    expect(s.message).toMatch(/^(Resource not accessible by personal access token|Not Found|Invalid request\.\n\n"[a-z_]+" wasn't supplied\.)$/);
  }
}

describe('capability probes against the simulator (fine-grained tokens, deploy profile)', () => {
  const sim = useSimulator({ world: probeWorld(), now: () => new Date('2026-06-01T00:00:00Z') });

  it('all four write permissions: all granted, four requests, each refused by validation or a missing target', async () => {
    const before = structuredClone(sim().world);
    const { capabilities, sent } = await assess(sim(), 'fg-all-write');
    expect(granted(capabilities)).toEqual({
      'contents:write': true,
      'metadata:read': true,
      'actions:write': true,
      'deployments:write': true,
      'environments:write': true,
      'packages:write': false,
    });
    expect(sent.map((s) => `${s.method} ${s.status}`)).toEqual(['POST 422', 'POST 404', 'POST 422', 'POST 404']);
    expectNothingWritable(sent);
    expect(sim().world).toEqual(before);
  });

  it('metadata only: every write denied with GitHub\'s 403, every read denied too (private repository)', async () => {
    const { capabilities, sent } = await assess(sim(), 'fg-metadata-only');
    expect(granted(capabilities)).toMatchObject({ 'contents:write': false, 'actions:write': false, 'deployments:write': false, 'environments:write': false });
    expect(sent.map((s) => `${s.method} ${s.status}`)).toEqual(['POST 403', 'GET 403', 'POST 403', 'GET 403', 'POST 403', 'GET 403', 'POST 403', 'GET 403']);
    expect(capabilities.find((c) => c.name === 'contents:write')?.evidence).toMatch(/X-Accepted-GitHub-Permissions: contents=write; no read access either/);
    expectNothingWritable(sent);
  });

  it('read-only grants: writes denied, reads work', async () => {
    const { capabilities, sent } = await assess(sim(), 'fg-all-read');
    for (const name of ['contents:write', 'actions:write', 'deployments:write', 'environments:write']) {
      expect(capabilities.find((c) => c.name === name)).toMatchObject({ granted: false, evidence: expect.stringContaining('read access works') });
    }
    expectNothingWritable(sent);
  });

  it.each(PERMISSIONS)('only %s write: exactly that capability granted', async (permission) => {
    const before = structuredClone(sim().world);
    const { capabilities, sent } = await assess(sim(), `fg-only-${permission}`);
    const want = Object.fromEntries(PERMISSIONS.map((p) => [`${p}:write`, p === permission]));
    expect(granted(capabilities)).toMatchObject(want);
    expectNothingWritable(sent);
    expect(sim().world).toEqual(before);
  });

  it.each(PERMISSIONS)('everything but %s write: exactly that capability refused', async (permission) => {
    const { capabilities, sent } = await assess(sim(), `fg-all-but-${permission}`);
    const want = Object.fromEntries(PERMISSIONS.map((p) => [`${p}:write`, p !== permission]));
    expect(granted(capabilities)).toMatchObject(want);
    expectNothingWritable(sent);
  });

  it('pending approval: the private repository is invisible, nothing is probed (ledger github-api §4.2)', async () => {
    const { capabilities, sent } = await assess(sim(), 'fg-pending');
    expect(sent).toEqual([]);
    expect(capabilities.find((c) => c.name === 'metadata:read')).toMatchObject({ granted: false, evidence: expect.stringContaining('404') });
  });

  it('a public repository outside the token\'s selection: readable, not writable', async () => {
    const { capabilities, sent } = await assess(sim(), 'fg-all-write', 'public-site');
    expect(granted(capabilities)).toMatchObject({ 'metadata:read': true, 'contents:write': false, 'actions:write': false, 'deployments:write': false });
    expectNothingWritable(sent);
  });

  it('the user\'s role caps the token: monalisa (read) gets no write, and no probe is sent', async () => {
    const { capabilities, sent } = await assess(sim(), 'monalisa-fg-all-write');
    expect(sent).toEqual([]);
    expect(capabilities.find((c) => c.name === 'contents:write')).toMatchObject({ granted: false, evidence: expect.stringContaining('role read') });
  });

  it('no probe left anything behind: no upload, no secret, and the recorded mutating requests match those sent', () => {
    expect(sim().openUploads()).toEqual([]);
    const posts = sim().requests.filter((r) => r.server === 'api' && r.method === 'POST');
    expect(posts.length).toBeGreaterThan(0);
    expect(posts.every((r) => /\/(git\/blobs|dispatches|deployments|variables)$/.test(r.path))).toBe(true);
  });
});

describe('probe endpoints: bodies and refusals', () => {
  const sim = useSimulator({ world: probeWorld(), now: () => new Date('2026-06-01T00:00:00Z') });
  const call = (label: string | null, method: string, path: string, body?: unknown) =>
    fetch(`${sim().apiUrl}${path}`, {
      method,
      headers: { 'user-agent': 'crpat-test', ...(label ? { authorization: `Bearer ${tokenValue(sim().world, label)}` } : {}) },
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });

  it('403 carries GitHub\'s envelope and X-Accepted-GitHub-Permissions (ledger github-api §2.3, §10)', async () => {
    const res = await call('fg-metadata-only', 'POST', '/repos/acme/private-app/deployments', {});
    expect(res.status).toBe(403);
    expect(res.headers.get('x-accepted-github-permissions')).toBe('deployments=write');
    expect(await res.json()).toEqual({
      message: 'Resource not accessible by personal access token',
      documentation_url: 'https://docs.github.com/rest/deployments/deployments#create-a-deployment',
      status: '403',
    });
  });

  it('422 names the missing field; malformed JSON is 400; anonymous writes 401', async () => {
    const res = await call('fg-all-write', 'POST', '/repos/acme/private-app/git/blobs', {});
    expect(await res.json()).toEqual({ message: 'Invalid request.\n\n"content" wasn\'t supplied.', documentation_url: 'https://docs.github.com/rest/git/blobs#create-a-blob', status: '422' });
    expect((await call('fg-all-write', 'POST', '/repos/acme/private-app/deployments', '{nope')).status).toBe(400);
    expect((await call(null, 'POST', '/repos/acme/public-site/deployments', {})).status).toBe(401);
  });

  it('a body that would validate is never written: the simulator answers 501', async () => {
    expect((await call('fg-all-write', 'POST', '/repos/acme/private-app/git/blobs', { content: 'x' })).status).toBe(501);
    expect((await call('fg-all-write', 'POST', '/repos/acme/private-app/deployments', { ref: 'main' })).status).toBe(501);
  });

  it('classic tokens: scope and role decide; a private repository without repo scope is 404', async () => {
    expect((await call('octocat-classic-push', 'POST', '/repos/acme/private-app/deployments', {})).status).toBe(422);
    expect((await call('octocat-classic-packages-only', 'POST', '/repos/acme/private-app/deployments', {})).status).toBe(404);
    expect((await call('monalisa-classic-push', 'POST', '/repos/acme/private-app/deployments', {})).status).toBe(404);
  });

  it('SSO and org policies answer as GET /repos does (ledger github-api §4)', async () => {
    const sso = await call('octocat-classic-push', 'POST', '/repos/sso-corp/internal-tools/deployments', {});
    expect(sso.status).toBe(403);
    expect(sso.headers.get('x-github-sso')).toMatch(/^required; url=https:\/\/github\.com\/orgs\/sso-corp\/sso\?authorization_request=/);
  });
});

describe('packages API (ledger ghcr §5) and the package evidence', () => {
  const sim = useSimulator({ world: probeWorld(), now: () => new Date('2026-06-01T00:00:00Z') });
  const get = (label: string, path: string) =>
    fetch(`${sim().apiUrl}${path}`, { headers: { 'user-agent': 'crpat-test', authorization: `Bearer ${tokenValue(sim().world, label)}` } });
  const toAnswer = async (res: Response): Promise<Answer> => ({ status: res.status, headers: res.headers, body: await res.json() });

  const specPath = join(dirname(createRequire(import.meta.url).resolve('@octokit/openapi/package.json')), 'generated', 'api.github.com.json');
  const spec = JSON.parse(readFileSync(specPath, 'utf8')) as { components: Record<string, unknown> };
  const ajv = new Ajv({ strict: false, allErrors: true });
  formats.default(ajv);
  ajv.addSchema({ $id: 'https://api.github.com/openapi.json', components: spec.components });
  const validatePackage = ajv.compile({ $ref: 'https://api.github.com/openapi.json#/components/schemas/package' });

  it('a linked package: 200, a valid `package` body, repository = the linked repository', async () => {
    const res = await get('octocat-classic-push', packageLookupPath('acme/private-app', true, 'octocat'));
    expect(res.status).toBe(200);
    const answer = await toAnswer(res);
    expect(validatePackage(answer.body), ajv.errorsText(validatePackage.errors)).toBe(true);
    expect(packageEvidence(answer)).toEqual({ kind: 'exists', linkedRepository: 'acme/private-app', visibility: 'private' });
  });

  it('a package pushed by hand (not linked): repository null', async () => {
    const answer = await toAnswer(await get('hubot-classic-read-packages', '/orgs/acme/packages/container/legacy-app'));
    expect(validatePackage(answer.body)).toBe(true);
    expect(packageEvidence(answer)).toEqual({ kind: 'exists', linkedRepository: null, visibility: 'private' });
  });

  it('absent, or not visible to the caller: 404 `Package not found.`', async () => {
    for (const [label, path] of [
      ['octocat-classic-push', '/orgs/acme/packages/container/nothing-here'],
      ['octocat-classic-push', '/orgs/acme/packages/container/legacy-app'],
    ] as const) {
      const res = await get(label, path);
      expect(res.status).toBe(404);
      expect(await res.json()).toMatchObject({ message: 'Package not found.' });
    }
  });

  it('without read:packages: 403 with GitHub\'s message', async () => {
    const res = await get('octocat-classic-repo-only', '/orgs/acme/packages/container/private-app');
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ message: 'You need at least read:packages scope to get a package.' });
  });
});

import { describe, expect, it } from 'vitest';
import { GHCR_MESSAGES } from '../../src/simulator/index.js';
import { basic, postUpload, registryError, registryToken, tokenRequest, useSimulator } from './helpers.js';

describe('ghcr /v2/ (ledger ghcr §1.1)', () => {
  const sim = useSimulator();

  it('GET /v2/ without auth: 401, placeholder challenge, exact UNAUTHORIZED body + newline, ghcr headers (ledger ghcr §1.1)', async () => {
    const res = await fetch(`${sim().registryUrl}/v2/`);
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe(
      `Bearer realm="${sim().registryUrl}/token",service="ghcr.io",scope="repository:user/image:pull"`,
    );
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(res.headers.get('docker-distribution-api-version')).toBe('registry/2.0');
    expect(res.headers.get('x-github-request-id')).toMatch(/^[0-9A-F:]+$/);
    const text = await res.text();
    expect(text).toBe('{"errors":[{"code":"UNAUTHORIZED","message":"authentication required"}]}\n');
    expect(res.headers.get('content-length')).toBe('73');
  });

  it('GET /v2/ with a token from the token service: 200', async () => {
    const token = await registryToken(sim(), 'octocat-classic-push', 'octocat/hello-world');
    expect((await fetch(`${sim().registryUrl}/v2/`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
  });

  it('Basic straight to /v2/: DENIED invalid token (ledger ghcr §1.4, §9.4)', async () => {
    const res = await fetch(`${sim().registryUrl}/v2/`, { headers: { authorization: basic('x') } });
    expect(await registryError(res)).toEqual({ code: 'DENIED', message: 'invalid token' });
  });
});

describe('POST /v2/<name>/blobs/uploads/ decision ladder (ledger ghcr §2, §3.2, §8)', () => {
  const sim = useSimulator();

  it('allowed push: 202, relative Location /v2/<name>/blobs/uploads/<uuid>, Docker-Upload-UUID, Range 0-0, Content-Length 0 (ledger ghcr §3.2, §7.4)', async () => {
    const res = await postUpload(sim(), 'octocat/hello-world', await registryToken(sim(), 'octocat-classic-push', 'octocat/hello-world'));
    expect(res.status).toBe(202);
    const uuid = res.headers.get('docker-upload-uuid') ?? '';
    expect(uuid).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.headers.get('location')).toBe(`/v2/octocat/hello-world/blobs/uploads/${uuid}`);
    expect(res.headers.get('range')).toBe('0-0');
    expect(res.headers.get('content-length')).toBe('0');
  });

  it.each([
    ['classic PAT without write:packages', 'octocat-classic-repo-only', 'octocat/hello-world', GHCR_MESSAGES.scopes],
    ['OAuth token without write:packages', 'octocat-oauth-gh-cli', 'octocat/hello-world', GHCR_MESSAGES.scopes],
    ['fine-grained PAT', 'octocat-fine-grained', 'acme/private-app', 'permission_denied: The token provided does not match expected scopes.'],
    ['existing package, no write role', 'octocat-classic-push', 'acme/legacy-app', 'permission_denied: write_package'],
    ['existing package inheriting a read role', 'monalisa-classic-push', 'acme/private-app', 'permission_denied: write_package'],
    ["another user's namespace", 'octocat-classic-push', 'hubot/dotfiles', 'permission_denied: create_package'],
    ['org the user is not a member of', 'monalisa-classic-push', 'sso-corp/anything', 'permission_denied: create_package'],
    [
      'org forbids classic PATs',
      'octocat-classic-push',
      'strict-org/private-svc',
      'permission_denied: `strict-org` forbids access via a personal access token (classic). Please use a GitHub App, OAuth App, or a personal access token with fine-grained permissions.',
    ],
    ['SSO not authorized ([inferred] message)', 'octocat-classic-push', 'sso-corp/internal-tools', 'denied'],
    ['app installation creating an org package', 'acme-app-installation', 'acme/widgets', 'permission_denied: installation not allowed to Create organization package'],
    ['app installation writing an existing package', 'acme-app-installation', 'acme/legacy-app', 'permission_denied: installation not allowed to Write organization package'],
    // docs/github-behaviour.md: another app is refused even where the package lists its repository under Actions access
    ['app installation on a package granted to its repository', 'acme-app-installation', 'acme/app-built', 'permission_denied: installation not allowed to Write organization package'],
    ['GITHUB_TOKEN on a package not granted to its repository', 'acme-widgets-github-token', 'acme/hand-made', 'permission_denied: write_package'],
    ['GITHUB_TOKEN without packages: write, new package', 'acme-widgets-github-token-read-only', 'acme/widgets', 'installation not allowed to Create organization package'],
    ['GITHUB_TOKEN without packages: write, existing package', 'acme-widgets-github-token-read-only', 'acme/app-built', 'installation not allowed to Write organization package'],
    ["GITHUB_TOKEN under another owner's namespace", 'acme-widgets-github-token', 'octocat/hello-world', 'permission_denied: The requested installation does not exist.'],
    ['classic token over the lifetime limit, public repository', 'octocat-classic-push', 'timebox-org/public-tool', "permission_denied: The 'timebox-org' organization forbids access via a personal access tokens (classic) if the token's lifetime is greater than 7 days."],
    ['managed user in its own namespace', 'mona-managed-classic-push', 'mona_octoent/tools', 'permission_denied: create_package'],
  ])('%s: 403 DENIED with its reason', async (_, label, name, message) => {
    const res = await postUpload(sim(), name, await registryToken(sim(), label, name));
    expect(res.status).toBe(403);
    expect(await res.text()).toBe(`${JSON.stringify({ errors: [{ code: 'DENIED', message }] })}\n`);
  });

  it.each([
    ['SSO-authorized classic PAT', 'octocat-classic-sso-authorized', 'sso-corp/internal-tools'],
    ['write:packages without repo, package inherits admin', 'octocat-classic-packages-only', 'acme/private-app'],
    ['org member creating a new org package', 'monalisa-classic-push', 'acme/brand-new'],
    ['nested image name in own namespace', 'octocat-classic-push', 'octocat/hello-world/worker'],
    ['Actions GITHUB_TOKEN with packages: write', 'acme-widgets-github-token', 'acme/widgets'],
    ['Actions GITHUB_TOKEN on a package granted to its repository', 'acme-widgets-github-token', 'acme/app-built'],
    ['read collaborator whom the package grants Write directly', 'monalisa-classic-push', 'acme/shared-images'],
    ['managed user in an organization of its enterprise', 'mona-managed-classic-push', 'octoent-apps/portal'],
  ])('%s: 202', async (_, label, name) => {
    expect((await postUpload(sim(), name, await registryToken(sim(), label, name))).status).toBe(202);
  });

  it('anonymous POST: 401 with the repository challenge, scope :pull only (ledger ghcr §1.2)', async () => {
    const res = await postUpload(sim(), 'octocat/hello-world', null);
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe(
      `Bearer realm="${sim().registryUrl}/token",service="ghcr.io",scope="repository:octocat/hello-world:pull"`,
    );
  });

  it('unknown bearer: 401 UNAUTHORIZED "unauthenticated: User cannot be authenticated with the token provided." (ledger ghcr §2)', async () => {
    const res = await postUpload(sim(), 'octocat/hello-world', 'not-a-token-we-issued');
    expect(res.status).toBe(401);
    expect(await registryError(res)).toEqual({ code: 'UNAUTHORIZED', message: 'unauthenticated: User cannot be authenticated with the token provided.' });
  });

  it('a token revoked after the exchange: 401 unauthenticated at the POST (ledger ghcr §2)', async () => {
    const { world } = sim();
    const token = await registryToken(sim(), 'octocat-classic-no-expiry', 'octocat/hello-world');
    const record = world.tokens.find((t) => t.label === 'octocat-classic-no-expiry');
    if (!record) throw new Error('missing token');
    record.revoked = true;
    try {
      const res = await postUpload(sim(), 'octocat/hello-world', token);
      expect(res.status).toBe(401);
      expect((await registryError(res)).message).toBe(GHCR_MESSAGES.unauthenticated);
    } finally {
      record.revoked = false;
    }
  });

  it('anonymous pull token presented for a push: 401 unauthenticated (ledger ghcr §2, §8)', async () => {
    sim().world.packages.push({ owner: 'octocat', name: 'public-image', writers: ['octocat'], visibility: 'public' });
    const res = await tokenRequest(sim(), null, 'octocat/public-image', 'pull');
    expect(res.status).toBe(200);
    const { token } = (await res.json()) as { token: string };
    expect(Buffer.from(token, 'base64').toString()).toMatch(/^v1:octocat\/public-image:\d{19}$/);
    expect((await postUpload(sim(), 'octocat/public-image', token)).status).toBe(401);
  });

  it('upper-case name: 404 text/plain "404 page not found" (ledger ghcr §7.4; [inferred] for ghcr)', async () => {
    const token = await registryToken(sim(), 'octocat-classic-push', 'octocat/hello-world');
    const res = await postUpload(sim(), 'Octocat/Hello-World', token);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect((await res.text()).trim()).toBe('404 page not found');
  });
});

describe('DELETE <upload location> (ledger ghcr §3.2)', () => {
  const sim = useSimulator();

  it('405 UNSUPPORTED, and the session stays open until it expires (ledger ghcr §3.2; body [inferred])', async () => {
    const token = await registryToken(sim(), 'octocat-classic-push', 'octocat/hello-world');
    const opened = await postUpload(sim(), 'octocat/hello-world', token);
    expect(sim().openUploads()).toHaveLength(1);
    const location = new URL(opened.headers.get('location') ?? '', sim().registryUrl);
    const res = await fetch(location, { method: 'DELETE', headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(405);
    expect(await registryError(res)).toEqual({ code: 'UNSUPPORTED', message: 'The operation is unsupported.' });
    expect(sim().openUploads()).toEqual([expect.objectContaining({ name: 'octocat/hello-world', login: 'octocat' })]);
  });
});

describe('incidents: GitHub failing on a package (docs/github-behaviour.md)', () => {
  const sim = useSimulator();

  it('authzd outage: 403 DENIED worded like a permission', async () => {
    const res = await postUpload(sim(), 'acme/status-page', await registryToken(sim(), 'octocat-classic-push', 'acme/status-page'));
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({ errors: [{ code: 'DENIED', message: expect.stringMatching(/^permission_denied: unable to connect to authzd server: /) }] });
  });

  it('rate limit once: 429 TOOMANYREQUESTS with a Go duration, then 202 with the same registry token', async () => {
    const bearer = await registryToken(sim(), 'octocat-classic-push', 'acme/busy-image');
    const first = await postUpload(sim(), 'acme/busy-image', bearer);
    expect(first.status).toBe(429);
    expect(await first.json()).toEqual({ errors: [{ code: 'TOOMANYREQUESTS', message: 'retry-after: 10.305464ms, allowed: 2000/minute' }] });
    expect((await postUpload(sim(), 'acme/busy-image', bearer)).status).toBe(202);
  });
});

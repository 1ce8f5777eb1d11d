import { describe, expect, it } from 'vitest';
import { tokenValue } from '../../src/simulator/index.js';
import { basic, registryError, tokenRequest, useSimulator } from './helpers.js';

describe('ghcr token service GET /token (ledger ghcr §1.3)', () => {
  const sim = useSimulator();

  it('lives on the registry host (the realm of the /v2/ challenge)', async () => {
    const res = await fetch(`${sim().registryUrl}/v2/`);
    const realm = /realm="([^"]+)"/.exec(res.headers.get('www-authenticate') ?? '')?.[1];
    expect(realm).toBe(`${sim().registryUrl}/token`);
    expect((await fetch(`${sim().apiUrl}/token`, { headers: { authorization: 'Bearer x' } })).status).toBe(401);
  });

  it.each(['octocat-classic-push', 'octocat-classic-repo-only', 'octocat-fine-grained', 'acme-app-installation', 'octocat-oauth-gh-cli'])(
    'any accepted credential (%s) gets 200 {"token"} for pull,push, without expires_in: the push is decided later (ledger ghcr §0, §1.3)',
    async (label) => {
      const res = await tokenRequest(sim(), label, 'octocat/hello-world');
      expect(res.status).toBe(200);
      const body = (await res.json()) as Record<string, unknown>;
      expect(Object.keys(body)).toEqual(['token']);
      expect(typeof body['token']).toBe('string');
    },
  );

  it('the Basic username is not checked (ledger ghcr §1.3)', async () => {
    const password = tokenValue(sim().world, 'octocat-classic-push');
    for (const user of ['octocat', 'someone-else', 'x-access-token']) {
      const res = await fetch(`${sim().registryUrl}/token?service=ghcr.io&scope=repository:octocat/hello-world:pull,push`, {
        headers: { authorization: basic(password, user) },
      });
      expect(res.status, user).toBe(200);
    }
  });

  it('URL-encoded scope and no scope (docker login) both work (ledger ghcr §1.3)', async () => {
    const auth = { authorization: basic(tokenValue(sim().world, 'octocat-classic-push')) };
    const encoded = await fetch(`${sim().registryUrl}/token?scope=repository%3Aoctocat%2Fhello-world%3Apull%2Cpush&service=ghcr.io`, { headers: auth });
    const noScope = await fetch(`${sim().registryUrl}/token?service=ghcr.io`, { headers: auth });
    expect([encoded.status, noScope.status]).toEqual([200, 200]);
  });

  it.each(['octocat-classic-expired', 'octocat-classic-revoked', 'octocat-classic-mistyped', 'never-issued-classic'])(
    'bad, expired or revoked PAT (%s): 403 {"errors":[{"code":"DENIED","message":"denied"}]} (ledger ghcr §1.3, §8)',
    async (label) => {
      const res = await tokenRequest(sim(), label, 'octocat/hello-world');
      expect(res.status).toBe(403);
      expect(await res.text()).toBe('{"errors":[{"code":"DENIED","message":"denied"}]}\n');
    },
  );

  it('PAT sent as Bearer: 401 UNAUTHORIZED authentication required with the placeholder challenge (ledger ghcr §1.3, §8)', async () => {
    const res = await fetch(`${sim().registryUrl}/token?service=ghcr.io&scope=repository:octocat/hello-world:pull,push`, {
      headers: { authorization: `Bearer ${tokenValue(sim().world, 'octocat-classic-push')}` },
    });
    expect(res.status).toBe(401);
    expect(await registryError(res)).toEqual({ code: 'UNAUTHORIZED', message: 'authentication required' });
    expect(res.headers.get('www-authenticate')).toBe(
      `Bearer realm="${sim().registryUrl}/token",service="ghcr.io",scope="repository:user/image:pull"`,
    );
  });

  it('anonymous pull,push: 403 DENIED (ledger ghcr §1.3; message [inferred])', async () => {
    const res = await tokenRequest(sim(), null, 'octocat/hello-world');
    expect(res.status).toBe(403);
    expect((await registryError(res)).code).toBe('DENIED');
  });

  it('anonymous pull of a private or missing package: 403 DENIED "requested access to the resource is denied" (ledger ghcr §1.3)', async () => {
    const res = await tokenRequest(sim(), null, 'acme/legacy-app', 'pull');
    expect(res.status).toBe(403);
    expect(await registryError(res)).toEqual({ code: 'DENIED', message: 'requested access to the resource is denied' });
  });
});

describe('token service with a tokenSigner (ledger ghcr §7.4 notes)', () => {
  const claims: unknown[] = [];
  const sim = useSimulator({
    tokenSigner: (c) => {
      claims.push(c);
      return `signed.${Buffer.from(JSON.stringify(c)).toString('base64url')}.sig`;
    },
  });

  async function signedAccess(label: string, name: string): Promise<unknown> {
    const res = await tokenRequest(sim(), label, name);
    const token = ((await res.json()) as { token: string }).token;
    const payload = token.split('.')[1] ?? '';
    return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  }

  it('access lists pull, push and delete when the push would be allowed', async () => {
    expect(await signedAccess('octocat-classic-push', 'octocat/hello-world')).toEqual({
      sub: 'octocat',
      access: [{ type: 'repository', name: 'octocat/hello-world', actions: ['pull', 'push', 'delete'] }],
    });
  });

  it.each([
    ['octocat-classic-repo-only', 'octocat/hello-world'],
    ['octocat-classic-push', 'acme/legacy-app'],
    ['octocat-fine-grained', 'acme/private-app'],
  ])('access lists pull only when the push would be refused (%s on %s)', async (label, name) => {
    const decoded = (await signedAccess(label, name)) as { access: { actions: string[] }[] };
    expect(decoded.access[0]?.actions).toEqual(['pull']);
  });
});

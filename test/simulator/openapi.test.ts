import { describe, expect, it } from 'vitest';
import { api, useSimulator } from './helpers.js';
import { schemaErrors, specAt } from './openapi-schema.js';

// Guards against fiction: every JSON body the simulator sends for these routes must validate against GitHub's own
// OpenAPI description (@octokit/openapi 23.0.2, ledger github-api §2.2, §3).

type Json = Record<string, unknown>;


/** The schema `$ref` GitHub documents for (`path`, `method`, `status`), following response refs and discriminators. */
function schemaRef(path: string, status: string, body: Json): string {
  let response = specAt(['paths', path, 'get', 'responses', status]);
  if (typeof response['$ref'] === 'string') response = specAt(response['$ref'].slice(2).split('/'));
  const content = (response['content'] as Json)['application/json'] as Json;
  const node = content['schema'] as Json;
  if (typeof node['$ref'] === 'string') return node['$ref'];
  // oneOf + discriminator (GET /user: private-user | public-user by user_view_type)
  const discriminator = node['discriminator'] as { propertyName: string; mapping: Record<string, string> };
  const chosen = discriminator.mapping[String(body[discriminator.propertyName])];
  if (!chosen) throw new Error(`body has no valid ${discriminator.propertyName}`);
  return chosen;
}

async function expectValid(res: Response, path: string): Promise<Json> {
  const body = (await res.json()) as Json;
  const errors = schemaErrors(schemaRef(path, String(res.status), body), body);
  expect(errors, errors ?? '').toBeNull();
  return body;
}

describe('bodies validate against @octokit/openapi api.github.com.json', () => {
  const sim = useSimulator();

  it.each(['octocat-classic-push', 'octocat-fine-grained', 'octocat-oauth-gh-cli', 'monalisa-classic-push', 'octocat-classic-no-scopes'])(
    'GET /user 200 is a private-user (users/get-authenticated) for %s',
    async (label) => {
      const res = await api(sim(), '/user', label);
      expect(res.status).toBe(200);
      const body = await expectValid(res, '/user');
      expect(body['user_view_type']).toBe('private');
    },
  );

  it.each([
    ['octocat-classic-push', '/repos/octocat/hello-world'],
    ['octocat-classic-push', '/repos/acme/private-app'],
    ['monalisa-classic-push', '/repos/acme/private-app'],
    ['octocat-fine-grained', '/repos/acme/private-app'],
    ['acme-app-installation', '/repos/acme/widgets'],
    [null, '/repos/acme/public-site'],
    ['octocat-classic-push', '/repositories/7000005'],
  ])('GET repository 200 is a full-repository (repos/get) for %s on %s', async (label, path) => {
    const res = await api(sim(), path, label);
    expect(res.status).toBe(200);
    await expectValid(res, '/repos/{owner}/{repo}');
  });

  it.each([
    [null, '/user', '401'],
    ['octocat-classic-expired', '/user', '401'],
    ['acme-app-installation', '/user', '403'],
    ['octocat-classic-push', '/repos/sso-corp/internal-tools', '403'],
    ['octocat-classic-push', '/repos/strict-org/private-svc', '403'],
    ['octocat-fine-grained-no-expiry', '/repos/strict-org/private-svc', '403'],
    ['octocat-classic-repo-only', '/repos/hubot/nope', '404'],
    ['octocat-classic-packages-only', '/repos/acme/private-app', '404'],
    ['octocat-classic-push', '/repos/acme/old-name', '301'],
  ])('error bodies are basic-error: %s on %s → %s', async (label, path, status) => {
    const res = await api(sim(), path, label, { redirect: 'manual' });
    expect(String(res.status)).toBe(status);
    const route = path.startsWith('/user') ? '/user' : '/repos/{owner}/{repo}';
    const body = await expectValid(res, route);
    expect(body['status']).toBe(status);
  });

  it('the validator itself rejects a private-user without a required field (guards the guard)', async () => {
    const body = (await (await api(sim(), '/user', 'octocat-classic-push')).json()) as Json;
    delete body['two_factor_authentication'];
    expect(schemaErrors(schemaRef('/user', '200', body), body)).not.toBeNull();
  });

  it('GET /users/{login} 200 is a public-user for a user and an organization', async () => {
    for (const [login, type] of [['octocat', 'User'], ['acme', 'Organization']]) {
      const res = await api(sim(), `/users/${login}`, 'octocat-classic-push');
      const body = await expectValid(res, '/users/{username}');
      expect(body['type']).toBe(type);
    }
  });
});

import sodium from 'libsodium-wrappers';
import { beforeAll, describe, expect, it } from 'vitest';
import { tokenValue } from '../../src/simulator/index.js';
import { secretsWorld } from '../helpers/secrets-world.js';
import { api, useSimulator } from './helpers.js';
import { inlineSchemaErrors, requestSchema, responseSchemaRef, schemaErrors } from './openapi-schema.js';

// The Actions secrets endpoints (ledger github-api §7): a real key pair per holder, sealed boxes opened for real,
// bodies checked against GitHub's OpenAPI description.

const REPO_KEY = '/repos/{owner}/{repo}/actions/secrets/public-key';
const REPO_SECRET = '/repos/{owner}/{repo}/actions/secrets/{secret_name}';
const ORG_KEY = '/orgs/{org}/actions/secrets/public-key';
const ORG_SECRET = '/orgs/{org}/actions/secrets/{secret_name}';
const BASIC_ERROR = '#/components/schemas/basic-error';

beforeAll(async () => {
  await sodium.ready;
});

const sim = useSimulator({ world: secretsWorld() });

async function publicKey(path: string, label: string): Promise<{ key_id: string; key: string }> {
  const res = await api(sim(), path, label);
  expect(res.status).toBe(200);
  return (await res.json()) as { key_id: string; key: string };
}

function seal(value: string, key: string): string {
  const sealed = sodium.crypto_box_seal(sodium.from_string(value), sodium.from_base64(key, sodium.base64_variants.ORIGINAL));
  return sodium.to_base64(sealed, sodium.base64_variants.ORIGINAL);
}

function put(path: string, label: string | null, body: unknown): Promise<Response> {
  return api(sim(), path, label, { method: 'PUT', body: typeof body === 'string' ? body : JSON.stringify(body), headers: { 'content-type': 'application/json' } });
}

async function expectError(res: Response, status: number, message: string | RegExp): Promise<void> {
  expect(res.status).toBe(status);
  const body = await res.json();
  expect(schemaErrors(BASIC_ERROR, body)).toBeNull();
  expect((body as { message: string }).message).toMatch(message);
}

describe('repository secrets', () => {
  const base = '/repos/acme/private-app/actions/secrets';

  it('serves a real Curve25519 public key (actions-public-key), the same on every call, one per repository', async () => {
    const res = await api(sim(), `${base}/public-key`, 'octocat-classic-admin');
    const body = (await res.json()) as { key_id: string; key: string };
    expect(schemaErrors(responseSchemaRef(REPO_KEY, 'get', '200'), body)).toBeNull();
    expect(body.key_id).toMatch(/^\d{18}$/);
    expect(Buffer.from(body.key, 'base64')).toHaveLength(32);
    expect(await publicKey(`${base}/public-key`, 'octocat-classic-admin')).toEqual(body);
    expect((await publicKey('/repos/acme/public-site/actions/secrets/public-key', 'octocat-classic-admin')).key).not.toBe(body.key);
  });

  it('opens the sealed box: 201 {} when created, 204 when updated, the plaintext kept for tests', async () => {
    const key = await publicKey(`${base}/public-key`, 'octocat-classic-admin');
    const request = { encrypted_value: seal('first value', key.key), key_id: key.key_id };
    expect(inlineSchemaErrors(requestSchema(REPO_SECRET, 'put'), request)).toBeNull();
    const created = await put(`${base}/Sim_Secret`, 'octocat-classic-admin', request);
    expect(created.status).toBe(201);
    const empty = await created.json();
    expect(schemaErrors(responseSchemaRef(REPO_SECRET, 'put', '201'), empty)).toBeNull();
    const updated = await put(`${base}/SIM_SECRET`, 'octocat-classic-admin', { encrypted_value: seal('second value', key.key), key_id: key.key_id });
    expect(updated.status).toBe(204);
    expect(await updated.text()).toBe('');
    expect(sim().secrets().filter((s) => s.name === 'SIM_SECRET')).toEqual([
      expect.objectContaining({ level: 'repository', owner: 'acme', repo: 'private-app', value: 'second value', visibility: null }),
    ]);
  });

  it('GET a secret: 200 actions-secret without the value; 404 when absent', async () => {
    const res = await api(sim(), `${base}/sim_secret`, 'octocat-classic-admin');
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(schemaErrors(responseSchemaRef(REPO_SECRET, 'get', '200'), body)).toBeNull();
    expect(JSON.stringify(body)).not.toContain('second value');
    await expectError(await api(sim(), `${base}/NOPE`, 'octocat-classic-admin'), 404, 'Not Found');
  });

  it('refuses bodies it cannot use: not JSON 400, wrong key_id, not a sealed box, bad name 422', async () => {
    const key = await publicKey(`${base}/public-key`, 'octocat-classic-admin');
    await expectError(await put(`${base}/X`, 'octocat-classic-admin', '{nope'), 400, 'Problems parsing JSON');
    await expectError(await put(`${base}/X`, 'octocat-classic-admin', { encrypted_value: seal('v', key.key), key_id: '1' }), 422, /key_id/);
    await expectError(await put(`${base}/X`, 'octocat-classic-admin', { encrypted_value: 'c2VjcmV0', key_id: key.key_id }), 422, /decrypted/);
    await expectError(await put(`${base}/GITHUB_X`, 'octocat-classic-admin', { encrypted_value: seal('v', key.key), key_id: key.key_id }), 422, /GITHUB_/);
    await expectError(await put(`${base}/X`, 'octocat-classic-admin', { key_id: key.key_id }), 422, /encrypted_value/);
  });

  it.each([
    [null, 'public-key', 401, 'Requires authentication', null],
    ['monalisa-classic-push', 'CR_PAT', 403, 'Must have admin rights to Repository.', null],
    ['octocat-classic-packages-only', 'public-key', 404, 'Not Found', null],
    ['octocat-fine-grained', 'CR_PAT', 403, 'Resource not accessible by personal access token', 'secrets=write'],
  ])('PUT/GET as %s on %s → %i', async (label, what, status, message, accepted) => {
    const res = what === 'public-key' ? await api(sim(), `${base}/public-key`, label) : await put(`${base}/${what}`, label, { encrypted_value: 'c2VjcmV0', key_id: '1' });
    expect(res.headers.get('x-accepted-github-permissions')).toBe(accepted);
    await expectError(res, status, message);
  });

  it('a read collaborator may read the key but not write; a classic token without repo cannot write a public repository', async () => {
    expect((await api(sim(), `${base}/public-key`, 'monalisa-classic-push')).status).toBe(200);
    const res = await put('/repos/octocat/hello-world/actions/secrets/CR_PAT', 'octocat-classic-packages-only', { encrypted_value: 'c2VjcmV0', key_id: '1' });
    await expectError(res, 403, 'Must have admin rights to Repository.');
  });

  it('the workflow GITHUB_TOKEN cannot manage secrets; SSO applies', async () => {
    const gh = await api(sim(), '/repos/acme/widgets/actions/secrets/public-key', 'acme-widgets-github-token');
    await expectError(gh, 403, 'Resource not accessible by integration');
    const sso = await api(sim(), '/repos/sso-corp/internal-tools/actions/secrets/public-key', 'octocat-classic-push');
    expect(sso.headers.get('x-github-sso')).toMatch(/^required; url=https:\/\/github.com\/orgs\/sso-corp\/sso\?authorization_request=/);
    await expectError(sso, 403, /SAML enforcement/);
  });

  it('a fine-grained token with the Secrets permission may write', async () => {
    const key = await publicKey(`${base}/public-key`, 'octocat-fine-grained-secrets');
    const res = await put(`${base}/FG_SECRET`, 'octocat-fine-grained-secrets', { encrypted_value: seal('fg', key.key), key_id: key.key_id });
    expect(res.status).toBe(201);
  });
});

describe('organization secrets', () => {
  const base = '/orgs/acme/actions/secrets';

  it('an owner with admin:org gets the key and stores a selected secret; GET shows organization-actions-secret', async () => {
    const key = await publicKey(`${base}/public-key`, 'octocat-classic-admin');
    expect(schemaErrors(responseSchemaRef(ORG_KEY, 'get', '200'), key)).toBeNull();
    const request = { encrypted_value: seal('org value', key.key), key_id: key.key_id, visibility: 'selected', selected_repository_ids: [7_000_001, '7000002'] };
    expect(inlineSchemaErrors(requestSchema(ORG_SECRET, 'put'), request)).toBeNull();
    expect((await put(`${base}/CR_PAT`, 'octocat-classic-admin', request)).status).toBe(201);
    expect(sim().secrets().find((s) => s.level === 'organization')).toMatchObject({
      owner: 'acme', repo: null, name: 'CR_PAT', value: 'org value', visibility: 'selected', selectedRepositoryIds: [7_000_001, 7_000_002],
    });
    const res = await api(sim(), `${base}/cr_pat`, 'octocat-classic-admin');
    const body = await res.json();
    expect(schemaErrors(responseSchemaRef(ORG_SECRET, 'get', '200'), body)).toBeNull();
    expect(body).toMatchObject({ visibility: 'selected', selected_repositories_url: expect.stringContaining('/orgs/acme/actions/secrets/CR_PAT/repositories') });
  });

  it('204 on update, visibility changed without a new value', async () => {
    const res = await put(`${base}/CR_PAT`, 'octocat-classic-admin', { visibility: 'all' });
    expect(res.status).toBe(204);
    expect(sim().secrets().find((s) => s.level === 'organization')).toMatchObject({ value: 'org value', visibility: 'all', selectedRepositoryIds: [] });
  });

  it('refuses: no admin:org, not an owner, ids outside the org, no visibility, unknown org', async () => {
    await expectError(await api(sim(), `${base}/public-key`, 'octocat-classic-push'), 403, 'You must be an org admin or have the actions secrets fine-grained permission.');
    await expectError(await api(sim(), `${base}/public-key`, 'monalisa-classic-admin-scope'), 403, /org admin/);
    const key = await publicKey(`${base}/public-key`, 'octocat-classic-admin');
    const sealed = { encrypted_value: seal('v', key.key), key_id: key.key_id };
    await expectError(await put(`${base}/X`, 'octocat-classic-admin', { ...sealed, visibility: 'selected', selected_repository_ids: [1_296_269] }), 422, /1296269/);
    await expectError(await put(`${base}/X`, 'octocat-classic-admin', sealed), 422, /visibility/);
    await expectError(await api(sim(), '/orgs/nobody/actions/secrets/public-key', 'octocat-classic-admin'), 404, 'Not Found');
  });

  it('holds one key per organization, distinct from the repositories\' keys', async () => {
    const org = await publicKey(`${base}/public-key`, 'octocat-classic-admin');
    const repo = await publicKey('/repos/acme/private-app/actions/secrets/public-key', 'octocat-classic-admin');
    expect(org.key).not.toBe(repo.key);
    expect(tokenValue(sim().world, 'octocat-classic-admin')).toMatch(/^ghp_/);
  });
});

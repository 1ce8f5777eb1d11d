import { describe, expect, it } from 'vitest';
import { apiBlocks, ownerIsOrgOf, readEvidence, ssoExposureOf } from '../../../src/evidence/record.js';
import { readLogin, readPush } from '../../../src/evidence/registry.js';
import { readRepo } from '../../../src/evidence/repo.js';
import { readUser } from '../../../src/evidence/user.js';
import { NetError } from '../../../src/http/net-error.js';
import type { PushOutcome, RegistryRefusal } from '../../../src/registry/outcomes.js';
import { READ, USER_OK, WRITE, api, offline, repoBody } from '../../helpers/outcomes.js';

const perms = (p: Partial<Record<'admin' | 'maintain' | 'push' | 'triage' | 'pull', boolean>>) => ({ admin: false, maintain: false, push: false, triage: false, pull: false, ...p });
const refusal = (message: string, status = 403, code = 'DENIED'): RegistryRefusal => ({ status, errors: [{ code, message }], challengeError: null, requestId: null });
const REALM = { url: 'https://ghcr.io/token', service: 'ghcr.io' };
const TARGET = { owner: 'acme' };

describe('readUser (GET /user, ledger github-api §2.3, §2.4)', () => {
  it.each([
    ['a classic token', USER_OK('repo, write:packages', { 'github-authentication-token-expiration': '2030-01-02 03:04:05 UTC' }), { login: 'octocat', scopes: ['repo', 'write:packages'], meaning: { kind: 'ok' }, expiration: { ok: true } }],
    ['no scopes header (not classic or OAuth)', api(200, { login: 'octocat' }), { login: 'octocat', scopes: null, expiration: null }],
    ['an empty scopes header', USER_OK(''), { scopes: [] }],
    ['a control character in the login is cleaned', api(200, { login: 'octo\u001bcat' }), { login: 'octo cat' }],
    ['401', api(401, { message: 'Bad credentials' }), { login: null, meaning: { kind: 'bad-credentials' } }],
    ['an installation token', api(403, { message: 'Resource not accessible by integration' }), { login: null, meaning: { kind: 'integration' } }],
    ['no answer', offline(), { login: null, scopes: null, expiration: null, meaning: { kind: 'network' } }],
  ] as const)('%s', (_name, answer, want) => {
    expect(readUser(answer)).toMatchObject(want);
  });
});

describe('readRepo (GET /repos, ledger github-api §3)', () => {
  it.each([
    ['admin on a private org repo', api(200, { full_name: 'acme/api', private: true, visibility: 'private', owner: { login: 'acme', type: 'Organization' }, permissions: perms({ admin: true, push: true, pull: true }) }), { kind: 'visible', private: true, ownerIsOrg: true, role: 'admin', fullName: 'acme/api', ownerLogin: 'acme', visibility: 'private' }],
    ['maintain', api(200, { private: false, owner: { type: 'User' }, permissions: perms({ maintain: true, push: true, pull: true }) }), { kind: 'visible', private: false, ownerIsOrg: false, role: 'maintain', visibility: 'public' }],
    ['write', api(200, repoBody('acme', 'Organization', WRITE)), { role: 'write' }],
    ['triage', api(200, { private: false, owner: { type: 'User' }, permissions: perms({ triage: true, pull: true }) }), { role: 'triage' }],
    ['read only', api(200, repoBody('acme', 'Organization', READ)), { role: 'read' }],
    ['no permissions object (anonymous)', api(200, { private: false, owner: { type: 'User' } }), { role: null }],
    ['internal counts as private', api(200, { private: false, visibility: 'internal', owner: { type: 'Organization' } }), { private: true, visibility: 'internal' }],
    ['a 200 whose body is not JSON decides nothing', api(200, '<html>portal</html>'), { kind: 'unknown', meaning: { kind: 'malformed' } }],
  ] as const)('%s', (_name, answer, want) => {
    expect(readRepo(answer)).toMatchObject(want);
  });

  it.each([
    [404, 'Not Found'],
    [403, 'Resource protected by organization SAML enforcement. You must grant your Personal Access token access to this organization.'],
  ])('%i is "hidden" with the message', (status, message) => {
    expect(readRepo(api(status, { message }))).toMatchObject({ kind: 'hidden', status, message });
  });

  it('a 403 rate limit, 301, 5xx and no answer are unknown, never hidden', () => {
    expect(readRepo(api(403, { message: 'API rate limit exceeded for user ID 1.' }, { 'x-ratelimit-remaining': '0' }))).toMatchObject({ kind: 'unknown', meaning: { kind: 'rate-limited' } });
    expect(readRepo(api(301, { message: 'Moved Permanently' }))).toMatchObject({ kind: 'unknown', reason: expect.stringContaining('301') });
    expect(readRepo(api(502, 'Bad Gateway'))).toMatchObject({ kind: 'unknown', reason: expect.stringContaining('502') });
    expect(readRepo(offline())).toMatchObject({ kind: 'unknown' });
  });
});

describe('readPush and readLogin (the registry, docs/github-behaviour.md)', () => {
  it.each<[string, PushOutcome | null, object]>([
    ['not tried', null, { upload: { kind: 'unknown' }, refusal: null }],
    ['opened', { kind: 'opened', cancel: { kind: 'unsupported', status: 405 }, location: '/v2/x' }, { upload: { kind: 'opened' } }],
    [
      'a permission refusal',
      { kind: 'refused', refusal: refusal('permission_denied: write_package') },
      { upload: { kind: 'refused', refusal: { reason: { kind: 'write-package' }, quoted: 'HTTP 403 DENIED: permission_denied: write_package', permission: true } } },
    ],
    [
      'a refusal that names no permission (an outage)',
      { kind: 'refused', refusal: refusal('permission_denied: unable to connect to authzd server: context deadline exceeded') },
      { upload: { kind: 'unknown', reason: expect.stringContaining('names no permission: HTTP 403 DENIED: permission_denied: unable to connect') }, refusal: { permission: false, reason: { kind: 'unexplained' } } },
    ],
    [
      'rate-limited',
      { kind: 'rate-limited', refusal: refusal('retry-after: 1.5s, allowed: 2000/minute', 429, 'TOOMANYREQUESTS'), waitMs: 1500, waitedMs: 1500 },
      { upload: { kind: 'unknown', reason: expect.stringContaining('HTTP 429 TOOMANYREQUESTS') }, refusal: { reason: { kind: 'rate-limited', waitMs: 1500 } } },
    ],
    ['unexpected', { kind: 'unexpected', reason: 'HTTP 500' }, { upload: { kind: 'unknown', reason: 'HTTP 500' } }],
    ['no answer', { kind: 'network', error: new NetError('timeout', 'ghcr.io did not answer') }, { upload: { kind: 'unknown', reason: 'ghcr.io did not answer' } }],
  ])('upload: %s', (_name, input, want) => {
    expect(readPush(input)).toMatchObject(want);
  });

  it('the token service: a refusal is read once, a token has none', () => {
    expect(readLogin({ kind: 'refused', refusal: refusal('denied'), realm: REALM })).toMatchObject({ refusal: { reason: { kind: 'denied' }, quoted: 'HTTP 403 DENIED: denied' } });
    expect(readLogin({ kind: 'token', bearer: 'x', realm: REALM }).refusal).toBeNull();
  });
});

describe('readEvidence: the whole record from the raw answers', () => {
  it('reads every answer into its part', () => {
    const record = readEvidence({
      user: USER_OK('write:packages'),
      repo: api(200, repoBody('acme', 'Organization', READ)),
      login: { kind: 'token', bearer: 'x', realm: REALM },
      push: { kind: 'refused', refusal: refusal('permission_denied: write_package') },
      package: api(404, { message: 'Package not found.' }),
    });
    expect(record).toMatchObject({
      user: { login: 'octocat', scopes: ['write:packages'] },
      repo: { kind: 'visible', role: 'read', ownerIsOrg: true },
      login: { refusal: null },
      push: { upload: { kind: 'refused' } },
      package: { kind: 'absent-or-hidden' },
    });
  });

  it('a package that was not read is null', () => {
    expect(readEvidence({ user: offline(), repo: offline(), login: { kind: 'network', error: new NetError('timeout', 'x') }, push: null, package: null }).package).toBeNull();
  });
});

describe('facts drawn from several answers', () => {
  const hidden = readRepo(api(404, { message: 'Not Found' }));
  it.each([
    ['a visible organization repository', true, 'maybe', readRepo(api(200, repoBody('acme', 'Organization', WRITE))), readUser(USER_OK()), { owner: 'acme' }],
    ['a visible personal repository', false, 'no', readRepo(api(200, repoBody('hubot', 'User', WRITE))), readUser(USER_OK()), { owner: 'hubot' }],
    ["a hidden repository of the token's own user", false, 'no', hidden, readUser(USER_OK()), { owner: 'OctoCat' }],
    ["a hidden repository of someone else", null, 'maybe', hidden, readUser(USER_OK()), TARGET],
    ['SAML enforcement', null, 'enforced', readRepo(api(403, { message: 'Resource protected by organization SAML enforcement.' }, { 'x-github-sso': 'required; url=https://github.com/orgs/acme/sso?authorization_request=1' })), readUser(USER_OK()), TARGET],
  ] as const)('%s: owner is an organization %s, single sign-on %s', (_name, org, sso, repo, user, target) => {
    expect(ownerIsOrgOf(repo, user, target)).toBe(org);
    expect(ssoExposureOf(repo, user, target)).toBe(sso);
  });

  it('an IP allow list seen on either API answer blocks the registry too', () => {
    const ip = api(403, { message: 'Although you appear to have the correct authorization credentials, the `acme` organization has an IP allow list enabled, and your IP address is not permitted to access this resource.' });
    expect(apiBlocks(readRepo(ip), readUser(USER_OK()))).toEqual({ sso: false, ipAllowList: true, managedUser: false });
    expect(apiBlocks(hidden, readUser(ip))).toEqual({ sso: false, ipAllowList: true, managedUser: false });
    expect(apiBlocks(hidden, readUser(USER_OK()))).toEqual({ sso: false, ipAllowList: false, managedUser: false });
  });

  it("the managed-user refusal of the repository is read once, for registry.push's advice", () => {
    const managed = readRepo(api(403, { message: 'Unauthorized: As an Enterprise Managed User, you cannot access this content' }));
    expect(apiBlocks(managed, readUser(USER_OK()))).toEqual({ sso: false, ipAllowList: false, managedUser: true });
  });
});

import { describe, expect, it } from 'vitest';
import { judgeRegistryLogin } from '../../helpers/raw-judges.js';
import { judgeRegistryPush } from '../../helpers/raw-judges.js';
import { verdictOf } from '../../../src/pipeline/verdict.js';
import { NetError } from '../../../src/http/net-error.js';
import type { PushOutcome, RegistryRefusal } from '../../../src/registry/outcomes.js';
import type { Finding } from '../../../src/types.js';
import { PROFILES } from '../../../src/capabilities/profiles.js';
import { CLASSIC, FINE_GRAINED, api, offline } from '../../helpers/outcomes.js';

const LINKS = { target: { webUrl: 'https://github.com', owner: 'acme', name: 'api', image: 'acme/api' }, profile: PROFILES.push };
const REALM = { url: 'https://ghcr.io/token', service: 'ghcr.io' };
const denied = (message: string, status = 403): RegistryRefusal => ({ status, errors: [{ code: status === 403 ? 'DENIED' : 'UNAUTHORIZED', message }], challengeError: null, requestId: null });
const IMAGE = { path: 'acme/api', reference: 'ghcr.io/acme/api', loweredFrom: null };
const TOKEN_LOGIN = { kind: 'token' as const, bearer: 'x', realm: REALM };
const push = (outcome: PushOutcome | null, ownerIsOrg: boolean | null = true) =>
  judgeRegistryPush({ push: outcome, image: IMAGE, target: { host: 'github.com', owner: 'acme', name: 'api' }, ownerIsOrg, links: LINKS });

describe('judgeRegistryLogin (ledger ghcr §1.3)', () => {
  it('passes when the token service issues a token', () => expect(judgeRegistryLogin(TOKEN_LOGIN, CLASSIC, 'ghcr.io', LINKS).status).toBe('pass'));
  it('fails on 403 DENIED "denied" and quotes it', () => {
    const result = judgeRegistryLogin({ kind: 'refused', refusal: denied('denied'), realm: REALM }, CLASSIC, 'ghcr.io', LINKS);
    expect(result.status).toBe('fail');
    expect(result.summary).toContain('HTTP 403 DENIED: denied');
  });
  it('names fine-grained tokens as the reason when one is refused', () => {
    const result = judgeRegistryLogin({ kind: 'refused', refusal: denied('denied'), realm: REALM }, FINE_GRAINED, 'ghcr.io', LINKS);
    expect(result.summary).toMatch(/fine-grained/);
  });
  it.each([
    ['permission_denied: unable to connect to authzd server: twirp error bad_route: Error from intermediary with HTTP status code 404 "Not Found"', 403],
    ['authentication required', 401],
  ])('a token-service refusal that names no permission ("%s") is undecided, never "invalid" (docs/github-behaviour.md#ghcr-outage)', (message, status) => {
    for (const shape of [CLASSIC, FINE_GRAINED]) {
      const result = judgeRegistryLogin({ kind: 'refused', refusal: denied(message, status), realm: REALM }, shape, 'ghcr.io', LINKS);
      expect(result.status).toBe('error');
      expect(result.summary).toContain(message);
      expect(result.summary).toMatch(/names no permission/);
      expect(`${result.summary} ${result.fix ?? ''}`).not.toMatch(/invalid, expired or revoked|write:packages|fine-grained/);
      expect(result.fix).toMatch(/https:\/\/www\.githubstatus\.com/);
    }
  });
  it('a "denied" while GitHub could not say whether it accepts the token (5xx on GET /user) is undecided, not "invalid"', () => {
    const context = { user: api(503, { message: 'Service Unavailable' }), repo: offline() };
    const result = judgeRegistryLogin({ kind: 'refused', refusal: denied('denied'), realm: REALM }, CLASSIC, 'ghcr.io', LINKS, context);
    expect(result.status).toBe('error');
    expect(result.summary).toMatch(/did not say whether it accepts the token \(token\.valid\)/);
    expect(result.fix).not.toMatch(/Create a classic token/);
  });
  it('errors (does not fail) when the realm is on a foreign host', () => {
    const result = judgeRegistryLogin({ kind: 'realm-refused', reason: 'the token service is on evil.example' }, CLASSIC, 'ghcr.io', LINKS);
    expect(result.status).toBe('error');
  });
  it('errors on a network failure', () => {
    expect(judgeRegistryLogin({ kind: 'network', error: new NetError('timeout', 'ghcr.io did not answer') }, CLASSIC, 'ghcr.io', LINKS).status).toBe('error');
  });
});

describe('judgeRegistryPush for an Enterprise Managed User GitHub refuses outside its enterprise (docs/github-behaviour.md#enterprise-managed-users)', () => {
  it.each(['permission_denied: write_package', 'permission_denied: create_package', 'denied'])('"%s": no package grant can help, so none is the fix', (message) => {
    const result = judgeRegistryPush({
      push: { kind: 'refused', refusal: denied(message) },
      image: IMAGE,
      target: { host: 'github.com', owner: 'acme', name: 'api' },
      ownerIsOrg: null,
      managedUserRefused: true,
      login: 'mona_octoent',
      links: LINKS,
    });
    expect(result.status).toBe('fail');
    expect(result.summary).toMatch(/mona_octoent is an Enterprise Managed User.*\(see repo\.access\)/);
    expect(result.fix).not.toMatch(/grants? Write|Manage access|packages\/container/);
    expect(result.fix).toMatch(/organization of the enterprise/);
  });
});

describe('judgeRegistryPush: a GITHUB_TOKEN outside its own namespace (docs/github-behaviour.md#github-token-refusals)', () => {
  it("names the namespace it may push under on the registry probed, not always ghcr.io", () => {
    const result = judgeRegistryPush({
      push: { kind: 'refused', refusal: denied('permission_denied: The requested installation does not exist.') },
      image: { path: 'hubot/api', reference: 'containers.github.example.com/hubot/api', loweredFrom: null },
      target: { host: 'github.example.com', owner: 'hubot', name: 'api' },
      ownerIsOrg: false,
      shape: { kind: 'server-to-server', appId: 15368 },
      workflowRepository: 'acme/api',
      links: LINKS,
    });
    expect(result.summary).toMatch(/this token is acme\/api's, so it may push under containers\.github\.example\.com\/acme\/ only/);
    expect(result.summary).not.toContain('ghcr.io');
  });
});

describe('judgeRegistryPush (ledger ghcr §2, §3, §8)', () => {
  it('passes on 202 and says a 405 cancel is not a failure', () => {
    const result = push({ kind: 'opened', location: '/v2/acme/api/blobs/uploads/1', cancel: { kind: 'unsupported', status: 405 } });
    expect(result.status).toBe('pass');
    expect(result.details.join(' ')).toMatch(/expires on its own/);
  });
  it.each([
    ['permission_denied: The token provided does not match expected scopes.', /write:packages/, /settings\/tokens\/new\?scopes=write:packages/],
    ['permission_denied: write_package', /no write role/, /orgs\/acme\/packages\/container\/api\/settings/],
    ['permission_denied: create_package', /may not create a package/, /organizations\/acme\/settings\/packages/],
    ['installation not allowed to Write organization package', /GITHUB_TOKEN may not write packages/, /packages: write/],
    [
      'permission_denied: `acme` forbids access via a personal access token (classic). Please use a GitHub App, OAuth App, or a personal access token with fine-grained permissions.',
      /refuses personal access tokens/,
      /personal-access-tokens/,
    ],
  ])('quotes "%s" and explains it', (message, why, fix) => {
    const result = push({ kind: 'refused', refusal: denied(message) });
    expect(result.status).toBe('fail');
    expect(result.summary).toContain(`DENIED: ${message}`);
    expect(result.summary).toMatch(why);
    expect(result.fix).toMatch(fix);
  });
  // Issue 14: an OAuth token (gho_, e.g. gh auth token) refused for scopes lacks write:packages, like a classic one
  // without it (ledger ghcr §8); telling its user that "a fine-grained token cannot push packages" answers a question
  // nobody asked. Each kind gets the cause that fits it.
  it.each([
    ['oauth' as const, /lacks write:packages: an OAuth token has only the scopes/, /^Use a classic token with write:packages as CR_PAT/],
    ['classic' as const, /^(?!.*fine-grained).*lacks write:packages/, /^Add write:packages to the token/],
    ['fine-grained' as const, /a fine-grained token, which GitHub Packages does not accept/, /^Use a classic token with write:packages instead/],
  ])('scopes refusal for a %s token: the cause and fix of that kind', (kind, why, fix) => {
    const message = 'permission_denied: The token provided does not match expected scopes.';
    const result = judgeRegistryPush({
      push: { kind: 'refused', refusal: denied(message) },
      image: IMAGE,
      target: { host: 'github.com', owner: 'acme', name: 'api' },
      ownerIsOrg: true,
      shape: { kind },
      links: LINKS,
    });
    expect(result.summary).toMatch(why);
    expect(result.fix).toMatch(fix);
    expect(result.fix).toContain('https://github.com/settings/tokens/new?scopes=write:packages');
    if (kind !== 'fine-grained') expect(`${result.summary} ${result.fix ?? ''}`).not.toContain('fine-grained');
  });
  it.each([
    ['oauth' as const, 'authorize the new token for it'],
    ['fine-grained' as const, 'authorize the new token for it'],
    ['classic' as const, "GitHub then drops the token's SSO authorization"],
  ])('scopes refusal for a %s token under possible SSO: the note that fits a new or an edited token', (kind, note) => {
    const result = judgeRegistryPush({
      push: { kind: 'refused', refusal: denied('permission_denied: The token provided does not match expected scopes.') },
      image: IMAGE,
      target: { host: 'github.com', owner: 'acme', name: 'api' },
      ownerIsOrg: true,
      shape: { kind },
      sso: 'maybe',
      links: LINKS,
    });
    expect(result.fix).toContain(note);
  });
  it("reads distribution's 401 insufficient_scope as a refusal", () => {
    const refusal: RegistryRefusal = { status: 401, errors: [{ code: 'UNAUTHORIZED', message: 'authentication required' }], challengeError: 'insufficient_scope', requestId: null };
    expect(push({ kind: 'refused', refusal }).summary).toMatch(/did not grant push/);
  });
  it('links a user-owned package under /users/', () => {
    expect(push({ kind: 'refused', refusal: denied('permission_denied: write_package') }, false).fix).toContain('https://github.com/users/acme/packages/container/api/settings');
  });
  it('is skipped when the login did not succeed', () => expect(push(null).status).toBe('skip'));
  it('errors on an unexpected status', () => expect(push({ kind: 'unexpected', reason: 'HTTP 500' }).status).toBe('error'));
});

describe('verdictOf', () => {
  const f = (status: Finding['status']): Finding => ({ id: 'token.valid', status, summary: '', fix: null, details: [] });
  it.each([
    [['pass', 'warn', 'skip'], 'pass'],
    [['pass', 'error'], 'inconclusive'],
    [['error', 'fail'], 'fail'],
  ] as const)('%j → %s', (statuses, verdict) => expect(verdictOf(statuses.map(f))).toBe(verdict));
});

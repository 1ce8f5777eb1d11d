import { describe, expect, it } from 'vitest';
import { judgeOrgPolicy } from '../../helpers/raw-judges.js';
import { judgeOrgSso } from '../../helpers/raw-judges.js';
import { judgeRepoAccess } from '../../helpers/raw-judges.js';
import { judgeRepoPush } from '../../helpers/raw-judges.js';
import { CLASSIC, FINE_GRAINED, READ, USER_OK, WRITE, api, offline, repoBody } from '../../helpers/outcomes.js';

const WEB = 'https://github.com';
const ACME = { host: 'github.com', owner: 'acme', name: 'api' };
const NOT_FOUND = api(404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest/repos/repos#get-a-repository', status: '404' });
const SSO_URL = 'https://github.com/orgs/acme/sso?authorization_request=ABC123';
const SSO = api(
  403,
  { message: 'Resource protected by organization SAML enforcement. You must grant your Personal Access token access to this organization.' },
  { 'x-github-sso': `required; url=${SSO_URL}` },
);
const BAN = api(403, {
  message: '`acme` forbids access via a personal access token (classic). Please use a GitHub App, OAuth App, or a personal access token with fine-grained permissions.',
});
const ORG_REPO = api(200, repoBody('acme', 'Organization', WRITE));

describe('judgeOrgSso (ledger github-api §4.4)', () => {
  it('fails with the authorization URL from X-GitHub-SSO', () => {
    const result = judgeOrgSso(SSO, ACME, WEB);
    expect(result.status).toBe('fail');
    expect(result.fix).toContain(SSO_URL);
  });
  it('passes for a visible organization repository', () => expect(judgeOrgSso(ORG_REPO, ACME, WEB).status).toBe('pass'));
  it('passes for a personal account', () => expect(judgeOrgSso(api(200, repoBody('octocat', 'User', WRITE)), ACME, WEB).summary).toMatch(/personal account/));
  it('is skipped when the repository is not visible', () => expect(judgeOrgSso(NOT_FOUND, ACME, WEB).status).toBe('skip'));
});

describe('judgeOrgPolicy (ledger github-api §4.1, §4.3)', () => {
  const base = { user: USER_OK(), push: null, shape: CLASSIC, target: ACME, webUrl: WEB };
  it('fails on the backticked classic-token ban and links the policy page', () => {
    const result = judgeOrgPolicy({ ...base, repo: BAN });
    expect(result.status).toBe('fail');
    expect(result.fix).toContain('https://github.com/organizations/acme/settings/personal-access-tokens');
  });
  it('fails on the lifetime policy and links the token page GitHub named', () => {
    const message =
      "The 'acme' organization forbids access via a fine-grained personal access tokens if the token's lifetime is greater than 366 days. Please adjust your token's lifetime at the following URL: https://github.com/settings/personal-access-tokens/123";
    const result = judgeOrgPolicy({ ...base, repo: api(403, { message }), shape: FINE_GRAINED });
    expect(result.status).toBe('fail');
    expect(result.summary).toContain('366 days');
    // The limit is on fine-grained tokens: it says nothing of classic ones.
    expect(result.summary).toMatch(/Fine-grained tokens within the limit are accepted/);
    expect(result.summary).not.toMatch(/Classic tokens/);
    expect(result.fix).toContain('https://github.com/settings/personal-access-tokens/123');
  });
  it('reads the ban from the registry refusal for a public repository', () => {
    const push = {
      kind: 'refused' as const,
      refusal: { status: 403, errors: [{ code: 'DENIED', message: 'permission_denied: `acme` forbids access via a personal access token (classic). Please use a GitHub App, OAuth App, or a personal access token with fine-grained permissions.' }], challengeError: null, requestId: null },
    };
    const result = judgeOrgPolicy({ ...base, repo: ORG_REPO, push });
    expect(result.status).toBe('fail');
    // Quoted in the one wording registry.push and the capability table use (src/evidence/registry.ts).
    expect(result.details[0]).toBe(`HTTP 403 DENIED: ${push.refusal.errors[0]!.message}`);
  });
  it('reads a classic lifetime limit from the registry refusal alone, quoted as registry.push quotes it', () => {
    const message = "permission_denied: The 'acme' organization forbids access via a personal access tokens (classic) if the token's lifetime is greater than 7 days.";
    const push = { kind: 'refused' as const, refusal: { status: 403, errors: [{ code: 'DENIED', message }], challengeError: null, requestId: null } };
    const result = judgeOrgPolicy({ ...base, repo: ORG_REPO, push });
    expect(result).toMatchObject({ status: 'fail', summary: expect.stringContaining('more than 7 days'), details: [`HTTP 403 DENIED: ${message}`, 'Guide: crpat guide org-policy'] });
  });
  it('passes for an organization with no refusal', () => expect(judgeOrgPolicy({ ...base, repo: ORG_REPO }).status).toBe('pass'));
});

describe('judgeRepoAccess (ledger github-api §3)', () => {
  it.each([
    ['200 passes', ORG_REPO, USER_OK(), CLASSIC, 'pass'],
    ['404 for a classic token without repo warns: pushing does not need repo', NOT_FOUND, USER_OK('write:packages'), CLASSIC, 'warn'],
    ['404 for a classic token with repo fails', NOT_FOUND, USER_OK('repo, write:packages'), CLASSIC, 'fail'],
    ['404 for a fine-grained token fails and names its repository list', NOT_FOUND, USER_OK(''), FINE_GRAINED, 'fail'],
    ['403 SSO is skipped: org.sso names the cause', SSO, USER_OK(), CLASSIC, 'skip'],
    ['403 classic ban is skipped: org.policy names the cause', BAN, USER_OK(), CLASSIC, 'skip'],
    ['a timeout is inconclusive', offline(), USER_OK(), CLASSIC, 'error'],
    ['401 is skipped (token.valid says it)', api(401, { message: 'Bad credentials' }), api(401, {}), CLASSIC, 'skip'],
  ] as const)('%s', (_name, repo, user, shape, status) => {
    expect(judgeRepoAccess(repo, user, shape, ACME, WEB).status).toBe(status);
  });
  it('warns about a renamed repository', () => {
    const moved = api(200, repoBody('acme', 'Organization', WRITE, { full_name: 'acme/api-v2' }));
    expect(judgeRepoAccess(moved, USER_OK(), CLASSIC, ACME, WEB)).toMatchObject({ status: 'warn', summary: expect.stringContaining('acme/api-v2') });
  });
});

describe('judgeRepoPush', () => {
  it('passes with write', () => expect(judgeRepoPush(ORG_REPO, USER_OK(), ACME, WEB).summary).toBe('octocat has write access to acme/api.'));
  const refusal = (message: string) => ({ kind: 'refused' as const, refusal: { status: 403, errors: [{ code: 'DENIED', message }], challengeError: null, requestId: null } });
  it('fails with read when the registry refused the package rights, and links the access settings', () => {
    const result = judgeRepoPush(api(200, repoBody('acme', 'Organization', READ)), USER_OK(), ACME, WEB, refusal('permission_denied: write_package'));
    expect(result.status).toBe('fail');
    expect(result.fix).toContain('https://github.com/acme/api/settings/access');
  });
  // docs/github-behaviour.md#package-rights: a package can grant Write directly, whatever the repository role.
  it('only warns with read when the registry opened the upload: the package grants the user directly', () => {
    const opened = { kind: 'opened' as const, cancel: { kind: 'cancelled' as const }, location: '/v2/acme/api/blobs/uploads/x' };
    const result = judgeRepoPush(api(200, repoBody('acme', 'Organization', READ)), USER_OK(), ACME, WEB, opened);
    expect(result.status).toBe('warn');
    expect(result.summary).toMatch(/package grants .* Write directly/);
  });
  it('only warns with read when the registry refused for another reason, or did not run', () => {
    const scopes = refusal('permission_denied: The token provided does not match expected scopes.');
    expect(judgeRepoPush(api(200, repoBody('acme', 'Organization', READ)), USER_OK(), ACME, WEB, scopes).status).toBe('warn');
    expect(judgeRepoPush(api(200, repoBody('acme', 'Organization', READ)), USER_OK(), ACME, WEB, null).status).toBe('warn');
  });
  it('is skipped when the repository is not visible', () => expect(judgeRepoPush(NOT_FOUND, USER_OK(), ACME, WEB).status).toBe('skip'));
});

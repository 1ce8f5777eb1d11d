import { describe, expect, it } from 'vitest';
import { PROFILES } from '../../../src/capabilities/profiles.js';
import { GUIDE, GUIDE_ANCHORS, type GuideAnchor, guideLine, guideUrl } from '../../../src/checks/guide.js';
import { judgeOrgPolicy } from '../../helpers/raw-judges.js';
import { judgeOrgSso } from '../../helpers/raw-judges.js';
import { judgeRegistryLogin } from '../../helpers/raw-judges.js';
import { judgeRegistryPush } from '../../helpers/raw-judges.js';
import { judgeRepoAccess } from '../../helpers/raw-judges.js';
import { judgeRepoPush } from '../../helpers/raw-judges.js';
import { judgeTokenCapabilities } from '../../helpers/raw-judges.js';
import { judgeTokenExpiry } from '../../helpers/raw-judges.js';
import { judgeTokenFormat } from '../../../src/checks/token-format.js';
import { judgeTokenScopes } from '../../helpers/raw-judges.js';
import { judgeTokenValid } from '../../helpers/raw-judges.js';
import type { RegistryRefusal } from '../../../src/registry/outcomes.js';
import { tokenChecksum } from '../../../src/token/checksum.js';
import { recognizeToken } from '../../../src/token/recognize.js';
import type { Capability, Finding } from '../../../src/types.js';
import { guideAnchors, guideLinesOf, guideText } from '../../helpers/guide.js';
import { CLASSIC, FINE_GRAINED, READ, USER_OK, WRITE, api, repoBody } from '../../helpers/outcomes.js';

// Issue 6: "each failure crpat reports links back to the step that fixes it". The guide's anchors are read from the
// guide itself, so a renamed or removed step fails here, not in a reader's browser.
const ANCHORS = new Set(guideAnchors());

describe('the guide (docs/creating-a-cr-pat.md)', () => {
  it('has every anchor the checks link to, each once', () => {
    const all = guideAnchors();
    expect(new Set(all).size).toBe(all.length);
    for (const anchor of GUIDE_ANCHORS) expect(all).toContain(anchor);
  });

  it('links only to anchors it has', () => {
    const targets = [...guideText().matchAll(/\]\(#([^)]+)\)/g)].map((m) => m[1] ?? '');
    expect(targets.length).toBeGreaterThan(10);
    for (const target of targets) expect(ANCHORS, `#${target}`).toContain(target);
  });

  it('puts each anchor on a numbered heading', () => {
    for (const anchor of GUIDE_ANCHORS) {
      expect(guideText()).toMatch(new RegExp(`^#{2,3} <a id="${anchor}"></a>\\d+(\\.\\d+)?\\.? `, 'm'));
    }
  });

  it('names its docs pages by https://docs.github.com/en/ (facts: github/docs:content paths)', () => {
    const docs = [...guideText().matchAll(/https:\/\/docs\.github\.com\/[^\s)]+/g)].map((m) => m[0]);
    expect(docs.length).toBeGreaterThan(10);
    for (const url of docs) expect(url).toMatch(/^https:\/\/docs\.github\.com\/en\//);
  });

  it('covers, in the step an IP allow list refusal points to (org-policy), the allow list and its fix', () => {
    const text = guideText();
    const start = text.indexOf('<a id="org-policy">');
    const step = text.slice(start, text.indexOf('\n## ', start));
    expect(step).toContain('has an IP allow list enabled, and your IP address is not permitted to access this resource.');
    expect(step).toMatch(/No new token and no repository access changes that/);
    expect(step).toMatch(/self-hosted runners/);
  });

  it('covers, in the step a managed user\'s package refusal points to (package-access), what managed users cannot do', () => {
    const text = guideText();
    const start = text.indexOf('<a id="package-access">');
    const step = text.slice(start, text.indexOf('\n## ', start));
    expect(step).toMatch(/Enterprise Managed User\*\* has no namespace of its own/);
    expect(step).toMatch(/read-only access outside its enterprise, so no package grant there helps/);
  });

  it('is named by one repository-relative constant', () => {
    expect(GUIDE).toBe('docs/creating-a-cr-pat.md');
    expect(guideUrl('sso')).toBe('docs/creating-a-cr-pat.md#sso');
    expect(guideLine('sso')).toBe('Guide: crpat guide sso');
  });
});

const WEB = 'https://github.com';
const ACME = { host: 'github.com', owner: 'acme', name: 'api' };
const TARGET = { webUrl: WEB, owner: 'acme', name: 'api', image: 'acme/api' };
const PUSH = { target: TARGET, profile: PROFILES.push };
const DEPLOY = { target: TARGET, profile: PROFILES.deploy };
const IMAGE = { path: 'acme/api', reference: 'ghcr.io/acme/api', loweredFrom: null };
const REALM = { url: 'https://ghcr.io/token', service: 'ghcr.io' };
const NOW = new Date('2026-03-02T09:30:00Z');
const BODY = 'Zx81TestOnlyBody0000aaaabbbbcc';
const ORG_REPO = api(200, repoBody('acme', 'Organization', WRITE));
const NOT_FOUND = api(404, { message: 'Not Found' });
const BAD = api(401, { message: 'Bad credentials' });
const SSO = api(
  403,
  { message: 'Resource protected by organization SAML enforcement. You must grant your Personal Access token access to this organization.' },
  { 'x-github-sso': 'required; url=https://github.com/orgs/acme/sso?authorization_request=ABC' },
);
const BAN = api(403, {
  message: '`acme` forbids access via a personal access token (classic). Please use a GitHub App, OAuth App, or a personal access token with fine-grained permissions.',
});
const LIFETIME = api(403, {
  message: "The 'acme' organization forbids access via a fine-grained personal access tokens if the token's lifetime is greater than 366 days. Please adjust your token's lifetime at the following URL: https://github.com/settings/personal-access-tokens/1",
});
const denied = (message: string, challengeError: string | null = null): RegistryRefusal => ({
  status: 403,
  errors: [{ code: 'DENIED', message }],
  challengeError,
  requestId: null,
});
const push = (message: string, extra: { ssoBlocked?: boolean; ipBlocked?: boolean; challengeError?: string; ownerIsOrg?: boolean | null } = {}) =>
  judgeRegistryPush({
    push: { kind: 'refused', refusal: denied(message, extra.challengeError ?? null) },
    image: IMAGE,
    target: ACME,
    ownerIsOrg: extra.ownerIsOrg === undefined ? true : extra.ownerIsOrg,
    ...(extra.ssoBlocked ? { ssoBlocked: true } : {}),
    ...(extra.ipBlocked ? { ipBlocked: true } : {}),
    links: PUSH,
  });
const deployTable = (over: Partial<Record<string, boolean>>): Capability[] =>
  ['contents:write', 'metadata:read', 'actions:write', 'deployments:write', 'environments:write', 'packages:write'].map((name) => ({
    name,
    needed: true,
    granted: over[name] ?? true,
    evidence: `evidence of ${name}`,
  }));

// Every `fail` a check can return, with the step that fixes it.
const FAILURES: Array<[string, () => Finding, GuideAnchor]> = [
  ['token.format: checksum', () => judgeTokenFormat(recognizeToken(`ghp_${BODY}${tokenChecksum(BODY).replace(/.$/, (c) => (c === '0' ? '1' : '0'))}`), PUSH), 'create-token'],
  ['token.format: not a token', () => judgeTokenFormat(recognizeToken('hello world'), PUSH), 'create-token'],
  ['token.valid: 401', () => judgeTokenValid(BAD, CLASSIC, PUSH), 'renew-token'],
  ['token.expiry: expired', () => judgeTokenExpiry(USER_OK('write:packages', { 'github-authentication-token-expiration': '2026-03-01 00:00:00 UTC' }), NOW, PUSH), 'renew-token'],
  ['token.scopes: fine-grained', () => judgeTokenScopes(USER_OK(''), FINE_GRAINED, PUSH), 'not-fine-grained'],
  ['token.scopes: no write:packages', () => judgeTokenScopes(USER_OK('repo'), CLASSIC, PUSH), 'create-token'],
  ['org.sso', () => judgeOrgSso(SSO, ACME, WEB), 'sso'],
  ['org.policy: classic ban', () => judgeOrgPolicy({ repo: BAN, user: USER_OK(), push: null, shape: CLASSIC, target: ACME, webUrl: WEB }), 'org-policy'],
  ['org.policy: lifetime', () => judgeOrgPolicy({ repo: LIFETIME, user: USER_OK(), push: null, shape: FINE_GRAINED, target: ACME, webUrl: WEB }), 'org-policy'],
  ['repo.access: fine-grained 404', () => judgeRepoAccess(NOT_FOUND, USER_OK(''), FINE_GRAINED, ACME, WEB), 'not-fine-grained'],
  ['repo.access: 404 with repo', () => judgeRepoAccess(NOT_FOUND, USER_OK('repo, write:packages'), CLASSIC, ACME, WEB), 'repository-access'],
  ['repo.access: other refusal', () => judgeRepoAccess(api(403, { message: 'Repository access blocked' }), USER_OK(), CLASSIC, ACME, WEB), 'repository-access'],
  [
    'repo.push: read only, package refused',
    () => judgeRepoPush(api(200, repoBody('acme', 'Organization', READ)), USER_OK(), ACME, WEB, { kind: 'refused', refusal: denied('permission_denied: write_package') }),
    'repository-access',
  ],
  ['registry.login: classic', () => judgeRegistryLogin({ kind: 'refused', refusal: denied('denied'), realm: REALM }, CLASSIC, 'ghcr.io', PUSH), 'create-token'],
  ['registry.login: fine-grained', () => judgeRegistryLogin({ kind: 'refused', refusal: denied('denied'), realm: REALM }, FINE_GRAINED, 'ghcr.io', PUSH), 'not-fine-grained'],
  ['registry.push: scopes', () => push('permission_denied: The token provided does not match expected scopes.'), 'create-token'],
  ['registry.push: classic ban', () => push('permission_denied: `acme` forbids access via a personal access token (classic). Please use a GitHub App, OAuth App, or a personal access token with fine-grained permissions.'), 'org-policy'],
  ['registry.push: installation, write', () => push('installation not allowed to Write organization package'), 'github-token'],
  ['registry.push: installation, create', () => push('permission_denied: installation not allowed to Create organization package'), 'github-token'],
  ['registry.push: write_package', () => push('permission_denied: write_package'), 'package-access'],
  ['registry.push: create_package', () => push('permission_denied: create_package', { ownerIsOrg: false }), 'package-access'],
  ['registry.push: unauthenticated', () => push('unauthenticated: User cannot be authenticated with the token provided.'), 'create-token'],
  ['registry.push: behind SSO', () => push('denied', { ssoBlocked: true }), 'sso'],
  ['registry.push: denied behind an IP allow list', () => push('denied', { ipBlocked: true }), 'org-policy'],
  ['registry.push: lifetime limit', () => push("permission_denied: The 'acme' organization forbids access via a personal access tokens (classic) if the token's lifetime is greater than 7 days."), 'org-policy'],
  ['registry.push: installation missing', () => push('permission_denied: The requested installation does not exist.'), 'github-token'],
  ['registry.push: insufficient_scope', () => push('authentication required', { challengeError: 'insufficient_scope' }), 'package-access'],
  [
    'token.capabilities: role below write',
    () => judgeTokenCapabilities({ capabilities: deployTable({ 'contents:write': false }), user: USER_OK('repo, write:packages'), repo: api(200, repoBody('acme', 'Organization', READ)), shape: CLASSIC, links: DEPLOY }),
    'repository-access',
  ],
  [
    'token.capabilities: classic without repo',
    () => judgeTokenCapabilities({ capabilities: deployTable({ 'contents:write': false }), user: USER_OK('write:packages'), repo: ORG_REPO, shape: CLASSIC, links: DEPLOY }),
    'deploy-token',
  ],
  [
    'token.capabilities: classic with the scopes',
    () => judgeTokenCapabilities({ capabilities: deployTable({ 'actions:write': false }), user: USER_OK('repo, write:packages'), repo: ORG_REPO, shape: CLASSIC, links: DEPLOY }),
    'repository-access',
  ],
  [
    'token.capabilities: fine-grained',
    () => judgeTokenCapabilities({ capabilities: deployTable({ 'actions:write': false }), user: USER_OK(''), repo: ORG_REPO, shape: FINE_GRAINED, links: DEPLOY }),
    'deploy-token',
  ],
];

describe('every failing finding ends with the guide step that fixes it', () => {
  it.each(FAILURES)('%s', (_name, judge, anchor) => {
    const finding = judge();
    expect(finding.status).toBe('fail');
    expect(guideLinesOf(finding.details)).toEqual([anchor]);
    expect(finding.details.at(-1)).toBe(guideLine(anchor));
    expect(ANCHORS).toContain(anchor);
  });

  it('passing, warning and skipped findings carry none', () => {
    const others = [
      judgeTokenScopes(USER_OK('write:packages'), CLASSIC, PUSH),
      judgeTokenScopes(USER_OK('write:packages, delete_repo'), CLASSIC, PUSH),
      judgeRepoAccess(NOT_FOUND, USER_OK('write:packages'), CLASSIC, ACME, WEB),
      judgeOrgSso(NOT_FOUND, ACME, WEB),
      judgeRegistryPush({ push: null, image: IMAGE, target: ACME, ownerIsOrg: true, links: PUSH }),
    ];
    expect(others.map((f) => f.status)).toEqual(['pass', 'warn', 'warn', 'skip', 'skip']);
    for (const finding of others) expect(guideLinesOf(finding.details)).toEqual([]);
  });
});

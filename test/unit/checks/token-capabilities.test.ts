import { describe, expect, it } from 'vitest';
import { PROFILES } from '../../../src/capabilities/profiles.js';
import { judgeTokenCapabilities } from '../../helpers/raw-judges.js';
import { checksFor } from '../../../src/checks/list.js';
import { CHECK_IDS, PROFILE_CHECK_IDS, type Capability } from '../../../src/types.js';
import { CLASSIC, FINE_GRAINED, INSTALLATION, READ, USER_OK, WRITE, api, offline, repoBody } from '../../helpers/outcomes.js';

const TARGET = { webUrl: 'https://github.com', owner: 'acme', name: 'api', image: 'acme/api' };
const DEPLOY = { target: TARGET, profile: PROFILES.deploy };
const ORG_REPO = api(200, repoBody('acme', 'Organization', WRITE));
const BAD = api(401, { message: 'Bad credentials' });

const NAMES = ['contents:write', 'metadata:read', 'actions:write', 'deployments:write', 'environments:write', 'packages:write'] as const;
/** The deploy table with every needed row granted, then `over` applied. */
function table(over: Partial<Record<(typeof NAMES)[number], boolean | null>> = {}): Capability[] {
  return [
    ...NAMES.map((name) => ({ name, needed: true, granted: over[name] === undefined ? true : over[name], evidence: `evidence of ${name}` })),
    { name: 'organization_administration:write', needed: false, granted: false, evidence: 'no scope admin:org' },
  ];
}

const judge = (capabilities: Capability[], rest: Partial<Parameters<typeof judgeTokenCapabilities>[0]> = {}) =>
  judgeTokenCapabilities({ capabilities, user: USER_OK('repo, write:packages'), repo: ORG_REPO, shape: CLASSIC, links: DEPLOY, ...rest });

describe('checksFor: token.capabilities only when the profile is not push (the push contract keeps its ten ids)', () => {
  it('push: exactly the ten, in order', () => expect(checksFor('push').map((c) => c.id)).toEqual([...CHECK_IDS]));
  it('deploy: the ten, then token.capabilities', () => expect(checksFor('deploy').map((c) => c.id)).toEqual([...CHECK_IDS, ...PROFILE_CHECK_IDS]));
});

describe('judgeTokenCapabilities', () => {
  it('passes when every needed row beyond pushing is granted; the not-needed row does not count', () => {
    const result = judge(table());
    expect(result).toMatchObject({ id: 'token.capabilities', status: 'pass', fix: null });
    expect(result.summary).toContain('contents:write, metadata:read, actions:write, deployments:write, environments:write');
  });

  it('leaves packages:write to the ten checks (token.scopes, registry.push): counted once', () => {
    expect(judge(table({ 'packages:write': false })).status).toBe('pass');
  });

  it('a classic token without repo fails with the classic link, exactly the scopes deploy needs', () => {
    const result = judge(table({ 'contents:write': false, 'actions:write': false }), { user: USER_OK('write:packages') });
    expect(result.status).toBe('fail');
    expect(result.summary).toBe('The token lacks contents:write, actions:write, which deploy needs on acme/api.');
    expect(result.details).toEqual([
      'contents:write: no, evidence of contents:write.',
      'actions:write: no, evidence of actions:write.',
      'Guide: crpat guide deploy-token',
    ]);
    expect(result.fix).toBe(
      'Create a token with exactly the scopes deploy needs (repo, write:packages): https://github.com/settings/tokens/new?scopes=repo,write:packages&description=crpat%20deploy%3A%20acme%2Fapi',
    );
  });

  it('a role below write: the repository access page, whatever the token', () => {
    const repo = api(200, repoBody('acme', 'Organization', READ));
    for (const shape of [CLASSIC, FINE_GRAINED]) {
      const result = judge(table({ 'contents:write': false }), { repo, shape });
      expect(result.fix).toBe('Ask an admin of acme/api to give octocat the Write role (now read): https://github.com/acme/api/settings/access');
    }
  });

  it('classic scopes all there but writes refused: the role is what to ask for', () => {
    expect(judge(table({ 'environments:write': false })).fix).toContain('https://github.com/acme/api/settings/access');
  });

  it('a fine-grained token: the permissions to add, the pre-filled fine-grained link, and the one classic token that does both', () => {
    const result = judge(table({ 'actions:write': false, 'deployments:write': false }), { shape: FINE_GRAINED, user: USER_OK('') });
    expect(result.status).toBe('fail');
    expect(result.fix).toContain('Give the token Actions, Deployments (Read and write) under Repository permissions at https://github.com/settings/personal-access-tokens');
    expect(result.fix).toContain('https://github.com/settings/personal-access-tokens/new?name=crpat+deploy+acme%2Fapi&');
    expect(result.fix).toContain('actions=write&deployments=write');
    expect(result.fix).toContain('https://github.com/settings/tokens/new?scopes=repo,write:packages&');
  });

  it('a fine-grained token that cannot see the repository: select it among the token\'s repositories', () => {
    const result = judge(table({ 'metadata:read': false, 'contents:write': false }), { shape: FINE_GRAINED, repo: api(404, { message: 'Not Found' }) });
    expect(result.fix).toMatch(/^Select acme\/api among the token's repositories \(resource owner acme\)/);
  });

  it('warns when a needed row could not be established, and names why', () => {
    const result = judge(table({ 'environments:write': null }));
    expect(result.status).toBe('warn');
    expect(result.details).toEqual(['environments:write: unknown, evidence of environments:write.']);
  });

  it('a refusal outweighs an unknown: fail, and both are listed', () => {
    const result = judge(table({ 'actions:write': false, 'environments:write': null }));
    expect(result.status).toBe('fail');
    expect(result.summary).toContain('environments:write could not be established');
    expect(result.details).toHaveLength(3); // the two rows, then the guide step
  });

  it('an app token has nothing crpat can link to', () => {
    expect(judge(table({ 'actions:write': false }), { shape: INSTALLATION }).fix).toBeNull();
  });

  it.each([
    ['the token was refused (token.valid)', { user: BAD }, /token\.valid/],
    ['SSO hides the repository (org.sso)', { repo: api(403, { message: 'Resource protected by organization SAML enforcement. You must grant your Personal Access token access to this organization.' }, { 'x-github-sso': 'required; url=https://github.com/orgs/acme/sso?authorization_request=x' }) }, /org\.sso/],
    ['the repository could not be read (repo.access)', { repo: offline() }, /repo\.access/],
    // The address or the account is refused, not the role: "ask for the Write role" cannot help (issue 10).
    [
      "an IP allow list refuses this machine's address (org.policy)",
      { repo: api(403, { message: 'Although you appear to have the correct authorization credentials, the `acme` organization has an IP allow list enabled, and your IP address is not permitted to access this resource.' }) },
      /IP allow list.*org\.policy/,
    ],
    ['GitHub refuses an Enterprise Managed User outside its enterprise (repo.access)', { repo: api(403, { message: 'Unauthorized: As an Enterprise Managed User, you cannot access this content' }) }, /Enterprise Managed User.*repo\.access/],
  ] as const)('skips when %s', (_name, rest, why) => {
    const result = judge(table({ 'contents:write': false }), rest);
    expect(result.status).toBe('skip');
    expect(result.summary).toMatch(why);
  });
});

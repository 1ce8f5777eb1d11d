import { describe, expect, it } from 'vitest';
import { judgeTokenExpiry } from '../../helpers/raw-judges.js';
import { judgeTokenFormat } from '../../../src/checks/token-format.js';
import { recognizeToken } from '../../../src/token/recognize.js';
import { tokenChecksum } from '../../../src/token/checksum.js';
import { judgeTokenScopes } from '../../helpers/raw-judges.js';
import { judgeTokenValid } from '../../helpers/raw-judges.js';
import { PROFILES } from '../../../src/capabilities/profiles.js';
import { CLASSIC, FINE_GRAINED, INSTALLATION, OAUTH, USER_OK, api, offline } from '../../helpers/outcomes.js';

const TARGET = { webUrl: 'https://github.com', owner: 'acme', name: 'api', image: 'acme/api' };
const LINKS = { target: TARGET, profile: PROFILES.push };
const DEPLOY = { target: TARGET, profile: PROFILES.deploy };
/** The note every creation link carries for acme/api. */
const NOTE = (profile: string) => `description=crpat%20${profile}%3A%20acme%2Fapi`;
const NOW = new Date('2026-11-26T12:00:00Z');
const BAD = api(401, { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest', status: '401' });

describe('judgeTokenValid', () => {
  it.each([
    ['200 names the login', USER_OK(), CLASSIC, 'pass', /octocat/],
    ['401 with a good checksum: expired, revoked or deleted, not a typo (ledger github-api §9.7)', BAD, CLASSIC, 'fail', /not a typo/],
    ['401 for a token without checksum may be a typo', BAD, FINE_GRAINED, 'fail', /mistyped/],
    [
      '403 "Resource not accessible by integration" for ghs_ is not "invalid" (ledger github-api §2.2)',
      api(403, { message: 'Resource not accessible by integration' }),
      INSTALLATION,
      'warn',
      /installation token/,
    ],
    [
      '403 login lockout is inconclusive (ledger github-api §2.4)',
      api(403, { message: 'Maximum number of login attempts exceeded. Please try again later.' }),
      CLASSIC,
      'error',
      /too many failed attempts/,
    ],
    [
      '403 primary rate limit is inconclusive (ledger github-api §8)',
      api(403, { message: 'API rate limit exceeded for user ID 1.' }, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1800000000', 'x-ratelimit-limit': '5000' }),
      CLASSIC,
      'error',
      /rate limit/,
    ],
    ['429 secondary limit is inconclusive', api(429, { message: 'You have exceeded a secondary rate limit.' }, { 'retry-after': '30' }), CLASSIC, 'error', /retry after 30 s/],
    ['502 is inconclusive', api(502, 'Bad Gateway'), CLASSIC, 'error', /HTTP 502/],
    ['a timeout is inconclusive, never "bad token"', offline(), CLASSIC, 'error', /did not answer/],
  ] as const)('%s', (_name, outcome, shape, status, summary) => {
    const result = judgeTokenValid(outcome, shape, LINKS);
    expect(result.status).toBe(status);
    expect(result.summary).toMatch(summary);
  });
});

describe('judgeTokenExpiry', () => {
  const at = (value: string) => USER_OK('write:packages', { 'github-authentication-token-expiration': value });
  it.each([
    ['no header: does not expire', USER_OK(), 'pass', /does not expire/],
    ['UTC form, far away', at('2027-06-01 00:00:00 UTC'), 'pass', /2027-06-01 00:00 UTC/],
    ['offset form (ledger github-api §2.3)', at('2027-06-01 02:00:00 +0200'), 'pass', /2027-06-01 00:00 UTC/],
    ['within 7 days warns', at('2026-11-29 12:00:00 UTC'), 'warn', /3 days/],
    ['in the past fails', at('2026-11-20 00:00:00 UTC'), 'fail', /expired/],
    ['after a 401 it is skipped', BAD, 'skip', /token.valid/],
  ] as const)('%s', (_name, outcome, status, summary) => {
    const result = judgeTokenExpiry(outcome, NOW, LINKS);
    expect(result.status).toBe(status);
    expect(result.summary).toMatch(summary);
  });
});

describe('judgeTokenExpiry: warn-days (issue 15)', () => {
  const at = (value: string) => USER_OK('write:packages', { 'github-authentication-token-expiration': value });
  it('12 days left passes at the default 7 and warns at 14; 0 warns only in the last day', () => {
    const outcome = at('2026-12-08 12:00:00 UTC');
    expect(judgeTokenExpiry(outcome, NOW, LINKS).status).toBe('pass');
    expect(judgeTokenExpiry(outcome, NOW, LINKS, 'classic', 14)).toMatchObject({ status: 'warn', summary: expect.stringMatching(/expires in 12 days/) });
    expect(judgeTokenExpiry(at('2026-11-29 12:00:00 UTC'), NOW, LINKS, 'classic', 0).status).toBe('pass');
  });
});

describe('judgeTokenExpiry: renewal in one click (issue 6)', () => {
  const soon = (scopes: string) => USER_OK(scopes, { 'github-authentication-token-expiration': '2026-11-29 12:00:00 UTC' });
  it('a classic token: the creation link with the scopes it had', () => {
    const result = judgeTokenExpiry(soon('repo, read:org, write:packages'), NOW, LINKS);
    expect(result.status).toBe('warn');
    expect(result.fix).toContain(`https://github.com/settings/tokens/new?scopes=repo,read:org,write:packages&${NOTE('push')}`);
    expect(result.fix).toContain('update the CR_PAT secret');
  });
  it('expired: the same link, plus what the profile needs that it lacked', () => {
    const expired = USER_OK('read:org', { 'github-authentication-token-expiration': '2026-11-20 00:00:00 UTC' });
    expect(judgeTokenExpiry(expired, NOW, DEPLOY).fix).toContain('/settings/tokens/new?scopes=read:org,repo,write:packages&');
  });
  it('a fine-grained token is regenerated on its own page, which keeps its permissions', () => {
    expect(judgeTokenExpiry(soon(''), NOW, LINKS, 'fine-grained').fix).toBe(
      'Regenerate it before then at https://github.com/settings/personal-access-tokens and update the CR_PAT secret.',
    );
  });
});

describe('judgeTokenScopes', () => {
  it.each([
    ['write:packages alone is enough: repo is not needed (ledger ghcr §4.2)', USER_OK('write:packages'), CLASSIC, 'pass'],
    ['repo without write:packages fails', USER_OK('repo'), CLASSIC, 'fail'],
    ['read:packages is not enough', USER_OK('read:packages, repo'), CLASSIC, 'fail'],
    ['a classic token with no scopes sends an empty header and fails', USER_OK(''), CLASSIC, 'fail'],
    ['a missing header cannot be judged', api(200, { login: 'octocat' }), CLASSIC, 'warn'],
    ['fine-grained: the ledger says Packages supports only classic tokens', USER_OK(''), FINE_GRAINED, 'fail'],
    ['after a 401 it is skipped', BAD, CLASSIC, 'skip'],
  ] as const)('%s', (_name, outcome, shape, status) => {
    expect(judgeTokenScopes(outcome, shape, LINKS).status).toBe(status);
  });

  it('fine-grained: only warns when the registry itself opened the upload', () => {
    const opened = { kind: 'opened' as const, location: '/v2/x/blobs/uploads/1', cancel: { kind: 'cancelled' as const } };
    expect(judgeTokenScopes(USER_OK(''), FINE_GRAINED, LINKS, opened).status).toBe('warn');
  });

  it('pre-fills the creation link with exactly the scopes the profile needs, and a note naming the target (issue 6)', () => {
    const result = judgeTokenScopes(USER_OK('repo, read:org'), CLASSIC, LINKS);
    expect(result.fix).toContain(`https://github.com/settings/tokens/new?scopes=write:packages&${NOTE('push')}`);
    expect(result.fix).toContain('Edit the token at https://github.com/settings/tokens and tick write:packages');
    expect(judgeTokenScopes(USER_OK('read:org'), CLASSIC, DEPLOY).fix).toContain(`/settings/tokens/new?scopes=repo,write:packages&${NOTE('deploy')}`);
  });

  it('an OAuth token is not sent to edit its scopes: they belong to the app', () => {
    const result = judgeTokenScopes(USER_OK('repo, gist'), OAUTH, LINKS);
    expect(result.status).toBe('fail');
    expect(result.fix).not.toContain('Edit the token');
    expect(result.fix).toContain('scopes=write:packages&');
  });

  it('fine-grained: says why and links a classic token for the profile', () => {
    expect(judgeTokenScopes(USER_OK(''), FINE_GRAINED, DEPLOY).fix).toContain(`/settings/tokens/new?scopes=repo,write:packages&${NOTE('deploy')}`);
  });
});

describe('judgeTokenScopes: too much power (overreach)', () => {
  it.each([
    ['exactly write:packages: pass', 'write:packages', LINKS, 'pass', []],
    ['repo alone is only noted: GitHub ticks it with write:packages and the tutorial asks for it', 'repo, write:packages', LINKS, 'pass', ['repo is not needed to push images']],
    ['repo with another risky scope: both are warned about', 'delete_repo, repo, write:packages', LINKS, 'warn', ['delete_repo', 'repo']],
    ['repo is needed for deploy: pass', 'repo, write:packages', DEPLOY, 'pass', []],
    ['delete_repo and admin:org: warn, each with its risk', 'admin:org, delete_repo, write:packages', LINKS, 'warn', ['admin:org', 'delete_repo']],
  ] as const)('%s', (_name, scopes, links, status, flagged) => {
    const result = judgeTokenScopes(USER_OK(scopes), CLASSIC, links);
    expect(result.status).toBe(status);
    expect(result.details.map((d) => (status === 'pass' ? d.slice(0, 33) : /^(\S+): /.exec(d)?.[1]))).toEqual(flagged);
    if (status === 'warn') {
      expect(result.summary).toContain(flagged.join(', '));
      expect(result.fix).toContain(`Untick ${flagged.join(', ')} at https://github.com/settings/tokens`);
      expect(result.fix).toContain(`/settings/tokens/new?scopes=${links.profile.classicScopes.join(',')}&`);
    }
  });

  it('never turns a failure into a warning: write:packages missing still fails, whatever else the token holds', () => {
    expect(judgeTokenScopes(USER_OK('repo, delete_repo'), CLASSIC, LINKS).status).toBe('fail');
  });

  it('says what a leaked token could do', () => {
    const result = judgeTokenScopes(USER_OK('delete_repo, write:packages'), CLASSIC, LINKS);
    expect(result.details).toEqual(['delete_repo: delete any repository you administer.']);
  });
});

describe('server text in findings', () => {
  it('a login with control characters is cleaned before it is shown', () => {
    const result = judgeTokenValid(api(200, { login: '\u001b]0;pwned\u0007octocat' }), CLASSIC, LINKS);
    expect(result.summary).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
    expect(result.summary).toContain('octocat');
  });
});


describe('checks that read GET /user when it could not be completed', () => {
  it('say token.valid could not be completed, not that GitHub refused the token', () => {
    const noAnswer = offline('dns', 'the name api.github.com does not resolve');
    const expiry = judgeTokenExpiry(noAnswer, new Date(), LINKS);
    const scopes = judgeTokenScopes(noAnswer, CLASSIC, LINKS);
    for (const result of [expiry, scopes]) {
      expect(result.status).toBe('skip');
      expect(result.summary).toMatch(/token\.valid could not be completed/);
      expect(result.summary).not.toMatch(/did not accept/);
    }
  });
});

describe('judgeTokenFormat: wording (issue 14)', () => {
  it.each([
    ['not a token', 'hunter2', 'This is not a GitHub token: GitHub tokens start with ghp_, github_pat_, gho_, ghu_, ghs_ or ghr_.'],
    ['a space inside', 'ghp_abc def', 'The token contains a space; paste it again without spaces.'],
  ])('%s: the recogniser\'s sentence, once', (_name, token, summary) => {
    const result = judgeTokenFormat(recognizeToken(token), LINKS);
    expect(result.status).toBe('fail');
    expect(result.summary).toBe(summary);
  });

  it('an OAuth token is "an OAuth app token"', () => {
    const body = 'a'.repeat(30);
    const result = judgeTokenFormat(recognizeToken(`gho_${body}${tokenChecksum(body)}`), LINKS);
    expect(result.summary).toBe('Recognised an OAuth app token, checksum matches.');
  });
});

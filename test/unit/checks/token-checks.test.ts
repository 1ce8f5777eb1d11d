import { describe, expect, it } from 'vitest';
import { judgeTokenExpiry } from '../../../src/checks/token-expiry.js';
import { judgeTokenScopes } from '../../../src/checks/token-scopes.js';
import { judgeTokenValid } from '../../../src/checks/token-valid.js';
import { CLASSIC, FINE_GRAINED, INSTALLATION, USER_OK, api, offline } from '../../helpers/outcomes.js';

const WEB = 'https://github.com';
const NOW = new Date('2026-11-26T12:00:00Z');
const BAD = api(401, { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest', status: '401' });

describe('judgeTokenValid', () => {
  it.each([
    ['200 names the login', USER_OK(), CLASSIC, 'pass', /octocat/],
    ['401 with a good checksum: expired, revoked or deleted, not a typo (facts §9.7)', BAD, CLASSIC, 'fail', /not a typo/],
    ['401 for a token without checksum may be a typo', BAD, FINE_GRAINED, 'fail', /mistyped/],
    [
      '403 "Resource not accessible by integration" for ghs_ is not "invalid" (facts §2.2)',
      api(403, { message: 'Resource not accessible by integration' }),
      INSTALLATION,
      'warn',
      /installation token/,
    ],
    [
      '403 login lockout is inconclusive (facts §2.4)',
      api(403, { message: 'Maximum number of login attempts exceeded. Please try again later.' }),
      CLASSIC,
      'error',
      /too many failed attempts/,
    ],
    [
      '403 primary rate limit is inconclusive (facts §8)',
      api(403, { message: 'API rate limit exceeded for user ID 1.' }, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1800000000', 'x-ratelimit-limit': '5000' }),
      CLASSIC,
      'error',
      /rate limit/,
    ],
    ['429 secondary limit is inconclusive', api(429, { message: 'You have exceeded a secondary rate limit.' }, { 'retry-after': '30' }), CLASSIC, 'error', /retry after 30 s/],
    ['502 is inconclusive', api(502, 'Bad Gateway'), CLASSIC, 'error', /HTTP 502/],
    ['a timeout is inconclusive, never "bad token"', offline(), CLASSIC, 'error', /did not answer/],
  ] as const)('%s', (_name, outcome, shape, status, summary) => {
    const result = judgeTokenValid(outcome, shape, WEB);
    expect(result.status).toBe(status);
    expect(result.summary).toMatch(summary);
  });
});

describe('judgeTokenExpiry', () => {
  const at = (value: string) => USER_OK('write:packages', { 'github-authentication-token-expiration': value });
  it.each([
    ['no header: does not expire', USER_OK(), 'pass', /does not expire/],
    ['UTC form, far away', at('2027-06-01 00:00:00 UTC'), 'pass', /2027-06-01 00:00 UTC/],
    ['offset form (facts §2.3)', at('2027-06-01 02:00:00 +0200'), 'pass', /2027-06-01 00:00 UTC/],
    ['within 7 days warns', at('2026-11-29 12:00:00 UTC'), 'warn', /3 days/],
    ['in the past fails', at('2026-11-20 00:00:00 UTC'), 'fail', /expired/],
    ['after a 401 it is skipped', BAD, 'skip', /token.valid/],
  ] as const)('%s', (_name, outcome, status, summary) => {
    const result = judgeTokenExpiry(outcome, NOW, WEB);
    expect(result.status).toBe(status);
    expect(result.summary).toMatch(summary);
  });
});

describe('judgeTokenScopes', () => {
  it.each([
    ['write:packages alone is enough: repo is not needed (facts ghcr §4.2)', USER_OK('write:packages'), CLASSIC, 'pass'],
    ['repo without write:packages fails', USER_OK('repo'), CLASSIC, 'fail'],
    ['read:packages is not enough', USER_OK('read:packages, repo'), CLASSIC, 'fail'],
    ['a classic token with no scopes sends an empty header and fails', USER_OK(''), CLASSIC, 'fail'],
    ['a missing header cannot be judged', api(200, { login: 'octocat' }), CLASSIC, 'warn'],
    ['fine-grained: the facts say Packages supports only classic tokens', USER_OK(''), FINE_GRAINED, 'fail'],
    ['after a 401 it is skipped', BAD, CLASSIC, 'skip'],
  ] as const)('%s', (_name, outcome, shape, status) => {
    expect(judgeTokenScopes(outcome, shape, WEB).status).toBe(status);
  });

  it('fine-grained: only warns when the registry itself opened the upload', () => {
    const opened = { kind: 'opened' as const, location: '/v2/x/blobs/uploads/1', cancel: { kind: 'cancelled' as const } };
    expect(judgeTokenScopes(USER_OK(''), FINE_GRAINED, WEB, opened).status).toBe('warn');
  });

  it('pre-fills the creation link with write:packages and the scopes the token had', () => {
    const result = judgeTokenScopes(USER_OK('repo, read:org'), CLASSIC, WEB);
    expect(result.fix).toContain('https://github.com/settings/tokens/new?scopes=write:packages,repo,read:org&description=CR_PAT');
  });
});

describe('server text in findings', () => {
  it('a login with control characters is cleaned before it is shown', () => {
    const result = judgeTokenValid(api(200, { login: '\u001b]0;pwned\u0007octocat' }), CLASSIC, WEB);
    expect(result.summary).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
    expect(result.summary).toContain('octocat');
  });
});


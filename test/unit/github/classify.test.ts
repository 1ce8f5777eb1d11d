import { describe, expect, it } from 'vitest';
import { classifyApi, isUndecided, retryDetails, undecidedSummary } from '../../../src/github/classify.js';
import { FLAG_WORDS } from '../../../src/cli/setting-words.js';
import { NetError } from '../../../src/http/net-error.js';
import { RETRY_HEADER } from '../../../src/http/retry.js';
import { api } from '../../helpers/outcomes.js';

// Messages from ledger github-api §8.
const SECONDARY = 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.';
const PRIMARY =
  'API rate limit exceeded for user ID 1. If you reach out to GitHub Support for help, please include the request ID 0000:1111 and timestamp 2026-11-26 12:00:00 UTC.';
const WHAT = 'ask GitHub whether it accepts the token';

describe('classifyApi: a 2xx is only "ok" when its body can be read', () => {
  it.each([
    ['a JSON object', api(200, { login: 'octocat' }), 'ok'],
    ['204 without a body', api(204, ''), 'ok'],
    ['malformed JSON (octokit hands over the text)', api(200, '{"login":"octocat",,}'), 'malformed'],
    ['an empty 200', api(200, ''), 'malformed'],
    ['a JSON array where an object belongs', api(200, [1, 2]), 'malformed'],
    ['binary', api(200, new ArrayBuffer(4)), 'malformed'],
  ] as const)('%s → %s', (_name, outcome, kind) => {
    const meaning = classifyApi(outcome);
    expect(meaning.kind).toBe(kind);
    expect(isUndecided(meaning)).toBe(kind !== 'ok');
  });
});

describe('undecidedSummary names what happened and what to try', () => {
  it('a server error, retried', () => {
    const outcome = api(503, { message: 'Service Unavailable' }, { [RETRY_HEADER]: 'attempts=3; waited-ms=750' });
    expect(undecidedSummary(classifyApi(outcome), WHAT, FLAG_WORDS)).toBe(
      `Could not ${WHAT}: GitHub answered HTTP 503, a server error (3 attempts). Try again in a few minutes.`,
    );
  });

  it('the secondary rate limit, after waiting out Retry-After', () => {
    const outcome = api(429, { message: SECONDARY }, { 'retry-after': '1', [RETRY_HEADER]: 'attempts=3; waited-ms=2000; retry-after=1' });
    const summary = undecidedSummary(classifyApi(outcome), WHAT, FLAG_WORDS);
    expect(summary).toContain(`GitHub's secondary rate limit stopped the request ("${SECONDARY}")`);
    expect(summary).toContain('crpat waited as GitHub asked (Retry-After: 1 s) and tried 3 times');
    expect(summary).toMatch(/Wait a few minutes, then try again\.$/);
  });

  it('the secondary rate limit with a long Retry-After is not waited for, only said', () => {
    const summary = undecidedSummary(classifyApi(api(403, { message: SECONDARY }, { 'retry-after': '60' })), WHAT, FLAG_WORDS);
    expect(summary).toMatch(/GitHub asks to retry after 60 s \(Retry-After\)\.$/);
  });

  it('a Retry-After given as an HTTP-date is read too, measured against the answer\'s Date header', () => {
    const headers = { date: 'Sat, 05 Dec 2026 01:00:00 GMT', 'retry-after': 'Sat, 05 Dec 2026 01:01:30 GMT' };
    const meaning = classifyApi(api(403, { message: SECONDARY }, headers));
    expect(meaning).toMatchObject({ kind: 'rate-limited', retryAfter: 90 });
    expect(undecidedSummary(meaning, WHAT, FLAG_WORDS)).toMatch(/GitHub asks to retry after 90 s \(Retry-After\)\.$/);
  });

  it('the primary limit names its reset time', () => {
    const outcome = api(403, { message: PRIMARY }, { 'x-ratelimit-limit': '5000', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1800000000' });
    const summary = undecidedSummary(classifyApi(outcome), WHAT, FLAG_WORDS);
    expect(summary).toContain(`the API rate limit of the token's user is used up ("${PRIMARY}")`);
    expect(summary).toContain('Try again after 2027-01-15T08:00:00.000Z, when it resets');
  });

  it('x-ratelimit-remaining: 0 alone marks a 403 as the primary limit', () => {
    expect(classifyApi(api(403, { message: 'Forbidden' }, { 'x-ratelimit-remaining': '0' })).kind).toBe('rate-limited');
  });

  it('a body that is not JSON', () => {
    expect(undecidedSummary(classifyApi(api(200, 'not json')), WHAT, FLAG_WORDS)).toBe(
      `Could not ${WHAT}: GitHub answered HTTP 200 with a body that is not the JSON expected. Try again; if it keeps happening, check that --api-url points at GitHub's REST API (a proxy or captive portal may be answering instead).`,
    );
  });

  it.each([
    ['timeout', /did not answer within 1 s \(3 attempts\)\. Try again; on a slow network or behind a proxy, raise --timeout\.$/],
    ['dns', /Check the host name \(--api-url\)/],
    ['reset', /proxy, VPN or firewall/],
    ['closed', /proxy, VPN or firewall/],
    ['redirect', /not one that redirects/],
    ['too-large', /points at GitHub's REST API/],
    ['tls', /NODE_EXTRA_CA_CERTS/],
  ] as const)('a network failure (%s) says what to try', (kind, advice) => {
    const message = kind === 'timeout' ? 'api.example did not answer within 1 s' : `${kind} happened`;
    const meaning = classifyApi({ kind: 'network', error: new NetError(kind, message, kind === 'timeout' ? 3 : 1) });
    expect(undecidedSummary(meaning, WHAT, FLAG_WORDS)).toMatch(advice);
  });
});

describe('retryDetails', () => {
  it('says nothing for an answer that came at once', () => {
    expect(retryDetails(api(200, {}))).toEqual([]);
  });

  it('says a Retry-After was waited out', () => {
    expect(retryDetails(api(200, {}, { [RETRY_HEADER]: 'attempts=2; waited-ms=1000; retry-after=1' }))).toEqual([
      'GitHub asked crpat to wait (Retry-After: 1 s); it waited 1 s and got this answer on attempt 2.',
    ]);
  });

  it('says a failed first answer was retried', () => {
    expect(retryDetails(api(200, {}, { [RETRY_HEADER]: 'attempts=2; waited-ms=250' }))).toEqual([
      'The first answer failed (a server error, reset or timeout); crpat retried and got this answer on attempt 2.',
    ]);
  });
});

describe('text from a server never reaches the terminal raw', () => {
  it.each([
    ['a JSON message', api(429, { message: '\u001b]0;pwned\u0007rate limit \u009b31mexceeded' })],
    ['a text body', api(418, '\u001b[2J\u001b[HI am a teapot')],
  ])('%s is cleaned of control characters', (_name, outcome) => {
    const meaning = classifyApi(outcome);
    expect('message' in meaning && meaning.message).toBeTruthy();
    expect(undecidedSummary(meaning, 'read it', FLAG_WORDS)).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
  });
});


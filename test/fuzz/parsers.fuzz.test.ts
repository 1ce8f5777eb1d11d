/**
 * Never-throws properties for every parser, at fuzzing volume: `FUZZ_RUNS=100000 vitest run test/fuzz`.
 * The unit tests hold the same properties at 200 runs and the exact expectations; this file only checks that any
 * input gets an answer of the documented shape.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyApi, isUndecided, undecidedSummary } from '../../src/github/classify.js';
import { parseGitHubError } from '../../src/github/error-body.js';
import { OPTION_WORDS } from '../../src/settings.js';
import { formatRetryNote, parseRetryNote, RETRY_HEADER } from '../../src/http/retry.js';
import {
  expandScopes,
  parseRateLimit,
  parseRetryAfter,
  parseScopes,
  parseSsoHeader,
  parseTokenExpiration,
} from '../../src/github/headers.js';
import { parseWwwAuthenticate } from '../../src/registry/challenge.js';
import { parseRegistryErrors } from '../../src/registry/error-body.js';
import { defaultEndpoints, isLoopbackHost, parseApiUrl, parseRegistry } from '../../src/destination/endpoints.js';
import { parseGitRemote, parseRepoTarget } from '../../src/destination/parse.js';
import { maskToken } from '../../src/token/mask.js';
import { recognizeToken } from '../../src/token/recognize.js';
import {
  anyString,
  anyValidToken,
  challengeHeader,
  expectReason,
  expirationHeader,
  nearby,
  repoInput,
  runs,
  scopesHeader,
} from './arbitraries.js';

const RUNS = runs(1000);

type Answer = { ok: true } | { ok: false; reason: string };
const expectAnswer = (result: Answer): void => {
  if (!result.ok) expectReason(result.reason);
};

const urlLike = nearby(fc.constantFrom('https://api.github.com', 'http://[::1]:5000', 'ghcr.io', 'https://ghe.example.com/api/v3/'));
const json = fc.oneof(fc.json(), fc.jsonValue().map((v) => JSON.stringify({ errors: [v], message: v })));

describe('fuzz: parsers never throw', () => {
  it('repository targets', () => {
    fc.assert(
      fc.property(fc.oneof(anyString, nearby(repoInput), nearby(nearby(repoInput))), (input) => {
        expectAnswer(parseRepoTarget(input));
        expectAnswer(parseGitRemote(input));
      }),
      RUNS,
    );
  });

  it('endpoints', () => {
    fc.assert(
      fc.property(fc.oneof(anyString, urlLike), (input) => {
        expect(typeof isLoopbackHost(input)).toBe('boolean');
        expectAnswer(parseApiUrl(input));
        expectAnswer(parseRegistry(input));
        expect(typeof defaultEndpoints(input).apiUrl).toBe('string');
      }),
      RUNS,
    );
  });

  it('tokens', () => {
    fc.assert(
      fc.property(fc.oneof(anyString, nearby(anyValidToken), nearby(nearby(anyValidToken))), (token) => {
        const shape = recognizeToken(token);
        expect(['valid', 'invalid', 'not-applicable']).toContain(shape.checksum);
        if (shape.problem) expect(shape.problem.message).toMatch(/^[A-Z].*\.$/);
        expect(maskToken(token)).toMatch(/\*{4}$/);
      }),
      RUNS,
    );
  });

  it('GitHub headers', () => {
    const value = fc.oneof(anyString, scopesHeader, expirationHeader.map((e) => e.header), nearby(expirationHeader.map((e) => e.header)));
    fc.assert(
      fc.property(value, fc.date({ noInvalidDate: false }), (header, now) => {
        expandScopes(parseScopes(header) ?? []);
        const expiration = parseTokenExpiration(header);
        if (expiration) expectAnswer(expiration);
        parseSsoHeader(header);
        parseSsoHeader(`required; url=${header}`);
        parseSsoHeader(`partial-results; organizations=${header}`);
        const retry = parseRetryAfter(header, now);
        expect(retry === null || retry >= 0).toBe(true);
      }),
      RUNS,
    );
  });

  it('rate-limit headers', () => {
    const text = fc.oneof(fc.nat().map(String), fc.string({ unit: 'binary-ascii', maxLength: 20 }));
    fc.assert(
      fc.property(text, text, text, text, text, (limit, remaining, reset, used, resource) => {
        const headers = new Headers();
        const pairs = { limit, remaining, reset, used, resource };
        for (const [name, v] of Object.entries(pairs)) {
          try {
            headers.set(`x-ratelimit-${name}`, v);
          } catch {
            // Headers refuses values no server can send (NUL, CR/LF).
          }
        }
        const parsed = parseRateLimit(headers);
        if (parsed) expect(Number.isNaN(parsed.reset.getTime())).toBe(false);
      }),
      RUNS,
    );
  });

  it('error bodies', () => {
    fc.assert(
      fc.property(fc.oneof(anyString, json), (text) => {
        const github = parseGitHubError(text);
        if (github) expect(github.message.length).toBeLessThanOrEqual(500);
        expect(parseRegistryErrors(text).length).toBeLessThanOrEqual(20);
      }),
      RUNS,
    );
  });

  it('WWW-Authenticate challenges', () => {
    fc.assert(
      fc.property(fc.oneof(anyString, nearby(challengeHeader.map((c) => c.header))), (header) => {
        expectAnswer(parseWwwAuthenticate(header));
      }),
      RUNS,
    );
  });

  it('retry notes, and what a REST answer means', () => {
    const note = fc
      .record({ attempts: fc.nat(999), waitedMs: fc.nat(999_999_999), retryAfterSeconds: fc.option(fc.nat(999_999_999)) })
      .map((n) => formatRetryNote(n));
    const header = fc.oneof(anyString, nearby(note));
    fc.assert(
      fc.property(header, fc.integer({ min: 200, max: 599 }), fc.oneof(fc.jsonValue(), anyString), header, (value, status, body, rate) => {
        const parsed = parseRetryNote(value);
        if (parsed) expect(parseRetryNote(formatRetryNote(parsed))).toEqual(parsed);
        const headers = new Headers();
        try {
          headers.set(RETRY_HEADER, value);
          headers.set('retry-after', rate);
          headers.set('x-ratelimit-remaining', rate);
        } catch {
          // Headers refuses values no server can send (NUL, CR/LF).
        }
        const meaning = classifyApi({ kind: 'response', status, headers, body, requestId: null });
        if (isUndecided(meaning)) expect(undecidedSummary(meaning, 'read it', OPTION_WORDS)).toMatch(/^Could not read it: /);
      }),
      RUNS,
    );
  });
});


import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  expandScopes,
  parseRateLimit,
  parseRetryAfter,
  parseScopes,
  parseSsoHeader,
  parseTokenExpiration,
} from '../../../src/github/headers.js';
import { anyString, expectReason, expirationHeader, headerValue, runs, scopesHeader } from '../../fuzz/arbitraries.js';

describe('parseScopes', () => {
  it.each<[string, string | null | undefined, string[] | null]>([
    ['absent (null)', null, null],
    ['absent (undefined)', undefined, null],
    ['present but empty (ledger github-api §2.3: fine-grained, App, scope-less classic)', '', []],
    ['blank', '  ', []],
    ['ledger github-api §2.3 "repo, user"', 'repo, user', ['repo', 'user']],
    ['ledger github-api §2.3 "read:org, repo"', 'read:org, repo', ['read:org', 'repo']],
    ['ledger github-api §10 "repo, write:packages"', 'repo, write:packages', ['repo', 'write:packages']],
    ['no spaces', 'repo,write:packages', ['repo', 'write:packages']],
    ['empty items dropped', ',repo,, gist ,', ['repo', 'gist']],
  ])('%s', (_case, header, want) => {
    expect(parseScopes(header)).toEqual(want);
  });
});

describe('expandScopes (github/docs scopes-for-oauth-apps.md)', () => {
  it.each<[string, string[], string[]]>([
    ['nothing', [], []],
    ['repo', ['repo'], ['repo', 'repo:status', 'repo_deployment', 'public_repo', 'repo:invite', 'security_events']],
    ['write:packages ⇒ read:packages', ['write:packages'], ['write:packages', 'read:packages']],
    ['delete:packages implies nothing', ['delete:packages'], ['delete:packages']],
    ['admin:org ⇒ write:org ⇒ read:org', ['admin:org'], ['admin:org', 'write:org', 'read:org', 'manage_runners:org']],
    ['admin:public_key', ['admin:public_key'], ['admin:public_key', 'write:public_key', 'read:public_key']],
    ['admin:repo_hook', ['admin:repo_hook'], ['admin:repo_hook', 'write:repo_hook', 'read:repo_hook']],
    ['admin:gpg_key', ['admin:gpg_key'], ['admin:gpg_key', 'write:gpg_key', 'read:gpg_key']],
    ['admin:ssh_signing_key', ['admin:ssh_signing_key'], ['admin:ssh_signing_key', 'write:ssh_signing_key', 'read:ssh_signing_key']],
    ['user', ['user'], ['user', 'read:user', 'user:email', 'user:follow']],
    ['project', ['project'], ['project', 'read:project']],
    ['codespace', ['codespace'], ['codespace', 'codespace:secrets']],
    ['admin:enterprise', ['admin:enterprise'], ['admin:enterprise', 'manage_runners:enterprise', 'manage_billing:enterprise', 'read:enterprise']],
    ['write:discussion', ['write:discussion'], ['write:discussion', 'read:discussion']],
    ['audit_log', ['audit_log'], ['audit_log', 'read:audit_log']],
    ['copilot', ['copilot'], ['copilot', 'manage_billing:copilot']],
    ['unknown scopes kept as they are', ['workflow', 'gist', 'future:scope'], ['workflow', 'gist', 'future:scope']],
    ['object-prototype names are plain scopes', ['__proto__', 'constructor'], ['__proto__', 'constructor']],
    ['docs "Normalized scopes" example', ['user', 'gist'], ['user', 'gist', 'read:user', 'user:email', 'user:follow']],
  ])('%s', (_case, scopes, want) => {
    expect([...expandScopes(scopes)].sort()).toEqual([...want].sort());
  });
});

describe('parseTokenExpiration (ledger github-api §2.3)', () => {
  it.each<[string, string, string]>([
    ['ledger github-api §10 example', '2026-01-01 00:00:00 UTC', '2026-01-01T00:00:00.000Z'],
    ['ledger github-api §2.3 example 1', '2022-05-08 12:28:34 UTC', '2022-05-08T12:28:34.000Z'],
    ['ledger github-api §2.3 example 2', '2021-09-03 02:34:04 UTC', '2021-09-03T02:34:04.000Z'],
    ['ledger github-api §2.3 offset form', '2023-04-26 23:23:18 +0200', '2023-04-26T21:23:18.000Z'],
    ['negative offset crossing midnight', '2023-04-26 23:23:18 -0530', '2023-04-27T04:53:18.000Z'],
    ['24-hour clock, afternoon (go-github #2649)', '2022-05-08 13:05:00 UTC', '2022-05-08T13:05:00.000Z'],
    ['leap day', '2024-02-29 00:00:00 UTC', '2024-02-29T00:00:00.000Z'],
    ['surrounding blanks', ' 2026-01-01 00:00:00 UTC ', '2026-01-01T00:00:00.000Z'],
  ])('%s: %s', (_case, header, iso) => {
    const result = parseTokenExpiration(header);
    expect(result?.ok && result.value.toISOString()).toBe(iso);
  });

  it.each([null, undefined])('absent (%s) → null: the token does not expire', (header) => {
    expect(parseTokenExpiration(header)).toBeNull();
  });

  it.each([
    ['empty', ''],
    ['ISO 8601', '2026-01-01T00:00:00Z'],
    ['12-hour clock', '2026-01-01 01:00:00 PM UTC'],
    ['hour 24', '2026-01-01 24:00:00 UTC'],
    ['month 13', '2026-13-01 00:00:00 UTC'],
    ['31 April', '2026-04-31 00:00:00 UTC'],
    ['29 February, common year', '2025-02-29 00:00:00 UTC'],
    ['GMT', '2026-01-01 00:00:00 GMT'],
    ['offset with colon', '2026-01-01 00:00:00 +02:00'],
    ['offset minutes 60', '2026-01-01 00:00:00 +0260'],
    ['year 0099', '0099-01-01 00:00:00 UTC'],
  ])('refuses %s', (_case, header) => {
    const result = parseTokenExpiration(header);
    expect(result?.ok).toBe(false);
    if (result && !result.ok) expectReason(result.reason);
  });
});

describe('parseSsoHeader (ledger github-api §2.3, §4.4)', () => {
  const url = 'https://github.com/orgs/octo-org/sso?authorization_request=AZ09-_abc';
  it.each<[string, string | null | undefined, ReturnType<typeof parseSsoHeader>]>([
    ['absent', null, null],
    ['absent (undefined)', undefined, null],
    ['empty', '', null],
    ['ledger github-api §2.3 required form', `required; url=${url}`, { kind: 'required', url }],
    ['no space after ;', `required;url=${url}`, { kind: 'required', url }],
    ['upper-case keyword', `Required; URL=${url}`, { kind: 'required', url }],
    ['enterprise SSO', 'required; url=https://github.com/enterprises/acme/sso?authorization_request=x', { kind: 'required', url: 'https://github.com/enterprises/acme/sso?authorization_request=x' }],
    ['GHES host', 'required; url=https://ghe.example.com/orgs/o/sso?authorization_request=x', { kind: 'required', url: 'https://ghe.example.com/orgs/o/sso?authorization_request=x' }],
    ['required without url', 'required', null],
    ['http url ignored', 'required; url=http://github.com/orgs/o/sso?authorization_request=x', null],
    ['javascript url ignored', 'required; url=javascript:alert(1)', null],
    ['credentials in url ignored', 'required; url=https://a:b@github.com/orgs/o/sso', null],
    ['IP host ignored', 'required; url=https://10.0.0.1/orgs/o/sso', null],
    ['port ignored', 'required; url=https://github.com:8443/orgs/o/sso', null],
    ['other path ignored', 'required; url=https://github.com/login/oauth/authorize', null],
    ['ledger github-api §2.3 partial-results form', 'partial-results; organizations=21955855,20582480', { kind: 'partial-results', organizationIds: [21955855, 20582480] }],
    ['partial-results with spaces', 'partial-results; organizations=1, 2 ,3', { kind: 'partial-results', organizationIds: [1, 2, 3] }],
    ['partial-results, junk ids dropped', 'partial-results; organizations=1,x,-2,3.5,4', { kind: 'partial-results', organizationIds: [1, 4] }],
    ['partial-results without list', 'partial-results', { kind: 'partial-results', organizationIds: [] }],
    ['unknown keyword', 'optional; url=x', null],
  ])('%s', (_case, header, want) => {
    expect(parseSsoHeader(header)).toEqual(want);
  });
});

describe('parseRateLimit (ledger github-api §8)', () => {
  const full = {
    'x-ratelimit-limit': '5000',
    'x-ratelimit-remaining': '4999',
    'x-ratelimit-used': '1',
    'x-ratelimit-reset': '1767225600',
    'x-ratelimit-resource': 'core',
  };
  it.each<[string, Record<string, string>, ReturnType<typeof parseRateLimit>]>([
    ['ledger github-api §10 valid classic PAT headers', full, { limit: 5000, remaining: 4999, used: 1, reset: new Date('2026-01-01T00:00:00Z'), resource: 'core' }],
    ['ledger github-api §8 exhausted', { ...full, 'x-ratelimit-remaining': '0', 'x-ratelimit-used': '5000' }, { limit: 5000, remaining: 0, used: 5000, reset: new Date('2026-01-01T00:00:00Z'), resource: 'core' }],
    ['ledger github-api §10 anonymous, limit 60', { ...full, 'x-ratelimit-limit': '60', 'x-ratelimit-remaining': '59' }, { limit: 60, remaining: 59, used: 1, reset: new Date('2026-01-01T00:00:00Z'), resource: 'core' }],
    ['without used and resource', { 'x-ratelimit-limit': '1', 'x-ratelimit-remaining': '1', 'x-ratelimit-reset': '0' }, { limit: 1, remaining: 1, used: null, reset: new Date(0), resource: null }],
    ['junk resource dropped', { ...full, 'x-ratelimit-resource': 'co re!' }, { limit: 5000, remaining: 4999, used: 1, reset: new Date('2026-01-01T00:00:00Z'), resource: null }],
    ['ledger github-api §6: GHES sends none', {}, null],
    ['ledger github-api §2.4: bad-credential 401 sends none', { 'content-type': 'application/json' }, null],
    ['missing reset', { 'x-ratelimit-limit': '5000', 'x-ratelimit-remaining': '0' }, null],
    ['negative remaining', { ...full, 'x-ratelimit-remaining': '-1' }, null],
    ['fractional limit', { ...full, 'x-ratelimit-limit': '1.5' }, null],
    ['reset too far to be a date', { ...full, 'x-ratelimit-reset': '9999999999999' }, null],
  ])('%s', (_case, headers, want) => {
    expect(parseRateLimit(new Headers(headers))).toEqual(want);
  });
});

describe('parseRetryAfter', () => {
  const now = new Date('2026-01-01T00:00:00Z');
  it.each<[string, string | null, number | null]>([
    ['absent', null, null],
    ['delta-seconds (ledger github-api §8)', '60', 60],
    ['zero', '0', 0],
    ['surrounding blanks', ' 30 ', 30],
    ['large, not capped', '86400000', 86400000],
    ['IMF-fixdate in the future', 'Thu, 01 Jan 2026 00:01:30 GMT', 90],
    ['IMF-fixdate in the past → 0', 'Wed, 31 Dec 2025 23:00:00 GMT', 0],
    ['RFC 9110 example date (past)', 'Sun, 06 Nov 1994 08:49:37 GMT', 0],
    ['empty (ledger github-api §8: "can sometimes be blank")', '', null],
    ['negative', '-5', null],
    ['fraction', '1.5', null],
    ['junk', 'soon', null],
    ['invalid date', 'Thu, 31 Feb 2026 00:00:00 GMT', null],
    ['bad month', 'Thu, 01 Foo 2026 00:00:00 GMT', null],
  ])('%s', (_case, value, want) => {
    expect(parseRetryAfter(value, now)).toBe(want);
  });
});

describe('properties', () => {
  it('scopes round-trip through the header and their expansion contains them', () => {
    fc.assert(
      fc.property(scopesHeader, (header) => {
        const scopes = parseScopes(header) ?? [];
        for (const scope of scopes) expect(scope).toBe(scope.trim());
        const expanded = expandScopes(scopes);
        for (const scope of scopes) expect(expanded.has(scope)).toBe(true);
        expect([...expandScopes([...expanded])].sort()).toEqual([...expanded].sort());
      }),
      runs(200),
    );
  });

  it('every expiration header spelling parses to its instant', () => {
    fc.assert(
      fc.property(expirationHeader, ({ instant, header }) => {
        const result = parseTokenExpiration(header);
        expect(result?.ok && result.value.getTime()).toBe(instant.getTime());
      }),
      runs(200),
    );
  });

  it('SSO required URLs are always https', () => {
    fc.assert(
      fc.property(headerValue, (value) => {
        const sso = parseSsoHeader(`required; url=${value}`);
        if (sso?.kind === 'required') expect(sso.url.startsWith('https://')).toBe(true);
      }),
      runs(200),
    );
  });

  it('header parsers never throw and return the documented shape', () => {
    fc.assert(
      fc.property(headerValue, fc.date({ noInvalidDate: false }), (value, now) => {
        const scopes = parseScopes(value);
        expect(Array.isArray(scopes)).toBe(true);
        const expiration = parseTokenExpiration(value);
        if (expiration?.ok) expect(Number.isNaN(expiration.value.getTime())).toBe(false);
        else if (expiration) expectReason(expiration.reason);
        const sso = parseSsoHeader(value);
        expect(sso === null || sso.kind === 'required' || sso.kind === 'partial-results').toBe(true);
        const retry = parseRetryAfter(value, now);
        expect(retry === null || (Number.isInteger(retry) && retry >= 0)).toBe(true);
      }),
      runs(200),
    );
  });

  it('parseRateLimit never throws on any header values', () => {
    const names = ['x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset', 'x-ratelimit-used', 'x-ratelimit-resource'];
    const value = fc.oneof(fc.nat().map(String), fc.string({ unit: 'binary-ascii', maxLength: 20 }));
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...names), value), { maxLength: 6 }), (pairs) => {
        const headers = new Headers();
        for (const [name, v] of pairs) {
          try {
            headers.set(name, v);
          } catch {
            // Headers itself refuses some values (NUL, CR/LF); a server cannot send those.
          }
        }
        const limit = parseRateLimit(headers);
        if (limit !== null) {
          expect(Number.isInteger(limit.limit) && Number.isInteger(limit.remaining)).toBe(true);
          expect(Number.isNaN(limit.reset.getTime())).toBe(false);
        }
      }),
      runs(200),
    );
  });

  it('arbitrary strings never throw anywhere', () => {
    fc.assert(
      fc.property(anyString, (s) => {
        parseScopes(s);
        parseTokenExpiration(s);
        parseSsoHeader(s);
        parseRetryAfter(s, new Date(0));
        expandScopes(s.split(','));
      }),
      runs(200),
    );
  });
});

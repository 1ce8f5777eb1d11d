import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseWwwAuthenticate } from '../../../src/registry/challenge.js';
import { anyString, challengeHeader, expectReason, headerValue, nearby, runs } from '../../fuzz/arbitraries.js';

describe('parseWwwAuthenticate accepts', () => {
  it.each<[string, string, string, Record<string, string>]>([
    [
      'ghcr §1.1 /v2/ placeholder challenge',
      'Bearer realm="https://ghcr.io/token",service="ghcr.io",scope="repository:user/image:pull"',
      'bearer',
      { realm: 'https://ghcr.io/token', service: 'ghcr.io', scope: 'repository:user/image:pull' },
    ],
    [
      'ghcr §1.2 blob HEAD challenge',
      'Bearer realm="https://ghcr.io/token",service="ghcr.io",scope="repository:sap-samples/btp-setup-automator:pull"',
      'bearer',
      { realm: 'https://ghcr.io/token', service: 'ghcr.io', scope: 'repository:sap-samples/btp-setup-automator:pull' },
    ],
    [
      'ghcr §7.4 distribution /v2/ (no scope)',
      'Bearer realm="http://127.0.0.1:5056/token",service="ghcr.io"',
      'bearer',
      { realm: 'http://127.0.0.1:5056/token', service: 'ghcr.io' },
    ],
    [
      'ghcr §7.4 comma inside a quoted scope',
      'Bearer realm="http://127.0.0.1:5056/token",service="ghcr.io",scope="repository:octo-org/my-app:pull,push"',
      'bearer',
      { realm: 'http://127.0.0.1:5056/token', service: 'ghcr.io', scope: 'repository:octo-org/my-app:pull,push' },
    ],
    [
      'ghcr §7.4 insufficient_scope',
      'Bearer realm="http://127.0.0.1:5056/token",service="ghcr.io",scope="repository:octo-org/my-app:pull,push",error="insufficient_scope"',
      'bearer',
      { realm: 'http://127.0.0.1:5056/token', service: 'ghcr.io', scope: 'repository:octo-org/my-app:pull,push', error: 'insufficient_scope' },
    ],
    [
      'ghcr §7.4 two scopes separated by a space',
      'Bearer realm="r",service="ghcr.io",scope="repository:octo-org/my-app:push,pull repository:octo-org/other:pull",error="insufficient_scope"',
      'bearer',
      { realm: 'r', service: 'ghcr.io', scope: 'repository:octo-org/my-app:push,pull repository:octo-org/other:pull', error: 'insufficient_scope' },
    ],
    ['ghcr §7.4 invalid_token', 'Bearer realm="r",service="s",error="invalid_token"', 'bearer', { realm: 'r', service: 's', error: 'invalid_token' }],
    ['spaces after commas and around =', 'Bearer realm = "r" ,  service="s"', 'bearer', { realm: 'r', service: 's' }],
    ['param names case-insensitive', 'BEARER Realm="r",SERVICE="s"', 'bearer', { realm: 'r', service: 's' }],
    ['escaped quote and backslash', 'Bearer realm="a\\"b\\\\c"', 'bearer', { realm: 'a"b\\c' }],
    ['unquoted token values', 'Bearer realm=r,service=ghcr.io', 'bearer', { realm: 'r', service: 'ghcr.io' }],
    ['lenient unquoted URL value', 'Bearer realm=https://ghcr.io/token', 'bearer', { realm: 'https://ghcr.io/token' }],
    ['empty list items', 'Bearer ,realm="r",,service="s",', 'bearer', { realm: 'r', service: 's' }],
    ['first duplicate wins', 'Bearer realm="a",realm="b"', 'bearer', { realm: 'a' }],
    ['__proto__ is a plain param', 'Bearer __proto__="x"', 'bearer', { ['__proto__']: 'x' }],
    ['scheme only', 'Bearer', 'bearer', {}],
    ['Basic with realm', 'Basic realm="Registry Realm"', 'basic', { realm: 'Registry Realm' }],
    ['token68', 'Negotiate YIIB+w==', 'negotiate', {}],
    ['second challenge ignored', 'Bearer realm="a", Basic realm="b"', 'bearer', { realm: 'a' }],
  ])('%s', (_case, header, scheme, params) => {
    const result = parseWwwAuthenticate(header);
    expect(result).toEqual({ ok: true, value: { scheme, params } });
    if (result.ok) expect(Object.getPrototypeOf(result.value.params)).toBe(Object.prototype);
  });
});

describe('parseWwwAuthenticate refuses', () => {
  it.each<[string, string | null, RegExp]>([
    ['absent', null, /no WWW-Authenticate/],
    ['empty', '', /malformed/],
    ['no scheme', '="x"', /malformed/],
    ['unterminated quote', 'Bearer realm="https://ghcr.io/token', /malformed/],
    ['dangling backslash', 'Bearer realm="abc\\', /malformed/],
    ['junk after a value', 'Bearer realm="a" junk', /malformed/],
    ['scheme glued to params', 'Bearer,realm="x"', /malformed/],
    ['oversized', `Bearer realm="${'x'.repeat(9000)}"`, /oversized/],
  ])('%s', (_case, header, want) => {
    const result = parseWwwAuthenticate(header);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.reason).toMatch(want);
      expectReason(result.reason);
    }
  });
});

describe('properties', () => {
  it('quoted params round-trip, names lower-cased', () => {
    fc.assert(
      fc.property(challengeHeader, ({ scheme, params, header }) => {
        const want = Object.fromEntries(params.map(([k, v]) => [k.toLowerCase(), v]));
        expect(parseWwwAuthenticate(header)).toEqual({ ok: true, value: { scheme: scheme.toLowerCase(), params: want } });
      }),
      runs(200),
    );
  });

  it('never throws and returns the documented shape', () => {
    fc.assert(
      fc.property(fc.oneof(anyString, headerValue, nearby(challengeHeader.map((c) => c.header))), (header) => {
        const result = parseWwwAuthenticate(header);
        if (!result.ok) return expectReason(result.reason);
        expect(result.value.scheme).toMatch(/^[!#$%&'*+\-.^_`|~0-9a-z]+$/);
        for (const [name, value] of Object.entries(result.value.params)) {
          expect(name).toBe(name.toLowerCase());
          expect(typeof value).toBe('string');
        }
      }),
      runs(200),
    );
  });
});

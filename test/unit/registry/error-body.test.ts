import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRegistryErrors } from '../../../src/registry/error-body.js';
import { anyString, runs } from '../../fuzz/arbitraries.js';

describe('parseRegistryErrors (ledger ghcr §2, §3.1)', () => {
  it.each<[string, string, { code: string; message: string }[]]>([
    ['ghcr §1.1 no credentials', '{"errors":[{"code":"UNAUTHORIZED","message":"authentication required"}]}\n', [{ code: 'UNAUTHORIZED', message: 'authentication required' }]],
    [
      'ghcr §1.1 with detail array',
      '{"errors":[{"code":"UNAUTHORIZED","message":"authentication required","detail":[{"Type":"repository","Class":"","Name":"ghcr.io/home-assistant/home-assistant","Action":"pull"}]}]}',
      [{ code: 'UNAUTHORIZED', message: 'authentication required' }],
    ],
    ['ghcr §1.3 bad PAT', '{"errors":[{"code":"DENIED","message":"denied"}]}', [{ code: 'DENIED', message: 'denied' }]],
    ['ghcr §1.3 anonymous private', '{"errors":[{"code":"DENIED","message":"requested access to the resource is denied"}]}', [{ code: 'DENIED', message: 'requested access to the resource is denied' }]],
    ['ghcr §1.4 basic auth on /v2', '{"errors":[{"code":"DENIED","message":"invalid token"}]}', [{ code: 'DENIED', message: 'invalid token' }]],
    ['ghcr §2 write_package', '{"errors":[{"code":"DENIED","message":"permission_denied: write_package"}]}', [{ code: 'DENIED', message: 'permission_denied: write_package' }]],
    ['ghcr §2 scopes', '{"errors":[{"code":"DENIED","message":"permission_denied: The token provided does not match expected scopes."}]}', [{ code: 'DENIED', message: 'permission_denied: The token provided does not match expected scopes.' }]],
    ['ghcr §2 create org package', '{"errors":[{"code":"DENIED","message":"installation not allowed to Create organization package"}]}', [{ code: 'DENIED', message: 'installation not allowed to Create organization package' }]],
    ['ghcr §2 unauthenticated', '{"errors":[{"code":"UNAUTHORIZED","message":"unauthenticated: User cannot be authenticated with the token provided."}]}', [{ code: 'UNAUTHORIZED', message: 'unauthenticated: User cannot be authenticated with the token provided.' }]],
    ['ghcr §7.4 detail null', '{"errors":[{"code":"UNAUTHORIZED","message":"authentication required","detail":null}]}', [{ code: 'UNAUTHORIZED', message: 'authentication required' }]],
    ['ghcr §7.4 upload unknown', '{"errors":[{"code":"BLOB_UPLOAD_UNKNOWN","message":"blob upload unknown to registry","detail":{}}]}', [{ code: 'BLOB_UPLOAD_UNKNOWN', message: 'blob upload unknown to registry' }]],
    ['two errors', '{"errors":[{"code":"A","message":"a"},{"code":"B","message":"b"}]}', [{ code: 'A', message: 'a' }, { code: 'B', message: 'b' }]],
    ['missing message', '{"errors":[{"code":"DENIED"}]}', [{ code: 'DENIED', message: '' }]],
    ['entries without a code skipped', '{"errors":[{"message":"x"},{"code":""},{"code":5},"x",null,{"code":"OK","message":"m"}]}', [{ code: 'OK', message: 'm' }]],
    ['ghcr §7.4 404 page (plain text)', '404 page not found', []],
    ['empty', '', []],
    ['errors not an array', '{"errors":{"code":"DENIED"}}', []],
    ['GitHub REST envelope instead', '{"message":"Bad credentials"}', []],
    ['JSON array', '[{"code":"DENIED"}]', []],
    ['null', 'null', []],
  ])('%s', (_case, text, want) => {
    expect(parseRegistryErrors(text)).toEqual(want);
  });

  it('caps the number of errors and their sizes', () => {
    const many = JSON.stringify({ errors: Array.from({ length: 100 }, () => ({ code: 'C'.repeat(1000), message: 'm'.repeat(5000) })) });
    const parsed = parseRegistryErrors(many);
    expect(parsed).toHaveLength(20);
    expect(parsed[0]?.code.length).toBe(100);
    expect(parsed[0]?.message.length).toBe(500);
  });
});

describe('properties', () => {
  const entry = fc.record({ code: fc.oneof(fc.string(), fc.constant('DENIED')), message: fc.string({ unit: 'binary', maxLength: 600 }), detail: fc.json() }, { requiredKeys: [] });
  const bodyArb = fc.oneof(
    anyString,
    fc.json(),
    fc.array(entry, { maxLength: 30 }).map((errors) => JSON.stringify({ errors })),
  );

  it('never throws and returns the documented shape', () => {
    fc.assert(
      fc.property(bodyArb, (text) => {
        const parsed = parseRegistryErrors(text);
        expect(parsed.length).toBeLessThanOrEqual(20);
        for (const e of parsed) {
          expect(e.code.length).toBeGreaterThan(0);
          expect(e.code.length).toBeLessThanOrEqual(100);
          expect(e.message.length).toBeLessThanOrEqual(500);
        }
      }),
      runs(200),
    );
  });
});

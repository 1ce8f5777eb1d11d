/**
 * fast-check generators shared by the unit property tests and test/fuzz. Tokens are minted here, synthetic,
 * with the real checksum (src/token/checksum.ts); nothing in this file is a real credential.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { tokenChecksum } from '../../src/token/checksum.js';

export const runs = (fallback: number): { numRuns: number } => ({
  numRuns: Number(process.env['FUZZ_RUNS'] ?? fallback),
});

const ALNUM = [...'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'];
export const alnum = fc.constantFrom(...ALNUM);
export const alnumString = (length: number): fc.Arbitrary<string> =>
  fc.string({ unit: alnum, minLength: length, maxLength: length });

/** Any string a user, a server or a fuzzer could hand over: ASCII, full Unicode, lone surrogates, graphemes. */
export const anyString = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.string({ unit: 'binary-ascii', maxLength: 200 }),
);

/** `valid` with one character inserted, replaced or deleted, to fuzz near the accepted forms. */
export function nearby(valid: fc.Arbitrary<string>): fc.Arbitrary<string> {
  const char = fc.oneof(fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }), fc.constantFrom(...'/:@.#?%_-" ,;=\\\n\t'));
  return fc.tuple(valid, fc.nat(), char, fc.constantFrom('insert', 'replace', 'delete')).map(([text, n, c, op]) => {
    const i = text.length === 0 ? 0 : n % text.length;
    if (op === 'insert') return text.slice(0, i) + c + text.slice(i);
    if (op === 'replace') return text.slice(0, i) + c + text.slice(i + 1);
    return text.slice(0, i) + text.slice(i + 1);
  });
}

/** Asserts the documented failure shape: one short sentence. */
export function expectReason(reason: string): void {
  expect(reason).toMatch(/^[A-Z].*\.$/s);
  expect(reason).not.toMatch(/[\r\n]/);
  expect(reason.length).toBeLessThanOrEqual(160);
}

// ---- repository targets ----

const RESERVED = new Set(['api', 'apps', 'enterprises', 'explore', 'login', 'marketplace', 'notifications',
  'organizations', 'orgs', 'settings', 'sponsors', 'topics', 'users']);

export const owner = fc
  .array(fc.string({ unit: alnum, minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 5 })
  .map((parts) => parts.join('-'))
  .filter((login) => login.length <= 39 && !RESERVED.has(login.toLowerCase()));

export const repoName = fc
  .stringMatching(/^[A-Za-z0-9._-]{1,40}$/)
  .filter((name) => name !== '.' && name !== '..' && !name.endsWith('.git'));

const label = fc.stringMatching(/^[a-z][a-z0-9]{0,8}$/);
export const host = fc.oneof(
  fc.constantFrom('github.com', 'GitHub.COM', 'ghe.example.com', 'acme.ghe.com', 'GHE.Example.com'),
  fc.tuple(fc.array(label, { minLength: 1, maxLength: 3 }), fc.constantFrom('example', 'corp', 'ghe.com')).map(
    ([labels, tld]) => [...labels, tld].join('.'),
  ),
);

/** Every accepted spelling of one repository. */
export function repoForms(h: string, o: string, n: string): string[] {
  const web = ['', '.git', '/', '.git/', '/tree/main', '/pkgs/container/x', '/settings', '/blob/x/y'];
  return [
    ...(h.toLowerCase() === 'github.com' ? [`${o}/${n}`, `${o}/${n}.git`] : []),
    ...web.map((tail) => `https://${h}/${o}/${n}${tail}`),
    ...web.map((tail) => `http://${h}/${o}/${n}${tail}`),
    `${h}/${o}/${n}`,
    `${h}/${o}/${n}.git`,
    `git@${h}:${o}/${n}.git`,
    `git@${h}:${o}/${n}`,
    `ssh://git@${h}/${o}/${n}.git`,
    `ssh://git@${h}:2222/${o}/${n}.git`,
    `git://${h}/${o}/${n}.git`,
  ];
}

export const repoTarget = fc.record({ host, owner, name: repoName });
export const repoInput = repoTarget.chain((t) => fc.constantFrom(...repoForms(t.host, t.owner, t.name)));

// ---- tokens ----

export const CHECKSUMMED_PREFIXES = ['ghp_', 'gho_', 'ghu_', 'ghs_'] as const;

export function mint(prefix: string, body: string): string {
  return `${prefix}${body}${tokenChecksum(body)}`;
}

export const mintedToken = fc.tuple(fc.constantFrom(...CHECKSUMMED_PREFIXES), alnumString(30)).map(([p, b]) => mint(p, b));

export const fineGrainedToken = fc
  .tuple(alnumString(22), alnumString(59))
  .map(([a, b]) => `github_pat_${a}_${b}`);

const base64url = fc.stringMatching(/^[A-Za-z0-9_-]{8,200}$/);
export const installationJwtToken = fc
  .tuple(fc.integer({ min: 1, max: 99_999_999 }), base64url, base64url, base64url)
  .map(([app, h, p, s]) => `ghs_${app}_${h}.${p}.${s}`)
  // GitHub's own recognition is `ghs_[A-Za-z0-9._-]{36,}` (docs/github-behaviour.md#installation-token-shape).
  .filter((token) => token.length >= 40);

export const refreshToken = fc.integer({ min: 36, max: 120 }).chain((n) => alnumString(n)).map((r) => `ghr_${r}`);
export const legacyToken = fc.stringMatching(/^[0-9a-f]{40}$/);

export const anyValidToken = fc.oneof(mintedToken, fineGrainedToken, installationJwtToken, refreshToken, legacyToken);

/** A minted checksummed token with one character after the prefix changed to another alphanumeric. */
export const mistypedToken = fc.tuple(mintedToken, fc.integer({ min: 4, max: 39 }), alnum).map(([token, i, c]) => {
  const replacement = c === token[i] ? (c === 'a' ? 'b' : 'a') : c;
  return token.slice(0, i) + replacement + token.slice(i + 1);
});

// ---- headers ----

export const scopeName = fc.oneof(
  fc.constantFrom('repo', 'write:packages', 'read:packages', 'delete:packages', 'admin:org', 'user', 'workflow',
    'codespace', 'admin:enterprise', 'gist', 'constructor', '__proto__', 'toString'),
  fc.stringMatching(/^[a-z_:]{1,20}$/),
);
export const scopesHeader = fc
  .tuple(fc.array(scopeName, { maxLength: 8 }), fc.constantFrom(',', ', ', ' , ', ',,'))
  .map(([scopes, sep]) => scopes.join(sep));

/** A date on whole seconds, years 2000–2099, with its expiration-header spelling (UTC or ±HHMM). */
export const expirationHeader = fc
  .tuple(
    fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }),
    fc.integer({ min: -12 * 60, max: 14 * 60 }),
    fc.boolean(),
  )
  .map(([date, offset, utc]) => {
    const instant = new Date(Math.floor(date.getTime() / 1000) * 1000);
    const minutes = utc ? 0 : offset;
    return { instant, header: formatExpiration(instant, utc ? null : minutes) };
  });

function formatExpiration(instant: Date, offsetMinutes: number | null): string {
  const local = new Date(instant.getTime() + (offsetMinutes ?? 0) * 60_000);
  const stamp = local.toISOString().slice(0, 19).replace('T', ' ');
  if (offsetMinutes === null) return `${stamp} UTC`;
  const abs = Math.abs(offsetMinutes);
  const zone = `${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
  return `${stamp} ${offsetMinutes < 0 ? '-' : '+'}${zone}`;
}

const paramName = fc.stringMatching(/^[A-Za-z][A-Za-z0-9_-]{0,10}$/);
const paramValue = fc.string({ unit: fc.constantFrom(...'ab/:,; ="\\xyz.-_0'), maxLength: 30 });
/** A challenge built from params, quoting and escaping every value. */
export const challengeHeader = fc
  .tuple(fc.constantFrom('Bearer', 'bearer', 'Basic'), fc.uniqueArray(fc.tuple(paramName, paramValue), {
    maxLength: 6,
    selector: ([name]) => name.toLowerCase(),
  }))
  .map(([scheme, params]) => ({
    scheme,
    params,
    header: `${scheme} ${params.map(([k, v]) => `${k}="${v.replace(/[\\"]/g, '\\$&')}"`).join(',')}`,
  }));

export const headerValue = fc.oneof(anyString, fc.string({ unit: 'binary-ascii', maxLength: 80 }));

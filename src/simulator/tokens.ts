import { createHash } from 'node:crypto';
import { tokenChecksum } from '../token/checksum.js';
import type { SimTokenKind } from './world.js';

/**
 * Realistic, deterministic token values: the same `(kind, seed)` always gives the same token, so the default world
 * is stable across runs. Shapes from ledger github-api §1.1–§1.5. These are synthetic: GitHub never issued them.
 */

const ALNUM = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** `length` characters from `alphabet`, derived from sha256(`label`:`block`). */
export function seededChars(label: string, length: number, alphabet = ALNUM): string {
  let out = '';
  for (let block = 0; out.length < length; block++) {
    const bytes = createHash('sha256').update(`${label}:${block}`).digest();
    for (const byte of bytes) {
      if (out.length === length) break;
      out += alphabet[byte % alphabet.length];
    }
  }
  return out;
}

/** A positive integer in [min, max), derived from `label`. */
export function seededInt(label: string, min: number, max: number): number {
  const bytes = createHash('sha256').update(label).digest();
  return min + (bytes.readUInt32BE(0) % (max - min));
}

const CHECKSUMMED_PREFIX: Partial<Record<SimTokenKind, string>> = {
  classic: 'ghp_',
  oauth: 'gho_',
  'user-to-server': 'ghu_',
};

/** `ghp_`/`gho_`/`ghu_` + 30 random + 6-char checksum: 40 chars (ledger github-api §1.1, §1.2). */
function checksummed(prefix: string, seed: string): string {
  const body = seededChars(`${prefix}${seed}`, 30);
  return `${prefix}${body}${tokenChecksum(body)}`;
}

/**
 * `github_pat_` + 22 + `_` + 59 alphanumerics = 93 chars (ledger github-api §1.4, [report]). The 22-char part starts
 * with `11A` as in both public samples [verified-local]; no checksum is known, so none is made up.
 */
function fineGrained(seed: string): string {
  return `github_pat_11A${seededChars(`fg1:${seed}`, 19)}_${seededChars(`fg2:${seed}`, 59)}`;
}

/**
 * New-format installation token `ghs_APPID_JWT`: ~520 chars, two dots (ledger github-api §1.5). The JWT is signed by a
 * GitHub-internal issuer; here the signature is filler. Characters stay within GitHub's regex
 * `ghs_[A-Za-z0-9\._]{36,}` (base64url without `-`).
 */
function installation(seed: string, appId = seededInt(`app:${seed}`, 100_000, 3_000_000)): string {
  const header = Buffer.from(JSON.stringify({ alg: 'RS256', typ: 'JWT' })).toString('base64url');
  const claims = { iss: 'github', sub: `installation/${seededInt(`inst:${seed}`, 1_000_000, 90_000_000)}`, app: appId };
  const payload = Buffer.from(JSON.stringify(claims)).toString('base64url').replaceAll('-', '_');
  const signature = seededChars(`sig:${seed}`, 342, `${ALNUM}_`);
  return `ghs_${appId}_${header}.${payload}.${signature}`;
}

/** `ghr_` + 76 (docs example length, ledger github-api §1.1); whether a checksum applies is unknown (§1.3). */
function refresh(seed: string): string {
  return `ghr_${seededChars(`ghr:${seed}`, 76)}`;
}

/**
 * Mints a synthetic token of `kind`, deterministic in `seed`; an installation token carries `appId` (default: seeded).
 * @example mintToken('classic', 'octocat-classic-push') // 'ghp_' + 36 chars, valid checksum
 */
export function mintToken(kind: SimTokenKind, seed: string, options: { appId?: number } = {}): string {
  const prefix = CHECKSUMMED_PREFIX[kind];
  if (prefix) return checksummed(prefix, seed);
  if (kind === 'fine-grained') return fineGrained(seed);
  if (kind === 'server-to-server') return installation(seed, options.appId);
  return refresh(seed);
}

/**
 * A copy of `value` with its last character changed (a typo in the checksum), so a checksum test must reject it.
 * @example mistypeToken('ghp_…T4V4') // 'ghp_…T4V5'
 */
export function mistypeToken(value: string): string {
  const last = value.at(-1) ?? '0';
  const index = ALNUM.indexOf(last);
  const replacement = ALNUM[(index + 1) % ALNUM.length] ?? '0';
  return `${value.slice(0, -1)}${replacement}`;
}

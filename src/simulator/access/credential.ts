import { findTokenByValue, type SimToken, type World } from '../world.js';

/**
 * Who is calling. `none`: no credential; `bad`: a credential GitHub does not accept (unknown, mistyped, revoked,
 * expired, or a refresh token). Expired, revoked and unknown are indistinguishable from outside (ledger github-api §2.4).
 */
export type Credential = { kind: 'none' } | { kind: 'bad' } | { kind: 'token'; token: SimToken };

/** An expired token is automatically revoked (ledger github-api §2.4). */
export function isUsable(token: SimToken, now: Date): boolean {
  if (token.revoked) return false;
  if (token.expiresAt && token.expiresAt.getTime() <= now.getTime()) return false;
  // A refresh token only buys new access tokens; it cannot call the API [inferred] (ledger github-api §1.1).
  return token.kind !== 'refresh';
}

/** Resolves a presented token value against the world. */
export function resolveToken(world: World, value: string | null, now: Date): Credential {
  if (value === null) return { kind: 'none' };
  const token = findTokenByValue(world, value);
  if (!token || !isUsable(token, now)) return { kind: 'bad' };
  return { kind: 'token', token };
}

/**
 * The token in an `Authorization` header: `Bearer X` and `token X` (scheme case-insensitive), and Basic with the
 * token as password (ledger github-api §2.1). `undefined` header → null; an unusable header → '' (a bad credential).
 */
export function tokenFromAuthorization(header: string | undefined): string | null {
  if (header === undefined || header.trim() === '') return null;
  const match = /^\s*(\S+)\s+(.+?)\s*$/.exec(header);
  if (!match?.[1] || !match[2]) return '';
  const scheme = match[1].toLowerCase();
  if (scheme === 'bearer' || scheme === 'token') return match[2];
  if (scheme === 'basic') return basicPassword(match[2]) ?? '';
  return '';
}

/** The password of a Basic credential (`user:password`, base64), or null when it is not one. */
export function basicPassword(encoded: string): string | null {
  const decoded = Buffer.from(encoded, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? null : decoded.slice(colon + 1);
}

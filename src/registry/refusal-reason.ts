import type { RegistryRefusal } from './outcomes.js';

/**
 * What a registry refusal means, read once from its status, code and message. Only the reasons ghcr is known to give
 * are permission refusals; any other 401/403 text is `unexplained` and decides nothing about the token
 * (docs/github-behaviour.md#ghcr-outage). Each pattern's source is its ledger entry.
 */
export type RefusalReason =
  /** `permission_denied: The token provided does not match expected scopes.` (facts: github/docs, ghcr) */
  | { kind: 'scopes' }
  /** `` permission_denied: `ORG` forbids access via a personal access token (classic). `` */
  | { kind: 'classic-ban' }
  /** `… forbids access via a personal access tokens (classic) if the token's lifetime is greater than N days.` */
  | { kind: 'lifetime'; days: number; classic: boolean; by: 'organization' | 'enterprise' | null; name: string | null }
  /** `[permission_denied: ]installation not allowed to Write|Create organization package` */
  | { kind: 'installation-not-allowed'; action: 'Write' | 'Create' }
  /** `permission_denied: The requested installation does not exist.` */
  | { kind: 'installation-missing' }
  | { kind: 'write-package' }
  | { kind: 'create-package' }
  | { kind: 'unauthenticated' }
  /** A bare `denied`: the credentials themselves, or single sign-on / an IP allow list / an outage. */
  | { kind: 'denied' }
  /** A plain distribution registry's challenge `error="insufficient_scope"`: push was not granted. */
  | { kind: 'insufficient-scope' }
  /** `429 TOOMANYREQUESTS`: the wait, when the message gives one as a Go duration. */
  | { kind: 'rate-limited'; waitMs: number | null }
  | { kind: 'unexplained' };

const LIFETIME =
  /forbids access via a (fine-grained )?personal access tokens?(?: \(classic\))? if the token's lifetime is greater than (\d+) days/i;
const OWNER = /The '([^']+)' (organization|enterprise) forbids/i;

export function refusalReason(refusal: RegistryRefusal): RefusalReason {
  const codes = refusal.errors.map((e) => e.code.toUpperCase());
  const message = refusal.errors.map((e) => e.message).join(' ').trim();
  if (refusal.status === 429 || codes.includes('TOOMANYREQUESTS')) return { kind: 'rate-limited', waitMs: retryAfterMs(message) };
  if (refusal.status !== 401 && refusal.status !== 403) return { kind: 'unexplained' };
  if (/does not match expected scopes/i.test(message)) return { kind: 'scopes' };
  const lifetime = LIFETIME.exec(message);
  if (lifetime) {
    const owner = OWNER.exec(message);
    const by = owner?.[2]?.toLowerCase();
    return {
      kind: 'lifetime',
      days: Number(lifetime[2]),
      classic: lifetime[1] === undefined,
      by: by === 'organization' || by === 'enterprise' ? by : null,
      name: owner?.[1] ?? null,
    };
  }
  if (/forbids access via a personal access token \(classic\)/i.test(message)) return { kind: 'classic-ban' };
  const installation = /installation not allowed to (Write|Create) organization package/i.exec(message);
  if (installation) return { kind: 'installation-not-allowed', action: installation[1]?.toLowerCase() === 'create' ? 'Create' : 'Write' };
  if (/The requested installation does not exist/i.test(message)) return { kind: 'installation-missing' };
  if (/\bwrite_package\b/i.test(message)) return { kind: 'write-package' };
  if (/\bcreate_package\b/i.test(message)) return { kind: 'create-package' };
  if (/^unauthenticated\b/i.test(message)) return { kind: 'unauthenticated' };
  if (/^denied\.?$/i.test(message)) return { kind: 'denied' };
  if (refusal.challengeError === 'insufficient_scope') return { kind: 'insufficient-scope' };
  return { kind: 'unexplained' };
}

/** True for the reasons that are about the token or its rights (a verdict of `fail` may rest on them). */
export function isPermissionRefusal(reason: RefusalReason): boolean {
  return reason.kind !== 'unexplained' && reason.kind !== 'rate-limited';
}

const UNIT_MS: Record<string, number> = { ns: 1e-6, us: 1e-3, 'µs': 1e-3, 'μs': 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/**
 * The wait in `retry-after: 10.305464ms, allowed: 2000/minute` (a Go `time.Duration`, docs/github-behaviour.md#ghcr-rate-limit),
 * in milliseconds; null when the message has none.
 */
export function retryAfterMs(message: string): number | null {
  const match = /retry-after:\s*((?:\d+(?:\.\d+)?(?:ns|us|µs|μs|ms|s|m|h))+)/i.exec(message);
  if (!match?.[1]) return null;
  let total = 0;
  for (const part of match[1].matchAll(/(\d+(?:\.\d+)?)(ns|us|µs|μs|ms|s|m|h)/gi)) total += Number(part[1]) * (UNIT_MS[part[2]!.toLowerCase()] ?? 0);
  return Number.isFinite(total) ? total : null;
}

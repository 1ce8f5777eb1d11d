import type { ApiOutcome } from './client.js';
import { parseGitHubError } from './error-body.js';
import { parseRateLimit, parseSsoHeader } from './headers.js';

/**
 * What a REST answer means, decided by message, headers and status together, never by status alone
 * (facts github-api §9.8: a 403 can be a rate limit, SSO, a policy ban or a missing permission).
 */
export type ApiMeaning =
  | { kind: 'ok' }
  | { kind: 'bad-credentials'; message: string }
  | { kind: 'sso'; url: string | null; message: string }
  | { kind: 'classic-forbidden'; message: string }
  | { kind: 'lifetime-policy'; message: string; days: number | null; settingsUrl: string | null }
  | { kind: 'integration'; message: string }
  | { kind: 'lockout'; message: string }
  | { kind: 'rate-limited'; message: string; resetAt: Date | null; retryAfter: number | null }
  | { kind: 'not-found'; message: string }
  | { kind: 'forbidden'; message: string }
  | { kind: 'moved'; message: string }
  | { kind: 'server'; status: number; message: string }
  | { kind: 'unexpected'; status: number; message: string }
  | { kind: 'network'; message: string };

// Exact strings: facts github-api §2.4, §4.1, §4.3, §4.4, §8, §10.
const SAML = /Resource protected by organization SAML enforcement/i;
const CLASSIC_BAN = /forbids access via a personal access token \(classic\)/i;
const LIFETIME = /forbids access via a (?:fine-grained personal access tokens|personal access tokens \(classic\)) if the token's lifetime is greater than (\d+) days/i;
const LOCKOUT = /Maximum number of login attempts exceeded/i;
const INTEGRATION = /Resource not accessible by integration/i;
const RATE = /rate limit/i;

export function classifyApi(outcome: ApiOutcome): ApiMeaning {
  if (outcome.kind === 'network') return { kind: 'network', message: outcome.error.message };
  const { status, headers } = outcome;
  if (status >= 200 && status < 300) return { kind: 'ok' };
  const message = messageOf(outcome.body) ?? `HTTP ${status}`;
  if (status === 401) return { kind: 'bad-credentials', message };
  if (status === 301 || status === 302 || status === 307 || status === 308) return { kind: 'moved', message };
  const sso = parseSsoHeader(headers.get('x-github-sso'));
  if (sso?.kind === 'required' || SAML.test(message)) {
    return { kind: 'sso', url: sso?.kind === 'required' ? sso.url : null, message };
  }
  const lifetime = LIFETIME.exec(message);
  if (lifetime) {
    const settingsUrl = /https:\/\/\S+\/settings\/personal-access-tokens\/\S+/.exec(message)?.[0] ?? null;
    return { kind: 'lifetime-policy', message, days: Number(lifetime[1]), settingsUrl };
  }
  if (CLASSIC_BAN.test(message)) return { kind: 'classic-forbidden', message };
  if (LOCKOUT.test(message)) return { kind: 'lockout', message };
  const rate = parseRateLimit(headers);
  const retryAfter = Number(headers.get('retry-after'));
  if (status === 429 || ((status === 403) && (RATE.test(message) || rate?.remaining === 0))) {
    return { kind: 'rate-limited', message, resetAt: rate?.reset ?? null, retryAfter: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null };
  }
  if (INTEGRATION.test(message)) return { kind: 'integration', message };
  if (status === 404) return { kind: 'not-found', message };
  if (status === 403) return { kind: 'forbidden', message };
  if (status >= 500) return { kind: 'server', status, message };
  return { kind: 'unexpected', status, message };
}

function messageOf(body: unknown): string | null {
  if (typeof body === 'string') return parseGitHubError(body)?.message ?? (body.trim().slice(0, 200) || null);
  if (body && typeof body === 'object' && 'message' in body && typeof body.message === 'string') return body.message.slice(0, 500);
  return null;
}

/** True for meanings that say nothing about the token: the check must end as `error`, never as `fail`. */
export function isUndecided(meaning: ApiMeaning): boolean {
  return ['network', 'server', 'rate-limited', 'lockout', 'unexpected'].includes(meaning.kind);
}

/** One sentence for an undecided answer, naming what happened and what to try. */
export function undecidedSummary(meaning: ApiMeaning, what: string): string {
  switch (meaning.kind) {
    case 'network':
      return `Could not ${what}: ${meaning.message}.`;
    case 'server':
      return `Could not ${what}: GitHub answered HTTP ${meaning.status} (a server error). Try again in a minute.`;
    case 'rate-limited':
      return `Could not ${what}: GitHub's rate limit was hit (${meaning.message})${
        meaning.retryAfter ? `; retry after ${meaning.retryAfter} s` : meaning.resetAt ? `; it resets at ${meaning.resetAt.toISOString()}` : ''
      }.`;
    case 'lockout':
      return `Could not ${what}: GitHub is refusing all logins for this user after too many failed attempts ("${meaning.message}"). Wait a while, then try again.`;
    default:
      return `Could not ${what}: GitHub answered unexpectedly (${'status' in meaning ? `HTTP ${meaning.status}: ` : ''}${messageText(meaning)}).`;
  }
}

/** The message GitHub sent with an answer, or '' for a success. */
export function messageText(meaning: ApiMeaning): string {
  return 'message' in meaning ? meaning.message : '';
}

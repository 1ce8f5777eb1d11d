import { type NetError, netSentence } from '../http/net-error.js';
import type { SettingWords } from '../settings.js';
import { parseRetryNote, RETRY_HEADER, type RetryNote } from '../http/retry.js';
import { parseRetryAfter } from '../http/retry-after.js';
import { terminalSafe } from '../terminal-safe.js';
import type { ApiOutcome } from './client.js';
import { parseGitHubError } from './error-body.js';
import { parseRateLimit, parseSsoHeader } from './headers.js';

/**
 * What a REST answer means, decided by message, headers and status together, never by status alone
 * (ledger github-api §9.8: a 403 can be a rate limit, SSO, a policy ban or a missing permission).
 */
export type ApiMeaning =
  | { kind: 'ok' }
  | { kind: 'bad-credentials'; message: string }
  | { kind: 'sso'; url: string | null; message: string }
  | { kind: 'classic-forbidden'; message: string }
  | { kind: 'lifetime-policy'; message: string; days: number | null; settingsUrl: string | null; classic: boolean; by: 'organization' | 'enterprise' | null; name: string | null }
  /** The organization's IP allow list does not include the caller's address (docs/github-behaviour.md#ip-allow-list). */
  | { kind: 'ip-allow-list'; message: string; org: string | null }
  /** A managed user outside its enterprise (docs/github-behaviour.md#enterprise-managed-users): not a bad credential. */
  | { kind: 'managed-user'; message: string }
  | { kind: 'integration'; message: string }
  | { kind: 'lockout'; message: string }
  | { kind: 'rate-limited'; message: string; secondary: boolean; resetAt: Date | null; retryAfter: number | null; retried: RetryNote | null }
  | { kind: 'not-found'; message: string }
  | { kind: 'forbidden'; message: string }
  | { kind: 'moved'; message: string }
  | { kind: 'server'; status: number; message: string; retried: RetryNote | null }
  /** A success whose body is not the JSON object every call crpat makes returns. */
  | { kind: 'malformed'; status: number; message: string; retried: RetryNote | null }
  | { kind: 'unexpected'; status: number; message: string }
  | { kind: 'network'; message: string; error: NetError };

// Exact strings: ledger github-api §2.4, §4.1, §4.3, §4.4, §8, §10.
const SAML = /Resource protected by organization SAML enforcement/i;
const CLASSIC_BAN = /forbids access via a personal access token \(classic\)/i;
const LIFETIME = /forbids access via a (fine-grained personal access tokens|personal access tokens \(classic\)) if the token's lifetime is greater than (\d+) days/i;
const LIFETIME_OWNER = /The '([^']+)' (organization|enterprise) forbids/i;
// docs/github-behaviour.md#ip-allow-list, #enterprise-managed-users
const IP_ALLOW_LIST = /has an IP allow list enabled, and your IP address is not permitted/i;
const IP_ORG = /the `([^`]+)` organization has an IP allow list/i;
const MANAGED_USER = /As an Enterprise Managed User, you cannot access this content/i;
const LOCKOUT = /Maximum number of login attempts exceeded/i;
const INTEGRATION = /Resource not accessible by integration/i;
const RATE = /rate limit/i;
const SECONDARY = /\bsecondary rate\b/i; // octokit/plugin-throttling's test (ledger github-api §8)
const NO_BODY = new Set([204, 205]);

export function classifyApi(outcome: ApiOutcome): ApiMeaning {
  if (outcome.kind === 'network') return { kind: 'network', message: outcome.error.message, error: outcome.error };
  const { status, headers } = outcome;
  const retried = parseRetryNote(headers.get(RETRY_HEADER));
  if (status >= 200 && status < 300) {
    // octokit hands over the text when JSON does not parse; no call crpat makes answers anything but an object.
    const readable = NO_BODY.has(status) || (typeof outcome.body === 'object' && outcome.body !== null && !Array.isArray(outcome.body) && !(outcome.body instanceof ArrayBuffer));
    return readable ? { kind: 'ok' } : { kind: 'malformed', status, message: 'the body is not the JSON expected', retried };
  }
  const message = messageOf(outcome.body) ?? `HTTP ${status}`;
  if (MANAGED_USER.test(message)) return { kind: 'managed-user', message };
  if (status === 401) return { kind: 'bad-credentials', message };
  if (status === 301 || status === 302 || status === 307 || status === 308) return { kind: 'moved', message };
  const sso = parseSsoHeader(headers.get('x-github-sso'));
  if (sso?.kind === 'required' || SAML.test(message)) {
    return { kind: 'sso', url: sso?.kind === 'required' ? sso.url : null, message };
  }
  if (IP_ALLOW_LIST.test(message)) return { kind: 'ip-allow-list', message, org: IP_ORG.exec(message)?.[1] ?? null };
  const lifetime = LIFETIME.exec(message);
  if (lifetime) {
    const settingsUrl = /https:\/\/\S+\/settings\/personal-access-tokens\/\S+/.exec(message)?.[0] ?? null;
    const owner = LIFETIME_OWNER.exec(message);
    const by = owner?.[2]?.toLowerCase();
    return {
      kind: 'lifetime-policy',
      message,
      days: Number(lifetime[2]),
      settingsUrl,
      classic: !lifetime[1]?.startsWith('fine-grained'),
      by: by === 'organization' || by === 'enterprise' ? by : null,
      name: owner?.[1] ?? null,
    };
  }
  if (CLASSIC_BAN.test(message)) return { kind: 'classic-forbidden', message };
  if (LOCKOUT.test(message)) return { kind: 'lockout', message };
  const rate = parseRateLimit(headers);
  // Seconds or an HTTP-date (RFC 9110 §10.2.3), a date measured against the answer's own Date header: this machine's
  // clock may be off, GitHub's is the one the date was written by.
  const retryAfter = parseRetryAfter(headers.get('retry-after'), answerDate(headers));
  const exhausted = rate?.remaining === 0 || headers.get('x-ratelimit-remaining')?.trim() === '0';
  if (status === 429 || (status === 403 && (RATE.test(message) || exhausted))) {
    return {
      kind: 'rate-limited',
      message,
      secondary: SECONDARY.test(message),
      resetAt: exhausted ? (rate?.reset ?? null) : null,
      retryAfter: retryAfter !== null && retryAfter > 0 ? retryAfter : null,
      retried,
    };
  }
  if (INTEGRATION.test(message)) return { kind: 'integration', message };
  if (status === 404) return { kind: 'not-found', message };
  if (status === 403) return { kind: 'forbidden', message };
  if (status >= 500) return { kind: 'server', status, message, retried };
  return { kind: 'unexpected', status, message };
}

/** When the answer was sent, by its `Date` header; this machine's clock when there is none. */
function answerDate(headers: Headers): Date {
  const sent = Date.parse(headers.get('date') ?? '');
  return Number.isNaN(sent) ? new Date() : new Date(sent);
}

/** GitHub's `message`, cleaned of control characters (it reaches a terminal) and cut to a sane length. */
function messageOf(body: unknown): string | null {
  if (typeof body === 'string') return parseGitHubError(body)?.message ?? (terminalSafe(body.trim(), 200) || null);
  if (body && typeof body === 'object' && 'message' in body && typeof body.message === 'string') return terminalSafe(body.message, 500);
  return null;
}

/** True for meanings that say nothing about the token: the check must end as `error`, never as `fail`. */
export function isUndecided(meaning: ApiMeaning): boolean {
  return ['network', 'server', 'malformed', 'rate-limited', 'lockout', 'unexpected'].includes(meaning.kind);
}

/**
 * One paragraph for an undecided answer about the REST API: what happened (with how often it was tried), then what
 * to try. `what` completes "Could not …"; `words` names the settings as the calling shell offers them.
 */
export function undecidedSummary(meaning: ApiMeaning, what: string, words: SettingWords): string {
  const apiUrl = words.names.apiUrl;
  switch (meaning.kind) {
    case 'network':
      return `Could not ${what}: ${netSentence(meaning.error, 'apiUrl', words)}`;
    case 'server':
      return `Could not ${what}: GitHub answered HTTP ${meaning.status}, a server error${onAll(meaning.retried)}. Try again in a few minutes.`;
    case 'malformed':
      return `Could not ${what}: GitHub answered HTTP ${meaning.status} with a body that is not the JSON expected${onAll(meaning.retried)}. Try again; if it keeps happening, check that ${apiUrl} points at GitHub's REST API (a proxy or captive portal may be answering instead).`;
    case 'rate-limited':
      return `Could not ${what}: ${rateLimitText(meaning)}`;
    case 'lockout':
      return `Could not ${what}: GitHub is refusing all logins for this user after too many failed attempts ("${meaning.message}"). Wait a while, then try again.`;
    default:
      return `Could not ${what}: GitHub answered unexpectedly (${'status' in meaning ? `HTTP ${meaning.status}: ` : ''}${messageText(meaning)}). Try again; if it keeps happening, check ${apiUrl}.`;
  }
}

function onAll(retried: RetryNote | null): string {
  return retried ? ` (${retried.attempts} attempts)` : '';
}

/** Which limit, GitHub's own words, whether crpat waited, and when to try again (ledger github-api §8). */
function rateLimitText(meaning: Extract<ApiMeaning, { kind: 'rate-limited' }>): string {
  const which = meaning.secondary
    ? "GitHub's secondary rate limit stopped the request"
    : meaning.resetAt
      ? "the API rate limit of the token's user is used up"
      : "GitHub's rate limit stopped the request";
  const waited = meaning.retried?.retryAfterSeconds
    ? `; crpat waited as GitHub asked (Retry-After: ${meaning.retried.retryAfterSeconds} s) and tried ${meaning.retried.attempts} times`
    : '';
  let next: string;
  if (meaning.resetAt) {
    next = `Try again after ${meaning.resetAt.toISOString()}, when it resets (all of a user's tokens share one limit).`;
  } else if (meaning.retryAfter && !waited) {
    next = `GitHub asks to retry after ${meaning.retryAfter} s (Retry-After).`;
  } else {
    next = 'Wait a few minutes, then try again.';
  }
  return `${which} ("${meaning.message}")${waited}. ${next}`;
}

/** A sentence for the finding's details when the answer it rests on came only after retrying; else nothing. */
export function retryDetails(outcome: ApiOutcome): string[] {
  if (outcome.kind !== 'response') return [];
  const note = parseRetryNote(outcome.headers.get(RETRY_HEADER));
  if (!note) return [];
  if (note.retryAfterSeconds !== null) {
    return [
      `GitHub asked crpat to wait (Retry-After: ${note.retryAfterSeconds} s); it waited ${Math.round(note.waitedMs / 1000)} s and got this answer on attempt ${note.attempts}.`,
    ];
  }
  return [`The first answer failed (a server error, reset or timeout); crpat retried and got this answer on attempt ${note.attempts}.`];
}

/** The message GitHub sent with an answer, or '' for a success. */
export function messageText(meaning: ApiMeaning): string {
  return 'message' in meaning ? meaning.message : '';
}

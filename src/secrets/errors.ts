import type { ApiOutcome } from '../github/client.js';
import { parseSsoHeader } from '../github/headers.js';
import { terminalSafe } from '../terminal-safe.js';
import { rightsNeeded, type SecretLevel } from './rights.js';

/** Why a secrets call failed: `network`, `server` (5xx, 429: try again) and the rest (a change is needed). */
export type SecretsErrorKind = 'unauthorized' | 'not-found' | 'forbidden' | 'invalid' | 'network' | 'server' | 'unexpected';

/** A refused or failed Actions secrets call. The message names what is missing; it never holds a credential. */
export class SecretsError extends Error {
  override readonly name = 'SecretsError';
  constructor(
    readonly kind: SecretsErrorKind,
    message: string,
    /** HTTP status, or null when no answer came. */
    readonly status: number | null,
  ) {
    super(message);
  }
}

/** What was being done, for the message: e.g. `read the public key of acme/api`. */
export interface Attempt {
  level: SecretLevel;
  /** `acme/api` or the organization login. */
  place: string;
  action: string;
}

/** Turns a non-success outcome into a SecretsError whose message says what to change. */
export function secretsErrorOf(outcome: ApiOutcome, attempt: Attempt): SecretsError {
  const lead = `Could not ${attempt.action}`;
  if (outcome.kind === 'network') return new SecretsError('network', `${lead}: ${outcome.error.message}.`, null);
  const { status } = outcome;
  const said = githubMessage(outcome.body);
  const quoted = said ? ` (GitHub: "${said}")` : '';
  if (status === 401) {
    return new SecretsError('unauthorized', `${lead}: GitHub refused the credential (HTTP 401${quoted}); it is invalid, expired or revoked.`, 401);
  }
  if (status === 404) return new SecretsError('not-found', `${lead}: HTTP 404${quoted}. ${notFoundReason(attempt)}`, 404);
  if (status === 403 && !isRateLimit(outcome.headers)) {
    // Both headers are the server's text: cleaned, and the SSO link only when it is GitHub's own form (as check does).
    const permissions = outcome.headers.get('x-accepted-github-permissions');
    const accepted = permissions === null ? null : terminalSafe(permissions, 200);
    const header = parseSsoHeader(outcome.headers.get('x-github-sso'));
    const sso = header?.kind === 'required' ? header.url : undefined;
    const extra = sso ? ` Authorize the token for single sign-on first: ${sso}` : accepted ? ` GitHub accepts: ${accepted}.` : '';
    return new SecretsError('forbidden', `${lead}: HTTP 403${quoted}. The credential needs ${rightsNeeded(attempt.level)}.${extra}`, 403);
  }
  if (status === 422 || status === 400) return new SecretsError('invalid', `${lead}: HTTP ${status}${quoted}.`, status);
  if (status === 429 || status === 403 || status >= 500) {
    return new SecretsError('server', `${lead}: HTTP ${status}${quoted}; try again later.`, status);
  }
  return new SecretsError('unexpected', `${lead}: unexpected HTTP ${status}${quoted}.`, status);
}

function notFoundReason(attempt: Attempt): string {
  return attempt.level === 'repository'
    ? `Either ${attempt.place} does not exist, or the credential cannot see it: a classic token needs the \`repo\` scope for a private repository, a fine-grained token must include the repository.`
    : `Either the organization ${attempt.place} does not exist, or the credential cannot see it.`;
}

function isRateLimit(headers: Headers): boolean {
  return headers.get('x-ratelimit-remaining') === '0' || headers.has('retry-after');
}

function githubMessage(body: unknown): string | null {
  const message = (body as { message?: unknown } | null)?.message;
  // The server's text reaches a terminal: control characters (escape sequences, C1) become spaces.
  return typeof message === 'string' ? terminalSafe(message, 300).replace(/\s+/g, ' ').trim() : null;
}

import type { ApiOutcome } from '../github/client.js';
import { type ApiMeaning, classifyApi } from '../github/classify.js';
import { parseScopes, parseTokenExpiration } from '../github/headers.js';
import type { Result } from '../result.js';
import { terminalSafe } from '../terminal-safe.js';

/** `GET /user`, read once: what every check, the capability table and the advice know about the token's user. */
export interface UserRecord {
  /** The answer as the client handed it over (for retry notes and request ids); judged only through the fields below. */
  answer: ApiOutcome;
  /** What GitHub's answer means (github/classify.ts). */
  meaning: ApiMeaning;
  /** The user's login from a 200 body, cleaned for a terminal; null otherwise. */
  login: string | null;
  /**
   * `X-OAuth-Scopes`, parsed; null when GitHub sent no answer or no header (a token that is not classic or OAuth,
   * ledger github-api §2.3).
   */
  scopes: string[] | null;
  /**
   * `github-authentication-token-expiration` of any answer GitHub sent: null when absent (the token does not expire,
   * ledger github-api §2.3), else the date or why it could not be read.
   */
  expiration: Result<Date> | null;
}

export function readUser(answer: ApiOutcome): UserRecord {
  const meaning = classifyApi(answer);
  if (answer.kind !== 'response') return { answer, meaning, login: null, scopes: null, expiration: null };
  const body = answer.body as { login?: unknown } | null;
  return {
    answer,
    meaning,
    // Server text reaches a terminal: control characters go.
    login: answer.status === 200 && body && typeof body.login === 'string' ? terminalSafe(body.login, 100) : null,
    scopes: parseScopes(answer.headers.get('x-oauth-scopes')),
    expiration: parseTokenExpiration(answer.headers.get('github-authentication-token-expiration')),
  };
}

/** GitHub accepted the token (200), or accepted it as an App installation token that has no user. */
export function userAccepted(user: UserRecord): boolean {
  return user.meaning.kind === 'ok' || user.meaning.kind === 'integration';
}

import { NetError } from '../http/net-error.js';
import { parseRetryNote, RETRY_HEADER } from '../http/retry.js';
import { parseWwwAuthenticate } from './challenge.js';
import { parseRegistryErrors } from './error-body.js';
import type { RegistryMemo } from './memo.js';
import type { RegistryRefusal } from './outcomes.js';

/** What the registry's two exchanges (login.ts, then upload.ts) are sent with, and what they read answers by. */

export interface RegistryClient {
  /** `https://ghcr.io` or `http://127.0.0.1:5000`. */
  origin: string;
  host: string;
  fetch: typeof globalThis.fetch;
  token: string;
  /** Origins that may receive the token (the API's and the registry's), compared by scheme, host and port. */
  credentialOrigins: readonly string[];
  /** What this run already learnt about registry hosts (realm, cancel support). Without it, every call asks again. */
  memo?: RegistryMemo;
}

/** The registry's refusal: status, its errors, the challenge's `error` and the request id. */
export function refusalOf(response: Response, text: string): RegistryRefusal {
  const challenge = parseWwwAuthenticate(response.headers.get('www-authenticate'));
  return {
    status: response.status,
    errors: parseRegistryErrors(text),
    challengeError: challenge.ok ? (challenge.value.params.error ?? null) : null,
    requestId: response.headers.get('x-github-request-id'),
  };
}

/** ` (3 attempts)` when the answer came only after retries (see withRetries), else nothing. */
export function attemptsNote(response: Response): string {
  const note = parseRetryNote(response.headers.get(RETRY_HEADER));
  return note ? ` (${note.attempts} attempts)` : '';
}

/** Whatever an exchange threw, as a NetError (it already is one when it came from the guarded fetch). */
export function asNetError(error: unknown): NetError {
  return error instanceof NetError ? error : new NetError('network', error instanceof Error ? error.message : String(error));
}

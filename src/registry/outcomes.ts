import type { NetError } from '../http/net-error.js';

/** Where to ask for a registry token, from the `WWW-Authenticate` challenge or known in advance (ghcr.io). */
export interface Realm {
  url: string;
  service: string | null;
}

/** A registry answer that was not the success we asked for. */
export interface RegistryRefusal {
  status: number;
  /** `{code, message}` entries from the body, as the registry sent them. */
  errors: { code: string; message: string }[];
  /** The `error=` parameter of a Bearer challenge (`insufficient_scope`, `invalid_token`), when present. */
  challengeError: string | null;
  requestId: string | null;
}

export type LoginOutcome =
  | { kind: 'token'; bearer: string; realm: Realm }
  | { kind: 'anonymous' } // the registry asked for no credentials at all
  | { kind: 'refused'; refusal: RegistryRefusal; realm: Realm }
  | { kind: 'realm-refused'; reason: string } // the realm is on a host that may not receive the token
  | { kind: 'unexpected'; reason: string; status?: number } // a status or shape no registry should send: inconclusive
  | { kind: 'network'; error: NetError };

export type CancelOutcome =
  | { kind: 'cancelled' } // the registry removed the session
  | { kind: 'unsupported'; status: number } // ghcr: 405; the session expires on its own
  // not sent: the registry is known not to cancel (ghcr.io: 405, ledger ghcr §3.2), or answered `status` to an earlier
  // cancel in this run; the session expires on its own
  | { kind: 'skipped'; status: number; because: 'known' | 'earlier' }
  | { kind: 'not-cancelled'; reason: string }; // any other answer; the session is left to expire

export type PushOutcome =
  | { kind: 'opened'; cancel: CancelOutcome; location: string }
  | { kind: 'refused'; refusal: RegistryRefusal }
  /**
   * 429 on the upload, again after waiting as the registry asked (`waitedMs`; null when the wait it asked for was
   * longer than crpat waits). An upload that got 429 opened nothing (docs/github-behaviour.md#ghcr-rate-limit).
   */
  | { kind: 'rate-limited'; refusal: RegistryRefusal; waitMs: number | null; waitedMs: number | null }
  | { kind: 'unexpected'; reason: string }
  | { kind: 'network'; error: NetError };

import type { CancelOutcome, LoginOutcome, Realm } from './outcomes.js';

/**
 * What one run learns about a registry host and reuses for every later target on it, so each fact costs one request:
 * where its token service is (the `/v2/` challenge) and whether it supports cancelling an upload. Entries are promises,
 * so targets that start together wait for the one request in flight instead of each sending their own.
 */
export interface RegistryMemo {
  /** Host → the challenge's realm, or the outcome that ended discovery (anonymous registry, refusal, network). */
  realms: Map<string, Promise<Realm | LoginOutcome>>;
  /** Host → the first cancel's outcome in this run. */
  cancels: Map<string, Promise<CancelOutcome>>;
}

export function createRegistryMemo(): RegistryMemo {
  return { realms: new Map(), cancels: new Map() };
}

import type { RegistryTokenClaims } from './registry-jwt.js';
import type { Fault } from './http/fault-spec.js';
import type { RateWindow } from './http/rate-limit.js';
import type { SecretsState } from './secrets-state.js';
import type { World } from './world.js';

/** One request as received; the `authorization` value is reduced to its scheme + ` [REDACTED]`. */
export interface RecordedRequest {
  server: 'api' | 'registry';
  method: string;
  /** Path and query string, as sent. */
  path: string;
  headers: Record<string, string>;
  /** The status answered, once the answer was sent (tests assert that no probe was ever accepted). */
  status?: number;
}

/** What a registry token (opaque or JWT) stands for. */
export interface Grant {
  /** The GitHub token behind it; null for an anonymous token. */
  tokenValue: string | null;
  login: string;
  access: { name: string; actions: string[] }[];
}

/** An upload session opened with 202 and not cancelled (ghcr lets it expire, ledger ghcr §3.2). */
export interface OpenUpload {
  uuid: string;
  name: string;
  login: string;
  openedAt: Date;
}

export type RegistryMode = { mode: 'sim' } | { mode: 'front'; upstream: string };

/** Mutable state shared by both listeners. URLs are filled in once the listeners are bound. */
export interface SimState {
  world: World;
  now: () => Date;
  apiUrl: string;
  registryUrl: string;
  registryHost: string;
  registryMode: RegistryMode;
  tokenSigner: ((claims: RegistryTokenClaims) => string) | undefined;
  requests: RecordedRequest[];
  rate: RateWindow;
  grants: Map<string, Grant>;
  uploads: Map<string, OpenUpload>;
  faults: Fault[];
  /** Registry tokens that already met a `rate-limited` incident of kind `once`. */
  throttled: Set<string>;
  /** Actions secrets: key pairs and decrypted values per repository and organization. */
  secrets: SecretsState;
}

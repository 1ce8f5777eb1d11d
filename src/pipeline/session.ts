import { createProbePacer } from '../capabilities/probe-pacer.js';
import type { ProbeDeps, ProbeRequest } from '../capabilities/run-probes.js';
import { readUser, type UserRecord } from '../evidence/user.js';
import { type ApiOutcome, createApiGet, createApiRequest } from '../github/client.js';
import { createFetchStack } from '../http/fetch-stack.js';
import { defaultFetch } from '../http/node-fetch.js';
import { originOf } from '../http/origin.js';
import { createRegistryMemo, type RegistryMemo } from '../registry/memo.js';
import type { TokenShape } from '../token/recognize.js';
import { VERSION } from '../version.js';
import { probeRequest } from './assess-target.js';
import type { CheckTokenDeps } from './options.js';
import type { RunSettings } from './validate.js';

/**
 * The pipeline's second step: a session holds what is per token (its shape, the single `GET /user`, what the run
 * learnt about the registry, the pace of the capability probes) and builds the clients every target of the run uses.
 */

/** One token checked against one API and one registry: shared by every target of a run. */
export interface Session {
  settings: RunSettings;
  shape: TokenShape;
  webUrl: string;
  /** The API's and the registry's origins: the only places the token goes (http/origin.ts). */
  credentialOrigins: string[];
  deps: CheckTokenDeps;
  /** The single `GET /user` of the run, started when the session opens. */
  user: Promise<ApiOutcome>;
  /** That answer read once into the evidence record's first part (evidence/user.ts), for every target of the run. */
  userRecord: Promise<UserRecord>;
  memo: RegistryMemo;
  now: Date;
  /** Sees the headers of every answer from the API host (the rate gate reads `x-ratelimit-*` there). */
  observe?: (headers: Headers) => void;
  /** Keeps the capability probes of every target of the run serial and a second apart. */
  pacer: ReturnType<typeof createProbePacer>;
}

/** Opens a session and starts `GET /user` at once. Call only for a well-formed token (see `formatProblem`). */
export function openSession(settings: RunSettings, deps: CheckTokenDeps, observe?: (headers: Headers) => void): Session {
  // The token goes to these two origins (scheme, host and port) and nowhere else.
  const credentialOrigins = [originOf(settings.apiUrl), originOf(settings.registry.origin)];
  const partial = {
    settings,
    shape: settings.shape,
    webUrl: settings.webUrl,
    credentialOrigins,
    deps,
    memo: createRegistryMemo(),
    now: (deps.now ?? (() => new Date()))(),
    pacer: createProbePacer(),
    ...(observe ? { observe } : {}),
  };
  const user = apiClient(partial)('/user');
  return { ...partial, user, userRecord: user.then(readUser) };
}

type StackInputs = Pick<Session, 'settings' | 'deps' | 'credentialOrigins' | 'observe'>;

/**
 * A fetch stack (http/fetch-stack.ts) for one unit of work (the identity call, or one target) with its own overall
 * deadline. Every stack sits on the same underlying `fetch`, so connections are pooled per origin for the whole run.
 */
export function fetchStack(session: StackInputs): typeof globalThis.fetch {
  const { deps, settings, observe } = session;
  return createFetchStack({
    fetch: deps.fetch ?? defaultFetch(),
    credentialOrigins: session.credentialOrigins,
    timeoutMs: settings.timeoutMs,
    ...(deps.signal ? { signal: deps.signal } : {}),
    ...(observe ? { observe: { origin: new URL(settings.apiUrl).origin, headers: observe } } : {}),
    ...(deps.onHttp ? { onHttp: deps.onHttp } : {}),
    ...(deps.onRetry ? { onRetry: deps.onRetry } : {}),
    ...(deps.onExchange ? { onExchange: deps.onExchange } : {}),
    ...(deps.now ? { now: deps.now } : {}),
  });
}

/** The REST client (GET) of the session's token over `fetch`. */
export function apiClient(session: StackInputs, fetch = fetchStack(session)) {
  return createApiGet(clientOptions(session, fetch));
}

function clientOptions(session: { settings: RunSettings }, fetch: typeof globalThis.fetch) {
  return { apiUrl: session.settings.apiUrl, token: session.settings.token, fetch, userAgent: `crpat/${VERSION}` };
}

/**
 * The probes' client: a fetch stack of their own (own deadline; POSTs are never retried, http/retry.ts), each request
 * through the run's gate, each POST a second after the last one of the run.
 */
export function probeDeps(session: Session, gated: (send: () => Promise<ApiOutcome>) => Promise<ApiOutcome>): ProbeDeps {
  // Built on the first probe: most runs send none.
  let request: ProbeRequest | null = null;
  const build = (): ProbeRequest => {
    const call = createApiRequest(clientOptions(session, fetchStack(session)));
    return session.pacer.paced(probeRequest((method, route, params) => gated(() => call(method, route, params))));
  };
  return { request: (method, path, body) => (request ??= build())(method, path, body) };
}

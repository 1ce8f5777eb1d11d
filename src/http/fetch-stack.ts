import { createGuardedFetch, type HttpTraceEvent } from './guarded-fetch.js';
import { type ExchangeSink, recordExchanges } from './record.js';
import { urlOf } from './response.js';
import { type RetryEvent, withRetries } from './retry.js';

/** What one fetch stack is built from: the run's transport and guards, and who is told what happens on the wire. */
export interface FetchStackOptions {
  /** The transport every stack of a run sits on, so connections are pooled per origin for the whole run. */
  fetch: typeof globalThis.fetch;
  /** The only origins the `Authorization` header may go to: the API's and the registry's (http/origin.ts). */
  credentialOrigins: readonly string[];
  /** Per request; the stack as a whole, retries included, gets three times this and five seconds more. */
  timeoutMs: number;
  /** Cancels everything (Ctrl-C). */
  signal?: AbortSignal;
  /** Sees the headers of every answer from `origin` (the rate gate reads `x-ratelimit-*` on the API's). */
  observe?: { origin: string; headers: (headers: Headers) => void };
  onHttp?: (event: HttpTraceEvent) => void;
  onRetry?: (event: RetryEvent) => void;
  /** Told every exchange in full, unredacted (`--trace`): wire level, below the guards, each redirect hop once. */
  onExchange?: ExchangeSink;
  /** The clock an HTTP-date `Retry-After` is measured against. */
  now?: () => Date;
}

/**
 * The fetch one unit of work (the identity call, or one target) sends through, from the wire up: the transport, the
 * trace recorder, the guards (https or loopback, credentials to their origins only, redirects by hand, a per-request
 * timeout, a body cap), a turn of the event loop after each answer, then retries (GETs only). It has its own overall
 * deadline.
 */
export function createFetchStack(options: FetchStackOptions): typeof globalThis.fetch {
  const deadline = AbortSignal.timeout(options.timeoutMs * 3 + 5000);
  const signal = options.signal ? AbortSignal.any([deadline, options.signal]) : deadline;
  const { observe } = options;
  const seen: typeof globalThis.fetch = observe
    ? async (input, init) => {
        const response = await options.fetch(input, init);
        if (new URL(urlOf(input)).origin === observe.origin) observe.headers(response.headers);
        return response;
      }
    : options.fetch;
  const guarded = createGuardedFetch({
    fetch: options.onExchange ? recordExchanges(seen, options.onExchange) : seen,
    credentialOrigins: options.credentialOrigins,
    timeoutMs: options.timeoutMs,
    signal,
    ...(options.onHttp ? { onHttp: options.onHttp } : {}),
  });
  return withRetries(released(guarded), { signal, ...(options.onRetry ? { onRetry: options.onRetry } : {}), ...(options.now ? { now: options.now } : {}) });
}

/**
 * Node's fetch (undici) puts a kept-alive connection back in its pool only after the task that read the last body byte
 * has ended; a request sent from that same task (the next link of a chain) opens a second connection instead, which
 * over TLS costs two more round trips. One turn of the event loop after each answer keeps the chain on one connection.
 */
function released(fetch: typeof globalThis.fetch): typeof globalThis.fetch {
  return async (input, init) => {
    const response = await fetch(input, init);
    await new Promise<void>((resolve) => setImmediate(resolve));
    return response;
  };
}

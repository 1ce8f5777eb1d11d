import { NetError } from './net-error.js';

export interface RetryOptions {
  /** Extra attempts after the first. @default 2 */
  retries?: number;
  /** First back-off; doubles each time, with jitter. @default 250 */
  baseDelayMs?: number;
  /** A `Retry-After` longer than this is not waited for: the answer is returned as it is. @default 5 */
  maxRetryAfterSeconds?: number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
  /** Told before each wait, so the wait is said out loud (`--verbose`, progress). */
  onRetry?: (event: { method: string; url: string; reason: string; delayMs: number; attempt: number }) => void;
  signal?: AbortSignal;
}

const RETRY_STATUS = new Set([500, 502, 503, 504]);
const RETRY_NET = new Set<NetError['kind']>(['reset', 'refused', 'timeout', 'network']);

/**
 * Retries idempotent requests (GET, HEAD) a bounded number of times: on a 5xx, a reset or timeout with
 * exponential back-off and jitter, and on a 429/403 carrying a short `Retry-After` after waiting it out.
 * Anything else, and every POST/PUT/DELETE (the upload probe is never blindly repeated), goes through once.
 */
export function withRetries(fetch: typeof globalThis.fetch, options: RetryOptions = {}): typeof globalThis.fetch {
  const retries = options.retries ?? 2;
  const base = options.baseDelayMs ?? 250;
  const maxRetryAfter = options.maxRetryAfterSeconds ?? 5;
  const sleep = options.sleep ?? defaultSleep;
  const random = options.random ?? Math.random;

  return async (input, init = {}) => {
    const method = (init.method ?? 'GET').toUpperCase();
    if (method !== 'GET' && method !== 'HEAD') return fetch(input, init);
    const url = input instanceof Request ? input.url : String(input);
    for (let attempt = 1; ; attempt++) {
      let reason: string | null;
      let delayMs = Math.round(base * 2 ** (attempt - 1) * (0.5 + random()));
      try {
        const response = await fetch(input, init);
        const retryAfter = Number(response.headers.get('retry-after'));
        if ((response.status === 429 || response.status === 403) && Number.isFinite(retryAfter) && retryAfter > 0 && retryAfter <= maxRetryAfter) {
          reason = `HTTP ${response.status}, Retry-After ${retryAfter} s`;
          delayMs = retryAfter * 1000;
        } else if (RETRY_STATUS.has(response.status)) {
          reason = `HTTP ${response.status}`;
        } else {
          return response;
        }
        if (attempt > retries) return response;
      } catch (error) {
        if (!(error instanceof NetError) || !RETRY_NET.has(error.kind) || attempt > retries) throw error;
        reason = error.message;
      }
      options.onRetry?.({ method, url, reason, delayMs, attempt });
      await sleep(delayMs, options.signal);
    }
  };
}

function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new NetError('aborted', 'cancelled'));
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(new NetError('aborted', 'cancelled'));
    }, { once: true });
  });
}

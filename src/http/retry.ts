import { setTimeout as delay } from 'node:timers/promises';
import { NetError } from './net-error.js';
import { parseRetryAfter } from './retry-after.js';
import { HttpResponse, urlOf } from './response.js';

/** A GET about to be repeated after `delayMs`. */
export interface RetryEvent {
  method: string;
  url: string;
  reason: string;
  delayMs: number;
  attempt: number;
}

export interface RetryOptions {
  /** Extra attempts after the first. @default 2 */
  retries?: number;
  /** First back-off; doubles each time, with jitter. @default 250 */
  baseDelayMs?: number;
  /** A `Retry-After` longer than this is not waited for: the answer is returned as it is. @default 5 */
  maxRetryAfterSeconds?: number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
  /** The clock an HTTP-date `Retry-After` is measured against. @default () => new Date() */
  now?: () => Date;
  /** Told before each wait, so the wait is said out loud (`--verbose`, progress). */
  onRetry?: (event: RetryEvent) => void;
  signal?: AbortSignal;
}

/**
 * Set on an answer that came only after retrying, e.g. `attempts=2; waited-ms=1000; retry-after=1`, so whoever reads
 * the answer can say what happened. It is added in this process and never sent anywhere.
 */
export const RETRY_HEADER = 'x-crpat-retries';

/** What {@link RETRY_HEADER} says: how many tries, how long crpat waited in all, and the last Retry-After it obeyed. */
export interface RetryNote {
  attempts: number;
  waitedMs: number;
  retryAfterSeconds: number | null;
}

const RETRY_STATUS = new Set([500, 502, 503, 504]);
const RETRY_NET = new Set<NetError['kind']>(['reset', 'closed', 'refused', 'timeout', 'network']);

/**
 * Retries idempotent requests (GET, HEAD) a bounded number of times: on a 5xx, a reset or timeout with
 * exponential back-off and jitter, and on a 429/403 carrying a short `Retry-After` after waiting it out.
 * Anything else, and every POST/PUT/DELETE (the upload probe is never blindly repeated), goes through once.
 * An answer or error that needed more than one try says so ({@link RETRY_HEADER}, `NetError.attempts`).
 */
export function withRetries(fetch: typeof globalThis.fetch, options: RetryOptions = {}): typeof globalThis.fetch {
  const retries = options.retries ?? 2;
  const base = options.baseDelayMs ?? 250;
  const maxRetryAfter = options.maxRetryAfterSeconds ?? 5;
  const sleep = options.sleep ?? defaultSleep;
  const random = options.random ?? Math.random;
  const now = options.now ?? (() => new Date());

  return async (input, init = {}) => {
    const method = (init.method ?? 'GET').toUpperCase();
    if (method !== 'GET' && method !== 'HEAD') return fetch(input, init);
    const url = urlOf(input);
    const note: RetryNote = { attempts: 0, waitedMs: 0, retryAfterSeconds: null };
    for (let attempt = 1; ; attempt++) {
      note.attempts = attempt;
      let reason: string | null;
      let delayMs = Math.round(base * 2 ** (attempt - 1) * (0.5 + random()));
      let retryAfter: number | null = null;
      try {
        const response = await fetch(input, init);
        // Seconds or an HTTP-date (RFC 9110 §10.2.3).
        const asked = parseRetryAfter(response.headers.get('retry-after'), now()) ?? 0;
        if ((response.status === 429 || response.status === 403) && asked > 0 && asked <= maxRetryAfter) {
          reason = `HTTP ${response.status}, Retry-After ${asked} s`;
          delayMs = asked * 1000;
          retryAfter = asked;
        } else if (RETRY_STATUS.has(response.status)) {
          reason = `HTTP ${response.status}`;
        } else {
          return await annotated(response, note);
        }
        if (attempt > retries) return await annotated(response, note);
      } catch (error) {
        if (!(error instanceof NetError) || !RETRY_NET.has(error.kind) || attempt > retries) throw withAttempts(error, attempt);
        reason = error.message;
      }
      options.onRetry?.({ method, url, reason, delayMs, attempt });
      await sleep(delayMs, options.signal);
      note.waitedMs += delayMs;
      if (retryAfter !== null) note.retryAfterSeconds = retryAfter;
    }
  };
}

/** The answer, marked with {@link RETRY_HEADER} when it took more than one try. */
async function annotated(response: Response, note: RetryNote): Promise<Response> {
  if (note.attempts === 1) return response;
  const init = { status: response.status, statusText: response.statusText, headers: response.headers };
  const copy = new HttpResponse(new Uint8Array(await response.arrayBuffer()), init);
  copy.headers.set(RETRY_HEADER, formatRetryNote(note));
  return copy;
}

function withAttempts(error: unknown, attempts: number): unknown {
  return error instanceof NetError && attempts > 1 ? new NetError(error.kind, error.message, attempts) : error;
}

export function formatRetryNote(note: RetryNote): string {
  const retryAfter = note.retryAfterSeconds === null ? '' : `; retry-after=${note.retryAfterSeconds}`;
  return `attempts=${note.attempts}; waited-ms=${note.waitedMs}${retryAfter}`;
}

/** Reads {@link RETRY_HEADER}; null when absent or not in the form this module writes. Pure; never throws. */
export function parseRetryNote(value: string | null): RetryNote | null {
  const match = /^attempts=(\d{1,3}); waited-ms=(\d{1,9})(?:; retry-after=(\d{1,9}))?$/.exec(value ?? '');
  if (!match) return null;
  return { attempts: Number(match[1]), waitedMs: Number(match[2]), retryAfterSeconds: match[3] === undefined ? null : Number(match[3]) };
}

async function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  try {
    await delay(ms, undefined, signal ? { signal } : {});
  } catch (error) {
    throw signal?.aborted ? interrupted(signal) : error;
  }
}

/** A wait cut short: by the overall deadline (a TimeoutError reason) or by a cancel. */
function interrupted(signal: AbortSignal): NetError {
  const reason: unknown = signal.reason;
  return reason instanceof Error && reason.name === 'TimeoutError'
    ? new NetError('timeout', "crpat's overall time limit ran out while it waited to try again")
    : new NetError('aborted', 'cancelled while waiting to try again');
}

import { setTimeout as delay } from 'node:timers/promises';
import { parseRateLimit } from '../github/headers.js';

/**
 * Paces the per-repository work of a many-repository run so it stays inside GitHub's published limits
 * (ledger github-api §8): at most `concurrency` repositories in flight (never more than 100 concurrent requests),
 * fewer as `x-ratelimit-remaining` falls, a token bucket below 900 requests a minute per endpoint, and no API request
 * once the hourly budget is spent (it is not sent; the reason is reported instead).
 */
export interface RateGate {
  /** Waits for a free slot; resolves with the function that frees it. FIFO, so targets start in input order. */
  acquire(): Promise<() => void>;
  /** Call before each REST request: resolves with null to go ahead, or with why the request must not be sent. */
  beforeApi(): Promise<string | null>;
  /** Reads the `x-ratelimit-*` headers of an API answer (other answers carry none and are ignored). */
  observe(headers: Headers): void;
  /** How many targets may be in flight now. */
  limit(): number;
}

export interface RateGateOptions {
  /** Most targets in flight when the budget is ample; clamped to 1–100. @default 10 */
  concurrency?: number;
  /** Sustained REST requests per minute (token bucket). @default 720: with the burst, below 900 in any minute */
  perMinute?: number;
  /** Requests the bucket lets through at once. @default 100 */
  burst?: number;
  /** One slot per this many requests left in the hourly budget: 500 left → 10 slots, 100 → 2, under 50 → 1. @default 50 */
  remainingPerSlot?: number;
  /** Wait for the window's reset when it is this close; later resets are not waited for. @default 5000 */
  maxResetWaitMs?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/** GitHub counts more than 100 concurrent requests as abuse (ledger github-api §8, secondary limits). */
export const MAX_CONCURRENCY = 100;
export const DEFAULT_CONCURRENCY = 10;

export function createRateGate(options: RateGateOptions = {}): RateGate {
  const max = clamp(Math.floor(options.concurrency ?? DEFAULT_CONCURRENCY), 1, MAX_CONCURRENCY);
  const perMs = (options.perMinute ?? 720) / 60_000;
  const burst = options.burst ?? 100;
  const perSlot = options.remainingPerSlot ?? 50;
  const maxResetWait = options.maxResetWaitMs ?? 5000;
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => delay(ms));

  let active = 0;
  const waiting: (() => void)[] = [];
  // What GitHub last said, minus what was sent since (answers arrive out of order; the budget only falls in a window).
  let budget: { remaining: number; resetMs: number } | null = null;
  let tokens = burst;
  let filledAt = now();
  let apiQueue: Promise<unknown> = Promise.resolve();

  const limit = (): number => (budget === null ? max : clamp(Math.floor(budget.remaining / perSlot), 1, max));
  const pump = (): void => {
    while (active < limit() && waiting.length > 0) {
      active += 1;
      waiting.shift()?.();
    }
  };
  const release = (): void => {
    active -= 1;
    pump();
  };

  async function takeToken(): Promise<string | null> {
    if (budget !== null && budget.remaining <= 0) {
      const wait = budget.resetMs - now();
      if (wait > maxResetWait) return `not sent: the token's API rate limit is used up until ${new Date(budget.resetMs).toISOString()}; run again after that, or with fewer repositories`;
      await sleep(Math.max(0, wait));
      budget = null; // a new window: the next answer tells its size
    }
    const elapsed = now() - filledAt;
    filledAt += elapsed;
    tokens = Math.min(burst, tokens + elapsed * perMs);
    if (tokens < 1) {
      await sleep(Math.ceil((1 - tokens) / perMs));
      tokens = 1;
      filledAt = now();
    }
    tokens -= 1;
    if (budget !== null) budget.remaining -= 1;
    return null;
  }

  return {
    acquire() {
      return new Promise((resolve) => {
        waiting.push(() => resolve(once(release)));
        pump();
      });
    },
    beforeApi() {
      // One at a time through the bucket, so concurrent callers cannot overdraw it.
      const turn = apiQueue.then(takeToken);
      apiQueue = turn.catch(() => null);
      return turn;
    },
    observe(headers) {
      const rate = parseRateLimit(headers);
      if (rate === null) return;
      const resetMs = rate.reset.getTime();
      if (budget === null || resetMs > budget.resetMs) budget = { remaining: rate.remaining, resetMs };
      else if (resetMs === budget.resetMs) budget.remaining = Math.min(budget.remaining, rate.remaining);
      pump();
    },
    limit,
  };
}

function once(fn: () => void): () => void {
  let done = false;
  return () => {
    if (done) return;
    done = true;
    fn();
  };
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, Number.isFinite(value) ? value : low));
}

/**
 * Primary rate limit bookkeeping: 5,000/h per user for tokens, 60/h for anonymous callers, one hourly window
 * (ledger github-api §8). All tokens of a user share the budget.
 */
export interface RateWindow {
  /** End of the window, epoch seconds. */
  resetEpoch: number;
  used: Map<string, number>;
}

export function newRateWindow(now: Date): RateWindow {
  return { resetEpoch: Math.floor(now.getTime() / 1000) + 3600, used: new Map() };
}

/** Counts one request for `key` and returns the five `x-ratelimit-*` headers (ledger github-api §8). */
export function consumeRate(window: RateWindow, now: Date, key: string, limit: number): Record<string, string> {
  const epoch = Math.floor(now.getTime() / 1000);
  if (epoch >= window.resetEpoch) {
    window.resetEpoch = epoch + 3600;
    window.used.clear();
  }
  const used = Math.min(limit, (window.used.get(key) ?? 0) + 1);
  window.used.set(key, used);
  return {
    'x-ratelimit-limit': String(limit),
    'x-ratelimit-remaining': String(limit - used),
    'x-ratelimit-reset': String(window.resetEpoch),
    'x-ratelimit-used': String(used),
    'x-ratelimit-resource': 'core',
  };
}

import { describe, expect, it } from 'vitest';
import { createRateGate, type RateGateOptions } from '../../../src/pipeline/rate-gate.js';

/** A fake clock: `sleep` advances it and records the wait. */
function clock(start = 1_700_000_000_000) {
  let now = start;
  const slept: number[] = [];
  return {
    now: () => now,
    sleep: async (ms: number) => {
      slept.push(ms);
      now += ms;
    },
    slept,
    advance: (ms: number) => (now += ms),
  };
}

function rateHeaders(remaining: number, resetEpochSeconds: number, limit = 5000): Headers {
  return new Headers({
    'x-ratelimit-limit': String(limit),
    'x-ratelimit-remaining': String(remaining),
    'x-ratelimit-reset': String(resetEpochSeconds),
    'x-ratelimit-used': String(limit - remaining),
    'x-ratelimit-resource': 'core',
  });
}

/** Starts `count` acquisitions and says how many have been granted once the queue has settled. */
async function granted(gate: ReturnType<typeof createRateGate>, count: number): Promise<{ granted: () => number; releases: (() => void)[] }> {
  const releases: (() => void)[] = [];
  for (let i = 0; i < count; i++) void gate.acquire().then((release) => releases.push(release));
  await new Promise((resolve) => setImmediate(resolve));
  return { granted: () => releases.length, releases };
}

const gateWith = (options: RateGateOptions = {}) => {
  const c = clock();
  return { gate: createRateGate({ now: c.now, sleep: c.sleep, ...options }), c };
};

describe('createRateGate: how many repositories are in flight', () => {
  it('hands out `concurrency` slots, then one per release, in order', async () => {
    const { gate } = gateWith({ concurrency: 3 });
    const run = await granted(gate, 5);
    expect(run.granted()).toBe(3);
    run.releases[0]?.();
    run.releases[0]?.(); // releasing twice frees one slot only
    await new Promise((resolve) => setImmediate(resolve));
    expect(run.granted()).toBe(4);
  });

  it('is clamped to 1–100: GitHub treats more than 100 concurrent requests as abuse', () => {
    expect(createRateGate({ concurrency: 500 }).limit()).toBe(100);
    expect(createRateGate({ concurrency: 0 }).limit()).toBe(1);
    expect(createRateGate().limit()).toBe(10);
  });

  it.each([
    [5000, 10],
    [499, 9],
    [400, 8],
    [100, 2],
    [60, 1],
    [3, 1],
  ])('slows down as x-ratelimit-remaining falls: %i left → %i at once', (remaining, slots) => {
    const { gate, c } = gateWith({ concurrency: 10 });
    gate.observe(rateHeaders(remaining, c.now() / 1000 + 3600));
    expect(gate.limit()).toBe(slots);
  });

  it('grants no new slot beyond the lowered limit', async () => {
    const { gate, c } = gateWith({ concurrency: 10 });
    gate.observe(rateHeaders(100, c.now() / 1000 + 3600));
    const run = await granted(gate, 6);
    expect(run.granted()).toBe(2);
  });

  it('ignores answers without rate-limit headers (the registry) and keeps the lowest figure of a window', () => {
    const { gate, c } = gateWith({ concurrency: 10 });
    const reset = c.now() / 1000 + 3600;
    gate.observe(new Headers());
    expect(gate.limit()).toBe(10);
    gate.observe(rateHeaders(150, reset));
    gate.observe(rateHeaders(400, reset)); // an older answer arriving late
    expect(gate.limit()).toBe(3);
    gate.observe(rateHeaders(5000, reset + 3600)); // a new window
    expect(gate.limit()).toBe(10);
  });
});

describe('createRateGate: before each API request', () => {
  it('goes ahead while the budget lasts, counting what it lets through', async () => {
    const { gate, c } = gateWith({ concurrency: 10 });
    gate.observe(rateHeaders(2, c.now() / 1000 + 3600));
    expect(await gate.beforeApi()).toBeNull();
    expect(await gate.beforeApi()).toBeNull();
    expect(await gate.beforeApi()).toMatch(/^not sent: the token's API rate limit is used up until \d{4}-\d\d-\d\dT/);
  });

  it('waits for a reset a few seconds away instead of refusing', async () => {
    const { gate, c } = gateWith();
    gate.observe(rateHeaders(0, c.now() / 1000 + 3));
    expect(await gate.beforeApi()).toBeNull();
    expect(c.slept).toEqual([3000]);
  });

  it('keeps below 900 requests a minute per endpoint: a burst, then the sustained rate', async () => {
    const { gate, c } = gateWith({ burst: 3, perMinute: 60 });
    for (let i = 0; i < 3; i++) expect(await gate.beforeApi()).toBeNull();
    expect(c.slept).toEqual([]);
    expect(await gate.beforeApi()).toBeNull();
    expect(c.slept).toEqual([1000]);
    c.advance(2000);
    expect(await gate.beforeApi()).toBeNull();
    expect(c.slept).toEqual([1000]);
  });

  it('lets concurrent callers through one at a time, so the bucket is never overdrawn', async () => {
    const { gate, c } = gateWith({ burst: 2, perMinute: 60 });
    const answers = await Promise.all([gate.beforeApi(), gate.beforeApi(), gate.beforeApi(), gate.beforeApi()]);
    expect(answers).toEqual([null, null, null, null]);
    expect(c.slept).toEqual([1000, 1000]);
  });
});

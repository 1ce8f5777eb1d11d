import { describe, expect, it } from 'vitest';
import { NetError } from '../../../src/http/net-error.js';
import { parseRetryNote, RETRY_HEADER, withRetries } from '../../../src/http/retry.js';

function scripted(answers: (Response | NetError)[]) {
  const calls: string[] = [];
  const fetch = (async (input: string | URL | Request, init?: RequestInit) => {
    calls.push(`${init?.method ?? 'GET'} ${String(input)}`);
    const next = answers.shift();
    if (!next) throw new Error('no more scripted answers');
    if (next instanceof NetError) throw next;
    return next;
  }) as typeof globalThis.fetch;
  return { fetch, calls };
}

const waits: number[] = [];
const options = { sleep: async (ms: number) => void waits.push(ms), random: () => 0.5, baseDelayMs: 100 };

describe('withRetries', () => {
  it('retries a GET after a 503 and a reset, with growing back-off', async () => {
    waits.length = 0;
    const { fetch, calls } = scripted([new Response('', { status: 503 }), new NetError('reset', 'reset'), new Response('ok')]);
    const response = await withRetries(fetch, options)('http://127.0.0.1/user');
    expect(await response.text()).toBe('ok');
    expect(calls).toHaveLength(3);
    expect(waits).toEqual([100, 200]);
  });

  it('gives up after the bounded number of retries and returns the last answer', async () => {
    const { fetch, calls } = scripted([502, 502, 502].map((status) => new Response('', { status })));
    expect((await withRetries(fetch, options)('http://127.0.0.1/user')).status).toBe(502);
    expect(calls).toHaveLength(3);
  });

  it('waits out a short Retry-After and says so', async () => {
    waits.length = 0;
    const told: string[] = [];
    const { fetch } = scripted([new Response('', { status: 429, headers: { 'retry-after': '2' } }), new Response('ok')]);
    await withRetries(fetch, { ...options, onRetry: (e) => told.push(e.reason) })('http://127.0.0.1/user');
    expect(waits).toEqual([2000]);
    expect(told).toEqual(['HTTP 429, Retry-After 2 s']);
  });

  it('waits out a Retry-After given as an HTTP-date (RFC 9110 §10.2.3), measured against the injected clock', async () => {
    waits.length = 0;
    const told: string[] = [];
    const now = () => new Date('2026-01-01T00:00:00Z');
    const date = 'Thu, 01 Jan 2026 00:00:03 GMT';
    const { fetch } = scripted([new Response('', { status: 429, headers: { 'retry-after': date } }), new Response('ok')]);
    const response = await withRetries(fetch, { ...options, now, onRetry: (e) => told.push(e.reason) })('http://127.0.0.1/user');
    expect(await response.text()).toBe('ok');
    expect(waits).toEqual([3000]);
    expect(told).toEqual(['HTTP 429, Retry-After 3 s']);
  });

  it('does not wait out a Retry-After beyond the cap', async () => {
    const { fetch, calls } = scripted([new Response('', { status: 429, headers: { 'retry-after': '600' } })]);
    expect((await withRetries(fetch, options)('http://127.0.0.1/user')).status).toBe(429);
    expect(calls).toHaveLength(1);
  });

  it('never repeats the upload probe (POST) or a cancel (DELETE)', async () => {
    for (const method of ['POST', 'DELETE']) {
      const { fetch, calls } = scripted([new Response('', { status: 503 })]);
      expect((await withRetries(fetch, options)('http://127.0.0.1/v2/a/b/blobs/uploads/', { method })).status).toBe(503);
      expect(calls).toHaveLength(1);
    }
  });

  it('does not retry a 401 or a 404: they are answers', async () => {
    for (const status of [401, 404]) {
      const { fetch, calls } = scripted([new Response('', { status })]);
      await withRetries(fetch, options)('http://127.0.0.1/user');
      expect(calls).toHaveLength(1);
    }
  });

  it('does not retry an off-host refusal', async () => {
    const { fetch, calls } = scripted([new NetError('off-host', 'refused')]);
    await expect(withRetries(fetch, options)('http://127.0.0.1/user')).rejects.toThrow('refused');
    expect(calls).toHaveLength(1);
  });

  it('marks an answer that needed retries, and not one that came at once', async () => {
    const first = scripted([new Response('', { status: 503 }), new Response('ok', { headers: { 'x-github-request-id': 'A:B' } })]);
    const response = await withRetries(first.fetch, options)('http://127.0.0.1/user');
    expect(await response.text()).toBe('ok');
    expect(response.headers.get('x-github-request-id')).toBe('A:B');
    expect(parseRetryNote(response.headers.get(RETRY_HEADER))).toEqual({ attempts: 2, waitedMs: 100, retryAfterSeconds: null });
    const once = scripted([new Response('ok')]);
    expect((await withRetries(once.fetch, options)('http://127.0.0.1/user')).headers.get(RETRY_HEADER)).toBeNull();
  });

  it('marks a Retry-After it waited out', async () => {
    const { fetch } = scripted([429, 429, 429].map((status) => new Response('', { status, headers: { 'retry-after': '1' } })));
    const response = await withRetries(fetch, options)('http://127.0.0.1/user');
    expect(response.status).toBe(429);
    expect(parseRetryNote(response.headers.get(RETRY_HEADER))).toEqual({ attempts: 3, waitedMs: 2000, retryAfterSeconds: 1 });
  });

  it('counts the attempts behind a network error it gave up on', async () => {
    const { fetch } = scripted([new NetError('reset', 'r'), new NetError('closed', 'c'), new NetError('timeout', 't')]);
    const error = await withRetries(fetch, options)('http://127.0.0.1/user').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetError);
    expect(error).toMatchObject({ kind: 'timeout', message: 't', attempts: 3 });
  });

  it('a deadline during a back-off ends the wait with a timeout that says so', async () => {
    const { fetch } = scripted([new Response('', { status: 503 }), new Response('never')]);
    const error = await withRetries(fetch, { baseDelayMs: 10_000, signal: AbortSignal.timeout(50) })('http://127.0.0.1/user').catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'timeout', message: "crpat's overall time limit ran out while it waited to try again" });
  });

  it('parseRetryNote reads only what withRetries writes', () => {
    expect(parseRetryNote('attempts=2; waited-ms=1000; retry-after=1')).toEqual({ attempts: 2, waitedMs: 1000, retryAfterSeconds: 1 });
    for (const bad of [null, '', 'attempts=x', 'attempts=2; waited-ms=1; retry-after=1; more', 'attempts=99999; waited-ms=1']) {
      expect(parseRetryNote(bad)).toBeNull();
    }
  });
});

import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkToken } from '../../src/index.js';
import { type Fault, type Simulator, startSimulator, tokenValue } from '../../src/simulator/index.js';
import type { Verdict } from '../../src/types.js';
import { startServer } from '../helpers/http-server.js';

// Hundreds of consecutive checks in-process against the simulator with random faults (seeded, so a failure can be
// replayed with SOAK_SEED=<seed>): every verdict right for its fault, the heap flat, no socket left open.

const SEED = Number(process.env['SOAK_SEED'] ?? 0xc0ffee);
const RUNS = 300;
/** Independent lanes, each with its own simulator (faults are per simulator), each running its share one after another. */
const LANES = 6;
const BATCHES = 6;

/** mulberry32: a tiny seeded PRNG, enough to pick cases reproducibly. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Case {
  name: string;
  /** Scenario token label and repository; default the one that passes. */
  label?: string;
  repository?: string;
  faults: (ctx: { foreignPort: number }) => Fault[];
  expect: Verdict;
  timeoutSeconds?: number;
  /** Relative frequency. @default 3 */
  weight?: number;
}

const SECONDARY = 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.'; // ledger github-api §8
const UPLOAD = /\/blobs\/uploads\/$/;

const CASES: Case[] = [
  { name: 'no fault', faults: () => [], expect: 'pass', weight: 6 },
  { name: '503 once on /user', faults: () => [{ server: 'api', path: '/user', status: 503, times: 1 }], expect: 'pass' },
  { name: 'reset once on /repos', faults: () => [{ server: 'api', path: /^\/repos\//, kind: 'reset', times: 1 }], expect: 'pass' },
  { name: 'truncated once on /token', faults: () => [{ server: 'registry', path: '/token', kind: 'truncate', times: 1 }], expect: 'pass' },
  { name: '502 on /repos', faults: () => [{ server: 'api', path: /^\/repos\//, status: 502 }], expect: 'inconclusive', weight: 2 },
  { name: 'reset on /user', faults: () => [{ server: 'api', path: '/user', kind: 'reset' }], expect: 'inconclusive', weight: 2 },
  { name: 'malformed JSON on /user', faults: () => [{ server: 'api', path: '/user', kind: 'malformed-json' }], expect: 'inconclusive' },
  { name: 'malformed JSON on /repos', faults: () => [{ server: 'api', path: /^\/repos\//, kind: 'malformed-json' }], expect: 'inconclusive' },
  { name: 'huge body on /repos', faults: () => [{ server: 'api', path: /^\/repos\//, kind: 'huge' }], expect: 'inconclusive' },
  { name: 'redirect loop on /user', faults: () => [{ server: 'api', path: '/user', kind: 'redirect' }], expect: 'inconclusive' },
  {
    name: 'off-host redirect on /user',
    faults: ({ foreignPort }) => [{ server: 'api', path: '/user', kind: 'redirect', location: `http://localhost:${foreignPort}/user` }],
    expect: 'inconclusive',
  },
  {
    name: 'foreign token realm',
    faults: ({ foreignPort }) => [
      { server: 'registry', path: '/v2/', status: 401, headers: { 'www-authenticate': `Bearer realm="http://localhost:${foreignPort}/token",service="ghcr.io"` } },
    ],
    expect: 'inconclusive',
  },
  { name: '403 secondary limit on /user', faults: () => [{ server: 'api', path: '/user', status: 403, body: { message: SECONDARY } }], expect: 'inconclusive' },
  {
    name: '403 primary limit on the API',
    faults: () => [
      {
        server: 'api',
        path: /^\/(user|repos\/)/,
        status: 403,
        headers: { 'x-ratelimit-limit': '5000', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600) },
        body: { message: 'API rate limit exceeded for user ID 1.' },
      },
    ],
    expect: 'inconclusive',
  },
  { name: '500 on the upload (never repeated)', faults: () => [{ server: 'registry', method: 'POST', path: UPLOAD, status: 500 }], expect: 'inconclusive' },
  { name: 'reset on the upload', faults: () => [{ server: 'registry', method: 'POST', path: UPLOAD, kind: 'reset' }], expect: 'inconclusive' },
  { name: 'no answer from /token', faults: () => [{ server: 'registry', path: '/token', kind: 'hang' }], expect: 'inconclusive', timeoutSeconds: 0.25, weight: 1 },
  // A definite answer stays definite whatever else fails.
  { name: 'revoked token, /repos 503', label: 'octocat-classic-revoked', faults: () => [{ server: 'api', path: /^\/repos\//, status: 503 }], expect: 'fail', weight: 2 },
  {
    name: 'repo scope only, 503 once on /user',
    label: 'octocat-classic-repo-only',
    faults: () => [{ server: 'api', path: '/user', status: 503, times: 1 }],
    expect: 'fail',
    weight: 2,
  },
];

function picker(random: () => number): () => Case {
  const weighted = CASES.flatMap((c) => Array.from({ length: c.weight ?? 3 }, () => c));
  return () => weighted[Math.floor(random() * weighted.length)]!;
}

/** Forces a full collection where vitest's worker was started without --expose-gc. */
function collector(): () => void {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  return () => {
    gc();
    gc();
  };
}

const tcpHandles = () => process.getActiveResourcesInfo().filter((name) => name.startsWith('TCP')).length;

let sims: Simulator[] = [];
let foreign: { port: number; close(): Promise<void> };
let foreignHits = 0;
let baselineTcp = 0;

beforeAll(async () => {
  baselineTcp = tcpHandles();
  sims = await Promise.all(Array.from({ length: LANES }, () => startSimulator()));
  foreign = await startServer((_req, res) => {
    foreignHits += 1;
    res.end('{}');
  });
});
afterAll(async () => {
  await Promise.all(sims.map((s) => s.close()));
  await foreign?.close();
});

describe(`soak: ${RUNS} checks with random faults (seed ${SEED})`, () => {
  it('every verdict matches its fault; heap flat; no sockets left open', { timeout: 60_000 }, async () => {
    const gc = collector();
    const next = picker(prng(SEED));
    const plan = Array.from({ length: RUNS }, next);
    const wrong: string[] = [];
    const heap: number[] = [];
    const tcp: number[] = [];
    const perBatch = RUNS / BATCHES;

    for (let batch = 0; batch < BATCHES; batch++) {
      const slice = plan.slice(batch * perBatch, (batch + 1) * perBatch);
      await Promise.all(
        sims.map(async (sim, lane) => {
          for (let i = lane; i < slice.length; i += LANES) {
            const run = slice[i]!;
            const removers = run.faults({ foreignPort: foreign.port }).map((fault) => sim.inject(fault));
            const token = tokenValue(sim.world, run.label ?? 'octocat-classic-push');
            try {
              const report = await checkToken({
                repository: run.repository ?? 'octocat/hello-world',
                token,
                apiUrl: sim.apiUrl,
                registry: sim.registryUrl,
                timeoutSeconds: run.timeoutSeconds ?? 5,
              });
              if (report.verdict !== run.expect) {
                const off = report.checks.filter((c) => c.status === 'fail' || c.status === 'error').map((c) => `${c.id}: ${c.summary}`);
                wrong.push(`#${batch * perBatch + i} ${run.name}: ${report.verdict}, expected ${run.expect} (${off.join(' | ')})`);
              }
              if (JSON.stringify(report).includes(token)) wrong.push(`#${batch * perBatch + i} ${run.name}: the report holds the token`);
            } finally {
              for (const remove of removers) remove();
              sim.requests.length = 0; // the simulator's log is the test's, not crpat's: do not let it grow
            }
          }
        }),
      );
      gc();
      heap.push(process.memoryUsage().heapUsed);
      tcp.push(tcpHandles());
    }

    expect(wrong, `seed ${SEED}`).toEqual([]);
    expect(foreignHits).toBe(0); // no redirect or realm ever reached the foreign host
    // Heap: after the first batch (warm-up: modules, JIT, pools), no steady growth. A leak of one report per run
    // (~10 KB) would add ~2.5 MB over the remaining batches; the bound leaves room for GC noise.
    // Measured: within ±1.5 MiB between batches. The bound catches anything that keeps 12 KB or more per run alive
    // (an answer body, a socket and its buffers, a timer's closure); a finished report alone is smaller (~5 KB).
    const growth = heap.at(-1)! - heap[0]!;
    expect(growth, `heap per batch: ${heap.map((h) => (h / 2 ** 20).toFixed(1)).join(', ')} MiB`).toBeLessThan(3 * 2 ** 20);
    // Open TCP handles (both ends live in this process): bounded by the keep-alive pools (measured: at most ~8 per
    // lane), not by the number of runs; one socket leaked per run would add 50 per batch.
    expect(Math.max(...tcp), `TCP handles per batch: ${tcp.join(', ')}`).toBeLessThanOrEqual(baselineTcp + LANES * 12);

    // Once the servers are gone, every connection crpat opened is closed too.
    await Promise.all(sims.map((s) => s.close()));
    await foreign.close();
    sims = [];
    const deadline = Date.now() + 3000;
    while (tcpHandles() > baselineTcp && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(tcpHandles()).toBeLessThanOrEqual(baselineTcp);
  });
});

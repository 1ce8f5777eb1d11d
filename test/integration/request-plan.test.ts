import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDelayProxy } from '../../scripts/bench/delay-proxy.mjs';
import { checkToken, checkTokenMany } from '../../src/index.js';
import { type Simulator, startSimulator, tokenValue } from '../../src/simulator/index.js';
import { type PlanEvent, planFetch, worldWithRepos } from '../helpers/many-repos.js';

// The request plan itself, asserted as an order of events (which requests start before which answers), not as times:
// what starts together, what waits for what, what is never sent twice, and how the count grows with repositories.
let sim: Simulator;
let repos: string[];
let token: string;
beforeAll(async () => {
  const built = worldWithRepos(10);
  repos = built.repos;
  sim = await startSimulator({ world: built.world });
  token = tokenValue(sim.world, 'octocat-classic-push');
});
afterAll(async () => sim.close());

/** The simulator's log from `from` on, as `server METHOD path` lines. */
function received(from: number): string[] {
  return sim.requests.slice(from).map((r) => `${r.server} ${r.method} ${r.path.split('?')[0]}`);
}

const at = (log: PlanEvent[], event: string): number => {
  const index = log.findIndex((e) => e.startsWith(event));
  expect(index, `${event} in ${log.join(' | ')}`).toBeGreaterThanOrEqual(0);
  return index;
};
const firstAnswer = (log: PlanEvent[]): number => log.findIndex((e) => e.startsWith('end '));
const ghcr = () => ({ api: sim.apiUrl, registry: sim.registryUrl });

describe('one repository on ghcr.io (its challenge and its 405 to a cancel are known)', () => {
  it('starts the identity call, the repository call and the registry token request before any answer', async () => {
    const log: PlanEvent[] = [];
    const from = sim.requests.length;
    const report = await checkToken({ repository: 'acme/private-app', token }, { fetch: planFetch(log, ghcr()) });
    expect(report.verdict).toBe('pass');
    const answered = firstAnswer(log);
    expect(at(log, 'start GET /user')).toBeLessThan(answered);
    expect(at(log, 'start GET /repos/acme/private-app')).toBeLessThan(answered);
    expect(at(log, 'start GET /token?')).toBeLessThan(answered);
    // The only chain: the upload waits for the registry token.
    expect(at(log, 'start POST /v2/acme/private-app/blobs/uploads/')).toBeGreaterThan(at(log, 'end GET /token?'));
    // Four requests, each once: no /v2/ ping, no cancel.
    expect(received(from).sort()).toEqual(
      ['api GET /repos/acme/private-app', 'api GET /user', 'registry GET /token', 'registry POST /v2/acme/private-app/blobs/uploads/'].sort(),
    );
    const push = report.checks.find((c) => c.id === 'registry.push');
    expect(push?.details[0]).toMatch(/does not support cancelling an upload \(it answers HTTP 405\), so the probe did not ask/);
  });

  it('falls back to the challenge when the known token service answers otherwise', async () => {
    const from = sim.requests.length;
    // The token service moved (404); the registry's challenge names it (here: the same place, as ghcr.io's does).
    const moved = sim.inject({ server: 'registry', method: 'GET', path: '/token', status: 404, times: 1 });
    const challenge = 'Bearer realm="https://ghcr.io/token",service="ghcr.io",scope="repository:user/image:pull"';
    const ping = sim.inject({ server: 'registry', method: 'GET', path: '/v2/', status: 401, headers: { 'www-authenticate': challenge }, times: 1 });
    try {
      const report = await checkToken({ repository: 'acme/private-app', token }, { fetch: planFetch([], ghcr()) });
      expect(report.verdict).toBe('pass');
    } finally {
      moved();
      ping();
    }
    expect(received(from).filter((line) => line.startsWith('registry'))).toEqual([
      'registry GET /token',
      'registry GET /v2/',
      'registry GET /token',
      'registry POST /v2/acme/private-app/blobs/uploads/',
    ]);
  });
});

describe('one repository on a registry seen for the first time', () => {
  it('asks the /v2/ challenge with the API calls, then token → upload → cancel, each once', async () => {
    const log: PlanEvent[] = [];
    const from = sim.requests.length;
    const report = await checkToken({ repository: 'acme/private-app', token, apiUrl: sim.apiUrl, registry: sim.registryUrl }, { fetch: planFetch(log) });
    expect(report.verdict).toBe('pass');
    const answered = firstAnswer(log);
    expect(at(log, 'start GET /user')).toBeLessThan(answered);
    expect(at(log, 'start GET /repos/acme/private-app')).toBeLessThan(answered);
    expect(at(log, 'start GET /v2/')).toBeLessThan(answered);
    expect(at(log, 'start GET /token?')).toBeGreaterThan(at(log, 'end GET /v2/'));
    expect(at(log, 'start POST')).toBeGreaterThan(at(log, 'end GET /token?'));
    expect(at(log, 'start DELETE')).toBeGreaterThan(at(log, 'end POST'));
    const lines = received(from);
    expect(lines).toHaveLength(6);
    expect(new Set(lines).size).toBe(6);
  });
});

describe('request counts grow by 3 per repository', () => {
  it('N = 1 on ghcr.io: 4 requests (≤ 2 + 3·1)', async () => {
    const from = sim.requests.length;
    const result = await checkTokenMany({ repositories: [repos[0]!], token }, { fetch: planFetch([], ghcr()) });
    expect(result.verdict).toBe('pass');
    expect(received(from)).toHaveLength(4);
  });

  it('N = 10 on ghcr.io: 1 + 3·10 = 31 requests (≤ 2 + 3·10); one identity call, nothing twice', async () => {
    const from = sim.requests.length;
    const result = await checkTokenMany({ repositories: repos, token }, { fetch: planFetch([], ghcr()) });
    expect(result.verdict).toBe('pass');
    expect(result.results.map((r) => r.target.repository)).toEqual(repos);
    const lines = received(from);
    expect(lines).toHaveLength(1 + 3 * 10);
    expect(lines.filter((l) => l === 'api GET /user')).toHaveLength(1);
    expect(lines.filter((l) => l.startsWith('api GET /repos/'))).toHaveLength(10);
    expect(new Set(lines.filter((l) => !l.endsWith('/token'))).size).toBe(1 + 2 * 10);
    expect(lines.some((l) => l.includes('DELETE') || l.endsWith('/v2/'))).toBe(false);
  });

  it('N = 10 on a registry seen for the first time: one /v2/ challenge and one cancel for the whole run (3 + 3·10)', async () => {
    const from = sim.requests.length;
    const result = await checkTokenMany({ repositories: repos, token, apiUrl: sim.apiUrl, registry: sim.registryUrl });
    expect(result.verdict).toBe('pass');
    const lines = received(from);
    expect(lines.filter((l) => l === 'registry GET /v2/')).toHaveLength(1);
    expect(lines.filter((l) => l.startsWith('registry DELETE'))).toHaveLength(1);
    expect(lines).toHaveLength(3 + 3 * 10);
    const notes = result.results.map((r) => r.checks.find((c) => c.id === 'registry.push')?.details[0] ?? '');
    expect(notes.filter((n) => /answered an earlier cancel in this run with HTTP 405/.test(n))).toHaveLength(9);
  });

  it('a token GitHub refuses: one identity call, no repository call at all (failed logins are not repeated)', async () => {
    const revoked = tokenValue(sim.world, 'octocat-classic-revoked');
    const from = sim.requests.length;
    const result = await checkTokenMany({ repositories: repos.slice(0, 5), token: revoked }, { fetch: planFetch([], ghcr()) });
    expect(result.verdict).toBe('fail');
    const lines = received(from);
    expect(lines.filter((l) => l.startsWith('api'))).toEqual(['api GET /user']);
    for (const report of result.results) {
      expect(report.checks.find((c) => c.id === 'token.valid')?.status).toBe('fail');
      expect(report.checks.find((c) => c.id === 'repo.access')?.status).toBe('skip');
    }
  });
});

describe('connections', () => {
  it('are kept alive and reused: 10 repositories at concurrency 2 open at most 3 per host, for 31 requests', async () => {
    const api = await startDelayProxy({ targetPort: Number(new URL(sim.apiUrl).port), rttMs: 0 });
    const registry = await startDelayProxy({ targetPort: Number(new URL(sim.registryUrl).port), rttMs: 0 });
    try {
      const from = sim.requests.length;
      const origins = { api: api.url('http'), registry: registry.url('http') };
      const result = await checkTokenMany({ repositories: repos, token, concurrency: 2 }, { fetch: planFetch([], origins) });
      expect(result.verdict).toBe('pass');
      expect(received(from)).toHaveLength(31);
      // At most one per repository in flight, plus one when the identity call's connection is still being released
      // as the first repository calls go out.
      expect(api.stats.connections).toBeLessThanOrEqual(3);
      expect(registry.stats.connections).toBeLessThanOrEqual(3);
    } finally {
      await Promise.all([api.close(), registry.close()]);
    }
  });
});

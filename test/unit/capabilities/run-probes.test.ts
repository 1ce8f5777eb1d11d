import { describe, expect, it } from 'vitest';
import type { Answer } from '../../../src/evidence/answer.js';
import { PROBE_PAIRS } from '../../../src/capabilities/probes.js';
import { fillPath, type ProbeRequest, runProbes } from '../../../src/capabilities/run-probes.js';
import { PAT_403, answer } from './helpers.js';

const TARGET = { owner: 'acme', repo: 'private-app' };

/** A scripted request: answers by "METHOD path" prefix, records every call. */
function scripted(answers: Record<string, Answer | Error>) {
  const calls: { method: string; path: string; body: unknown }[] = [];
  const request: ProbeRequest = async (method, path, body) => {
    calls.push({ method, path, body });
    const key = Object.keys(answers).find((k) => `${method} ${path}`.startsWith(k));
    const found = key === undefined ? answer(500, { message: 'unscripted' }) : answers[key];
    if (found instanceof Error) throw found;
    return found ?? answer(500);
  };
  return { request, calls };
}

const noPause = async () => {};

describe('fillPath', () => {
  it.each([
    ['/repos/{owner}/{repo}/git/blobs', { owner: 'acme', repo: 'api' }, '/repos/acme/api/git/blobs'],
    ['/repos/{owner}/{repo}/environments/{random}/variables', { owner: 'a b', repo: 'c/d' }, '/repos/a%20b/c%2Fd/environments/crpat-probe-x/variables'],
  ])('%s', (template, target, want) => {
    expect(fillPath(template, target, 'crpat-probe-x')).toBe(want);
  });
});

describe('runProbes', () => {
  it('sends each write probe once; the read probe only after a denial; bodies as recorded; one random name per run', async () => {
    const { request, calls } = scripted({
      'POST /repos/acme/private-app/git/blobs': answer(422, {}),
      'POST /repos/acme/private-app/actions/workflows/': PAT_403('actions=write'),
      'GET /repos/acme/private-app/actions/workflows?per_page=1': answer(200, { total_count: 0, workflows: [] }),
      'POST /repos/acme/private-app/deployments': answer(422, {}),
      'POST /repos/acme/private-app/environments/': answer(404, { message: 'Not Found' }),
    });
    const findings = await runProbes(TARGET, PROBE_PAIRS, { request, randomName: () => 'crpat-probe-0', pause: noPause });
    expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual([
      'POST /repos/acme/private-app/git/blobs',
      'POST /repos/acme/private-app/actions/workflows/crpat-probe-0.yml/dispatches',
      'GET /repos/acme/private-app/actions/workflows?per_page=1',
      'POST /repos/acme/private-app/deployments',
      'POST /repos/acme/private-app/environments/crpat-probe-0/variables',
    ]);
    expect(calls.filter((c) => c.method === 'POST').every((c) => JSON.stringify(c.body) === '{}')).toBe(true);
    expect(calls.filter((c) => c.method === 'GET').every((c) => c.body === undefined)).toBe(true);
    expect(findings.get('contents:write')).toMatchObject({ write: { outcome: 'granted' }, read: null });
    expect(findings.get('actions:write')).toMatchObject({ write: { outcome: 'denied' }, read: { outcome: 'granted' } });
    expect(findings.get('environments:write')?.write.outcome).toBe('granted');
  });

  it('pauses one second before every mutating request after the first (ledger github-api §8)', async () => {
    const pauses: number[] = [];
    const { request } = scripted({ POST: answer(422, {}) });
    await runProbes(TARGET, PROBE_PAIRS, { request, pause: async (ms) => void pauses.push(ms) });
    expect(pauses).toEqual([1000, 1000, 1000]);
  });

  it('a rate limit stops the run: the remaining probes are not sent', async () => {
    const { request, calls } = scripted({
      'POST /repos/acme/private-app/git/blobs': answer(429, { message: 'You have exceeded a secondary rate limit.' }, { 'retry-after': '60' }),
    });
    const findings = await runProbes(TARGET, PROBE_PAIRS, { request, pause: noPause });
    expect(calls).toHaveLength(1);
    expect(findings.get('deployments:write')?.write).toMatchObject({ outcome: 'unknown', status: null, reason: expect.stringContaining('not sent') });
  });

  it('a request that throws is unknown, never granted or denied', async () => {
    const { request } = scripted({ POST: new Error('api.github.com did not answer within 10 s') });
    const findings = await runProbes(TARGET, PROBE_PAIRS.slice(0, 1), { request, pause: noPause });
    expect(findings.get('contents:write')?.write).toMatchObject({ outcome: 'unknown', status: null, reason: expect.stringContaining('did not answer') });
  });

  it('default random names cannot collide with a real resource: crpat-probe- + 32 hex digits', async () => {
    const { request, calls } = scripted({ POST: answer(404, {}) });
    await runProbes(TARGET, PROBE_PAIRS.slice(1, 2), { request, pause: noPause });
    expect(calls[0]?.path).toMatch(/\/actions\/workflows\/crpat-probe-[0-9a-f]{32}\.yml\/dispatches$/);
  });
});

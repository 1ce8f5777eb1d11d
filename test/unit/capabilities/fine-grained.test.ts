import { describe, expect, it } from 'vitest';
import { fineGrainedCapabilities, probePlan } from '../../../src/capabilities/fine-grained.js';
import { judgeProbe } from '../../../src/capabilities/judge-probe.js';
import { PROBE_PAIRS } from '../../../src/capabilities/probes.js';
import { PROFILES } from '../../../src/capabilities/profiles.js';
import type { ProbeFindings } from '../../../src/capabilities/run-probes.js';
import type { CapabilityName, RegistryEvidence } from '../../../src/capabilities/capability.js';
import { PAT_403, answer, refusedBy, visible } from './helpers.js';

const SCOPES_DENIAL: RegistryEvidence = refusedBy('permission_denied: The token provided does not match expected scopes.');

/** Findings where each capability's write probe got `status` (403 PAT denial when 403), read probe 200. */
function findings(statuses: Partial<Record<CapabilityName, number>>): ProbeFindings {
  const map = new Map<CapabilityName, { write: ReturnType<typeof judgeProbe>; read: ReturnType<typeof judgeProbe> | null }>();
  for (const pair of PROBE_PAIRS) {
    const status = statuses[pair.capability];
    if (status === undefined) continue;
    const write = judgeProbe(pair.write, status === 403 ? PAT_403(`${pair.write.permission}=write`) : answer(status, {}));
    map.set(pair.capability, { write, read: write.outcome === 'denied' ? judgeProbe(pair.read, answer(200, [])) : null });
  }
  return map;
}

describe('probePlan', () => {
  it('push needs no probe (packages has no fine-grained permission)', () => {
    expect(probePlan(PROFILES.push, visible('admin'))).toEqual([]);
  });
  it('deploy on a visible repository with write role: four write probes', () => {
    expect(probePlan(PROFILES.deploy, visible('write')).map((p) => p.capability)).toEqual(['contents:write', 'actions:write', 'deployments:write', 'environments:write']);
  });
  it('nothing to probe when the answer is already known', () => {
    expect(probePlan(PROFILES.deploy, visible('read'))).toEqual([]);
    expect(probePlan(PROFILES.deploy, { kind: 'hidden', status: 404, message: 'Not Found' })).toEqual([]);
    expect(probePlan(PROFILES.deploy, { kind: 'unknown', reason: 'x' })).toEqual([]);
  });
  it('an unknown role (no permissions object) still probes', () => {
    expect(probePlan(PROFILES.deploy, visible(null))).toHaveLength(4);
  });
});

describe('fineGrainedCapabilities', () => {
  const deploy = (f: ProbeFindings | null, repo = visible('admin'), registry: RegistryEvidence = SCOPES_DENIAL) =>
    fineGrainedCapabilities({ profile: PROFILES.deploy, repo, registry, findings: f });

  it('every permission granted: true with the request as evidence; packages still false (ledger github-api §9.1)', () => {
    const caps = deploy(findings({ 'contents:write': 422, 'actions:write': 404, 'deployments:write': 422, 'environments:write': 404 }));
    expect(caps.map((c) => [c.name, c.granted])).toEqual([
      ['contents:write', true],
      ['metadata:read', true],
      ['actions:write', true],
      ['deployments:write', true],
      ['environments:write', true],
      ['packages:write', false],
      ['organization_administration:write', null],
    ]);
    expect(caps[0]?.evidence).toBe('POST /repos/{owner}/{repo}/git/blobs answered 422: the permission check was passed');
    expect(caps[5]?.evidence).toMatch(/no Packages permission.*registry refused: HTTP 403 DENIED/);
  });

  it('a denied write with a working read says "read access works"', () => {
    const caps = deploy(findings({ 'contents:write': 403 }));
    expect(caps[0]).toMatchObject({ granted: false, evidence: expect.stringMatching(/answered 403 Resource not accessible by personal access token.*; read access works/) });
    expect(caps.find((c) => c.name === 'actions:write')).toMatchObject({ granted: null, evidence: 'not probed' });
  });

  it('hidden repository: writes and metadata false, with the three causes (ledger github-api §3)', () => {
    const caps = deploy(null, { kind: 'hidden', status: 404, message: 'Not Found' });
    expect(caps.find((c) => c.name === 'metadata:read')).toMatchObject({ granted: false, evidence: expect.stringContaining('not among the token') });
    expect(caps.find((c) => c.name === 'deployments:write')?.granted).toBe(false);
  });

  it('role read: writes false without probing', () => {
    const caps = deploy(null, visible('read'));
    expect(caps.find((c) => c.name === 'contents:write')).toMatchObject({ granted: false, evidence: expect.stringContaining('role read') });
  });

  it('the registry accepting the upload is the only way packages:write is true', () => {
    const push = fineGrainedCapabilities({ profile: PROFILES.push, repo: visible('admin'), registry: { kind: 'opened' }, findings: null });
    expect(push).toEqual([{ name: 'packages:write', needed: true, granted: true, evidence: expect.stringContaining('although fine-grained tokens have no Packages permission') }]);
  });

  it('public repository: metadata says why any fine-grained token reads it', () => {
    const caps = deploy(null, visible('write', { private: false }));
    expect(caps.find((c) => c.name === 'metadata:read')?.evidence).toContain('every fine-grained token may read it');
  });
});

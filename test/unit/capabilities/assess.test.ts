import { describe, expect, it } from 'vitest';
import { assessCapabilities } from '../../../src/capabilities/assess.js';
import { PROFILES } from '../../../src/capabilities/profiles.js';
import type { ProbeRequest } from '../../../src/capabilities/run-probes.js';
import { answer, refusedBy, visible } from './helpers.js';

const target = { owner: 'acme', repo: 'api' };

describe('assessCapabilities', () => {
  it('classic: no request at all', async () => {
    let calls = 0;
    const request: ProbeRequest = async () => (calls++, answer(500));
    const result = await assessCapabilities(
      { profile: PROFILES.deploy, tokenKind: 'classic', target, scopes: ['repo', 'write:packages'], repo: visible('write'), registry: { kind: 'opened' } },
      { request },
    );
    expect(calls).toBe(0);
    expect(result.probes).toEqual([]);
    expect(result.capabilities.filter((c) => c.needed).every((c) => c.granted === true)).toBe(true);
  });

  it('fine-grained deploy: four probes sent; push: none', async () => {
    const paths: string[] = [];
    const request: ProbeRequest = async (method, path) => (paths.push(`${method} ${path}`), answer(method === 'POST' && path.includes('environments') ? 404 : 422));
    const deps = { request, pause: async () => {} };
    const input = { tokenKind: 'fine-grained', target, scopes: null, repo: visible('admin'), registry: { kind: 'unknown', reason: 'x' } } as const;
    const deploy = await assessCapabilities({ ...input, profile: PROFILES.deploy }, deps);
    expect(paths).toHaveLength(4);
    expect(deploy.probes.map((p) => p.probe.id)).toEqual(['contents:write', 'actions:write', 'deployments:write', 'environments:write']);
    const push = await assessCapabilities({ ...input, profile: PROFILES.push }, deps);
    expect(paths).toHaveLength(4);
    expect(push.capabilities).toEqual([{ name: 'packages:write', needed: true, granted: false, evidence: expect.stringContaining('no Packages permission') }]);
  });

  it('fine-grained without deps: probed capabilities are "not probed"', async () => {
    const result = await assessCapabilities(
      { profile: PROFILES.deploy, tokenKind: 'fine-grained', target, scopes: null, repo: visible('admin'), registry: { kind: 'opened' } },
      null,
    );
    expect(result.capabilities.find((c) => c.name === 'contents:write')).toMatchObject({ granted: null, evidence: 'not probed' });
  });

  it('installation token: only the registry speaks', async () => {
    const result = await assessCapabilities(
      {
        profile: PROFILES.deploy,
        tokenKind: 'server-to-server',
        target,
        scopes: null,
        repo: visible('write'),
        registry: refusedBy('installation not allowed to Write organization package'),
      },
      null,
    );
    expect(result.capabilities.find((c) => c.name === 'packages:write')).toMatchObject({ granted: false });
    expect(result.capabilities.find((c) => c.name === 'contents:write')).toMatchObject({ granted: null, evidence: expect.stringContaining('server-to-server') });
  });

  describe('capabilities follow from the role too: a role that cannot write makes every repository write false, never unknown', () => {
    const WRITES = ['contents:write', 'actions:write', 'deployments:write', 'environments:write'];
    const rowsOf = async (tokenKind: 'classic' | 'oauth' | 'fine-grained' | 'user-to-server', scopes: readonly string[] | null, role: 'read' | 'triage') =>
      (await assessCapabilities({ profile: PROFILES.deploy, tokenKind, target, scopes, repo: visible(role), registry: { kind: 'opened' } }, null)).capabilities;

    it.each([
      ['classic with repo', 'classic', ['repo', 'write:packages'], 'read'],
      ['classic whose scopes GitHub did not send', 'classic', null, 'read'],
      ['OAuth whose scopes GitHub did not send', 'oauth', null, 'triage'],
      ['fine-grained, not probed', 'fine-grained', null, 'read'],
      ['a user-to-server app token (ghu_), which acts for its user', 'user-to-server', null, 'triage'],
    ] as const)('%s', async (_name, kind, scopes, role) => {
      const rows = await rowsOf(kind, scopes, role);
      for (const name of WRITES) expect(rows.find((c) => c.name === name)).toMatchObject({ granted: false, evidence: expect.stringContaining(`role ${role}`) });
      // Package rights are not the repository role (docs/github-behaviour.md#package-rights).
      expect(rows.find((c) => c.name === 'packages:write')?.granted).not.toBe(false);
    });

    it('an installation token (ghs_) has no user: its role says nothing, the rows stay unknown', async () => {
      const result = await assessCapabilities({ profile: PROFILES.deploy, tokenKind: 'server-to-server', target, scopes: null, repo: visible('read'), registry: { kind: 'opened' } }, null);
      for (const name of WRITES) expect(result.capabilities.find((c) => c.name === name)?.granted).toBeNull();
    });
  });
});

import { describe, expect, it } from 'vitest';
import { classicCapabilities } from '../../../src/capabilities/classic.js';
import { PROFILES } from '../../../src/capabilities/profiles.js';
import type { Capability, RegistryEvidence, RepoEvidence } from '../../../src/capabilities/capability.js';
import { refusedBy, visible } from './helpers.js';

const OPENED: RegistryEvidence = { kind: 'opened' };
const WRITE_PACKAGE: RegistryEvidence = refusedBy('permission_denied: write_package');
const NO_REGISTRY: RegistryEvidence = { kind: 'unknown', reason: 'the registry push probe did not run' };

function cap(caps: Capability[], name: string): Capability {
  const found = caps.find((c) => c.name === name);
  if (!found) throw new Error(`no ${name} in ${caps.map((c) => c.name).join(', ')}`);
  return found;
}

const deploy = (scopes: string[] | null, repo: RepoEvidence, registry = OPENED) => classicCapabilities({ profile: PROFILES.deploy, scopes, repo, registry });

describe('classicCapabilities: push profile (packages:write only)', () => {
  it.each([
    ['write:packages + registry opened', ['write:packages'], OPENED, true, 'scope write:packages; the registry opened an upload for the image'],
    ['write:packages but the package ACL refuses', ['write:packages'], WRITE_PACKAGE, false, 'scope write:packages, but the registry refused: HTTP 403 DENIED: permission_denied: write_package'],
    ['write:packages, registry unknown', ['write:packages'], NO_REGISTRY, null, expect.stringContaining('decided by the registry')],
    ['repo only: no write:packages (ledger ghcr §8)', ['repo'], OPENED, false, 'no scope write:packages (scopes: repo)'],
    ['no scopes at all', [], OPENED, false, 'no scope write:packages (scopes: none)'],
    ['read:packages is not enough', ['read:packages'], OPENED, false, 'no scope write:packages (scopes: read:packages)'],
  ] as const)('%s', (_name, scopes, registry, granted, evidence) => {
    const caps = classicCapabilities({ profile: PROFILES.push, scopes, repo: visible('write'), registry });
    expect(caps).toEqual([{ name: 'packages:write', needed: true, granted, evidence }]);
  });

  it('no X-OAuth-Scopes header: unknown, never guessed', () => {
    expect(classicCapabilities({ profile: PROFILES.push, scopes: null, repo: visible('write'), registry: OPENED })[0]).toMatchObject({ granted: null });
  });
});

describe('classicCapabilities: deploy profile (scope AND role)', () => {
  it('repo + write:packages with role write: everything needed is granted, org administration is not needed', () => {
    const caps = deploy(['repo', 'write:packages'], visible('write'));
    expect(caps.map((c) => [c.name, c.needed, c.granted])).toEqual([
      ['contents:write', true, true],
      ['metadata:read', true, true],
      ['actions:write', true, true],
      ['deployments:write', true, true],
      ['environments:write', true, true],
      ['packages:write', true, true],
      ['organization_administration:write', false, false],
    ]);
    expect(cap(caps, 'contents:write').evidence).toBe('scope repo + role write');
  });

  it.each([
    ['role read: scope alone is not enough', ['repo'], visible('read'), 'contents:write', false, 'scope repo, but role read: a token has no more than its user, and the read role cannot write'],
    ['role admin', ['repo'], visible('admin'), 'actions:write', true, 'scope repo + role admin'],
    ['no permissions in GET /repos', ['repo'], visible(null), 'contents:write', null, expect.stringContaining('role is unknown')],
    ['public_repo on a public repo: code is documented', ['public_repo'], visible('write', { private: false }), 'contents:write', true, 'scope public_repo + role write'],
    ['public_repo on a private repo', ['public_repo'], visible('write', { private: true }), 'contents:write', false, expect.stringContaining('public repositories only')],
    ['public_repo on a public repo: Actions documents only repo', ['public_repo'], visible('write', { private: false }), 'actions:write', null, expect.stringContaining('not whether public_repo suffices')],
    ['repo_deployment grants deployments (OpenAPI)', ['repo_deployment'], visible('write'), 'deployments:write', true, 'scope repo_deployment + role write'],
    ['repo_deployment does not grant contents', ['repo_deployment'], visible('write'), 'contents:write', false, 'no scope repo (scopes: repo_deployment)'],
    // Capabilities follow from the role too (issue 10): a role that cannot write gives false with that reason, not unknown.
    ['environments with role triage: the role cannot write', ['repo'], visible('triage'), 'environments:write', false, 'scope repo, but role triage: a token has no more than its user, and the triage role cannot write'],
    ['environments with role read: the role cannot write', ['repo'], visible('read'), 'environments:write', false, expect.stringContaining('the read role cannot write')],
    ['repository hidden (404)', ['repo'], { kind: 'hidden', status: 404, message: 'Not Found' } as const, 'contents:write', false, 'scope repo, but GET /repos answered 404 (Not Found)'],
    ['repository unknown', ['repo'], { kind: 'unknown', reason: 'GET /repos/{owner}/{repo} got no answer' } as const, 'deployments:write', null, expect.stringContaining('no answer')],
    ['metadata: hidden repo', ['repo'], { kind: 'hidden', status: 404, message: 'Not Found' } as const, 'metadata:read', false, 'GET /repos answered 404 (Not Found)'],
    ['admin:org present: owner role not checked', ['admin:org', 'repo'], visible('admin'), 'organization_administration:write', null, expect.stringContaining('owner')],
  ] as const)('%s', (_name, scopes, repo, name, granted, evidence) => {
    expect(cap(deploy([...scopes], repo), name)).toMatchObject({ granted, evidence });
  });

  it('a user-owned repository has no organization row', () => {
    const names = deploy(['repo'], visible('admin', { ownerIsOrg: false })).map((c) => c.name);
    expect(names).not.toContain('organization_administration:write');
  });
});

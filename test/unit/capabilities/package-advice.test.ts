import { describe, expect, it } from 'vitest';
import { githubTokenAdvice } from '../../../src/capabilities/github-token-advice.js';
import { packageEvidence, packageLookupPath } from '../../../src/evidence/package.js';
import { TARGET, answer } from './helpers.js';

describe('packageLookupPath (ledger ghcr §5.1)', () => {
  it.each([
    ['acme/api', true, 'octocat', '/orgs/acme/packages/container/api'],
    ['acme/api/worker', true, null, '/orgs/acme/packages/container/api%2Fworker'],
    ['octocat/api', false, 'octocat', '/user/packages/container/api'],
    ['octocat/api', false, 'OctoCat', '/user/packages/container/api'],
    ['hubot/api', false, 'octocat', '/users/hubot/packages/container/api'],
    ['hubot/api', false, null, '/users/hubot/packages/container/api'],
  ] as const)('%s (org %s, login %s)', (image, isOrg, login, want) => {
    expect(packageLookupPath(image, isOrg, login)).toBe(want);
  });
});

describe('packageEvidence (ledger ghcr §5.3)', () => {
  it.each([
    ['linked', answer(200, { name: 'api', visibility: 'private', repository: { full_name: 'acme/api' } }), { kind: 'exists', linkedRepository: 'acme/api', visibility: 'private' }],
    ['not linked', answer(200, { name: 'api', visibility: 'public', repository: null }), { kind: 'exists', linkedRepository: null, visibility: 'public' }],
    ['absent or hidden', answer(404, { message: 'Package not found.' }), { kind: 'absent-or-hidden' }],
    ['no read:packages', answer(403, { message: 'You need at least read:packages scope to get a package.' }), { kind: 'unknown', reason: 'the packages API answered 403 (You need at least read:packages scope to get a package.)' }],
    ['no answer', null, { kind: 'unknown', reason: 'the packages API gave no answer' }],
  ] as const)('%s', (_name, input, want) => {
    expect(packageEvidence(input)).toEqual(want);
  });
});

describe('githubTokenAdvice', () => {
  const base = { target: TARGET, workflowRepository: 'acme/api', ownerIsOrg: true } as const;

  it.each([
    ['new package: GITHUB_TOKEN creates and links it', { kind: 'absent-or-hidden' } as const, true, /first push .* creates the package/],
    ['linked to the target', { kind: 'exists', linkedRepository: 'ACME/api', visibility: 'private' } as const, true, /linked to acme\/api/],
    ['created elsewhere and not linked', { kind: 'exists', linkedRepository: null, visibility: 'private' } as const, false, /not linked/],
    ['linked to another repository', { kind: 'exists', linkedRepository: 'acme/other', visibility: 'private' } as const, false, /linked to acme\/other/],
    ['package unreadable', { kind: 'unknown', reason: 'the packages API answered 403' } as const, null, /could not read the package/],
  ])('%s', (_name, pkg, replaces, summary) => {
    const advice = githubTokenAdvice({ ...base, package: pkg });
    expect(advice.replaces).toBe(replaces);
    expect(advice.summary).toMatch(summary);
    expect(advice.steps[0]).toContain('permissions: packages: write');
  });

  it('names the package without a registry host: on an Enterprise server the registry is not ghcr.io', () => {
    const advice = githubTokenAdvice({ ...base, target: { ...TARGET, webUrl: 'https://github.example.com' }, package: { kind: 'exists', linkedRepository: null, visibility: 'private' } });
    expect(advice.summary).toMatch(/cannot push to the package acme\/api yet/);
    expect(advice.summary).not.toContain('ghcr.io');
  });

  it('a package that needs Manage Actions access links its settings page', () => {
    const advice = githubTokenAdvice({ ...base, package: { kind: 'exists', linkedRepository: null, visibility: 'private' } });
    expect(advice.fix).toEqual({ text: expect.stringContaining('Manage Actions access'), url: 'https://github.com/orgs/acme/packages/container/api/settings' });
  });

  it('read-only default workflow permissions make the permissions key required; forks never push', () => {
    const advice = githubTokenAdvice({ ...base, package: { kind: 'absent-or-hidden' }, defaultWorkflowPermissions: 'read' });
    expect(advice.steps).toEqual([expect.stringContaining('permissions: packages: write'), expect.stringContaining('read-only'), expect.stringContaining('forks')]);
  });

  it('only for the repository\'s own images', () => {
    expect(githubTokenAdvice({ ...base, workflowRepository: 'acme/deployer', package: { kind: 'absent-or-hidden' } })).toMatchObject({ replaces: null, steps: [] });
    expect(githubTokenAdvice({ ...base, target: { ...TARGET, image: 'other/api' }, package: { kind: 'absent-or-hidden' } })).toMatchObject({ replaces: false });
  });
});

import { describe, expect, it } from 'vitest';
import { PROFILE_IDS, PROFILES, profileById, specsFor } from '../../../src/capabilities/profiles.js';

describe('profiles', () => {
  it('push needs exactly packages:write and the write:packages scope (ledger ghcr §4.2)', () => {
    expect(PROFILES.push.capabilities.map((c) => [c.name, c.needed])).toEqual([['packages:write', true]]);
    expect(PROFILES.push.classicScopes).toEqual(['write:packages']);
  });

  it("deploy lists the tutorial's six permissions as needed, and organization administration as not needed", () => {
    expect(PROFILES.deploy.capabilities.filter((c) => c.needed).map((c) => c.name)).toEqual([
      'contents:write',
      'metadata:read',
      'actions:write',
      'deployments:write',
      'environments:write',
      'packages:write',
    ]);
    expect(PROFILES.deploy.capabilities.find((c) => c.name === 'organization_administration:write')).toMatchObject({ needed: false });
  });

  it('packages has no fine-grained permission (ledger github-api §5)', () => {
    expect(PROFILES.deploy.capabilities.find((c) => c.name === 'packages:write')?.fineGrained).toBeNull();
  });

  it.each([
    ['push', 'push'],
    ['deploy', 'deploy'],
    ['Push', null],
    ['admin', null],
    ['', null],
  ])('profileById(%j)', (id, want) => {
    expect(profileById(id)?.id ?? null).toBe(want);
  });

  it('PROFILE_IDS lists both; specsFor drops organization-only rows for user-owned repositories', () => {
    expect(PROFILE_IDS).toEqual(['push', 'deploy']);
    expect(specsFor(PROFILES.deploy, false)).toHaveLength(6);
    expect(specsFor(PROFILES.deploy, true)).toHaveLength(7);
    expect(specsFor(PROFILES.deploy, null)).toHaveLength(7);
  });
});

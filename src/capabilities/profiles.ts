import type { CapabilityName, ProfileId } from './capability.js';

/**
 * What a target needs, per profile. Pure data.
 *
 * `push` is the core verdict: `packages:write` on the image (ledger ghcr §4.2: the one scope a push needs; `repo` is not
 * needed for the Container registry).
 *
 * `deploy` is the tutorial's deployment setup on the target repository: Contents (read and write), Metadata (read),
 * Actions (read and write), Deployments (read and write), Environments (read and write), Packages (read and write).
 * Each `:write` row covers its read level too (`write` implies `read`, ledger github-api §5).
 *
 * The tutorial also asks for organization administration. It is listed with `needed: false`: no endpoint the deploy
 * workflow uses requires it (the fine-grained permission list puts only organization settings under it: updating or
 * deleting the organization, its Actions policy, rulesets, security managers; github/docs
 * src/github-apps/data/fpt-2022-11-28/fine-grained-pat-permissions.json, key `organization_administration`), and a
 * leaked token holding it could change or delete the organization. For classic tokens it is the `admin:org` scope,
 * which overreach.ts flags.
 */

export interface CapabilitySpec {
  name: CapabilityName;
  needed: boolean;
  /** Short label for the human table, e.g. "Contents (read and write)". */
  label: string;
  /** The fine-grained permission and level (prefill parameter, ledger github-api §5); null when none exists. */
  fineGrained: { permission: string; level: 'read' | 'write' } | null;
  /** Only meaningful when the repository's owner is an organization. */
  organizationOnly?: boolean;
}

export interface Profile {
  id: ProfileId;
  /** One line for help text and the report heading. */
  summary: string;
  capabilities: readonly CapabilitySpec[];
  /** Exactly the classic scopes to request for this profile (creation link, overreach). */
  classicScopes: readonly string[];
}

const PACKAGES: CapabilitySpec = {
  name: 'packages:write',
  needed: true,
  label: 'Packages (read and write)',
  // ledger github-api §5, §9.1: the fine-grained permission list has no packages permission.
  fineGrained: null,
};

export const PROFILES: Readonly<Record<ProfileId, Profile>> = {
  push: {
    id: 'push',
    summary: 'push container images to the target image on the registry',
    capabilities: [PACKAGES],
    classicScopes: ['write:packages'],
  },
  deploy: {
    id: 'deploy',
    summary: "the tutorial's deployment permissions on the target repository, and image pushes",
    capabilities: [
      { name: 'contents:write', needed: true, label: 'Contents (read and write)', fineGrained: { permission: 'contents', level: 'write' } },
      { name: 'metadata:read', needed: true, label: 'Metadata (read)', fineGrained: { permission: 'metadata', level: 'read' } },
      { name: 'actions:write', needed: true, label: 'Actions (read and write)', fineGrained: { permission: 'actions', level: 'write' } },
      {
        name: 'deployments:write',
        needed: true,
        label: 'Deployments (read and write)',
        fineGrained: { permission: 'deployments', level: 'write' },
      },
      {
        name: 'environments:write',
        needed: true,
        label: 'Environments (read and write)',
        fineGrained: { permission: 'environments', level: 'write' },
      },
      PACKAGES,
      {
        name: 'organization_administration:write',
        needed: false,
        label: 'Organization administration (asked by the tutorial; not needed)',
        fineGrained: { permission: 'organization_administration', level: 'write' },
        organizationOnly: true,
      },
    ],
    // The Actions, deployments and environment-variable endpoints document `repo` for classic tokens (OpenAPI
    // descriptions of actions/create-workflow-dispatch, repos/create-deployment, actions/create-environment-variable);
    // `public_repo` is documented only for code and deployment statuses of public repositories (scopes-for-oauth-apps.md).
    classicScopes: ['repo', 'write:packages'],
  },
};

export const PROFILE_IDS: readonly ProfileId[] = ['push', 'deploy'];

/** The profile for a `--for` value, or null (the CLI turns null into a usage error listing PROFILE_IDS). */
export function profileById(id: string): Profile | null {
  return id === 'push' || id === 'deploy' ? PROFILES[id] : null;
}

/** The profile's rows for this target: organization-only rows are dropped for a user-owned repository. */
export function specsFor(profile: Profile, ownerIsOrg: boolean | null): CapabilitySpec[] {
  return profile.capabilities.filter((spec) => !spec.organizationOnly || ownerIsOrg !== false);
}

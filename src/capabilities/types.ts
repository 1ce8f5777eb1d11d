/**
 * The capability map's shapes (issue 6). A capability is one thing a profile may need the token to do on the target,
 * named `permission:level` the way fine-grained tokens and `X-Accepted-GitHub-Permissions` spell it
 * (ledger github-api §2.3), e.g. `contents:write`; `packages:write` stands for the classic scope of the same name.
 */

/**
 * One row of the capability table and one entry of the JSON `capabilities` array; `ProfileId`: the profiles
 * `crpat check --for <profile>` accepts. Both are part of the report, so they are declared with it in src/types.ts.
 */
export type { Capability, ProfileId } from '../types.js';

/** The capabilities crpat knows how to establish. */
export type CapabilityName =
  | 'packages:write'
  | 'metadata:read'
  | 'contents:write'
  | 'actions:write'
  | 'deployments:write'
  | 'environments:write'
  | 'organization_administration:write';

/** A repository role as GitHub names it (ledger github-api §3: `permissions` mirrors it). */
export type Role = 'read' | 'triage' | 'write' | 'maintain' | 'admin';

/** What `GET /repos/{owner}/{repo}` established (see `repoEvidence()` in evidence.ts). */
export type RepoEvidence =
  | {
      kind: 'visible';
      /** `private` from the body; `internal` repositories count as private (ledger github-api §3). */
      private: boolean;
      ownerIsOrg: boolean;
      /** The user's role from `permissions`; null when the body carried none (ledger github-api §3). */
      role: Role | null;
    }
  | { kind: 'hidden'; status: number; message: string }
  | { kind: 'unknown'; reason: string };

/** What the registry push probe (the core verdict) established about `packages:write` on the image. */
export type RegistryEvidence =
  | { kind: 'opened' }
  | { kind: 'refused'; status: number; code: string; message: string }
  | { kind: 'unknown'; reason: string };

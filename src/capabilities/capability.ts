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

/**
 * What the capability modules judge: the parts of the one evidence record (src/evidence/record.ts) they read, GET
 * /repos (`RepoRecord` is one) and what the upload established about `packages:write` (`PushRecord['upload']`).
 */
export type { Role, RepoView as RepoEvidence } from '../evidence/repo.js';
export type { UploadAnswer as RegistryEvidence } from '../evidence/registry.js';

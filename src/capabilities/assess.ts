import { roleBelowWrite } from '../evidence/repo.js';
import type { TokenKind } from '../types.js';
import { classicCapabilities } from './classic.js';
import { fineGrainedCapabilities, probePlan } from './fine-grained.js';
import type { ProbeResult } from './judge-probe.js';
import { type Profile, specsFor } from './profiles.js';
import { type ProbeDeps, type ProbeTarget, runProbes } from './run-probes.js';
import type { Capability, CapabilityName, RegistryEvidence, RepoEvidence } from './capability.js';

/**
 * The one call the check pipeline needs: the capability table for a token, a profile and a target, from the evidence
 * the core check already gathered, plus (fine-grained tokens, `deploy` only) the probes. Never throws.
 */

export interface AssessInput {
  profile: Profile;
  tokenKind: TokenKind;
  target: ProbeTarget;
  /** `X-OAuth-Scopes` of GET /user, parsed (parseScopes); null when absent. Read for classic and OAuth tokens. */
  scopes: readonly string[] | null;
  repo: RepoEvidence;
  registry: RegistryEvidence;
}

export interface Assessment {
  capabilities: Capability[];
  /** Every probe sent, in order, with its answer: for `--verbose` and for the report's details. */
  probes: ProbeResult[];
}

/** `deps` null: no probe is sent and probed capabilities stay unknown ("not probed"). */
export async function assessCapabilities(input: AssessInput, deps: ProbeDeps | null): Promise<Assessment> {
  const assessment = await byKind(input, deps);
  return { ...assessment, capabilities: assessment.capabilities.map((row) => withRole(row, input)) };
}

async function byKind(input: AssessInput, deps: ProbeDeps | null): Promise<Assessment> {
  switch (input.tokenKind) {
    case 'classic':
    case 'oauth':
      return { capabilities: classicCapabilities(input), probes: [] };
    case 'fine-grained': {
      const plan = probePlan(input.profile, input.repo);
      const findings = deps !== null && plan.length > 0 ? await runProbes(input.target, plan, deps) : null;
      const probes = findings ? [...findings.values()].flatMap(({ write, read }) => (read ? [write, read] : [write])) : [];
      return { capabilities: fineGrainedCapabilities({ ...input, findings }), probes };
    }
    default:
      return { capabilities: otherCapabilities(input), probes: [] };
  }
}

/** The capabilities that write in the repository itself, which the user's repository role bounds. */
const REPOSITORY_WRITES: ReadonlySet<string> = new Set<CapabilityName>(['contents:write', 'actions:write', 'deployments:write', 'environments:write']);

/**
 * Capabilities follow from the role too: a token "cannot grant additional access" beyond its user's (github/docs
 * managing-your-personal-access-tokens.md), and the read and triage roles write nothing in a repository's code,
 * workflows, deployments or environments (github/docs "Repository roles for an organization"). So a repository write
 * that the rules of the token's kind left unknown is `false` when the role cannot write. Not for installation tokens
 * (`ghs_`): they have no user, and `permissions` then mirrors the app's (docs/github-behaviour.md#github-token-refusals).
 * Package rights are not the repository role (docs/github-behaviour.md#package-rights): `packages:write` is left alone.
 */
function withRole(row: Capability, input: AssessInput): Capability {
  const role = roleBelowWrite(input.repo);
  if (row.granted !== null || role === null || input.tokenKind === 'server-to-server' || !REPOSITORY_WRITES.has(row.name)) return row;
  return { ...row, granted: false, evidence: `role ${role}: a token has no more than its user, and the ${role} role cannot write (${row.evidence})` };
}

/**
 * App tokens (ghs_, ghu_) and unrecognized ones: only the registry's answer is evidence (for packages:write); the rest
 * is unknown, because their permissions belong to an app installation crpat does not inspect.
 */
function otherCapabilities(input: AssessInput): Capability[] {
  const ownerIsOrg = input.repo.kind === 'visible' ? input.repo.ownerIsOrg : null;
  return specsFor(input.profile, ownerIsOrg).map((spec) => {
    const base = { name: spec.name, needed: spec.needed };
    if (spec.name === 'packages:write' && input.registry.kind !== 'unknown') {
      return input.registry.kind === 'opened'
        ? { ...base, granted: true, evidence: 'the registry opened an upload for the image' }
        : { ...base, granted: false, evidence: `the registry refused: ${input.registry.refusal.quoted}` };
    }
    return { ...base, granted: null, evidence: `crpat reads capabilities of classic, OAuth and fine-grained tokens only, not of a ${input.tokenKind} token` };
  });
}

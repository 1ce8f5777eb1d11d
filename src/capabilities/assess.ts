import type { TokenKind } from '../types.js';
import { classicCapabilities } from './classic.js';
import { describeRefusal } from './evidence.js';
import { fineGrainedCapabilities, probePlan } from './fine-grained.js';
import type { ProbeResult } from './judge-probe.js';
import { type Profile, specsFor } from './profiles.js';
import { type ProbeDeps, type ProbeTarget, runProbes } from './run-probes.js';
import type { Capability, RegistryEvidence, RepoEvidence } from './types.js';

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
        : { ...base, granted: false, evidence: `the registry refused: ${describeRefusal(input.registry)}` };
    }
    return { ...base, granted: null, evidence: `crpat reads capabilities of classic, OAuth and fine-grained tokens only, not of a ${input.tokenKind} token` };
  });
}

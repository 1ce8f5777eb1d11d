import { atLeast } from '../evidence/repo.js';
import type { ProbeResult } from './judge-probe.js';
import { PROBE_PAIRS, type ProbePair } from './probes.js';
import { type CapabilitySpec, type Profile, specsFor } from './profiles.js';
import type { ProbeFindings } from './run-probes.js';
import type { Capability, RegistryEvidence, RepoEvidence } from './capability.js';

/**
 * Capabilities of fine-grained tokens (`github_pat_`). Pure: `probePlan` says which probes are worth sending,
 * `fineGrainedCapabilities` reads their results (from run-probes.ts) together with GET /repos and the registry probe.
 */

/**
 * The probes to send for `profile`. None when the answer is already known: the repository is not visible to the token
 * (writes are impossible), or the user's role is below write ("A token cannot grant additional access capabilities to
 * a user", github/docs managing-your-personal-access-tokens.md).
 */
export function probePlan(profile: Profile, repo: RepoEvidence): ProbePair[] {
  if (repo.kind !== 'visible') return [];
  if (repo.role !== null && !atLeast(repo.role, 'write')) return [];
  const wanted = new Set(specsFor(profile, repo.ownerIsOrg).map((spec) => spec.name));
  return PROBE_PAIRS.filter((pair) => wanted.has(pair.capability));
}

export interface FineGrainedInput {
  profile: Profile;
  repo: RepoEvidence;
  registry: RegistryEvidence;
  /** From runProbes(probePlan(...)); null when no probe was run. */
  findings: ProbeFindings | null;
}

export function fineGrainedCapabilities(input: FineGrainedInput): Capability[] {
  const ownerIsOrg = input.repo.kind === 'visible' ? input.repo.ownerIsOrg : null;
  return specsFor(input.profile, ownerIsOrg).map((spec) => ({ name: spec.name, needed: spec.needed, ...judge(spec, input) }));
}

type Verdict = Pick<Capability, 'granted' | 'evidence'>;
const verdict = (granted: boolean | null, evidence: string): Verdict => ({ granted, evidence });

function judge(spec: CapabilitySpec, input: FineGrainedInput): Verdict {
  switch (spec.name) {
    case 'packages:write':
      return packages(input.registry);
    case 'metadata:read':
      return metadata(input.repo);
    case 'organization_administration:write':
      return verdict(null, 'not probed: no profile needs it, and its write endpoints change organization settings');
    default:
      return probed(spec, input);
  }
}

/**
 * ledger github-api §5, §9.1 and ghcr §4.1: no Packages permission exists for fine-grained tokens, and GitHub Packages
 * documents support only for classic tokens. Only the registry's own acceptance overrides that.
 */
function packages(registry: RegistryEvidence): Verdict {
  const why = 'fine-grained tokens have no Packages permission; GitHub Packages supports only classic personal access tokens';
  switch (registry.kind) {
    case 'opened':
      return verdict(true, `the registry opened an upload for the image, although ${why}`);
    case 'refused':
      return verdict(false, `${why} (the registry refused: ${registry.refusal.quoted})`);
    case 'unknown':
      return verdict(false, why);
  }
}

function metadata(repo: RepoEvidence): Verdict {
  switch (repo.kind) {
    case 'visible':
      // ledger github-api §3: fine-grained tokens "always include read-only access to all public repositories".
      return verdict(true, repo.private ? 'GET /repos answered 200' : 'GET /repos answered 200 (public repository: every fine-grained token may read it)');
    case 'hidden':
      return verdict(false, hiddenReason(repo));
    case 'unknown':
      return verdict(null, repo.reason);
  }
}

function probed(spec: CapabilitySpec, input: FineGrainedInput): Verdict {
  const { repo } = input;
  if (repo.kind === 'hidden') return verdict(false, hiddenReason(repo));
  if (repo.kind === 'unknown') return verdict(null, repo.reason);
  if (repo.role !== null && !atLeast(repo.role, 'write')) {
    return verdict(false, `role ${repo.role}: a token cannot give its user more than the user's own access`);
  }
  const found = input.findings?.get(spec.name);
  if (!found) return verdict(null, 'not probed');
  const { write, read } = found;
  if (write.outcome === 'granted') return verdict(true, `${write.reason}: the permission check was passed`);
  if (write.outcome === 'unknown') return verdict(null, write.reason);
  return verdict(false, `${write.reason}${readClause(read)}`);
}

function readClause(read: ProbeResult | null): string {
  if (read === null) return '';
  if (read.outcome === 'granted') return `; read access works (${read.reason})`;
  if (read.outcome === 'denied') return `; no read access either (${read.reason})`;
  return `; read access unknown (${read.reason})`;
}

/** ledger github-api §3: for fine-grained tokens, 404 means a missing permission, the wrong resource owner or a repository not selected. */
function hiddenReason(repo: Extract<RepoEvidence, { kind: 'hidden' }>): string {
  const causes = repo.status === 404 ? ': the repository is not among the token\'s repositories, belongs to another resource owner, or the user cannot see it' : '';
  return `GET /repos answered ${repo.status} (${repo.message})${causes}`;
}

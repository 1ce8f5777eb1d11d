/**
 * The capability map and one-click fixes (issue 6): what a token can do on a target for a profile, and the most
 * direct link for each problem. Everything is pure except run-probes.ts, whose IO is an injected `request`.
 */
export type { Capability, CapabilityName, ProfileId, RegistryEvidence, RepoEvidence, Role } from './types.js';
export { PROFILES, PROFILE_IDS, profileById, specsFor, type CapabilitySpec, type Profile } from './profiles.js';
export { describeRefusal, repoEvidence, registryEvidence, type Answer } from './evidence.js';
export { classicCapabilities, type ClassicInput } from './classic.js';
export { fineGrainedCapabilities, probePlan, type FineGrainedInput } from './fine-grained.js';
export { ALL_PROBES, PROBE_PAIRS, type Probe, type ProbeMethod, type ProbePair } from './probes.js';
export { judgeProbe, parseAcceptedPermissions, type ProbeOutcome, type ProbeResult } from './judge-probe.js';
export { fillPath, runProbes, type ProbeDeps, type ProbeFindings, type ProbeRequest, type ProbeTarget } from './run-probes.js';
export { assessCapabilities, type AssessInput, type Assessment } from './assess.js';
export { overreach, withoutOverreach, type Overreach } from './overreach.js';
export {
  classicTokenLink,
  classicTokensListLink,
  fineGrainedTokenLink,
  orgPackageCreationLink,
  orgTokenPolicyLink,
  packageSettingsLink,
  registryRefusalFix,
  renewalLink,
  renewalScopes,
  ssoLink,
  type Fix,
  type LinkTarget,
} from './links.js';
export { packageEvidence, packageLookupPath, type PackageEvidence } from './package-facts.js';
export { githubTokenAdvice, type GithubTokenAdvice, type GithubTokenAdviceInput } from './github-token-advice.js';

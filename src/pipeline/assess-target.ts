import { type Assessment, assessCapabilities } from '../capabilities/assess.js';
import { type Profile, specsFor } from '../capabilities/profiles.js';
import type { ProbeDeps, ProbeRequest } from '../capabilities/run-probes.js';
import type { PushRecord } from '../evidence/registry.js';
import type { RepoRecord } from '../evidence/repo.js';
import type { UserRecord } from '../evidence/user.js';
import type { ApiRequest } from '../github/client.js';
import type { TokenShape } from '../token/recognize.js';
import type { Capability, RepoTarget } from '../types.js';

/**
 * The pipeline's side of the capability map (issue 6): the capability table from the evidence record the checks
 * judge too (src/evidence/record.ts), and the fine-grained probes when the profile needs them (the GITHUB_TOKEN advice
 * is advise-github-token.ts). Request budget:
 * - `push`, and every classic or OAuth token: no request (scopes from GET /user, role from GET /repos, the push probe);
 * - a fine-grained token checked `--for deploy`: the probes of src/capabilities/probes.ts, sent one at a time.
 */

export interface CapabilityInputs {
  profile: Profile;
  shape: TokenShape;
  target: RepoTarget;
  user: Promise<UserRecord>;
  repo: Promise<RepoRecord>;
  push: Promise<PushRecord>;
}

/**
 * The capability table of one target. `serial` runs the probing part (fine-grained tokens only) after the probes of
 * earlier targets of the run; everything else needs no request and runs at once.
 */
export async function assessTarget(
  input: CapabilityInputs,
  probes: ProbeDeps | null,
  serial: <T>(task: () => Promise<T>) => Promise<T> = (task) => task(),
): Promise<Assessment> {
  const [user, repo, push] = await Promise.all([input.user, input.repo, input.push]);
  if (user.meaning.kind === 'bad-credentials') {
    // GitHub refused the token (401): it can do nothing, whatever its kind. No probe is sent.
    const ownerIsOrg = repo.kind === 'visible' ? repo.ownerIsOrg : null;
    return { capabilities: rows(input.profile, ownerIsOrg, false, 'GitHub refused the token (401): it cannot do anything'), probes: [] };
  }
  const assess = () => assessCapabilities(
    {
      profile: input.profile,
      tokenKind: input.shape.kind,
      target: { owner: input.target.owner, repo: input.target.name },
      scopes: user.meaning.kind === 'ok' ? user.scopes : null,
      repo,
      registry: push.upload,
    },
    probes,
  );
  return input.shape.kind === 'fine-grained' && probes !== null ? serial(assess) : assess();
}

/** The table of a token that never reached GitHub (malformed: token.format failed): it can do nothing. */
export function malformedCapabilities(profile: Profile): Capability[] {
  return rows(profile, null, false, 'the token is malformed (token.format), so GitHub would refuse it');
}

/** Every row of the profile with one verdict and one reason. */
export function rows(profile: Profile, ownerIsOrg: boolean | null, granted: boolean | null, evidence: string): Capability[] {
  return specsFor(profile, ownerIsOrg).map((spec) => ({ name: spec.name, needed: spec.needed, granted, evidence }));
}

/**
 * The probes' request function over crpat's API client: GET, or POST with a JSON body sent as octokit's `data` (an
 * empty object is still sent as `{}`, which the probes rely on). No answer at all becomes a thrown error, which
 * run-probes.ts turns into an unknown row.
 */
export function probeRequest(call: ApiRequest): ProbeRequest {
  return async (method, path, body) => {
    const outcome = await call(method, path, body === undefined ? {} : { data: body });
    if (outcome.kind === 'network') throw outcome.error;
    return { status: outcome.status, headers: outcome.headers, body: outcome.body };
  };
}

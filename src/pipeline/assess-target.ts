import { setTimeout as delay } from 'node:timers/promises';
import { type Assessment, assessCapabilities } from '../capabilities/assess.js';
import { githubTokenAdvice } from '../capabilities/github-token-advice.js';
import type { LinkTarget } from '../capabilities/links.js';
import { type Profile, specsFor } from '../capabilities/profiles.js';
import type { ProbeDeps, ProbeRequest } from '../capabilities/run-probes.js';
import { type PackageEvidence, packageLookupPath, readPackage } from '../evidence/package.js';
import { ownerIsOrgOf } from '../evidence/record.js';
import type { PushRecord } from '../evidence/registry.js';
import type { RepoRecord } from '../evidence/repo.js';
import type { UserRecord } from '../evidence/user.js';
import type { ApiOutcome, ApiRequest } from '../github/client.js';
import { expandScopes } from '../github/headers.js';
import type { TokenShape } from '../token/recognize.js';
import type { Capability, GithubTokenAdvice, RepoTarget } from '../types.js';

/**
 * The pipeline's side of the capability map (issue 6): the capability table from the evidence record the checks
 * judge too (src/evidence/record.ts), the fine-grained probes when the profile needs them, and the GITHUB_TOKEN advice. Request budget:
 * - `push`, and every classic or OAuth token: no request (scopes from GET /user, role from GET /repos, the push probe);
 * - a fine-grained token checked `--for deploy`: the probes of src/capabilities/probes.ts, sent one at a time;
 * - inside a workflow of the target repository, a classic or OAuth token with `read:packages`: one GET of the package.
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

/**
 * One token's probes run one at a time across every target of a run (GitHub asks for requests of one user to be
 * serial), and a mutating request waits a second after the previous one even when it belongs to another target
 * (run-probes.ts paces only within a run).
 */
export function createProbePacer(options: { pauseMs?: number; now?: () => number; sleep?: (ms: number) => Promise<void> } = {}) {
  const pauseMs = options.pauseMs ?? 1000;
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => delay(ms));
  let queue: Promise<unknown> = Promise.resolve();
  let lastMutation = Number.NEGATIVE_INFINITY;
  return {
    /** Runs `task` after every task queued before it has settled. */
    serial<T>(task: () => Promise<T>): Promise<T> {
      const run = queue.then(task, task);
      queue = run.catch(() => {});
      return run;
    },
    /** Wraps a request function so each POST is sent at least `pauseMs` after the previous one ended. */
    paced(request: ProbeRequest): ProbeRequest {
      return async (method, path, body) => {
        if (method !== 'GET') {
          const wait = lastMutation + pauseMs - now();
          if (wait > 0) await sleep(wait);
        }
        try {
          return await request(method, path, body);
        } finally {
          if (method !== 'GET') lastMutation = now();
        }
      };
    },
  };
}

export interface AdviceInputs {
  /** `owner/name` of the repository whose workflow uses the token; the advice is given only when it is the target. */
  workflowRepository: string | null;
  shape: TokenShape;
  target: RepoTarget;
  links: LinkTarget;
  user: Promise<UserRecord>;
  repo: Promise<RepoRecord>;
  push: Promise<PushRecord>;
}

/**
 * GITHUB_TOKEN advice, or null when the workflow's repository is not the target (or unknown), or when the token is
 * not a personal one (an app token is no CR_PAT to replace). The package read is the evidence record's last part
 * (`readPackageFor`); the advice judges the record (`judgeGithubToken`).
 */
export async function adviseGithubToken(input: AdviceInputs, get: (path: string) => Promise<ApiOutcome>): Promise<GithubTokenAdvice | null> {
  if (!advised(input)) return null;
  const [user, repo, push] = await Promise.all([input.user, input.repo, input.push]);
  const pkg = await readPackageFor({ ...input, user, repo }, get);
  return judgeGithubToken({ ...input, user, repo, push, package: pkg });
}

function advised(input: Pick<AdviceInputs, 'workflowRepository' | 'shape' | 'target'>): boolean {
  const { workflowRepository: workflow, target } = input;
  if (workflow === null || workflow.toLowerCase() !== `${target.owner}/${target.name}`.toLowerCase()) return false;
  return input.shape.kind === 'classic' || input.shape.kind === 'oauth' || input.shape.kind === 'fine-grained';
}

type Judged<T> = Omit<AdviceInputs, 'user' | 'repo' | 'push'> & T;

/**
 * The package read (packages REST API), sent only when it can answer: only classic and OAuth tokens with
 * `read:packages` can read a package (the packages API refuses fine-grained tokens, ledger ghcr §5.2), and the path
 * needs the owner's kind. Otherwise the reason it was not read.
 */
async function readPackageFor(input: Judged<{ user: UserRecord; repo: RepoRecord }>, get: (path: string) => Promise<ApiOutcome>): Promise<PackageEvidence> {
  const { user } = input;
  if (input.shape.kind === 'fine-grained') return { kind: 'unknown', reason: 'the packages API accepts only classic personal access tokens' };
  if (user.meaning.kind !== 'ok') return { kind: 'unknown', reason: 'GitHub did not accept the token' };
  if (user.scopes !== null && !expandScopes(user.scopes).has('read:packages')) return { kind: 'unknown', reason: 'the token lacks read:packages, which reading a package needs' };
  const ownerIsOrg = ownerIsOrgOf(input.repo, user, input.target);
  if (ownerIsOrg === null) return { kind: 'unknown', reason: `whether ${input.target.owner} is an organization is not known` };
  return readPackage(await get(packageLookupPath(input.links.image, ownerIsOrg, user.login)));
}

/** The advice from the evidence record (its package read included). Pure. */
export function judgeGithubToken(input: Judged<{ user: UserRecord; repo: RepoRecord; push: PushRecord; package: PackageEvidence }>): GithubTokenAdvice {
  const { target, push } = input;
  let pkg = input.package;
  // `write_package` means the package exists and the user may not write it (ledger ghcr §8): a 404 from the packages
  // API then means "hidden from this token", not "absent", and its link to a repository is unknown.
  if (pkg.kind === 'absent-or-hidden' && push.upload.kind === 'refused' && push.upload.refusal.reason.kind === 'write-package') {
    pkg = { kind: 'unknown', reason: `the registry refused the upload with ${push.upload.refusal.quoted}, so the package exists and this token cannot read it` };
  }
  const ownerIsOrg = ownerIsOrgOf(input.repo, input.user, target);
  const advice = githubTokenAdvice({ target: input.links, workflowRepository: `${target.owner}/${target.name}`, ownerIsOrg, package: pkg });
  return { replaces: advice.replaces, summary: advice.summary, steps: advice.steps, fix: advice.fix };
}

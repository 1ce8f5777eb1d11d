import { githubTokenAdvice } from '../capabilities/github-token-advice.js';
import type { LinkTarget } from '../capabilities/links.js';
import { type PackageEvidence, packageLookupPath, readPackage } from '../evidence/package.js';
import { apiBlocks, ownerIsOrgOf } from '../evidence/record.js';
import type { PushRecord } from '../evidence/registry.js';
import type { RepoRecord } from '../evidence/repo.js';
import type { UserRecord } from '../evidence/user.js';
import type { ApiOutcome } from '../github/client.js';
import { expandScopes } from '../github/headers.js';
import type { TokenShape } from '../token/recognize.js';
import type { GithubTokenAdvice, RepoTarget } from '../types.js';

/**
 * Whether the workflow's own GITHUB_TOKEN could replace the personal token (issue 6). Asked only inside a workflow of
 * the target repository; for a classic or OAuth token with `read:packages` it costs one GET of the package.
 */

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
  // The allow list refuses this runner's address, not the token: a GITHUB_TOKEN sent from here is refused alike. With
  // an IP allow list, GitHub Actions needs self-hosted runners whose addresses are listed (github/docs,
  // data/reusables/actions/ip-allow-list-self-hosted-runners.md; docs/github-behaviour.md#ip-allow-list).
  if (apiBlocks(input.repo, input.user).ipAllowList) {
    return {
      replaces: false,
      summary: `GITHUB_TOKEN would not help here: ${target.owner}'s IP allow list refuses this runner's address, whatever the token (org.policy). With an IP allow list, GitHub Actions needs self-hosted runners whose addresses are on the list.`,
      steps: [],
      fix: null,
    };
  }
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

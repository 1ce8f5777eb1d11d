import type { Assessment } from '../capabilities/assess.js';
import type { LinkTarget } from '../capabilities/links.js';
import type { Profile } from '../capabilities/profiles.js';
import type { LoginRecord, PushRecord } from '../evidence/registry.js';
import type { RepoRecord } from '../evidence/repo.js';
import type { UserRecord } from '../evidence/user.js';
import type { SettingWords } from '../settings.js';
import type { ImageTarget } from '../destination/image.js';
import type { TokenShape } from '../token/recognize.js';
import type { CheckId, Finding, RepoTarget } from '../types.js';

/**
 * Everything the checks judge. The network answers are the parts of the one evidence record (evidence/record.ts),
 * each read once as it arrives: promises started together, so each check waits only for what it reads.
 */
export interface Evidence {
  shape: TokenShape;
  target: RepoTarget;
  image: ImageTarget;
  registryHost: string;
  /** `https://github.com` or the Enterprise host's web URL: where settings pages live. */
  webUrl: string;
  now: Date;
  /** `token.expiry` warns when fewer days than this are left. */
  expiryWarnDays: number;
  /** What the token is checked for (`--for`); the ten checks judge pushing, the profile picks their links. */
  profile: Profile;
  /** `owner/name` of the workflow's repository (GITHUB_REPOSITORY) when known: whose GITHUB_TOKEN this may be. */
  workflowRepository: string | null;
  /** How a finding names a setting to check (`--api-url`, the Action's `api-url` input, the `apiUrl` option). */
  words: SettingWords;
  user: Promise<UserRecord>;
  repo: Promise<RepoRecord>;
  login: Promise<LoginRecord>;
  push: Promise<PushRecord>;
  /** The capability table (and the fine-grained probes behind it), built from the answers above. */
  assessment: Promise<Assessment>;
}

/** What a check needs to build its links: the target (web root, owner, repository, image) and the profile. */
export interface Links {
  target: LinkTarget;
  profile: Profile;
}

export function linksOf(evidence: Pick<Evidence, 'webUrl' | 'target' | 'image' | 'profile'>): Links {
  const { webUrl, target, image, profile } = evidence;
  return { target: { webUrl, owner: target.owner, name: target.name, image: image.path }, profile };
}

/** One check: a stable id, a title for progress lines, and a judgement of the evidence. */
export interface Check {
  id: CheckId;
  title: string;
  run(evidence: Evidence): Promise<Finding>;
}

export function finding(id: CheckId, status: Finding['status'], summary: string, fix: string | null = null, details: string[] = []): Finding {
  return { id, status, summary, fix, details };
}

import { type LinkTarget, packageSettingsLink } from './links.js';
import type { PackageEvidence } from '../evidence/package.js';
import type { GithubTokenAdvice } from '../types.js';

/**
 * Whether the workflow's own `GITHUB_TOKEN` may replace a personal token for pushing the image. Pure.
 *
 * Sources:
 * - GitHub recommends `GITHUB_TOKEN` for registries with granular permissions (the Container registry is one), and it
 *   publishes packages associated with the workflow's repository (ledger ghcr §4.1; github/docs
 *   publishing-and-installing-a-package-with-github-actions.md).
 * - A package created by `GITHUB_TOKEN` inherits the workflow repository's permission model; uploading to an existing
 *   package needs the workflow's repository to have Write on that package; a package first pushed by hand is not
 *   linked and its "Manage Actions access" must list the repository (UI only) (ledger ghcr §4.3, §8).
 * - The job must have `permissions: packages: write` when the default is read-only; new organizations and personal
 *   repositories default to read-only (changelog 2023-02-02 "Updating the default GITHUB_TOKEN permissions to
 *   read-only"); the `permissions` key adds access for the workflow whatever the default (changelog 2021-04-20
 *   "control permissions for GITHUB_TOKEN"), except that pull requests from public forks always get a read-only token.
 */

export interface GithubTokenAdviceInput {
  target: LinkTarget;
  /** `owner/name` of the repository whose workflow pushes; the target itself unless known otherwise. */
  workflowRepository: string;
  ownerIsOrg: boolean | null;
  package: PackageEvidence;
  /** The organization's or repository's default GITHUB_TOKEN permissions, when known (else null). */
  defaultWorkflowPermissions?: 'read' | 'write' | null;
}

/** `replaces`: `true` GITHUB_TOKEN can replace the personal token; `false` not until the fix is made; `null` not advised. */
export type { GithubTokenAdvice } from '../types.js';

const PERMISSIONS_STEP =
  'Give the job `permissions: packages: write` (and `contents: read`), log in with `password: ${{ secrets.GITHUB_TOKEN }}`, and delete the CR_PAT secret.';
const FORKS = 'Pull requests from public forks always get a read-only GITHUB_TOKEN: pushes from them cannot work with it.';

export function githubTokenAdvice(input: GithubTokenAdviceInput): GithubTokenAdvice {
  const repository = `${input.target.owner}/${input.target.name}`;
  if (input.workflowRepository.toLowerCase() !== repository.toLowerCase()) {
    return {
      replaces: null,
      summary: `The workflow runs in ${input.workflowRepository}, not in ${repository}: GITHUB_TOKEN is advised only for the repository's own images.`,
      steps: [],
      fix: null,
    };
  }
  const namespace = input.target.image.split('/')[0] ?? '';
  if (namespace.toLowerCase() !== input.target.owner.toLowerCase()) {
    return {
      replaces: false,
      summary: `The image lives under ${namespace}, not under ${input.target.owner}: GITHUB_TOKEN publishes packages associated with its own repository.`,
      steps: [],
      fix: null,
    };
  }
  const steps = [PERMISSIONS_STEP, ...(input.defaultWorkflowPermissions === 'read' ? ['The default GITHUB_TOKEN permissions here are read-only, so the `permissions` key is required.'] : []), FORKS];
  return { ...byPackage(input, repository), steps };
}

function byPackage(input: GithubTokenAdviceInput, repository: string): Omit<GithubTokenAdvice, 'steps'> {
  const pkg = input.package;
  const settings = input.ownerIsOrg === null ? null : packageSettingsLink(input.target, input.ownerIsOrg);
  const grant = (why: string): Omit<GithubTokenAdvice, 'steps'> => ({
    replaces: false,
    summary: `GITHUB_TOKEN of ${repository} cannot push to the package ${input.target.image} yet: ${why}.`,
    fix: settings ? { text: `A package admin adds ${repository} with the Write role under "Manage Actions access" (web only, no API).`, url: settings } : null,
  });
  switch (pkg.kind) {
    case 'absent-or-hidden':
      return {
        replaces: true,
        summary: `GITHUB_TOKEN with \`permissions: packages: write\` may replace the personal token: the first push from ${repository}'s workflow creates the package, linked to the repository. (If the package exists but this token cannot see it, its own access decides.)`,
        fix: null,
      };
    case 'exists':
      if (pkg.linkedRepository === null) return grant('the package was created outside this repository\'s workflows and is not linked to it');
      if (pkg.linkedRepository.toLowerCase() !== repository.toLowerCase()) return grant(`the package is linked to ${pkg.linkedRepository}`);
      return {
        replaces: true,
        summary: `GITHUB_TOKEN with \`permissions: packages: write\` may replace the personal token: the package is linked to ${repository}. If a push is refused, the package does not inherit the repository's access and needs ${repository} under "Manage Actions access".`,
        fix: settings ? { text: 'Package settings ("Manage Actions access")', url: settings } : null,
      };
    case 'unknown':
      return {
        replaces: null,
        summary: `GITHUB_TOKEN may replace the personal token if the package is new or linked to ${repository}; crpat could not read the package (${pkg.reason}).`,
        fix: settings ? { text: 'Package settings ("Manage Actions access")', url: settings } : null,
      };
  }
}

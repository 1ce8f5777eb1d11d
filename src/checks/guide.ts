/**
 * Where each failure's step-by-step fix is explained: docs/creating-a-cr-pat.md, the guide that replaces the seed
 * tutorial (issue 6, "each failure crpat reports links back to the step that fixes it").
 *
 * The guide ships in the npm package (`docs/`) and `crpat guide <step>` prints a step, so a failure names the command
 * that opens its step (the package has no fixed public URL; the path alone exists only in a clone). Each anchor is an explicit
 * `<a id="…"></a>` in the guide's headings, so renumbering or rewording a step keeps every link working; a test reads
 * the guide and fails when an anchor below is missing there.
 */
export const GUIDE = 'docs/creating-a-cr-pat.md';

/** The steps of the guide a failing check can point to, by the explicit anchor of their heading. */
export const GUIDE_ANCHORS = [
  /** 1. Do you need a personal token at all? (GITHUB_TOKEN with `permissions: packages: write`) */
  'github-token',
  /** 2. Let the organization accept classic tokens (classic ban, lifetime limits). */
  'org-policy',
  /** 3. Create a classic token with exactly the scope a push needs. */
  'create-token',
  /** 3.1 When it expires, is revoked or stops working. */
  'renew-token',
  /** 3.2 Deployments too: `crpat link --for deploy`. */
  'deploy-token',
  /** 4. Why not a fine-grained token. */
  'not-fine-grained',
  /** 5. Authorize it for SAML single sign-on. */
  'sso',
  /** 6.1 Write access to the repository. */
  'repository-access',
  /** 6.2 Write access to the package. */
  'package-access',
  /** 7. Store it as the CR_PAT secret. */
  'store-secret',
  /** 8. Validate it with crpat. */
  'validate',
] as const;

export type GuideAnchor = (typeof GUIDE_ANCHORS)[number];

/** `docs/creating-a-cr-pat.md#sso`. */
export function guideUrl(anchor: GuideAnchor): string {
  return `${GUIDE}#${anchor}`;
}

/**
 * `crpat guide sso`: how to open a step from a terminal. The path alone exists only in a clone of the repository; the
 * command works wherever crpat is installed, since the guide ships in the package (issue 14).
 */
export function guideCommand(anchor: string): string {
  return `crpat guide ${anchor}`;
}

/** The detail line a failing finding carries: `Guide: crpat guide sso`. */
export function guideLine(anchor: GuideAnchor): string {
  return `Guide: ${guideCommand(anchor)}`;
}

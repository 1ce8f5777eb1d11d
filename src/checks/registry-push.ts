import { registryEvidence } from '../capabilities/evidence.js';
import { classicTokenLink, orgPackageCreationLink, orgTokenPolicyLink, packageSettingsLink, registryRefusalFix } from '../capabilities/links.js';
import { classifyApi } from '../github/classify.js';
import { netSentence } from '../http/net-error.js';
import type { CancelOutcome, PushOutcome, RegistryRefusal } from '../registry/types.js';
import type { Finding, RepoTarget } from '../types.js';
import { type GuideAnchor, guideLine } from './guide.js';
import { describeRefusal } from './registry-refusal.js';
import { repoFacts } from './repo-facts.js';
import { TRACE_HINT } from './trace-hint.js';
import { loginOf } from './token-valid.js';
import { type Check, finding, type ImageTarget, type Links, linksOf, withLink } from './types.js';

interface PushInputs {
  push: PushOutcome | null;
  image: ImageTarget;
  target: RepoTarget;
  ownerIsOrg: boolean | null;
  /** The API said the organization's SAML SSO blocks this token (org.sso): ghcr's own refusal then names no reason. */
  ssoBlocked?: boolean;
  links: Links;
}

/** The ground truth: the registry opens an upload (202) or refuses it (facts ghcr §3). Nothing is pushed. */
export function judgeRegistryPush(inputs: PushInputs): Finding {
  const id = 'registry.push';
  const { push, image } = inputs;
  // Said in the summary, which every report shows, not only in details.
  const ref = image.loweredFrom ? `${image.reference} (lower-cased from ${image.loweredFrom}: registry names must be lower case)` : image.reference;
  if (!push) return finding(id, 'skip', 'Skipped: the registry login did not succeed (registry.login).');
  switch (push.kind) {
    case 'opened':
      return finding(id, 'pass', `The registry opened an upload for ${ref}: a push would be accepted. Nothing was pushed.`, null, [cancelNote(push.cancel)]);
    case 'refused': {
      const advice = adviceFor(push.refusal, inputs);
      // The most direct page for a known refusal (issue 6: registryRefusalFix); SSO refusals name no reason of their own.
      const evidence = registryEvidence(push);
      const oneClick = evidence.kind === 'refused' && !inputs.ssoBlocked ? registryRefusalFix(evidence, inputs.links.target, inputs.links.profile, inputs.ownerIsOrg) : null;
      return finding(id, 'fail', `The registry refused an upload to ${ref} (${describeRefusal(push.refusal)}): ${advice.why}.`, oneClick ? withLink(oneClick) : advice.fix, [
        ...(advice.unknown ? [TRACE_HINT] : []),
        guideLine(guideFor(push.refusal, inputs)),
      ]);
    }
    case 'unexpected':
      return finding(
        id,
        'error',
        `Could not probe the push to ${ref}: ${push.reason}. Try again in a few minutes (crpat does not repeat the probe by itself: it opens an upload).`,
      );
    case 'network':
      return finding(id, 'error', `Could not probe the push to ${ref}: ${netSentence(push.error, '--registry')}`);
  }
}

function cancelNote(cancel: CancelOutcome): string {
  switch (cancel.kind) {
    case 'cancelled':
      return 'The probe cancelled its empty upload session; nothing is left behind.';
    case 'unsupported':
      return `The registry does not support cancelling an upload (HTTP ${cancel.status}); the empty session expires on its own and creates no package.`;
    case 'not-cancelled':
      return `The empty upload session was not cancelled: ${cancel.reason}.`;
    case 'skipped':
      return cancel.because === 'known'
        ? `The registry does not support cancelling an upload (it answers HTTP ${cancel.status}), so the probe did not ask; the empty session expires on its own and creates no package.`
        : `The registry answered an earlier cancel in this run with HTTP ${cancel.status}, so the probe did not ask again; the empty session expires on its own and creates no package.`;
  }
}

/** Maps the registry's reason (facts ghcr §2 and §8) to what it means and the setting it points to. */
function adviceFor(refusal: RegistryRefusal, inputs: PushInputs): { why: string; fix: string; unknown?: true } {
  const { target, image, links } = inputs;
  const webUrl = links.target.webUrl;
  const message = refusal.errors.map((e) => e.message).join(' ');
  const packageUrl = packagePage(inputs);
  const create = classicTokenLink(links.target, links.profile);
  if (/does not match expected scopes/i.test(message)) {
    return {
      why: 'the token lacks write:packages, or is a fine-grained token, which GitHub Packages does not accept',
      fix: `Use a classic token with write:packages: ${create}`,
    };
  }
  if (/forbids access via a personal access token/i.test(message)) {
    return { why: `${target.owner} refuses personal access tokens (classic)`, fix: `See org.policy; the setting is at ${orgTokenPolicyLink(webUrl, target.owner)}` };
  }
  if (/installation not allowed to (Write|Create) organization package/i.test(message)) {
    return {
      why: 'this is a GitHub App installation token (like GITHUB_TOKEN) without write access to the package',
      fix: `In a workflow add \`permissions: packages: write\`; for an existing package add the repository under Manage Actions access at ${packageUrl}`,
    };
  }
  if (/write_package/i.test(message)) {
    return {
      why: `the package ${image.path} exists and the token's user has no write role on it`,
      fix: `A package admin grants Write under Manage access (and the repository under Manage Actions access) at ${packageUrl}`,
    };
  }
  if (/create_package/i.test(message)) {
    const orgHint = inputs.ownerIsOrg ? `, or for an organization see its package creation settings at ${orgPackageCreationLink(webUrl, target.owner)}` : '';
    return {
      why: `the token's user may not create a package in ${target.owner}'s namespace`,
      fix: `Push to a namespace the user owns or belongs to${orgHint}.`,
    };
  }
  if (/unauthenticated/i.test(message)) {
    return { why: 'the registry could not tie the token to a user', fix: `Create a new classic token with write:packages: ${create}` };
  }
  if (inputs.ssoBlocked) {
    return { why: `${target.owner} enforces SAML single sign-on and the token is not authorized for it (see org.sso)`, fix: 'Authorize the token for single sign-on: org.sso gives the link.' };
  }
  if (refusal.challengeError === 'insufficient_scope') {
    return {
      why: `the registry's token service did not grant push on ${image.path}`,
      fix: `Check that the token has write:packages and that its user may write the package (${packageUrl}).`,
    };
  }
  // A reason crpat does not know yet: the report asks for a trace.
  return {
    why: 'the registry did not allow the push',
    fix: `Check the token's write:packages scope and the package's access settings at ${packageUrl}`,
    unknown: true,
  };
}

/**
 * The guide step for a refusal: the registry's message read in the same order as the fix shown (facts ghcr §2, §8).
 * A bare `denied` outside single sign-on is the refusal of the credentials themselves (registryRefusalFix).
 */
function guideFor(refusal: RegistryRefusal, inputs: PushInputs): GuideAnchor {
  const message = refusal.errors.map((e) => e.message).join(' ');
  if (/does not match expected scopes/i.test(message)) return 'create-token';
  if (/forbids access via a personal access token/i.test(message)) return 'org-policy';
  if (/installation not allowed to (Write|Create) organization package/i.test(message)) return 'github-token';
  if (/write_package|create_package/i.test(message)) return 'package-access';
  if (/unauthenticated/i.test(message)) return 'create-token';
  if (inputs.ssoBlocked) return 'sso';
  if (message.trim() === 'denied') return 'create-token';
  return 'package-access';
}

/**
 * The package's settings page ("Manage access", "Manage Actions access"). Organizations and users have different
 * paths; when the repository was not visible, the kind of owner is unknown and both are named.
 */
function packagePage(inputs: PushInputs): string {
  const target = inputs.links.target;
  if (inputs.ownerIsOrg !== null) return packageSettingsLink(target, inputs.ownerIsOrg);
  return `${packageSettingsLink(target, true)} (an organization's package) or ${packageSettingsLink(target, false)} (a user's)`;
}

export const registryPush: Check = {
  id: 'registry.push',
  title: 'Registry accepts a push',
  run: async (e) => {
    const [push, repo, user] = await Promise.all([e.push, e.repo, e.user]);
    const facts = repoFacts(repo);
    // A repository hidden from the token still has a known owner kind when the owner is the token's own user.
    const ownOwner = loginOf(user)?.toLowerCase() === e.target.owner.toLowerCase() ? false : null;
    return judgeRegistryPush({
      push,
      image: e.image,
      target: e.target,
      ownerIsOrg: facts ? facts.ownerIsOrg : ownOwner,
      ssoBlocked: classifyApi(repo).kind === 'sso',
      links: linksOf(e),
    });
  },
};

import { classifyApi } from '../github/classify.js';
import { netSentence } from '../http/net-error.js';
import type { CancelOutcome, PushOutcome, RegistryRefusal } from '../registry/types.js';
import type { Finding, RepoTarget } from '../types.js';
import { newClassicTokenUrl, orgPackagesSettingsUrl, orgTokenPolicyUrl, packageSettingsUrl } from './links.js';
import { describeRefusal } from './registry-refusal.js';
import { repoFacts } from './repo-facts.js';
import { type Check, type ImageTarget, finding } from './types.js';

interface PushInputs {
  push: PushOutcome | null;
  image: ImageTarget;
  target: RepoTarget;
  ownerIsOrg: boolean | null;
  /** The API said the organization's SAML SSO blocks this token (org.sso): ghcr's own refusal then names no reason. */
  ssoBlocked?: boolean;
  webUrl: string;
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
      return finding(id, 'fail', `The registry refused an upload to ${ref} (${describeRefusal(push.refusal)}): ${advice.why}.`, advice.fix);
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
function adviceFor(refusal: RegistryRefusal, inputs: PushInputs): { why: string; fix: string } {
  const { webUrl, target, image } = inputs;
  const message = refusal.errors.map((e) => e.message).join(' ');
  const imageName = image.path.slice(image.path.indexOf('/') + 1);
  const packageUrl = packageSettingsUrl(webUrl, target.owner.toLowerCase(), imageName, inputs.ownerIsOrg);
  if (/does not match expected scopes/i.test(message)) {
    return {
      why: 'the token lacks write:packages, or is a fine-grained token, which GitHub Packages does not accept',
      fix: `Use a classic token with write:packages: ${newClassicTokenUrl(webUrl)}`,
    };
  }
  if (/forbids access via a personal access token/i.test(message)) {
    return { why: `${target.owner} refuses personal access tokens (classic)`, fix: `See org.policy; the setting is at ${orgTokenPolicyUrl(webUrl, target.owner)}` };
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
    const orgHint = inputs.ownerIsOrg ? `, or for an organization see its package creation settings at ${orgPackagesSettingsUrl(webUrl, target.owner)}` : '';
    return {
      why: `the token's user may not create a package in ${target.owner}'s namespace`,
      fix: `Push to a namespace the user owns or belongs to${orgHint}.`,
    };
  }
  if (/unauthenticated/i.test(message)) {
    return { why: 'the registry could not tie the token to a user', fix: `Create a new classic token with write:packages: ${newClassicTokenUrl(webUrl)}` };
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
  return {
    why: 'the registry did not allow the push',
    fix: `Check the token's write:packages scope and the package's access settings at ${packageUrl}`,
  };
}

export const registryPush: Check = {
  id: 'registry.push',
  title: 'Registry accepts a push',
  run: async (e) => {
    const [push, repo] = await Promise.all([e.push, e.repo]);
    const facts = repoFacts(repo);
    return judgeRegistryPush({
      push,
      image: e.image,
      target: e.target,
      ownerIsOrg: facts ? facts.ownerIsOrg : null,
      ssoBlocked: classifyApi(repo).kind === 'sso',
      webUrl: e.webUrl,
    });
  },
};

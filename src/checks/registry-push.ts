import { classicTokenLink, classicTokensListLink, orgPackageCreationLink, orgTokenPolicyLink, packageSettingsLink, ssoReauthorizeNote, type SsoExposure } from '../capabilities/links.js';
import { apiBlocks, ownerIsOrgOf, ssoExposureOf } from '../evidence/record.js';
import type { PushRecord } from '../evidence/registry.js';
import { netSentence } from '../http/net-error.js';
import { MAX_RATE_WAIT_MS } from '../registry/upload.js';
import type { RefusalReason } from '../registry/refusal-reason.js';
import type { CancelOutcome, PushOutcome } from '../registry/outcomes.js';
import { OPTION_WORDS, type SettingWords } from '../settings.js';
import { ACTIONS_APP_ID, type TokenShape } from '../token/recognize.js';
import type { Finding, RepoTarget } from '../types.js';
import { type GuideAnchor, guideLine } from './guide.js';
import { traceHint } from './trace-hint.js';
import type { ImageTarget } from '../destination/image.js';
import { type Check, finding, type Links, linksOf } from './check.js';

/** GitHub's status page: where an outage of Packages shows (docs/github-behaviour.md#ghcr-outage). */
export const GITHUB_STATUS = 'https://www.githubstatus.com';

/** The fix for a refusal that is ghcr failing, not a verdict (registry.login and registry.push say it alike). */
export const GHCR_RETRY = `See ${GITHUB_STATUS} (Packages) and try again in a few minutes.`;

/** What a refusal that names no permission means, in the words both registry checks use. */
export const NAMES_NO_PERMISSION = 'a reason that names no permission: this is ghcr failing, not a verdict on the token, its scopes or its access';

export interface PushInputs {
  push: PushRecord;
  image: ImageTarget;
  target: RepoTarget;
  ownerIsOrg: boolean | null;
  /** The API said the organization's SAML SSO blocks this token (org.sso): ghcr's own refusal then names no reason. */
  ssoBlocked?: boolean;
  /** The API said the organization's IP allow list blocks this machine (org.policy). */
  ipBlocked?: boolean;
  /** The API refused the token's user as an Enterprise Managed User outside its enterprise (repo.access). */
  managedUserRefused?: boolean;
  /** The token's kind and, for a 2026-format installation token, its app id. @default unknown */
  shape?: Pick<TokenShape, 'kind' | 'appId'>;
  /** The token's user, when GitHub said. @default unknown */
  login?: string | null;
  /** `owner/name` of the workflow's repository (GITHUB_REPOSITORY), when known. */
  workflowRepository?: string | null;
  /** Whether single sign-on may apply to the owner (fixes that make a new token say to authorize it). @default 'no' */
  sso?: SsoExposure;
  links: Links;
  /** How the summary names a setting to check. @default the library's option names */
  words?: SettingWords;
}

interface Advice {
  why: string;
  fix: string;
  guide: GuideAnchor;
}

/**
 * The ground truth: the registry opens an upload (202) or refuses it. Nothing is pushed. Only the reasons ghcr is known
 * to give fail the check; a refusal that names no permission, or a rate limit, is undecided (docs/github-behaviour.md).
 */
export function judgeRegistryPush(inputs: PushInputs): Finding {
  const id = 'registry.push';
  const { image } = inputs;
  const push = inputs.push.outcome;
  const refused = inputs.push.refusal;
  // Said in the summary, which every report shows, not only in details.
  const ref = image.loweredFrom ? `${image.reference} (lower-cased from ${image.loweredFrom}: registry names must be lower case)` : image.reference;
  if (!push) return finding(id, 'skip', 'Skipped: the registry login did not succeed (registry.login).');
  switch (push.kind) {
    case 'opened':
      return finding(id, 'pass', `The registry opened an upload for ${ref}: a push would be accepted. Nothing was pushed.`, null, [cancelNote(push.cancel)]);
    case 'refused': {
      const quoted = refused?.quoted ?? '';
      const reason: RefusalReason = refused?.reason ?? { kind: 'unexplained' };
      const undecided = unexplained(reason, inputs);
      if (undecided) return finding(id, 'error', `The registry refused an upload to ${ref} (${quoted}), ${undecided.summary}`, undecided.fix, [traceHint(inputs.words ?? OPTION_WORDS)]);
      const advice = adviceFor(reason, quoted, inputs);
      return finding(id, 'fail', `The registry refused an upload to ${ref} (${quoted}): ${advice.why}.`, advice.fix, [guideLine(advice.guide)]);
    }
    case 'rate-limited':
      return finding(id, 'error', rateLimitedSummary(push, refused?.quoted ?? '', ref), `Try again in a minute; if it persists, see ${GITHUB_STATUS}.`);
    case 'unexpected':
      return finding(
        id,
        'error',
        `Could not probe the push to ${ref}: ${push.reason}. Try again in a few minutes (crpat does not repeat the probe by itself: it opens an upload).`,
      );
    case 'network':
      return finding(id, 'error', `Could not probe the push to ${ref}: ${netSentence(push.error, 'registry', inputs.words ?? OPTION_WORDS)}`);
  }
}

/**
 * A refusal that names no permission: ghcr's own failure worded like one (`unable to connect to authzd server`), or a
 * bare `denied` that neither single sign-on nor an IP allow list explains. Null when the refusal is a verdict.
 */
function unexplained(reason: RefusalReason, inputs: PushInputs): { summary: string; fix: string } | null {
  if (reason.kind === 'unexplained') return { summary: `${NAMES_NO_PERMISSION}.`, fix: GHCR_RETRY };
  if (reason.kind === 'denied' && !inputs.ssoBlocked && !inputs.ipBlocked && !inputs.managedUserRefused) {
    return {
      summary: `a bare "denied" that names no reason after its token service accepted the credentials: single sign-on and an IP allow list were not seen (org.sso, org.policy), so this is most likely ghcr failing.`,
      fix: GHCR_RETRY,
    };
  }
  return null;
}

function rateLimitedSummary(push: Extract<PushOutcome, { kind: 'rate-limited' }>, quoted: string, ref: string): string {
  const asked = push.waitMs === null ? 'no wait' : `a wait of ${formatMs(push.waitMs)}`;
  const waited =
    push.waitedMs === null
      ? `it asked for ${asked}, longer than crpat waits (${formatMs(MAX_RATE_WAIT_MS)}), so it did not try again`
      : `crpat waited ${formatMs(push.waitedMs)} as it asked and tried once more, and was limited again`;
  return `The registry rate-limited the upload to ${ref} (${quoted}): ${waited}. A rate-limited upload opens nothing and says nothing about the token.`;
}

function formatMs(ms: number): string {
  return ms < 1000 ? `${Math.ceil(ms)} ms` : `${Math.round(ms / 100) / 10} s`;
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

/** What a known refusal means and the one setting that fixes it (docs/github-behaviour.md, one entry per reason). */
function adviceFor(reason: RefusalReason, quoted: string, inputs: PushInputs): Advice {
  const { target, image, links } = inputs;
  const webUrl = links.target.webUrl;
  const create = classicTokenLink(links.target, links.profile);
  const authorize = ssoReauthorizeNote(webUrl, target.owner, inputs.sso ?? 'no');
  const packageUrl = packagePage(inputs);
  const app = installationKind(inputs.shape);
  if (app === 'other-app' && isInstallationRefusal(reason)) {
    return {
      why: `this is a GitHub App installation token of app ${inputs.shape?.appId}, not the Actions GITHUB_TOKEN (app ${ACTIONS_APP_ID}): GitHub Packages accepts no other app's token, whatever the package grants`,
      fix: `In a workflow, use GITHUB_TOKEN with \`permissions: packages: write\`; elsewhere a classic token with write:packages: ${create}`,
      guide: 'github-token',
    };
  }
  if (inputs.managedUserRefused && ['write-package', 'create-package', 'denied'].includes(reason.kind)) return managedUserAdvice(inputs, create);
  switch (reason.kind) {
    case 'scopes':
      return scopesAdvice(inputs.shape?.kind, create, authorize, newTokenSsoNote(webUrl, target.owner, inputs.sso ?? 'no'));
    case 'lifetime': {
      const who = reason.name && reason.by ? `the ${reason.by} ${reason.name}` : target.owner;
      const kind = reason.classic ? 'classic tokens' : 'fine-grained tokens';
      return {
        why: `${who} accepts ${kind} only when their lifetime is at most ${reason.days} days, and this token's is longer (see org.policy); it does not ban ${kind}`,
        fix: reason.classic
          ? `Create a classic token with write:packages that expires within ${reason.days} days (choose the expiration on the page): ${create}${authorize && `.${authorize}`}`
          : `See org.policy; the limit is set at ${orgTokenPolicyLink(webUrl, target.owner)}`,
        guide: 'org-policy',
      };
    }
    case 'classic-ban':
      return {
        why: `${target.owner} refuses personal access tokens (classic)`,
        fix: `An owner of ${target.owner} can allow classic tokens in the organization's token policy: ${orgTokenPolicyLink(webUrl, target.owner)}`,
        guide: 'org-policy',
      };
    case 'installation-not-allowed':
      return {
        why: `this GITHUB_TOKEN may not ${reason.action === 'Create' ? 'create' : 'write'} packages: the job lacks \`permissions: packages: write\`, or it runs for a pull request from a fork, whose token is always read-only${app === 'unknown-app' ? ' (a GitHub App other than Actions cannot push at all)' : ''}`,
        fix: 'Add `permissions: packages: write` to the job (or the workflow); for a pull request from a fork, push from a workflow that runs on the base repository instead.',
        guide: 'github-token',
      };
    case 'installation-missing': {
      const workflowOwner = inputs.workflowRepository?.split('/')[0] ?? null;
      // The registry as the image reference names it (ghcr.io, containers.HOST on an Enterprise server).
      const registry = image.reference.slice(0, image.reference.length - image.path.length);
      const whose = workflowOwner ? `; this token is ${inputs.workflowRepository}'s, so it may push under ${registry}${workflowOwner.toLowerCase()}/ only` : '';
      return {
        why: `a GITHUB_TOKEN can push only under its own repository owner's namespace, and this probe was for ${target.owner}'s namespace (${image.reference})${whose}`,
        fix: `Push under the namespace of the repository whose workflow runs (after a repository moved, its new owner's), or use a classic token with write:packages whose user may write in ${target.owner}'s namespace: ${create}`,
        guide: 'github-token',
      };
    }
    case 'write-package':
      if (app !== null) {
        return {
          why: `the package ${image.path} exists and does not grant this workflow's repository the Write role under "Manage Actions access" (a Read grant is not enough)`,
          fix: `A package admin adds the repository with the Write role under "Manage Actions access": ${packageUrl}`,
          guide: 'package-access',
        };
      }
      return {
        why: `the package ${image.path} exists and the token's user has no write role on it`,
        fix: `A package admin grants Write under "Manage access" (people) or "Manage Actions access" (repositories): ${packageUrl}`,
        guide: 'package-access',
      };
    case 'create-package':
      return createPackageAdvice(inputs);
    case 'unauthenticated':
      return { why: 'the registry could not tie the token to a user', fix: `Create a new classic token with write:packages: ${create}${authorize && `.${authorize}`}`, guide: 'create-token' };
    case 'denied':
      if (inputs.ipBlocked) {
        return {
          why: `${target.owner}'s IP allow list does not include this machine's address (see org.policy)`,
          fix: "Run from an address the allow list includes (a self-hosted runner or a listed egress IP), or ask an owner of the organization to add this machine's address.",
          guide: 'org-policy',
        };
      }
      return {
        why: `${target.owner} enforces SAML single sign-on and the token is not authorized for it (see org.sso)`,
        fix: 'Authorize the token for single sign-on: org.sso gives the link.',
        guide: 'sso',
      };
    case 'insufficient-scope':
      return {
        why: `the registry's token service did not grant push on ${image.path}`,
        fix: `Check that the token's user may write the package (${packageUrl}).`,
        guide: 'package-access',
      };
    case 'rate-limited':
    case 'unexplained':
      // Never reached: judgeRegistryPush answers these as undecided first.
      return { why: `the registry gave no reason (${quoted})`, fix: `See ${GITHUB_STATUS} and try again.`, guide: 'validate' };
  }
}

/**
 * A managed user outside its enterprise: GitHub gives managed users read-only access beyond it, so no package grant
 * can help (docs/github-behaviour.md#enterprise-managed-users).
 */
function managedUserAdvice(inputs: PushInputs, create: string): Advice {
  const who = inputs.login ?? "the token's user";
  return {
    why: `${who} is an Enterprise Managed User, and GitHub refuses it outside its enterprise (see repo.access): managed users have read-only access beyond their enterprise, so no grant on the package can let ${who} push`,
    fix: `Push under an organization of the enterprise, or use a classic token with write:packages of an account outside the enterprise that may write the package: ${create}`,
    guide: 'package-access',
  };
}

/** `create_package`: a managed user has no namespace of its own; others need to own or belong to the namespace. */
function createPackageAdvice(inputs: PushInputs): Advice {
  const { target, links } = inputs;
  const login = inputs.login ?? null;
  const own = login !== null && login.toLowerCase() === target.owner.toLowerCase();
  if (own && isManagedLogin(login)) {
    return {
      why: `${login} is an Enterprise Managed User, and managed users cannot publish packages in their own namespace, only in an organization's`,
      fix: `Push under an organization of the enterprise where ${login} may create packages (ghcr.io/<organization>/…).`,
      guide: 'package-access',
    };
  }
  const orgHint = inputs.ownerIsOrg ? `, or an owner of ${target.owner} lets members create packages under "Package creation": ${orgPackageCreationLink(links.target.webUrl, target.owner)}` : '.';
  return {
    why: `the token's user may not create a package in ${target.owner}'s namespace`,
    fix: `Push to a namespace the user owns or belongs to${orgHint}`,
    guide: 'package-access',
  };
}

/**
 * Managed users' logins are `name_shortcode`; personal accounts' logins cannot hold `_`
 * (docs/github-behaviour.md#enterprise-managed-users).
 */
export function isManagedLogin(login: string): boolean {
  return login.includes('_') && !login.endsWith('[bot]');
}

function isInstallationRefusal(reason: RefusalReason): boolean {
  return ['installation-not-allowed', 'installation-missing', 'write-package', 'create-package'].includes(reason.kind);
}

/** `actions` for the Actions GITHUB_TOKEN, `other-app` for another app's 2026-format token, `unknown-app` when the token names no app; null for other tokens. */
/**
 * ghcr's "does not match expected scopes" (docs/github-behaviour.md#scopes): a classic or OAuth token without
 * write:packages, or a fine-grained token (which GitHub Packages does not accept). When the token's kind is known, only
 * the cause that fits it is said: an OAuth token (gho_, e.g. `gh auth token`) has the scopes its app asked for, which
 * cannot be edited on GitHub's token page, so the fix is a classic token.
 */
function scopesAdvice(kind: TokenShape['kind'] | undefined, link: string, edited: string, created: string): Advice {
  switch (kind) {
    case 'oauth':
      return {
        why: 'the token lacks write:packages: an OAuth token has only the scopes its app asked for',
        fix: `Use a classic token with write:packages as CR_PAT (an OAuth token's scopes cannot be edited): ${link}${created && `.${created}`}`,
        guide: 'create-token',
      };
    case 'classic':
      return { why: 'the token lacks write:packages', fix: `Add write:packages to the token, or create one with it: ${link}${edited && `.${edited}`}`, guide: 'create-token' };
    case 'fine-grained':
      return {
        why: 'this is a fine-grained token, which GitHub Packages does not accept',
        fix: `Use a classic token with write:packages instead: ${link}${created && `.${created}`}`,
        guide: 'not-fine-grained',
      };
    default:
      return {
        why: 'the token lacks write:packages, or is a fine-grained token, which GitHub Packages does not accept',
        fix: `Use a classic token with write:packages; a fine-grained token cannot push packages: ${link}${edited && `.${edited}`}`,
        guide: 'create-token',
      };
  }
}

/**
 * For a fix that creates a new token: under SAML single sign-on, a new token works with the organization only once
 * authorized for it (https://docs.github.com/authentication/authenticating-with-saml-single-sign-on/authorizing-a-personal-access-token-for-use-with-saml-single-sign-on);
 * "authorize it again", the note for an edited token (docs/github-behaviour.md#saml-sso-side-effects), would say it had been.
 */
function newTokenSsoNote(webUrl: string, owner: string, exposure: SsoExposure): string {
  const where = `(Configure SSO next to the token at ${classicTokensListLink(webUrl)})`;
  if (exposure === 'enforced') return ` Then authorize the new token for ${owner}'s single sign-on ${where}.`;
  if (exposure === 'maybe') return ` If ${owner} uses SAML single sign-on, authorize the new token for it ${where}.`;
  return '';
}

function installationKind(shape: PushInputs['shape']): 'actions' | 'other-app' | 'unknown-app' | null {
  if (shape?.kind !== 'server-to-server') return null;
  if (shape.appId === undefined || shape.appId === null) return 'unknown-app';
  return shape.appId === ACTIONS_APP_ID ? 'actions' : 'other-app';
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
  run: async (evidence) => {
    const [push, repo, user] = await Promise.all([evidence.push, evidence.repo, evidence.user]);
    const blocks = apiBlocks(repo, user);
    return judgeRegistryPush({
      push,
      image: evidence.image,
      target: evidence.target,
      ownerIsOrg: ownerIsOrgOf(repo, user, evidence.target),
      ssoBlocked: blocks.sso,
      ipBlocked: blocks.ipAllowList,
      managedUserRefused: blocks.managedUser,
      shape: evidence.shape,
      login: user.login,
      workflowRepository: evidence.workflowRepository,
      sso: ssoExposureOf(repo, user, evidence.target),
      links: linksOf(evidence),
      words: evidence.words,
    });
  },
};

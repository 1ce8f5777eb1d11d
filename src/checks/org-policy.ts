import { ssoExposureOf } from '../evidence/record.js';
import type { PushRecord } from '../evidence/registry.js';
import type { RepoRecord } from '../evidence/repo.js';
import type { UserRecord } from '../evidence/user.js';
import type { ApiMeaning } from '../github/classify.js';
import type { TokenShape } from '../token/recognize.js';
import type { Finding, RepoTarget } from '../types.js';
import { classicTokenLink, classicTokensListLink, fineGrainedTokensListLink, orgTokenPolicyLink, type SsoExposure, ssoReauthorizeNote } from '../capabilities/links.js';
import { guideLine } from './guide.js';
import { type Check, finding, type Links, linksOf } from './check.js';

interface PolicyInputs {
  repo: RepoRecord;
  user: UserRecord;
  push: PushRecord | null;
  shape: TokenShape;
  target: RepoTarget;
  webUrl: string;
  /** For the creation link of a fix. @default the push profile's link is not given */
  links?: Links;
  /** Whether single sign-on may apply (a new token must be authorized). @default 'no' */
  sso?: SsoExposure;
}

type Lifetime = Extract<ApiMeaning, { kind: 'lifetime-policy' }>;

/**
 * The organization's access policies: classic bans, lifetime limits (organization or enterprise), IP allow lists
 * (ledger github-api §4; docs/github-behaviour.md#classic-token-lifetime-policy, #ip-allow-list). The registries enforce
 * the same policies: their refusal is read too.
 */
export function judgeOrgPolicy(inputs: PolicyInputs): Finding {
  const id = 'org.policy';
  const { target, webUrl } = inputs;
  const settings = orgTokenPolicyLink(webUrl, target.owner);
  const meanings = [inputs.repo.meaning, inputs.user.meaning];
  const refused = inputs.push?.outcome?.kind === 'refused' ? inputs.push.refusal : null;
  const reason = refused?.reason ?? null;
  // The registry's refusal is quoted in its one wording, as registry.push and the capability table quote it.
  const registryQuote = refused?.quoted ?? '';

  const ip = meanings.find((m): m is Extract<ApiMeaning, { kind: 'ip-allow-list' }> => m.kind === 'ip-allow-list');
  if (ip) {
    const org = ip.org ?? target.owner;
    return finding(
      id,
      'fail',
      `The organization ${org} has an IP allow list, and this machine's address is not on it: GitHub refuses the token here however good it is.`,
      `Run from an address the allow list includes (a self-hosted runner or a listed egress IP; GitHub-hosted runners are usually outside it), or ask an owner of ${org} to add this machine's address. More repository access or a new token does not help.`,
      [ip.message, guideLine('org-policy')],
    );
  }
  const fromApi = meanings.find((m): m is Lifetime => m.kind === 'lifetime-policy');
  const lifetime: Lifetime | null =
    fromApi ??
    (reason?.kind === 'lifetime'
      ? { kind: 'lifetime-policy', message: registryQuote, days: reason.days, settingsUrl: null, classic: reason.classic, by: reason.by, name: reason.name }
      : null);
  if (lifetime) return lifetimeFinding(lifetime, inputs, settings);
  const ban = meanings.find((m) => m.kind === 'classic-forbidden');
  if (ban || reason?.kind === 'classic-ban') {
    return finding(
      id,
      'fail',
      `The organization ${target.owner} refuses personal access tokens (classic), and GitHub Packages accepts no fine-grained token, so no personal token can push there.`,
      `An owner of ${target.owner} can allow classic tokens at ${settings} (tab "Tokens (classic)"). In a workflow, GITHUB_TOKEN with \`permissions: packages: write\` works instead.`,
      [ban && 'message' in ban ? ban.message : registryQuote, guideLine('org-policy')],
    );
  }
  const facts = inputs.repo;
  if (facts.kind !== 'visible') return finding(id, 'skip', 'Skipped: the repository is not visible (repo.access), so the owner\'s token policy could not be examined.');
  if (!facts.ownerIsOrg) return finding(id, 'pass', `${facts.ownerLogin} is a personal account: no organization token policy applies.`);
  const note =
    inputs.shape.kind === 'fine-grained'
      ? [`A fine-grained token may also await approval by ${facts.ownerLogin}'s owners; GitHub shows no distinct error for that.`]
      : [];
  return finding(id, 'pass', `No token-policy refusal from ${facts.ownerLogin} (a ban on classic tokens would also show in registry.push).`, null, note);
}

/**
 * A lifetime limit: the fix is a token of the same kind that expires within it (for classic tokens the classic
 * settings pages, never the fine-grained ones); the owners' setting is named, not offered as the fix.
 */
function lifetimeFinding(lifetime: Lifetime, inputs: PolicyInputs, settings: string): Finding {
  const { target, webUrl } = inputs;
  const who = lifetime.name && lifetime.by ? `The ${lifetime.by} ${lifetime.name}` : `The organization ${target.owner}`;
  const kind = lifetime.classic ? 'personal access tokens (classic)' : 'fine-grained personal access tokens';
  const limit = lifetime.days !== null ? ` of more than ${lifetime.days} days` : ' longer than it allows';
  const within = lifetime.days !== null ? `within ${lifetime.days} days` : 'sooner';
  const authorize = ssoReauthorizeNote(webUrl, target.owner, inputs.sso ?? 'no');
  const fix = lifetime.classic
    ? `Create a classic token that expires ${within} (pick the expiration on the page)${inputs.links ? `: ${classicTokenLink(inputs.links.target, inputs.links.profile)}` : ` at ${classicTokensListLink(webUrl)}`}, or regenerate this one with a shorter expiration at ${classicTokensListLink(webUrl)}.${authorize}`
    : `Regenerate the token with an expiration ${within}: ${lifetime.settingsUrl ?? fineGrainedTokensListLink(webUrl)}`;
  return finding(
    'org.policy',
    'fail',
    `${who} refuses ${kind} with a lifetime${limit}, and this token's is longer. ${lifetime.classic ? 'Classic' : 'Fine-grained'} tokens within the limit are accepted${lifetime.by === 'enterprise' ? ` (the limit is the enterprise's, for every organization in it)` : ''}.`,
    `${fix} The limit itself is set by the owners${lifetime.by === 'enterprise' ? ' of the enterprise' : ` at ${settings}`}.`,
    [lifetime.message, guideLine('org-policy')],
  );
}

export const orgPolicy: Check = {
  id: 'org.policy',
  title: 'Organization token policy',
  run: async (evidence) => {
    const [repo, user, push] = await Promise.all([evidence.repo, evidence.user, evidence.push]);
    const sso = ssoExposureOf(repo, user, evidence.target);
    return judgeOrgPolicy({ repo, user, push, shape: evidence.shape, target: evidence.target, webUrl: evidence.webUrl, links: linksOf(evidence), sso });
  },
};

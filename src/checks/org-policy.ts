import type { ApiOutcome } from '../github/client.js';
import { type ApiMeaning, classifyApi } from '../github/classify.js';
import type { PushOutcome } from '../registry/types.js';
import type { TokenShape } from '../token/recognize.js';
import type { Finding, RepoTarget } from '../types.js';
import { fineGrainedTokensListLink, orgTokenPolicyLink } from '../capabilities/links.js';
import { repoFacts } from './repo-facts.js';
import { guideLine } from './guide.js';
import { type Check, finding } from './types.js';

// The registries enforce the same policy (facts github-api §9.5, ghcr §2): read their refusal too.
const REGISTRY_CLASSIC_BAN = /forbids access via a personal access token \(classic\)/i;
const REGISTRY_LIFETIME = /forbids access via a (?:fine-grained )?personal access tokens?(?: \(classic\))? if the token's lifetime is greater than \d+ days/i;

interface PolicyInputs {
  repo: ApiOutcome;
  user: ApiOutcome;
  push: PushOutcome | null;
  shape: TokenShape;
  target: RepoTarget;
  webUrl: string;
}

/** The organization's personal-access-token policy: classic bans and lifetime limits (facts github-api §4). */
export function judgeOrgPolicy(inputs: PolicyInputs): Finding {
  const id = 'org.policy';
  const { target, webUrl } = inputs;
  const settings = orgTokenPolicyLink(webUrl, target.owner);
  const meanings = [classifyApi(inputs.repo), classifyApi(inputs.user)];
  const registryMessage = inputs.push?.kind === 'refused' ? (inputs.push.refusal.errors[0]?.message ?? '') : '';

  const lifetime = meanings.find((m): m is Extract<ApiMeaning, { kind: 'lifetime-policy' }> => m.kind === 'lifetime-policy');
  if (lifetime || REGISTRY_LIFETIME.test(registryMessage)) {
    const message = lifetime?.message ?? registryMessage;
    const where = lifetime?.settingsUrl ?? fineGrainedTokensListLink(webUrl);
    return finding(
      id,
      'fail',
      `${target.owner} refuses this token because its lifetime is longer than the organization allows${lifetime?.days ? ` (${lifetime.days} days)` : ''}.`,
      `Create a token with a shorter lifetime (${where}); the limit is set by the organization's owners at ${settings}.`,
      [message, guideLine('org-policy')],
    );
  }
  const ban = meanings.find((m) => m.kind === 'classic-forbidden');
  if (ban || REGISTRY_CLASSIC_BAN.test(registryMessage)) {
    return finding(
      id,
      'fail',
      `The organization ${target.owner} refuses personal access tokens (classic), and GitHub Packages accepts no fine-grained token, so no personal token can push there.`,
      `An owner of ${target.owner} can allow classic tokens at ${settings} (tab "Tokens (classic)"). In a workflow, GITHUB_TOKEN with \`permissions: packages: write\` works instead.`,
      [ban && 'message' in ban ? ban.message : registryMessage, guideLine('org-policy')],
    );
  }
  const facts = repoFacts(inputs.repo);
  if (!facts) return finding(id, 'skip', 'Skipped: the repository is not visible (repo.access), so the owner\'s token policy could not be examined.');
  if (!facts.ownerIsOrg) return finding(id, 'pass', `${facts.ownerLogin} is a personal account: no organization token policy applies.`);
  const note =
    inputs.shape.kind === 'fine-grained'
      ? [`A fine-grained token may also await approval by ${facts.ownerLogin}'s owners; GitHub shows no distinct error for that.`]
      : [];
  return finding(id, 'pass', `No token-policy refusal from ${facts.ownerLogin} (a ban on classic tokens would also show in registry.push).`, null, note);
}

export const orgPolicy: Check = {
  id: 'org.policy',
  title: 'Organization token policy',
  run: async (e) => {
    const [repo, user, push] = await Promise.all([e.repo, e.user, e.push]);
    return judgeOrgPolicy({ repo, user, push, shape: e.shape, target: e.target, webUrl: e.webUrl });
  },
};

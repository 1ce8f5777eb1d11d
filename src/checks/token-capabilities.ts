import { classicTokenLink, fineGrainedTokenLink, fineGrainedTokensListLink, repoAccessLink } from '../capabilities/links.js';
import { PROFILES, specsFor } from '../capabilities/profiles.js';
import { type RepoRecord, roleBelowWrite } from '../evidence/repo.js';
import type { UserRecord } from '../evidence/user.js';
import { isUndecided } from '../github/classify.js';
import { expandScopes } from '../github/headers.js';
import { hasScopes, type TokenShape } from '../token/recognize.js';
import type { Capability, Finding } from '../types.js';
import { type GuideAnchor, guideLine } from './guide.js';
import { type Check, finding, type Links, linksOf } from './check.js';

/**
 * `token.capabilities`, listed after the ten checks only for a profile other than `push`: whether the token holds
 * what the profile needs beyond pushing images (for `deploy`: Contents, Metadata, Actions, Deployments and
 * Environments on the target).
 *
 * Why a check of its own rather than findings added to `token.scopes` or `repo.push`: those judge the push contract
 * (issue 2), whose rules must not depend on `--for`. A deploy-only gap (a classic token without `repo`, a fine-grained
 * token without Actions) would make `token.scopes` fail for a token that can push, and fine-grained permissions have
 * no home among the ten. `packages:write` is left to the ten (token.scopes, registry.push), so a problem is counted
 * once; a role below write is also repo.push's, and is named here because every write of the profile needs it.
 *
 * Status: `fail` when a needed capability is not granted, `warn` when one could not be established (the evidence
 * says why), `pass` otherwise; `skip` when an earlier check made it moot (the token refused, the repository behind SSO,
 * a token policy or an IP allow list, refused to a managed user, or not readable).
 */

interface CapabilityInputs {
  capabilities: readonly Capability[];
  user: UserRecord;
  repo: RepoRecord;
  shape: TokenShape;
  links: Links;
}

export function judgeTokenCapabilities(input: CapabilityInputs): Finding {
  const id = 'token.capabilities';
  const { profile, target } = input.links;
  const full = `${target.owner}/${target.name}`;
  const skipped = skipReason(input);
  if (skipped) return finding(id, 'skip', `Skipped: ${skipped}`);
  const pushing = new Set<string>(PROFILES.push.capabilities.map((spec) => spec.name));
  const rows = input.capabilities.filter((c) => c.needed && !pushing.has(c.name));
  const missing = rows.filter((c) => c.granted === false);
  const unknown = rows.filter((c) => c.granted === null);
  const details = [...missing, ...unknown].map((c) => `${c.name}: ${c.granted === false ? 'no' : 'unknown'}, ${c.evidence}.`);
  if (missing.length > 0) {
    return finding(
      id,
      'fail',
      `The token lacks ${names(missing)}, which ${profile.id} needs on ${full}${unknown.length > 0 ? `; ${names(unknown)} could not be established` : ''}.`,
      fixFor(input, missing),
      [...details, guideLine(guideFor(input))],
    );
  }
  if (unknown.length > 0) {
    return finding(id, 'warn', `Could not establish whether the token has ${names(unknown)}, which ${profile.id} needs on ${full}.`, null, details);
  }
  if (rows.length === 0) return finding(id, 'pass', `${profile.id} needs nothing beyond pushing images.`);
  return finding(id, 'pass', `The token has everything ${profile.id} needs on ${full} besides pushing images (${names(rows)}).`);
}

function skipReason(input: CapabilityInputs): string | null {
  if (input.user.meaning.kind === 'bad-credentials') return 'GitHub did not accept the token (token.valid).';
  const repo = input.repo.meaning;
  if (repo.kind === 'sso') return `the repository is hidden behind ${input.links.target.owner}'s SAML single sign-on (org.sso).`;
  if (repo.kind === 'classic-forbidden' || repo.kind === 'lifetime-policy') return `${input.links.target.owner}'s token policy blocks this token (org.policy).`;
  // Refusals of the address or of the account, not of the role: no repository access can help (issue 10).
  if (repo.kind === 'ip-allow-list') return `${input.links.target.owner}'s IP allow list blocks this machine's address (org.policy).`;
  if (repo.kind === 'managed-user') return 'GitHub refuses an Enterprise Managed User outside its enterprise (repo.access).';
  const answer = input.repo.answer;
  if (isUndecided(repo) || (answer.kind === 'response' && answer.status !== 200 && answer.status !== 404 && answer.status !== 403)) {
    return 'the repository could not be read (repo.access).';
  }
  return null;
}

/** The most direct fix: the missing scopes pre-selected, the fine-grained token pre-filled, or the role to ask for. */
function fixFor(input: CapabilityInputs, missing: readonly Capability[]): string | null {
  const { profile, target } = input.links;
  const full = `${target.owner}/${target.name}`;
  const role = roleBelowWrite(input.repo);
  if (role !== null) {
    const who = input.user.login ?? "the token's user";
    return `Ask an admin of ${full} to give ${who} the Write role (now ${role}): ${repoAccessLink(target.webUrl, target.owner, target.name)}`;
  }
  switch (input.shape.kind) {
    case 'classic':
    case 'oauth': {
      const { scopes } = input.user;
      const held = expandScopes(scopes ?? []);
      const lacking = profile.classicScopes.filter((scope) => !held.has(scope));
      if (scopes !== null && lacking.length === 0) {
        return `The scopes are there; ask an admin of ${full} for the Write role: ${repoAccessLink(target.webUrl, target.owner, target.name)}`;
      }
      return `Create a token with exactly the scopes ${profile.id} needs (${profile.classicScopes.join(', ')}): ${classicTokenLink(target, profile)}`;
    }
    case 'fine-grained': {
      const labels = specsFor(profile, null)
        .filter((spec) => missing.some((c) => c.name === spec.name))
        .map((spec) => spec.label.replace(/ \(.*\)$/, ''));
      const prefilled = fineGrainedTokenLink(target, profile);
      const grant = input.repo.kind === 'visible'
        ? `Give the token ${labels.join(', ')} (Read and write) under Repository permissions at ${fineGrainedTokensListLink(target.webUrl)}`
        : `Select ${full} among the token's repositories (resource owner ${target.owner}) at ${fineGrainedTokensListLink(target.webUrl)}`;
      // Image pushes need a classic token whatever its permissions (ledger ghcr §4.1): one classic token can do both.
      return `${grant}${prefilled ? `, or create one pre-filled for ${profile.id}: ${prefilled}` : ''}. Pushing images needs a classic token anyway, and one with ${profile.classicScopes.join(' and ')} does both: ${classicTokenLink(target, profile)}`;
    }
    default:
      return null;
  }
}

/** The guide step behind fixFor: the repository role when that is what is missing, else the deploy token. */
function guideFor(input: CapabilityInputs): GuideAnchor {
  if (roleBelowWrite(input.repo) !== null) return 'repository-access';
  if (hasScopes(input.shape)) {
    const { scopes } = input.user;
    const held = expandScopes(scopes ?? []);
    if (scopes !== null && input.links.profile.classicScopes.every((scope) => held.has(scope))) return 'repository-access';
  }
  return 'deploy-token';
}

function names(rows: readonly Capability[]): string {
  return rows.map((c) => c.name).join(', ');
}

export const tokenCapabilities: Check = {
  id: 'token.capabilities',
  title: 'Token capabilities',
  run: async (evidence) => {
    const [assessment, user, repo] = await Promise.all([evidence.assessment, evidence.user, evidence.repo]);
    return judgeTokenCapabilities({ capabilities: assessment.capabilities, user, repo, shape: evidence.shape, links: linksOf(evidence) });
  },
};

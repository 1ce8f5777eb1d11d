import { classicTokenLink, fineGrainedTokenLink, type LinkTarget, newClassicTokenUrl } from '../capabilities/links.js';
import { type Profile, PROFILES, specsFor } from '../capabilities/profiles.js';
import { guideCommand } from '../checks/guide.js';
import { UsageError } from '../errors.js';
import type { IO } from '../io/io.js';
import { wrap } from '../report/wrap.js';
import { webUrlForApi } from '../secrets/rights.js';
import { parseApiUrl } from '../destination/endpoints.js';
import { parseRepoTarget } from '../destination/parse.js';
import { decideEndpoints, unconfirmedReason } from '../destination/trust.js';
import type { ProfileId } from '../types.js';
import type { LinkFlags } from './flags.js';
import type { Env } from './options.js';

/**
 * `crpat link`: the token-creation links for a profile, and nothing else. It checks nothing, sends no request, reads
 * no token and never prompts: it is what to open before there is a token to check (issue 6, "crpat link").
 */

/** What `crpat link --json` prints: exactly these three keys. */
export interface TokenLinks {
  profile: ProfileId;
  /** The classic-token page with exactly the profile's scopes pre-selected and a note naming the target. */
  classic: string;
  /** The fine-grained page pre-filled with the profile's repository permissions; null when the profile has none. */
  fineGrained: string | null;
}

/** Everything the command reads: `GITHUB_API_URL` and `GH_HOST` only (never `CR_PAT`). */
export interface LinkDeps {
  io: IO;
  env: Env;
}

export function runLink(flags: LinkFlags, deps: LinkDeps): number {
  const plan = linkPlan(flags, deps.env);
  deps.io.stdout.write(flags.json ? `${JSON.stringify(plan.links, null, 2)}\n` : renderLinks(plan, deps.io.isStdoutTTY ? deps.io.columns : 0));
  return 0;
}

export interface LinkPlan {
  links: TokenLinks;
  profile: Profile;
  /** The repository the links are for (`--repo`), or null. */
  target: LinkTarget | null;
}

/**
 * The links for `flags`. The web host is `--repo`'s (GitHub Enterprise Server, GHE.com), else the web root of
 * `--api-url` / `GITHUB_API_URL` (ledger github-api §6), else github.com. Bad input is a one-line `UsageError`.
 */
export function linkPlan(flags: LinkFlags, env: Env): LinkPlan {
  const profile = PROFILES[flags.for ?? 'push'];
  const apiUrl = flags.apiUrl ?? nonEmpty(env['GITHUB_API_URL']);
  const api = apiUrl === undefined ? null : parseApiUrl(apiUrl);
  // Named where it came from: nothing on the command line says a bad value was the environment's.
  const source = flags.apiUrl === undefined ? 'GITHUB_API_URL (from the environment)' : '--api-url';
  if (api && !api.ok) throw new UsageError(`${source}: ${api.reason}`);
  if (flags.repo === undefined) {
    const webUrl = api ? webUrlForApi(api.value.href) : 'https://github.com';
    return { profile, target: null, links: untargetedLinks(webUrl, profile) };
  }
  const parsed = parseRepoTarget(flags.repo);
  if (!parsed.ok) throw new UsageError(`--repo: ${parsed.reason}`);
  const { host, owner, name } = parsed.value;
  // The links follow the trusted host only: never a forge's, a typo's, or a host nobody named (destination/trust.ts).
  const trust = decideEndpoints({ host, apiUrl: apiUrl ?? null, registry: null, enterpriseHost: nonEmpty(env['GH_HOST'])?.trim() || null });
  if (trust.kind === 'refused') throw new UsageError(trust.reason);
  if (trust.kind === 'unconfirmed') throw new UsageError(unconfirmedReason(host, trust.apiUrl));
  const target: LinkTarget = { webUrl: trust.webUrl, owner, name, image: `${owner}/${name}`.toLowerCase() };
  return { profile, target, links: { profile: profile.id, classic: classicTokenLink(target, profile), fineGrained: fineGrainedTokenLink(target, profile) } };
}

/**
 * Without a repository: the same scopes and permissions, a note without a target, and no resource owner on the
 * fine-grained page (GitHub then defaults to the signed-in user, ledger github-api §5). The permissions themselves come
 * from `fineGrainedTokenLink`, so the profile's list is read in one place.
 */
function untargetedLinks(webUrl: string, profile: Profile): TokenLinks {
  const note = `crpat ${profile.id}: CR_PAT`;
  const classic = newClassicTokenUrl(webUrl, profile.classicScopes, note);
  const prefilled = fineGrainedTokenLink({ webUrl, owner: 'owner', name: 'repository', image: 'owner/repository' }, profile);
  if (prefilled === null) return { profile: profile.id, classic, fineGrained: null };
  const url = new URL(prefilled);
  url.searchParams.delete('target_name');
  url.searchParams.set('name', `crpat ${profile.id}`);
  url.searchParams.set('description', `${note}. Choose the resource owner and select the repository.`);
  return { profile: profile.id, classic, fineGrained: url.toString() };
}

/**
 * The human form: each link on a line of its own (never wrapped, so it stays one click), with what it is for. A link
 * too long for its indent starts at the first column: only the terminal wraps it, not an indent in its middle.
 */
export function renderLinks(plan: LinkPlan, width: number): string {
  const { profile, target, links } = plan;
  const on = target ? ` on ${target.owner}/${target.name}` : '';
  const say = (text: string, indent = ''): string => `${indent}${wrap(text, width, indent.length, indent)}`;
  const link = (url: string): string => (width > 0 && 2 + url.length > width ? url : `  ${url}`);
  const scopes = profile.classicScopes.join(', ');
  const blocks: string[] = [];
  const classic = [say(`Classic token for ${profile.id}${on}, with exactly the scope${profile.classicScopes.length === 1 ? '' : 's'} it needs (${scopes}):`), link(links.classic)];
  classic.push(
    say(
      profile.id === 'push'
        ? 'repo is not needed to push images, although GitHub\'s form ticks it when you tick write:packages by hand; this link selects write:packages alone.'
        : `One classic token with ${scopes} covers everything ${profile.id} needs, image pushes included.`,
      '  ',
    ),
  );
  blocks.push(classic.join('\n'));
  if (links.fineGrained !== null) {
    const permissions = specsFor(profile, null)
      .filter((spec) => spec.needed && spec.fineGrained !== null)
      .map((spec) => spec.label.replace(/ \(.*\)$/, ''))
      .join(', ');
    const select = target ? `Select ${target.owner}/${target.name} under "Repository access" on that page.` : 'Choose the resource owner and select the repository on that page.';
    blocks.push(
      [
        say(`Fine-grained token for ${profile.id}'s repository permissions${on} (${permissions}):`),
        link(links.fineGrained),
        say(`${select} It cannot push images: GitHub Packages accepts only classic tokens.`, '  '),
        say(
          'GitHub documents these pre-filled links, but took that documentation down for a while in 2026 as broken: check every field before you generate the token.',
          '  ',
        ),
      ].join('\n'),
    );
  }
  blocks.push(say(`Step by step: ${guideCommand(profile.id === 'push' ? 'create-token' : 'deploy-token')}`));
  return `${blocks.join('\n\n')}\n`;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}

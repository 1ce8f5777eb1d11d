import { defaultEndpoints, parseApiUrl } from './endpoints.js';

/**
 * Host trust: whether the host of a repository (from `--repo`, the git remote, a repos file, the Action's input)
 * may decide where the token goes. Nothing in a repository URL proves that its host is a GitHub server: GitLab,
 * Bitbucket, Codeberg, Gitea, Azure DevOps and look-alike names use the same URL shapes. So endpoints are derived
 * from a host only for GitHub's own (github.com, whose SSH-over-HTTPS host ssh.github.com is github.com:
 * https://docs.github.com/en/authentication/troubleshooting-ssh/using-ssh-over-the-https-port; and SUBDOMAIN.ghe.com,
 * with its API at api.SUBDOMAIN.ghe.com and registry at containers.SUBDOMAIN.ghe.com: github/docs
 * content/admin/data-residency/feature-overview-for-github-enterprise-cloud-with-data-residency.md, "URL
 * differences"). Known forges that are not GitHub, typos and GitHub's non-repository hosts are refused offline.
 * Any other host is a GitHub Enterprise Server only when the user says so: an API URL on that host, `GH_HOST`
 * naming it (as gh users set it: https://cli.github.com/manual/gh_help_environment), or a confirmation on a terminal.
 * Pure; decides without any lookup.
 */

/** What a repository host is, judged offline from its name. */
export type HostKind =
  | { kind: 'github' }
  | { kind: 'ghe-com'; subdomain: string }
  | { kind: 'refused'; reason: string }
  | { kind: 'unknown' };

/** Public forges that are not GitHub: the host itself or any subdomain of it. */
const FORGES: readonly (readonly [string, string])[] = [
  ['gitlab.com', 'GitLab'],
  ['bitbucket.org', 'Bitbucket'],
  ['bitbucket.com', 'Bitbucket'],
  ['codeberg.org', 'Codeberg'],
  ['gitea.com', 'Gitea'],
  ['gitea.io', 'Gitea'],
  ['dev.azure.com', 'Azure DevOps'],
  ['visualstudio.com', 'Azure DevOps'],
  ['sr.ht', 'SourceHut'],
  ['gitee.com', 'Gitee'],
  ['sourceforge.net', 'SourceForge'],
  ['launchpad.net', 'Launchpad'],
  ['framagit.org', 'GitLab (Framagit)'],
  ['salsa.debian.org', 'GitLab (Debian Salsa)'],
  ['invent.kde.org', 'GitLab (KDE Invent)'],
  ['gitlab.gnome.org', 'GitLab (GNOME)'],
  ['gitlab.freedesktop.org', 'GitLab (freedesktop.org)'],
  ['notabug.org', 'NotABug'],
  ['pagure.io', 'Pagure'],
  ['huggingface.co', 'Hugging Face'],
  ['source.developers.google.com', 'Google Cloud Source Repositories'],
];

/** GitHub-owned hosts that are not where repositories are named. */
const GITHUB_SERVICES = ['github.com', 'githubusercontent.com', 'github.io', 'githubassets.com'];

/** github.com and its SSH-over-HTTPS host. */
const GITHUB = new Set(['github.com', 'ssh.github.com']);
const GHE_COM = /^([a-z0-9](?:[a-z0-9-]*[a-z0-9])?)\.ghe\.com$/;

/** `host[:port]` → its kind. `host` is lower case, as `parseRepoTarget` returns it. */
export function classifyHost(host: string): HostKind {
  const { name, port } = splitPort(host.toLowerCase());
  const forge = FORGES.find(([domain]) => name === domain || name.endsWith(`.${domain}`));
  if (forge) return refused(`${host} is ${forge[1]}, not GitHub: crpat checks GitHub tokens, so it sent nothing there`);
  if (GITHUB.has(name)) {
    return port === null ? { kind: 'github' } : refused(`GitHub serves repositories at https://github.com, not on port ${port}; pass owner/name`);
  }
  const sub = GHE_COM.exec(name);
  if (sub) {
    return port === null ? { kind: 'ghe-com', subdomain: sub[1]! } : refused(`${host}: GHE.com serves repositories without a port; pass https://${name}/owner/name`);
  }
  if (name === 'ghe.com' || name.endsWith('.ghe.com')) {
    return refused(`${host} is not where a GHE.com enterprise names its repositories; pass https://SUBDOMAIN.ghe.com/owner/name`);
  }
  const service = GITHUB_SERVICES.find((domain) => name === domain || name.endsWith(`.${domain}`));
  if (service) return refused(`${host} is a GitHub service, not a repository host; pass owner/name or https://github.com/owner/name`);
  if (port === null && isTypoOf(name, 'github.com')) {
    return refused(`${host} is not github.com (a typo?), and crpat sent nothing there; pass owner/name or https://github.com/owner/name`);
  }
  return { kind: 'unknown' };
}

/** What the user said about endpoints: explicit values win over anything derived. */
export interface TrustInput {
  /** The repository's host, `host[:port]`, lower case. */
  host: string;
  /** `--api-url` / `GITHUB_API_URL` / the Action's runner or input; null when not given. */
  apiUrl: string | null;
  /** `--registry` / `CRPAT_REGISTRY` / the Action's input; null when not given. */
  registry: string | null;
  /** `GH_HOST`: a host the user named as their GitHub Enterprise Server; null when unset. */
  enterpriseHost: string | null;
}

/** Where the token goes and which web host the links name. `apiUrl` and `registry` are still to be validated. */
export interface Endpoints {
  apiUrl: string;
  registry: string;
  /** `https://github.com`, `https://SUB.ghe.com` or the Enterprise Server's web root: the links' host. */
  webUrl: string;
}

export type TrustDecision =
  | ({ kind: 'trusted' } & Endpoints)
  /** Offline refusal: a forge, a typo, a mismatch. Exit 2, nothing sent. */
  | { kind: 'refused'; reason: string }
  /** A host nobody named: a GitHub Enterprise Server only if the user confirms these endpoints. */
  | ({ kind: 'unconfirmed'; host: string } & Endpoints);

/**
 * Decides where the token may go for a repository on `input.host`. `flag` names the option that makes a host an
 * Enterprise Server in the messages (`--api-url` for the CLI, `apiUrl` for the library, `api-url` for the Action).
 */
export function decideEndpoints(input: TrustInput, flag = '--api-url'): TrustDecision {
  const kind = classifyHost(input.host);
  const explicit = (derived: { apiUrl: string; registry: string }) => ({
    apiUrl: input.apiUrl ?? derived.apiUrl,
    registry: input.registry ?? derived.registry,
  });
  switch (kind.kind) {
    case 'refused':
      return { kind: 'refused', reason: kind.reason };
    case 'github':
      return { kind: 'trusted', ...explicit(defaultEndpoints('github.com')), webUrl: 'https://github.com' };
    case 'ghe-com':
      return { kind: 'trusted', ...explicit(defaultEndpoints(`${kind.subdomain}.ghe.com`)), webUrl: `https://${kind.subdomain}.ghe.com` };
    case 'unknown':
      return enterpriseServer(input, flag);
  }
}

/** An unknown host: trusted when the API URL or GH_HOST names it, refused when the API URL names another host. */
function enterpriseServer(input: TrustInput, flag: string): TrustDecision {
  const { host } = input;
  const name = splitPort(host).name;
  const derived = defaultEndpoints(host);
  const endpoints = { apiUrl: input.apiUrl ?? derived.apiUrl, registry: input.registry ?? derived.registry, webUrl: `https://${host}` };
  if (input.apiUrl !== null) {
    const api = parseApiUrl(input.apiUrl);
    // A malformed API URL is reported where it is validated, with its own message.
    if (!api.ok || api.value.hostname.toLowerCase() === name) return { kind: 'trusted', ...endpoints };
    return {
      kind: 'refused',
      reason: `the repository is on ${host}, but ${flag} names ${api.value.host}: crpat takes ${host} for a GitHub Enterprise Server only when ${flag} is on that host, so it sent nothing`,
    };
  }
  if (input.enterpriseHost !== null && sameHost(input.enterpriseHost, host)) return { kind: 'trusted', ...endpoints };
  return { kind: 'unconfirmed', host, ...endpoints };
}

/** The one line for a host nobody named, when there is no terminal to ask on. */
export function unconfirmedReason(host: string, apiUrl: string, flag = '--api-url'): string {
  return `${host} is not github.com or a GHE.com host, and crpat sent nothing there. If it is your GitHub Enterprise Server, pass ${flag} ${apiUrl}${flag === '--api-url' ? ` (or set GH_HOST=${host})` : ''}`;
}

/** `GH_HOST` as gh reads it: a host name, perhaps with a port; a scheme or a trailing slash is forgiven. */
function sameHost(enterpriseHost: string, host: string): boolean {
  const given = enterpriseHost.trim().toLowerCase().replace(/^https?:\/\//, '').replace(/\/+$/, '');
  return given !== '' && given === host.toLowerCase();
}

function splitPort(host: string): { name: string; port: string | null } {
  const match = /^(\[[^\]]*\]|[^:]*)(?::(\d+))?$/.exec(host);
  return { name: match?.[1] ?? host, port: match?.[2] ?? null };
}

function refused(reason: string): HostKind {
  return { kind: 'refused', reason };
}

/** Within two edits (insert, delete, substitute, swap of neighbours) of `target`, and not it. */
function isTypoOf(name: string, target: string): boolean {
  if (name === target || Math.abs(name.length - target.length) > 2) return false;
  return editDistance(name, target) <= 2;
}

/** Optimal string alignment distance (Damerau–Levenshtein without repeated edits of one substring). */
function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i += 1) {
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

import { err, ok, type Result } from '../result.js';
import type { RepoTarget } from '../types.js';
import { unsafeTextReason } from './unsafe-text.js';

/**
 * Every accepted `--repo` / `git remote` form → `{host, owner, name}`. Pure; never throws.
 * Forms: `owner/name`, `[https|http]://host/owner/name[.git][/extra/path]`, `host/owner/name…`,
 * `user@host:owner/name[.git]`, `ssh://user@host[:port]/owner/name[.git]`, `git://host/owner/name[.git]`.
 * Hosts are lower-cased; GitHub Enterprise hosts (GHES, `*.ghe.com`) are kept as given.
 */

/** GitHub login: alphanumerics and single hyphens, 1–39, no leading/trailing hyphen. */
// Letters, digits, single inner hyphens, at most 39; a managed user's login adds `_SHORTCODE` within the 39 (github/docs
// "Username considerations for external authentication"; docs/github-behaviour.md#enterprise-managed-users).
const OWNER = /^(?=.{1,39}$)[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9]))*(?:_[A-Za-z0-9]+)?$/;
const NAME = /^[A-Za-z0-9._-]{1,100}$/;
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const IPV6 = /^\[[0-9a-f:.]*:[0-9a-f:.]*\]$/;
const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//;
const SCP = /^([^@/]+)@([^/:]+):(.*)$/;

type Form = 'web' | 'ssh' | 'git';
const FORMS = new Map<string, { form: Form; defaultPort: number }>([
  ['https', { form: 'web', defaultPort: 443 }],
  ['http', { form: 'web', defaultPort: 80 }],
  ['ssh', { form: 'ssh', defaultPort: 22 }],
  ['git+ssh', { form: 'ssh', defaultPort: 22 }],
  ['ssh+git', { form: 'ssh', defaultPort: 22 }],
  ['git', { form: 'git', defaultPort: 9418 }],
]);

/** First path segments GitHub reserves for non-repository pages (github.com/orgs/…, /settings, …). */
const RESERVED = new Set([
  'api', 'apps', 'enterprises', 'explore', 'login', 'marketplace', 'notifications',
  'organizations', 'orgs', 'settings', 'sponsors', 'topics', 'users',
]);

/** Hosts people paste that are GitHub, but not where repositories live. */
const NOT_REPO_HOSTS = new Map([
  ['api.github.com', 'The API host api.github.com is not a repository page; pass owner/name or https://github.com/owner/name.'],
  ['ghcr.io', 'The container registry ghcr.io is not a repository page; pass owner/name, not the image.'],
]);

const R = {
  hint: 'pass owner/name or a GitHub URL',
  notRepository: 'A repository is owner/name (e.g. octocat/hello-world) or its URL.',
  credentials: 'Credentials must not be in the repository URL; remove the user:password@ part.',
  query: 'Remove the query string or fragment (the part from ? or #) from the repository URL.',
  percent: 'The repository contains percent-encoding (%); pass the plain owner/name.',
  missingOwner: 'The repository needs an owner before the name, e.g. octocat/hello-world.',
  missingName: 'The repository needs a name after the owner, e.g. octocat/hello-world.',
  tooMany: 'Too many parts for owner/name; pass owner/name, or a full URL starting with its host.',
  extraPath: 'A git remote URL ends after owner/name; remove the extra path.',
  owner: "The owner is not a valid GitHub login: letters, digits and single hyphens, at most 39, not at either end (a managed user's ends in _SHORTCODE).",
  name: 'The repository name may use only letters, digits, ".", "-" and "_", at most 100 characters.',
  dotName: 'The repository name cannot be "." or "..".',
  reserved: 'That is a GitHub page, not a repository; pass owner/name.',
  host: 'The host is not a valid host name.',
  port: 'The port must be a number from 1 to 65535.',
} as const;

interface Located {
  target: RepoTarget;
  credentials: boolean;
  /** The input with any credentials removed. */
  display: string;
}

/** Parse a `--repo` value. Credentials in a URL are refused. */
export function parseRepoTarget(input: string): Result<RepoTarget> {
  const located = locate(input);
  if (!located.ok) return located;
  return located.value.credentials ? err(R.credentials) : ok(located.value.target);
}

/** Parse `git remote get-url origin` output. Credentials are stripped from `display`, not refused. */
export function parseGitRemote(url: string): Result<{ target: RepoTarget; display: string }> {
  const located = locate(url);
  if (!located.ok) return located;
  return ok({ target: located.value.target, display: located.value.display });
}

/** Surrounding blanks and line ends are dropped (pasted values, `git remote get-url` output). */
export function trimOuter(text: string): string {
  return text.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, '');
}

function locate(input: string): Result<Located> {
  const text = trimOuter(input);
  // Words without a slash (`not a url`) are not a repository with stray spaces: say what a repository looks like.
  if (/\s/.test(text) && !text.includes('/')) return err(R.notRepository);
  const unsafe = unsafeTextReason(text, 'repository', R.hint);
  if (unsafe !== null) return err(unsafe);
  if (/[?#]/.test(text)) return err(R.query);
  if (text.includes('%')) return err(R.percent);
  const scheme = SCHEME.exec(text);
  if (scheme) return fromUrl(scheme[1]!.toLowerCase(), text.slice(scheme[0].length), scheme[0]);
  const scp = SCP.exec(text);
  if (scp) return fromScp(scp[1]!, scp[2]!, scp[3]!);
  return fromBare(text);
}

function fromUrl(scheme: string, rest: string, prefix: string): Result<Located> {
  const kind = FORMS.get(scheme);
  if (!kind) return err(`Unsupported URL scheme${scheme.length <= 12 ? ` "${scheme}"` : ''}; use https://, ssh://, git:// or owner/name.`);
  const slash = rest.indexOf('/');
  const authority = slash < 0 ? rest : rest.slice(0, slash);
  const path = slash < 0 ? '' : rest.slice(slash);
  const at = authority.lastIndexOf('@');
  const userinfo = at < 0 ? '' : authority.slice(0, at);
  const hostport = authority.slice(at + 1);
  const keptUser = kind.form === 'ssh' ? userinfo.split(':')[0]! : '';
  const credentials = kind.form === 'ssh' ? userinfo.includes(':') : userinfo !== '';
  const host = parseHost(hostport, kind.form === 'web' ? kind.defaultPort : null);
  if (!host.ok) return host;
  const target = ownerAndName(host.value, path.slice(1), kind.form === 'web');
  if (!target.ok) return target;
  const display = `${prefix}${keptUser === '' ? '' : `${keptUser}@`}${hostport}${path}`;
  return ok({ target: target.value, credentials, display });
}

function fromScp(user: string, hostText: string, path: string): Result<Located> {
  const host = parseHost(hostText, null);
  if (!host.ok) return host;
  const target = ownerAndName(host.value, path.replace(/^\//, ''), false);
  if (!target.ok) return target;
  const keptUser = user.split(':')[0]!;
  return ok({ target: target.value, credentials: user.includes(':'), display: `${keptUser}@${hostText}:${path}` });
}

function fromBare(text: string): Result<Located> {
  const first = text.split('/', 1)[0]!;
  if (/[.:@[]/.test(first) || first.toLowerCase() === 'localhost') return fromUrl('https', text, '');
  const parts = text.split('/');
  if (parts.length === 3 && parts[2] === '') parts.pop();
  if (parts.length > 2) return err(R.tooMany);
  const target = ownerAndName('github.com', text, false);
  return target.ok ? ok({ target: target.value, credentials: false, display: text }) : target;
}

/** `host[:port]` → lower-cased host; the port is kept (unless default) only when `defaultPort` is given. */
function parseHost(hostport: string, defaultPort: number | null): Result<string> {
  const match = /^(\[[^\]]*\]|[^:]*)(?::(\d*))?$/.exec(hostport);
  if (!match) return err(R.host);
  const host = match[1]!.toLowerCase();
  const portText = match[2] ?? '';
  const port = Number(portText);
  if (portText !== '' && (portText.length > 5 || port < 1 || port > 65535)) return err(R.port);
  if (!isHostName(host)) return err(R.host);
  // ssh.github.com is GitHub's SSH-over-HTTPS host: the same github.com (destination/trust.ts).
  const folded = host === 'www.github.com' || host === 'ssh.github.com' ? 'github.com' : host;
  const notRepo = NOT_REPO_HOSTS.get(folded);
  if (notRepo) return err(notRepo);
  const keepPort = defaultPort !== null && portText !== '' && port !== defaultPort;
  return ok(keepPort ? `${folded}:${port}` : folded);
}

function isHostName(host: string): boolean {
  if (host.startsWith('[')) return IPV6.test(host);
  return host.length <= 253 && host.split('.').every((label) => LABEL.test(label));
}

/** `path` is `owner/name[.git][/…]` without a leading slash. */
function ownerAndName(host: string, path: string, allowExtra: boolean): Result<Located['target']> {
  const parts = path.split('/');
  if (parts.length > 1 && parts[parts.length - 1] === '') parts.pop();
  const [owner = '', rawName = '', ...extra] = parts;
  if (owner === '') return err(R.missingOwner);
  if (RESERVED.has(owner.toLowerCase())) return err(R.reserved);
  if (rawName === '') return err(R.missingName);
  if (extra.length > 0 && !allowExtra) return err(R.extraPath);
  if (!OWNER.test(owner)) return err(R.owner);
  const name = rawName.endsWith('.git') ? rawName.slice(0, -4) : rawName;
  if (name === '') return err(R.missingName);
  if (name === '.' || name === '..') return err(R.dotName);
  if (!NAME.test(name)) return err(R.name);
  return ok({ host, owner, name });
}

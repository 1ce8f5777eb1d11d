import { utcDate } from '../http/retry-after.js';
import { err, ok, type Result } from '../result.js';
import { tryUrl } from '../destination/endpoints.js';

// Retry-After is HTTP's, not GitHub's: its parser lives with the retry logic that obeys it.
export { parseRetryAfter } from '../http/retry-after.js';

/**
 * Parsers for the GitHub REST response headers crpat reads (ledger github-api §2.3, §8).
 * Pure; never throw; `null` means "header absent" unless stated otherwise.
 */

/** `X-OAuth-Scopes`: null when absent; `''` → `[]`; comma-separated, trimmed, empties dropped. */
export function parseScopes(header: string | null | undefined): string[] | null {
  if (header === null || header === undefined) return null;
  return header
    .split(',')
    .map((scope) => scope.trim())
    .filter((scope) => scope !== '');
}

/**
 * What each classic scope contains. GitHub stores tokens with implied scopes dropped ("normalized"), so
 * `repo` arrives without `public_repo`. Sources: github/docs
 * content/apps/oauth-apps/building-oauth-apps/scopes-for-oauth-apps.md ("Available scopes" nesting and
 * "Normalized scopes"); the token page's nesting for scopes that page omits (write:packages ⊃ read:packages,
 * codespace ⊃ codespace:secrets, admin:ssh_signing_key, write:discussion, audit_log, copilot, manage_runners:org),
 * as also encoded by cli/cli api/client.go (generateScopesSuggestion) and trufflesecurity/trufflehog
 * pkg/analyzer/analyzers/github/classic/classic_permissions.go.
 */
const IMPLIES: ReadonlyMap<string, readonly string[]> = new Map([
  ['repo', ['repo:status', 'repo_deployment', 'public_repo', 'repo:invite', 'security_events']],
  ['write:packages', ['read:packages']],
  ['admin:org', ['write:org', 'manage_runners:org']],
  ['write:org', ['read:org']],
  ['admin:public_key', ['write:public_key']],
  ['write:public_key', ['read:public_key']],
  ['admin:repo_hook', ['write:repo_hook']],
  ['write:repo_hook', ['read:repo_hook']],
  ['admin:gpg_key', ['write:gpg_key']],
  ['write:gpg_key', ['read:gpg_key']],
  ['admin:ssh_signing_key', ['write:ssh_signing_key']],
  ['write:ssh_signing_key', ['read:ssh_signing_key']],
  ['user', ['read:user', 'user:email', 'user:follow']],
  ['project', ['read:project']],
  ['codespace', ['codespace:secrets']],
  ['admin:enterprise', ['manage_runners:enterprise', 'manage_billing:enterprise', 'read:enterprise']],
  ['write:discussion', ['read:discussion']],
  ['audit_log', ['read:audit_log']],
  ['copilot', ['manage_billing:copilot']],
]);

/** The scopes a token really has: those granted plus everything they contain, transitively. */
export function expandScopes(scopes: readonly string[]): Set<string> {
  const all = new Set<string>();
  const pending = [...scopes];
  for (let scope = pending.pop(); scope !== undefined; scope = pending.pop()) {
    if (all.has(scope)) continue;
    all.add(scope);
    pending.push(...(IMPLIES.get(scope) ?? []));
  }
  return all;
}

/** `2026-01-01 00:00:00 UTC` or `2023-04-26 23:23:18 +0200`, 24-hour clock (§2.3). */
const EXPIRATION = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2}) (UTC|[+-]\d{4})$/;

/** `GitHub-Authentication-Token-Expiration`: null when absent (the token does not expire). */
export function parseTokenExpiration(header: string | null | undefined): Result<Date> | null {
  if (header === null || header === undefined) return null;
  const match = EXPIRATION.exec(header.trim());
  const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0] = match?.slice(1, 7).map(Number) ?? [];
  const utc = match ? utcDate(year, month, day, hour, minute, second) : null;
  const offset = offsetMinutes(match?.[7] ?? '');
  if (utc === null || offset === null) {
    return err('The token-expiration header is not in a known format (YYYY-MM-DD HH:MM:SS UTC or ±HHMM).');
  }
  return ok(new Date(utc.getTime() - offset * 60_000));
}

/** `UTC` → 0, `+0200` → 120, `-0530` → -330; anything else → null. */
function offsetMinutes(zone: string): number | null {
  if (zone === 'UTC') return 0;
  const match = /^([+-])(\d{2})(\d{2})$/.exec(zone);
  if (!match) return null;
  const hours = Number(match[2]);
  const minutes = Number(match[3]);
  if (hours > 23 || minutes > 59) return null;
  return (match[1] === '-' ? -1 : 1) * (hours * 60 + minutes);
}

export type SsoHeader = { kind: 'required'; url: string } | { kind: 'partial-results'; organizationIds: number[] };

/**
 * `X-GitHub-SSO` (§2.3, §4.4): `required; url=https://github.com/orgs/ORG/sso?authorization_request=…` or
 * `partial-results; organizations=21955855,20582480`. A `required` URL that is not https on a DNS host name with an
 * `/orgs/ORG/sso` (or `/enterprises/ENT/sso`) path is ignored (null): the user is told to open it.
 */
export function parseSsoHeader(header: string | null | undefined): SsoHeader | null {
  if (header === null || header === undefined) return null;
  const [head = '', ...rest] = header.split(';').map((part) => part.trim());
  const params = new Map(rest.map(splitParam));
  switch (head.toLowerCase()) {
    case 'required': {
      const url = ssoUrl(params.get('url') ?? '');
      return url === null ? null : { kind: 'required', url };
    }
    case 'partial-results':
      return { kind: 'partial-results', organizationIds: organizationIds(params.get('organizations') ?? '') };
    default:
      return null;
  }
}

function splitParam(param: string): [string, string] {
  const eq = param.indexOf('=');
  if (eq < 0) return [param.toLowerCase(), ''];
  return [param.slice(0, eq).trim().toLowerCase(), param.slice(eq + 1).trim()];
}

const DNS_NAME = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
const SSO_PATH = /^\/(?:orgs|enterprises)\/[A-Za-z0-9-]{1,39}\/sso\/?$/;

function ssoUrl(text: string): string | null {
  const url = tryUrl(text);
  if (url === null || url.protocol !== 'https:' || url.username !== '' || url.password !== '') return null;
  if (url.port !== '' || !DNS_NAME.test(url.hostname) || !SSO_PATH.test(url.pathname)) return null;
  return url.href;
}

function organizationIds(text: string): number[] {
  return text
    .split(',')
    .map((id) => id.trim())
    .filter((id) => /^\d{1,15}$/.test(id))
    .map(Number);
}

export interface RateLimit {
  limit: number;
  remaining: number;
  used: number | null;
  reset: Date;
  resource: string | null;
}

/**
 * The five `x-ratelimit-*` headers (§8). Null unless limit, remaining and reset are all present and integers
 * (GHES may disable rate limits and send none). Never read `remaining: 0` on a 401 as a rate limit (§2.4).
 */
export function parseRateLimit(headers: Headers): RateLimit | null {
  const limit = integer(headers.get('x-ratelimit-limit'), 15);
  const remaining = integer(headers.get('x-ratelimit-remaining'), 15);
  const reset = integer(headers.get('x-ratelimit-reset'), 12);
  if (limit === null || remaining === null || reset === null) return null;
  const resource = headers.get('x-ratelimit-resource')?.trim() ?? '';
  return {
    limit,
    remaining,
    used: integer(headers.get('x-ratelimit-used'), 15),
    reset: new Date(reset * 1000),
    resource: /^[A-Za-z0-9_-]{1,64}$/.test(resource) ? resource : null,
  };
}

/** A non-negative decimal integer of at most `digits` digits, or null. */
function integer(value: string | null, digits: number): number | null {
  const text = value?.trim() ?? '';
  return new RegExp(`^\\d{1,${digits}}$`).test(text) ? Number(text) : null;
}

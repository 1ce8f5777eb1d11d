import { parseTokenExpiration } from '../github/headers.js';
import type { TraceDocument, TraceExchange } from './format.js';

/**
 * The pure half of `crpat simulator --replay`: which recorded origins get a loopback server, which recorded answer a
 * request gets, and how recorded addresses and times are carried over to the replay.
 */

export interface ReplayOrigins {
  /** The recorded API origin and the path of the API root on it (`/api/v3` on GitHub Enterprise Server, else ''). */
  api: string;
  apiPath: string;
  registry: string;
  /** Every recorded origin, API and registry first; each gets its own loopback server. */
  all: string[];
}

export function replayOrigins(trace: TraceDocument): ReplayOrigins {
  const api = new URL(trace.options.apiUrl);
  const registry = new URL(trace.options.registry).origin;
  const all = [api.origin, registry, ...trace.exchanges.map((e) => new URL(e.url).origin)];
  return { api: api.origin, apiPath: api.pathname.replace(/\/+$/, ''), registry, all: [...new Set(all)] };
}

/**
 * The first answer not yet served for `method` and `target` (path and query) on `origin`: the same path and query if
 * one is left, else the same path (a query that differs only in order or in a value such as a scope). Null: nothing
 * recorded for it, which the replay answers with a plain 404. `served` marks the answers already given.
 */
export function nextAnswer(exchanges: readonly TraceExchange[], served: Set<number>, origin: string, method: string, target: string): number | null {
  const path = target.split('?', 1)[0] ?? target;
  let samePath: number | null = null;
  for (const [index, exchange] of exchanges.entries()) {
    if (served.has(index) || exchange.method !== method) continue;
    const url = new URL(exchange.url);
    if (url.origin !== origin || url.pathname !== path) continue;
    if (url.pathname + url.search === target) return index;
    samePath ??= index;
  }
  return samePath;
}

/** `text` with each recorded origin replaced by its replay origin (longest first, so no origin eats another). */
export function rewriteOrigins(text: string, map: ReadonlyMap<string, string>): string {
  let out = text;
  for (const [from, to] of [...map].sort((a, b) => b[0].length - a[0].length)) out = out.split(from).join(to);
  return out;
}

/** A JSON value with every string passed through `rewrite`. */
export function rewriteJson(value: unknown, rewrite: (text: string) => string): unknown {
  if (typeof value === 'string') return rewrite(value);
  if (Array.isArray(value)) return value.map((item) => rewriteJson(item, rewrite));
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rewriteJson(v, rewrite)]));
  return value;
}

/**
 * Headers that hold a moment, moved by `shiftMs` (the time since the recording) so a replay judges them as the run
 * did: the token's expiry (`2026-12-24 10:00:00 UTC`, GitHub's format) and the rate-limit reset (epoch
 * seconds). A value that does not parse is left as it is.
 */
export function shiftTimes(name: string, value: string, shiftMs: number): string {
  if (name === 'x-ratelimit-reset' && /^\d+$/.test(value)) return String(Number(value) + Math.round(shiftMs / 1000));
  if (name !== 'github-authentication-token-expiration') return value;
  const parsed = parseTokenExpiration(value);
  if (!parsed?.ok) return value;
  const moved = new Date(parsed.value.getTime() + shiftMs).toISOString();
  return `${moved.slice(0, 10)} ${moved.slice(11, 19)} UTC`;
}

/**
 * The `Authorization` a replayed request must carry: the recorded one with the token's placeholder replaced by the
 * replay's synthetic token (inside a Basic credential too). Null when the recorded request carried none.
 */
export function expectedAuthorization(recorded: string | undefined, placeholder: string, synthetic: string): string | null {
  if (recorded === undefined) return null;
  const basic = /^Basic\s+(\S+)$/i.exec(recorded);
  if (basic) {
    const decoded = Buffer.from(basic[1]!, 'base64').toString('utf8');
    return decoded.includes(placeholder) ? `Basic ${Buffer.from(decoded.split(placeholder).join(synthetic)).toString('base64')}` : recorded;
  }
  return recorded.split(placeholder).join(synthetic);
}

/** The token placeholder the trace says it used (its `redacted` header). */
export function tokenPlaceholder(trace: TraceDocument): string | null {
  return trace.redacted?.find((r) => r.kind === 'token')?.placeholder ?? null;
}

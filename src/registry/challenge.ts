import { err, ok, type Result } from '../result.js';

/**
 * `WWW-Authenticate` from a registry, e.g.
 * `Bearer realm="https://ghcr.io/token",service="ghcr.io",scope="repository:user/image:pull"` (ledger ghcr
 * §1.1) or distribution's `…,error="insufficient_scope"` (§7.4). RFC 9110 §11.2 (was RFC 7235) auth-params:
 * quoted strings with `\` escapes and commas or spaces inside, parameter names case-insensitive.
 * Only the first challenge is returned. Pure; never throws.
 */

export interface Challenge {
  /** Lower-cased, e.g. `bearer`. */
  scheme: string;
  /** Parameter names lower-cased; the first occurrence of a name wins. */
  params: Record<string, string>;
}

const MAX_HEADER = 8192;
const TOKEN = /[!#$%&'*+\-.^_`|~0-9A-Za-z]+/y;
const TOKEN68 = /[ \t]+[A-Za-z0-9\-._~+/]+=*[ \t]*(?:,|$)/y;
const MALFORMED = 'The registry sent a malformed WWW-Authenticate challenge.';

export function parseWwwAuthenticate(header: string | null): Result<Challenge> {
  if (header === null) return err('The registry sent no WWW-Authenticate challenge.');
  if (header.length > MAX_HEADER) return err('The registry sent an oversized WWW-Authenticate challenge.');
  let at = skip(header, 0, ' \t');
  const scheme = token(header, at);
  if (scheme === '') return err(MALFORMED);
  at += scheme.length;
  if (at < header.length && !' \t'.includes(header[at]!)) return err(MALFORMED);
  const params = new Map<string, string>();
  TOKEN68.lastIndex = at;
  if (!TOKEN68.test(header)) {
    const parsed = parseParams(header, at, params);
    if (!parsed.ok) return parsed;
  }
  return ok({ scheme: scheme.toLowerCase(), params: Object.fromEntries(params) });
}

/** Reads `name=value` pairs separated by commas until the end or the start of another challenge. */
function parseParams(text: string, start: number, params: Map<string, string>): Result<null> {
  let at = start;
  for (;;) {
    at = skip(text, at, ' \t,');
    const name = token(text, at);
    if (name === '') return at >= text.length ? ok(null) : err(MALFORMED);
    const eq = skip(text, at + name.length, ' \t');
    if (text[eq] !== '=') return ok(null); // `…, Basic realm="x"`: a second challenge begins
    const value = readValue(text, skip(text, eq + 1, ' \t'));
    if (value === null) return err(MALFORMED);
    if (!params.has(name.toLowerCase())) params.set(name.toLowerCase(), value.text);
    at = skip(text, value.end, ' \t');
    if (at < text.length && text[at] !== ',') return err(MALFORMED);
  }
}

/** A quoted-string (unescaped) or a bare value up to a comma or blank; null for an unterminated quote. */
function readValue(text: string, start: number): { text: string; end: number } | null {
  if (text[start] !== '"') {
    let end = start;
    while (end < text.length && !', \t'.includes(text[end]!)) end += 1;
    return { text: text.slice(start, end), end };
  }
  let value = '';
  for (let at = start + 1; at < text.length; at += 1) {
    const char = text[at]!;
    if (char === '"') return { text: value, end: at + 1 };
    if (char === '\\') at += 1;
    if (at >= text.length) return null;
    value += text[at];
  }
  return null;
}

function token(text: string, at: number): string {
  TOKEN.lastIndex = at;
  return TOKEN.exec(text)?.[0] ?? '';
}

function skip(text: string, at: number, chars: string): number {
  let end = at;
  while (end < text.length && chars.includes(text[end]!)) end += 1;
  return end;
}

import type { TokenKind } from '../types.js';
import { hasValidChecksum } from './checksum.js';

/**
 * Offline recognition of a token: its kind from the prefix, its shape, and the 2021 checksum where it applies.
 * Rules from ledger github-api §1. Pure; never throws; messages never contain the token.
 */

export type TokenProblemCode =
  | 'empty'
  | 'whitespace'
  | 'control'
  | 'not-github'
  | 'length'
  | 'alphabet'
  | 'checksum'
  | 'two-tokens';

export interface TokenShape {
  kind: TokenKind;
  /** e.g. "classic personal access token", "legacy 40-character token". */
  label: string;
  /** `valid`/`invalid` only when the token has the 30+6 checksum layout (ghp_/gho_/ghu_/old ghs_). */
  checksum: 'valid' | 'invalid' | 'not-applicable';
  problem: null | { code: TokenProblemCode; message: string };
  /** The app id a 2026-format installation token (`ghs_<appid>_…`) carries; absent otherwise. */
  appId?: number;
}

/** The Actions `GITHUB_TOKEN`'s app id (docs/github-behaviour.md#app-installation-tokens). */
export const ACTIONS_APP_ID = 15368;

type Problem = NonNullable<TokenShape['problem']>;

interface Prefix {
  text: string;
  kind: TokenKind;
  label: string;
}

/** §1.1: the six prefixes. `github_pat_` first so nothing shorter shadows it. */
const PREFIXES: readonly Prefix[] = [
  { text: 'github_pat_', kind: 'fine-grained', label: 'fine-grained personal access token' },
  { text: 'ghp_', kind: 'classic', label: 'classic personal access token' },
  { text: 'gho_', kind: 'oauth', label: 'OAuth app token' },
  { text: 'ghu_', kind: 'user-to-server', label: 'GitHub App user-to-server token' },
  { text: 'ghs_', kind: 'server-to-server', label: 'GitHub App installation token' },
  { text: 'ghr_', kind: 'refresh', label: 'GitHub App refresh token' },
];

/** The known prefixes, `github_pat_` first (for masking). */
export const TOKEN_PREFIXES: readonly string[] = PREFIXES.map((p) => p.text);

/** §1.1: tokens from before April 2021 are 40 lowercase hex characters. */
const LEGACY = /^[0-9a-f]{40}$/;
const LEGACY_PREFIX: Prefix = { text: '', kind: 'classic', label: 'legacy 40-character token' };
const UNKNOWN: Prefix = { text: '', kind: 'unknown', label: 'unrecognized token' };
const CHECKSUMMED: ReadonlySet<TokenKind> = new Set(['classic', 'oauth', 'user-to-server', 'server-to-server']);

const problem = (code: Problem['code'], message: string): Problem => Object.freeze({ code, message });

const P = {
  empty: problem('empty', 'The token is empty; paste the whole token.'),
  control: problem('control', 'The token contains a control character (a line break or tab?); paste it again on one line.'),
  whitespace: problem('whitespace', 'The token contains a space; paste it again without spaces.'),
  twoTokens: problem('two-tokens', 'Two tokens were pasted together; paste only one.'),
  alphabet: problem('alphabet', 'The token contains characters GitHub tokens never have; copy it again from GitHub.'),
  checksum: problem('checksum', 'The token fails its checksum: it was mistyped or cut; copy it again from GitHub.'),
  extraText: problem('not-github', 'There is extra text before the token; paste only the token (it starts with ghp_, github_pat_, …).'),
  notGitHub: problem('not-github', 'This is not a GitHub token: GitHub tokens start with ghp_, github_pat_, gho_, ghu_, ghs_ or ghr_.'),
  incomplete: problem('length', 'The token does not have the shape of its kind: it was cut or edited; copy it again from GitHub.'),
} as const;

/** Recognize `token` (surrounding white space is ignored). */
export function recognizeToken(token: string): TokenShape {
  const text = token.trim();
  const prefix = PREFIXES.find((p) => text.startsWith(p.text)) ?? null;
  const found = prefix ?? (LEGACY.test(text) ? LEGACY_PREFIX : UNKNOWN);
  const appId = found.kind === 'server-to-server' ? /^ghs_(\d{1,12})_/.exec(text)?.[1] : undefined;
  return {
    kind: found.kind,
    label: found.label,
    checksum: checksumOf(text, prefix),
    problem: textProblem(text) ?? (prefix ? shapeProblem(text, prefix) : bareProblem(text)),
    ...(appId ? { appId: Number(appId) } : {}),
  };
}

function checksumOf(text: string, prefix: Prefix | null): TokenShape['checksum'] {
  if (prefix === null || !CHECKSUMMED.has(prefix.kind)) return 'not-applicable';
  const rest = text.slice(prefix.text.length);
  if (!/^[A-Za-z0-9]{36}$/.test(rest)) return 'not-applicable';
  return hasValidChecksum(rest) ? 'valid' : 'invalid';
}

/** Problems any pasted string can have, whatever its kind. */
function textProblem(text: string): Problem | null {
  if (text === '') return P.empty;
  if (/\s/.test(text) && text.split(/\s+/).filter(startsLikeToken).length >= 2) return P.twoTokens;
  if (/[\x00-\x1f\x7f-\x9f]/.test(text)) return P.control;
  if (/\s/.test(text)) return P.whitespace;
  const foreign = /[^\x00-\x7f]/u.exec(text);
  if (foreign === null) return null;
  const code = (foreign[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
  return problem('alphabet', `The token contains the non-ASCII character U+${code} (a look-alike letter?); copy it again from GitHub.`);
}

function startsLikeToken(part: string): boolean {
  return LEGACY.test(part) || PREFIXES.some((p) => part.startsWith(p.text));
}

/** A string without a known prefix: a legacy token, two legacy tokens, or something else. */
function bareProblem(text: string): Problem | null {
  if (LEGACY.test(text)) return null;
  if (/^[0-9a-f]{80}$/.test(text)) return P.twoTokens;
  return PREFIXES.some((p) => text.includes(p.text)) ? P.extraText : P.notGitHub;
}

function shapeProblem(text: string, prefix: Prefix): Problem | null {
  const rest = text.slice(prefix.text.length);
  const found = kindProblem(rest, prefix);
  if (found === null) return holdsTwoTokens(rest) ? P.twoTokens : null;
  if (found.code === 'checksum') return found;
  return PREFIXES.some((p) => rest.includes(p.text)) ? P.twoTokens : found;
}

/**
 * A variable-length token (JWT `ghs_`) can swallow a whole second token. Only certain cases are flagged: a
 * checksummed body (checksum holding) followed by a prefix, or ending the string, or a full fine-grained token at
 * the end (11-character prefix). A `ghr_` or legacy tail is not flagged: random JWT text would match too often.
 */
function holdsTwoTokens(rest: string): boolean {
  const head = /^([A-Za-z0-9]{36})(?:ghp_|gho_|ghu_|ghs_|ghr_|github_pat_)/.exec(rest);
  const tail = /(?:ghp|gho|ghu|ghs)_([A-Za-z0-9]{36})$/.exec(rest);
  if ([head, tail].some((m) => m !== null && hasValidChecksum(m[1]!))) return true;
  // A second 2026-format installation token: its prefix, app id and separator are too specific for random text.
  if (/ghs_\d+_/.test(rest)) return true;
  return /github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59}$/.test(rest);
}

function kindProblem(rest: string, prefix: Prefix): Problem | null {
  switch (prefix.kind) {
    case 'fine-grained':
      return fineGrainedProblem(rest);
    case 'refresh':
      return lengthProblem(rest, /^[A-Za-z0-9]*$/, 36, 251, prefix.label);
    case 'server-to-server':
      return serverToServerProblem(rest, prefix.label);
    default:
      return checksummedProblem(rest, prefix.label);
  }
}

/**
 * `ghs_`: up to 36 alphanumerics is the checksummed pre-2026 form, held to its checksum. Anything else of
 * `ghs_[A-Za-z0-9._-]{36,}` may be a token GitHub issued, whatever its dots or length
 * (docs/github-behaviour.md#installation-token-shape), unless it is an old token with characters pasted after it.
 */
function serverToServerProblem(rest: string, label: string): Problem | null {
  if (/^[A-Za-z0-9]{0,36}$/.test(rest)) return checksummedProblem(rest, label);
  if (/^[A-Za-z0-9]+$/.test(rest) && hasValidChecksum(rest.slice(0, 36))) return tooLong(label);
  return installationProblem(rest);
}

/** ghp_/gho_/ghu_/old ghs_: 36 alphanumerics after the prefix, the last 6 a checksum (§1.2, §1.3). */
function checksummedProblem(rest: string, label: string): Problem | null {
  return lengthProblem(rest, /^[A-Za-z0-9]*$/, 36, 36, label) ?? (hasValidChecksum(rest) ? null : P.checksum);
}

/** §1.4: `github_pat_` + 22 alphanumerics + `_` + 59 alphanumerics (93 in all); no known checksum. */
function fineGrainedProblem(rest: string): Problem | null {
  const found = lengthProblem(rest, /^[A-Za-z0-9_]*$/, 82, 82, 'fine-grained personal access token');
  if (found !== null) return found;
  return /^[A-Za-z0-9]{22}_[A-Za-z0-9]{59}$/.test(rest) ? null : P.incomplete;
}

/**
 * The 2026 `ghs_<appid>_…` format: anything `ghs_[A-Za-z0-9._-]{36,}` may be one. GitHub says its contents are not a
 * contract, so neither its dots nor its length are checked (docs/github-behaviour.md#installation-token-shape).
 */
function installationProblem(rest: string): Problem | null {
  if (!/^[A-Za-z0-9._-]*$/.test(rest)) return P.alphabet;
  return rest.length < 36 ? problem('length', 'The GitHub App installation token is shorter than it should be: it was cut; copy it again from GitHub.') : null;
}

function lengthProblem(rest: string, alphabet: RegExp, min: number, max: number, label: string): Problem | null {
  if (!alphabet.test(rest)) return P.alphabet;
  if (rest.length < min) {
    return problem('length', `The ${label} is shorter than it should be: it was cut; copy it again from GitHub.`);
  }
  return rest.length > max ? tooLong(label) : null;
}

function tooLong(label: string): Problem {
  return problem('length', `The ${label} is longer than it should be: extra characters were pasted; copy it again.`);
}

/** Classic and OAuth tokens carry scopes (`X-OAuth-Scopes`); the other kinds have permissions, or nothing to judge. */
export function hasScopes(shape: Pick<TokenShape, 'kind'>): boolean {
  return shape.kind === 'classic' || shape.kind === 'oauth';
}

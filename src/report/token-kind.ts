import type { TokenKind } from '../types.js';

/**
 * How the report names each kind of token, and the prefix it shows in place of the token, when the caller has only the
 * report (which never holds the token). Labels as in token/recognize.ts; prefixes: ledger github-api §1.1.
 */
export const TOKEN_KIND_DISPLAY: Record<TokenKind, { prefix: string; label: string }> = {
  classic: { prefix: 'ghp_', label: 'classic personal access token' },
  'fine-grained': { prefix: 'github_pat_', label: 'fine-grained personal access token' },
  oauth: { prefix: 'gho_', label: 'OAuth app token' },
  'user-to-server': { prefix: 'ghu_', label: 'GitHub App user-to-server token' },
  'server-to-server': { prefix: 'ghs_', label: 'GitHub App installation token' },
  refresh: { prefix: 'ghr_', label: 'GitHub App refresh token' },
  unknown: { prefix: '', label: 'unrecognized token' },
};

/** The masked form of a token of this kind: its prefix and asterisks. */
export function maskedForKind(kind: TokenKind): string {
  return `${TOKEN_KIND_DISPLAY[kind].prefix}****`;
}

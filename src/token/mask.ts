import { TOKEN_PREFIXES } from './recognize.js';

/**
 * The display form of a token: its known prefix and a fixed `****`, so neither the secret part nor the length
 * shows (gh's `displayToken` keeps everything up to the last `_`, which for `github_pat_` would reveal 22 characters).
 * Anything without a known prefix, legacy hex tokens included, is just `****`.
 */
export function maskToken(token: string): string {
  const text = token.trim();
  const prefix = TOKEN_PREFIXES.find((p) => text.startsWith(p)) ?? '';
  return `${prefix}****`;
}

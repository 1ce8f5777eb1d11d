/**
 * A token inside other text: a known prefix followed by the characters tokens are made of (the 2026 installation
 * token adds `.`, `_` and `-`). Long enough that ordinary names (`ghs_cache`) do not match.
 */
const TOKEN_IN_TEXT = /(?:github_pat_|gh[pousr]_)[A-Za-z0-9._-]{16,}/;

/**
 * Whether `text` is, starts with, or holds a GitHub token: something typed where a name belongs (an argument, a
 * repository, an image name, a line of a repos file) that must be refused without being echoed, since once
 * lower-cased into an image name no mask would hide it. The one recogniser of token-shaped input; keep copies out.
 */
export function looksLikeToken(text: string): boolean {
  return /^(?:github_pat_|gh[pousr]_)/.test(text) || TOKEN_IN_TEXT.test(text);
}

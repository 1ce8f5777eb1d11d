import { err, ok, type Result } from '../result.js';
import { parseRepoTarget } from '../destination/parse.js';
import { looksLikeToken } from '../token/looks-like-token.js';
import type { RepoTarget } from '../types.js';


/** A file larger than this is not a list of repositories (1,000 targets fit in far less). */
export const MAX_REPOS_FILE_BYTES = 256 * 1024;

/**
 * `--repos-file`: one target per line, in any form `--repo` accepts. Blank lines and lines whose first non-blank
 * character is `#` are ignored, as is a ` # comment` after a target. A bad line is named by its number and never
 * quoted: a file of repositories may hold a token pasted by mistake. Pure; never throws.
 */
export function parseReposFile(text: string): Result<RepoTarget[]> {
  if (text.length > MAX_REPOS_FILE_BYTES) return err(`it is larger than ${MAX_REPOS_FILE_BYTES / 1024} KiB; list one repository per line`);
  const targets: RepoTarget[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  for (const [index, raw] of lines.entries()) {
    const line = raw.replace(/(^|\s)#.*$/, '').trim();
    if (line === '') continue;
    const number = index + 1;
    if (looksLikeToken(line)) return err(`line ${number} looks like a token, not a repository; remove it (and revoke that token if the file was shared)`);
    const parsed = parseRepoTarget(line);
    if (!parsed.ok) return err(`line ${number} is not a repository: ${unquoted(parsed.reason)}`);
    targets.push(parsed.value);
  }
  if (targets.length === 0) return err('it lists no repository (one owner/name or URL per line)');
  return ok(targets);
}

/** Drops quoted fragments of the input that a parser's reason may carry. */
function unquoted(reason: string): string {
  return reason.replace(/\s*"[^"]*"/g, '');
}

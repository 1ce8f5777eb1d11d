import { err, ok, type Result } from '../result.js';

/** The secret name crpat stores the token under: the one GitHub's own docs use for the registry (ledger github-api §6). */
export const DEFAULT_SECRET_NAME = 'CR_PAT';

/**
 * Checks an Actions secret name against GitHub's rules (ledger github-api §7): only letters, digits and `_`, not
 * starting with a digit or with `GITHUB_`. Names are case-insensitive; GitHub shows them in upper case.
 */
export function validateSecretName(name: string): Result<string> {
  if (name === '') return err('The secret name is empty; the usual one is CR_PAT.');
  if (!/^[A-Za-z0-9_]+$/.test(name)) return err(`"${printable(name)}" cannot be a secret name: use only letters, digits and _ (no spaces).`);
  if (/^[0-9]/.test(name)) return err(`"${name}" cannot be a secret name: it must not start with a digit.`);
  if (/^GITHUB_/i.test(name)) return err(`"${name}" cannot be a secret name: names starting with GITHUB_ are reserved.`);
  return ok(name);
}

/** The name as it can be shown on one line: control characters escaped, at most 60 characters. */
function printable(name: string): string {
  const escaped = JSON.stringify(name).slice(1, -1);
  return escaped.length > 60 ? `${escaped.slice(0, 57)}...` : escaped;
}

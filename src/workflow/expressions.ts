import type { Located } from './model.js';

/** Which credential a value hands over. */
export type Credential =
  | { kind: 'secret'; name: string }
  | { kind: 'github-token'; text: string }
  /** A literal password written in the workflow: anyone who can read the repository can read it. */
  | { kind: 'literal' }
  /** An expression crpat cannot follow (`vars.X`, `inputs.x`, a step output). */
  | { kind: 'other'; text: string };

const EXPRESSION = /\$\{\{\s*([^}]*?)\s*\}\}/g;

/** The credential an input or a shell line names: `secrets.X`, `secrets.GITHUB_TOKEN`, `github.token`. */
export function credentialIn(value: string): Credential | null {
  const token = /\b(secrets\.GITHUB_TOKEN|github\.token)\b/i.exec(value);
  if (token) return { kind: 'github-token', text: token[1] === undefined ? 'github.token' : token[1].toLowerCase() === 'github.token' ? 'github.token' : 'secrets.GITHUB_TOKEN' };
  const secret = /\bsecrets\.([A-Za-z_][A-Za-z0-9_]*)\b/.exec(value) ?? /\bsecrets\[\s*'([A-Za-z_][A-Za-z0-9_]*)'\s*\]/.exec(value);
  if (secret?.[1]) return { kind: 'secret', name: secret[1] };
  const expression = /\$\{\{\s*([^}]*?)\s*\}\}/.exec(value);
  if (expression) return { kind: 'other', text: expression[1] ?? '' };
  if (/^\$\{?[A-Za-z_]/.test(value.trim())) return { kind: 'other', text: value.trim() };
  return value.trim() === '' ? null : { kind: 'literal' };
}

/** How a credential is named in the report. */
export function credentialLabel(credential: Credential): string {
  switch (credential.kind) {
    case 'secret':
      return `secrets.${credential.name}`;
    case 'github-token':
      return `${credential.text} (the workflow's GITHUB_TOKEN)`;
    case 'literal':
      return 'a password written in the workflow';
    case 'other':
      return credential.text;
  }
}

export function sameCredential(a: Credential, b: Credential): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'secret' && b.kind === 'secret') return a.name === b.name;
  if (a.kind === 'other' && b.kind === 'other') return a.text === b.text;
  return true;
}

/** The `env` maps that apply to a step, nearest first (step, job, workflow). */
export type EnvChain = readonly Map<string, Located>[];

/** `${{ env.X }}` replaced by X's value where the workflow sets it (a few rounds: an env value may name another). */
export function resolveEnv(value: string, chain: EnvChain): string {
  let out = value;
  for (let round = 0; round < 4; round += 1) {
    const next = out.replace(EXPRESSION, (whole, inner: string) => {
      const name = /^env\.([A-Za-z_][A-Za-z0-9_]*)$/.exec(inner)?.[1];
      if (!name) return whole;
      const found = lookup(chain, name);
      return found === undefined ? whole : found;
    });
    if (next === out) break;
    out = next;
  }
  return out;
}

export function lookup(chain: EnvChain, name: string): string | undefined {
  for (const env of chain) {
    const found = env.get(name);
    if (found) return found.value;
  }
  return undefined;
}

/** A shell or script fragment that lower-cases: `tr '[:upper:]' '[:lower:]'`, `${VAR,,}`, `${VAR@L}`, `tolower`, `.toLowerCase()`, `.lower()`. */
export const LOWER_CASING = /\btr\s+(?:-\S+\s+)*["']?(?:\[:upper:\]|A-Z)["']?\s+["']?(?:\[:lower:\]|a-z)|,,\}|@L\}|\btolower\b|toLowerCase\(\)|\.lower\(\)|\bascii_downcase\b|\bdowncase\b/i;

/** The `github` context values whose case follows the account's name. */
export const CASED_CONTEXTS = ['github.repository_owner', 'github.repository', 'github.actor', 'github.triggering_actor', 'github.event.repository.full_name', 'github.event.repository.name'] as const;

/** The context expressions in a value whose result can contain capitals (an owner's or user's name). */
export function casedContexts(value: string): string[] {
  const found = new Set<string>();
  for (const match of value.matchAll(EXPRESSION)) {
    const inner = match[1] ?? '';
    for (const context of CASED_CONTEXTS) if (new RegExp(`\\b${context.replace(/\./g, '\\.')}\\b(?![._])`).test(inner)) found.add(context);
  }
  return [...found];
}

/** Text outside `${{ }}` and shell variables: what is written literally. */
export function literalParts(value: string): string {
  return value.replace(EXPRESSION, '').replace(/\$\{[^}]*\}|\$[A-Za-z_][A-Za-z0-9_]*/g, '');
}

/** Whether a value still holds an expression or a shell variable crpat could not resolve. */
export function hasUnresolved(value: string): boolean {
  return /\$\{\{|\$\{?[A-Za-z_]/.test(value);
}

/**
 * The value with `github.repository` and `github.repository_owner` replaced by the real repository's names (the
 * other contexts stay as they are: they change from run to run).
 */
export function substituteRepository(value: string, repository: { owner: string; name: string }): string {
  return value.replace(EXPRESSION, (whole, inner: string) => {
    if (inner === 'github.repository' || inner === 'github.event.repository.full_name') return `${repository.owner}/${repository.name}`;
    if (inner === 'github.repository_owner') return repository.owner;
    if (inner === 'github.event.repository.name') return repository.name;
    return whole;
  });
}

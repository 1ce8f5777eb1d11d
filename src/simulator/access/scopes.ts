/**
 * Classic/OAuth scope algebra. GitHub normalizes stored scopes by dropping implied ones, and reports them
 * `", "`-joined in `X-OAuth-Scopes` (ledger github-api §2.3). `write:x` implies `read:x`, `admin:x` implies both
 * (ledger github-api §9.2; gh CLI's scope expansion, STYLE §2).
 */

const IMPLIES: Record<string, string[]> = {
  repo: ['repo:status', 'repo_deployment', 'public_repo', 'repo:invite', 'security_events'],
  'write:packages': ['read:packages'],
  'admin:org': ['write:org', 'read:org', 'manage_runners:org'],
  'write:org': ['read:org'],
  'admin:public_key': ['write:public_key', 'read:public_key'],
  'write:public_key': ['read:public_key'],
  'admin:repo_hook': ['write:repo_hook', 'read:repo_hook'],
  'write:repo_hook': ['read:repo_hook'],
  'admin:gpg_key': ['write:gpg_key', 'read:gpg_key'],
  'write:gpg_key': ['read:gpg_key'],
  user: ['read:user', 'user:email', 'user:follow'],
  project: ['read:project'],
  'admin:enterprise': ['manage_runners:enterprise', 'manage_billing:enterprise', 'read:enterprise'],
};

/** Every scope `scopes` grants, implied ones included. */
export function expandScopes(scopes: readonly string[]): Set<string> {
  const granted = new Set<string>();
  const visit = (scope: string): void => {
    if (granted.has(scope)) return;
    granted.add(scope);
    for (const implied of IMPLIES[scope] ?? []) visit(implied);
  };
  scopes.forEach(visit);
  return granted;
}

export function hasScope(scopes: readonly string[] | undefined, scope: string): boolean {
  return expandScopes(scopes ?? []).has(scope);
}

/** Drops duplicates and scopes implied by another one; keeps creation order (ledger github-api §2.3: `user, gist`). */
export function normalizeScopes(scopes: readonly string[]): string[] {
  const unique = [...new Set(scopes)];
  return unique.filter((scope) => !unique.some((other) => other !== scope && (IMPLIES[other] ?? []).includes(scope)));
}

/** The `X-OAuth-Scopes` value: normalized, `", "`-joined; empty string when there are none (ledger github-api §2.3). */
export function scopesHeader(scopes: readonly string[] | undefined): string {
  return normalizeScopes(scopes ?? []).join(', ');
}

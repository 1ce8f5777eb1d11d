/** One `repository:<name>:<actions>` scope (ledger ghcr §7.1: a name may contain one `:` for a host port). */
export interface RequestedScope {
  name: string;
  actions: string[];
}

/**
 * Parses every `scope` parameter (repeated, or space-separated in one) into repository scopes; other resource
 * types (`registry:catalog:*`) are dropped.
 */
export function parseScopes(params: URLSearchParams): RequestedScope[] {
  const scopes: RequestedScope[] = [];
  for (const item of params.getAll('scope').flatMap((value) => value.split(' '))) {
    const match = /^repository(?:\([^)]*\))?:(.+):([^:]*)$/.exec(item);
    if (!match?.[1]) continue;
    const actions = (match[2] ?? '').split(',').filter(Boolean);
    scopes.push({ name: match[1], actions: [...new Set(actions)] });
  }
  return scopes;
}

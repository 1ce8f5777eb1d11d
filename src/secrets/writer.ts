/** Which credential writes the secret, and how the user is told about it (never the token itself). */
export interface Writer {
  /** `GH_TOKEN`, `GITHUB_TOKEN`, or `stored` for the token being stored. */
  source: 'GH_TOKEN' | 'GITHUB_TOKEN' | 'stored';
  token: string;
}

/**
 * The credential used to write the secret: `GH_TOKEN`, else `GITHUB_TOKEN` from the environment (as `gh` reads them),
 * else the token being stored. A CR_PAT often has only `write:packages`, which cannot write secrets, so an
 * administrator's token from the environment comes first. Blank values count as unset.
 */
export function chooseWriter(env: Readonly<Record<string, string | undefined>>, stored: string): Writer {
  for (const source of ['GH_TOKEN', 'GITHUB_TOKEN'] as const) {
    const value = env[source]?.trim();
    if (value) return { source, token: value };
  }
  return { source: 'stored', token: stored.trim() };
}

/** "GH_TOKEN from the environment (ghp_****)" or "the token being stored (ghp_****)". */
export function describeWriter(writer: Writer, masked: string): string {
  if (writer.source === 'stored') return `the token being stored (${masked})`;
  return `${writer.source} from the environment (${masked})`;
}

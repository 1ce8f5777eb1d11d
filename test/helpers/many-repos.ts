import { createDefaultWorld, type World } from '../../src/simulator/index.js';

/** The default world plus `count` public repositories `acme/svc-01`… that octocat administers (no package yet). */
export function worldWithRepos(count: number): { world: World; repos: string[] } {
  const world = createDefaultWorld();
  const repos: string[] = [];
  for (let i = 1; i <= count; i++) {
    const name = `svc-${String(i).padStart(3, '0')}`;
    world.repositories.push({ owner: 'acme', name, id: 8_000_000 + i, private: false, collaborators: { octocat: 'admin' } });
    repos.push(`acme/${name}`);
  }
  return { world, repos };
}

/** One event per request start and answer, at the fetch under crpat's own layers. */
export type PlanEvent = `${'start' | 'end'} ${string}`;

/**
 * A `fetch` that records when each request starts and is answered, and sends `https://api.github.com` and
 * `https://ghcr.io` to the given local origins (so crpat runs its ghcr.io plan against the simulator).
 */
export function planFetch(log: PlanEvent[], origins: { api?: string; registry?: string } = {}): typeof globalThis.fetch {
  const map: Record<string, string | undefined> = { 'https://api.github.com': origins.api, 'https://ghcr.io': origins.registry };
  return async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const to = map[url.origin];
    const label = `${(init?.method ?? 'GET').toUpperCase()} ${url.pathname}${url.search}`;
    log.push(`start ${label}`);
    try {
      return await globalThis.fetch(to ? new URL(`${url.pathname}${url.search}`, to) : url, init);
    } finally {
      log.push(`end ${label}`);
    }
  };
}

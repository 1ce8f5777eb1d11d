import type { Middleware } from '../http/context.js';
import { GHCR } from '../messages.js';
import type { Incident } from '../world.js';
import { bearerOf, sendRegistryError } from './respond.js';
import { parseScopes } from './scope.js';

const UPLOAD_POST = /^\/v2\/(.+)\/blobs\/uploads\/$/;

/**
 * GitHub's own failures on a package (`World.incidents`), answered before the token service or the upload route runs,
 * in both registry modes. Each answer is a public report's (docs/github-behaviour.md#ghcr-outage, #token-service-denied,
 * #ghcr-rate-limit).
 */
export const injectIncidents: Middleware = (ctx, next) => {
  const incidents = ctx.state.world.incidents ?? [];
  if (incidents.length === 0) return next();
  const on = (kind: Incident['kind'], name: string | undefined) =>
    name === undefined ? undefined : incidents.find((i) => i.kind === kind && i.package.toLowerCase() === name.toLowerCase());
  if (ctx.method === 'GET' && ctx.url.pathname === '/token' && /^\s*basic\s/i.test(ctx.req.headers.authorization ?? '')) {
    const names = parseScopes(ctx.url.searchParams).map((scope) => scope.name);
    if (names.some((name) => on('token-service-denied', name))) return sendRegistryError(ctx, 403, 'DENIED', GHCR.denied);
    return next();
  }
  const name = ctx.method === 'POST' ? UPLOAD_POST.exec(ctx.url.pathname)?.[1] : undefined;
  if (on('authzd-outage', name)) return sendRegistryError(ctx, 403, 'DENIED', GHCR.authzd);
  const limited = on('rate-limited', name);
  if (limited && limited.kind === 'rate-limited') {
    // `once`: the first upload of each registry token (so each crpat run meets it once); `always`: every upload.
    const bearer = bearerOf(ctx) ?? '';
    if (limited.times === 'always' || !ctx.state.throttled.has(bearer)) {
      ctx.state.throttled.add(bearer);
      return sendRegistryError(ctx, 429, 'TOOMANYREQUESTS', GHCR.rateLimited);
    }
  }
  return next();
};

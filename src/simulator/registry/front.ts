import { decidePush } from '../access/push-decision.js';
import type { Ctx } from '../http/context.js';
import { findTokenByValue } from '../world.js';
import { endToEnd, forward, type UpstreamAnswer } from './forward.js';
import { bearerOf, sendRegistryError } from './respond.js';

const UPLOAD_POST = /^\/v2\/(.+)\/blobs\/uploads\/$/;
const UPLOAD_SESSION = /^\/v2\/(.+)\/blobs\/uploads\/([^/?]+)$/;

/**
 * Front mode: `/v2/*` goes to a real distribution registry at `upstream` (method, path, query, Authorization and
 * body kept) and its answer comes back, except that distribution's refusal of a push (401 `insufficient_scope`,
 * ledger ghcr §7.4) becomes ghcr's 403 DENIED with the reason of the decision ladder (ledger ghcr §7.4 "fidelity gaps").
 * Upload DELETEs are forwarded, so distribution really cancels.
 */
export function frontHandler(upstream: string) {
  return async (ctx: Ctx): Promise<void> => {
    const answer = await forward(ctx.req, ctx.method, new URL(ctx.req.url ?? '/', upstream));
    if (translateRefusal(ctx, answer)) return;
    trackUploads(ctx, answer);
    ctx.res.writeHead(answer.status, { ...rewriteHeaders(ctx, answer, upstream), 'content-length': String(answer.body.length) });
    ctx.res.end(answer.body);
  };
}

/** Sends ghcr's refusal instead of distribution's 401 insufficient_scope on an upload POST; true when it did. */
function translateRefusal(ctx: Ctx, answer: UpstreamAnswer): boolean {
  const name = ctx.method === 'POST' ? UPLOAD_POST.exec(ctx.url.pathname)?.[1] : undefined;
  const challengeHeader = String(answer.headers['www-authenticate'] ?? '');
  if (!name || answer.status !== 401 || !challengeHeader.includes('error="insufficient_scope"')) return false;
  const { world, grants, now } = ctx.state;
  const value = grants.get(bearerOf(ctx) ?? '')?.tokenValue;
  const decision = decidePush(world, value ? (findTokenByValue(world, value) ?? null) : null, name, now());
  if (decision.allowed) return false; // the signer and the ladder disagree: show distribution's own answer
  sendRegistryError(ctx, decision.status, decision.code, decision.message);
  return true;
}

/** Absolute Locations into the upstream and the challenge realm must point at the front instead. */
function rewriteHeaders(ctx: Ctx, answer: UpstreamAnswer, upstream: string): Record<string, string | string[]> {
  const headers = endToEnd(answer.headers, true);
  const origin = new URL(upstream).origin;
  const location = answer.headers.location;
  if (location?.startsWith(origin)) headers['location'] = ctx.state.registryUrl + location.slice(origin.length);
  const auth = answer.headers['www-authenticate'];
  if (auth) headers['www-authenticate'] = auth.replace(/realm="[^"]*"/, `realm="${ctx.state.registryUrl}/token"`);
  return headers;
}

/** Mirrors upstream sessions in `openUploads()`: added on a 202 POST, removed on a 204 DELETE. */
function trackUploads(ctx: Ctx, answer: UpstreamAnswer): void {
  const { uploads, grants, now } = ctx.state;
  const posted = ctx.method === 'POST' ? UPLOAD_POST.exec(ctx.url.pathname) : null;
  const uuid = answer.headers['docker-upload-uuid'];
  if (posted?.[1] && answer.status === 202 && typeof uuid === 'string') {
    uploads.set(uuid, { uuid, name: posted[1], login: grants.get(bearerOf(ctx) ?? '')?.login ?? '', openedAt: now() });
  }
  const session = ctx.method === 'DELETE' ? UPLOAD_SESSION.exec(ctx.url.pathname) : null;
  if (session?.[2] && answer.status === 204) uploads.delete(session[2]);
}

import { randomUUID } from 'node:crypto';
import { decidePush } from '../access/push-decision.js';
import type { Ctx, Route } from '../http/context.js';
import { sendJson } from '../http/send.js';
import { GHCR } from '../messages.js';
import { findTokenByValue, type SimToken } from '../world.js';
import { bearerOf, challenge, isValidName, pageNotFound, PLACEHOLDER_SCOPE, sendRegistryError } from './respond.js';

/** ghcr's `/v2/` dialect, simulated (ledger ghcr §1–§3, §8). */
export const v2SimRoutes: Route[] = [
  { method: 'GET', pattern: /^\/v2\/$/, handle: base },
  { method: 'POST', pattern: /^\/v2\/(.+)\/blobs\/uploads\/$/, handle: openUpload },
  { method: 'DELETE', pattern: /^\/v2\/(.+)\/blobs\/uploads\/([^/]+)$/, handle: cancelUpload },
];

type Caller = { kind: 'none' } | { kind: 'basic' } | { kind: 'unknown' } | { kind: 'grant'; token: SimToken | null };

/** Who presents what: nothing, Basic, an unknown bearer, or one of our grants (its GitHub token, null if anonymous). */
function callerOf(ctx: Ctx): Caller {
  const header = ctx.req.headers.authorization;
  if (header === undefined) return { kind: 'none' };
  if (/^\s*basic\s/i.test(header)) return { kind: 'basic' };
  const grant = ctx.state.grants.get(bearerOf(ctx) ?? '');
  if (!grant) return { kind: 'unknown' };
  return { kind: 'grant', token: grant.tokenValue ? (findTokenByValue(ctx.state.world, grant.tokenValue) ?? null) : null };
}

/** Answers the cases that never reach a decision; returns the caller's token when there is a grant. */
function refuseUnauthenticated(ctx: Ctx, scope: string): { token: SimToken | null } | null {
  const caller = callerOf(ctx);
  if (caller.kind === 'grant') return { token: caller.token };
  if (caller.kind === 'none') {
    const headers = { 'www-authenticate': challenge(ctx, scope) }; // ledger ghcr §1.1, §1.2
    sendRegistryError(ctx, 401, 'UNAUTHORIZED', GHCR.authenticationRequired, headers);
  } else if (caller.kind === 'basic') {
    sendRegistryError(ctx, 403, 'DENIED', GHCR.invalidToken); // ledger ghcr §1.4, §9.4 (status [inferred])
  } else {
    sendRegistryError(ctx, 401, 'UNAUTHORIZED', GHCR.unauthenticated); // ledger ghcr §2
  }
  return null;
}

/** `GET /v2/`: 401 + placeholder challenge without auth; 200 `{}` with a token (ledger ghcr §1.1; body [inferred]). */
function base(ctx: Ctx): void {
  const caller = refuseUnauthenticated(ctx, PLACEHOLDER_SCOPE);
  if (caller) sendJson(ctx, 200, {}, { contentType: 'application/json' });
}

/**
 * `POST /v2/<name>/blobs/uploads/`: the decision ladder → 202 with a relative Location, or 401/403 with ghcr's
 * reason (ledger ghcr §2, §3.2, §8). Upper-case names never route (ledger ghcr §7.4, [inferred] for ghcr).
 */
function openUpload(ctx: Ctx, [name = '']: string[]): void {
  if (!isValidName(name)) return pageNotFound(ctx);
  const caller = refuseUnauthenticated(ctx, `repository:${name}:pull`); // ledger ghcr §1.2: `:pull` only
  if (!caller) return;
  const { world, now, uploads } = ctx.state;
  const decision = decidePush(world, caller.token, name, now());
  if (!decision.allowed) return sendRegistryError(ctx, decision.status, decision.code, decision.message);
  const uuid = randomUUID();
  uploads.set(uuid, { uuid, name, login: caller.token?.user ?? '', openedAt: now() });
  // ledger ghcr §3.2: Location form unconfirmed → relative; Docker-Upload-UUID/Range as distribution sends (§7.4)
  ctx.res.writeHead(202, {
    location: `/v2/${name}/blobs/uploads/${uuid}`,
    'docker-upload-uuid': uuid,
    range: '0-0',
    'content-length': '0',
  });
  ctx.res.end();
}

/**
 * `DELETE <upload location>` → 405: ghcr does not implement cancel; the session stays open and expires
 * (ledger ghcr §3.2; body `UNSUPPORTED` [inferred], open question 2).
 */
function cancelUpload(ctx: Ctx): void {
  sendRegistryError(ctx, 405, 'UNSUPPORTED', GHCR.unsupported);
}

import { randomBytes } from 'node:crypto';
import { basicPassword, resolveToken } from '../access/credential.js';
import { decidePush } from '../access/push-decision.js';
import type { Ctx } from '../http/context.js';
import { sendJson } from '../http/send.js';
import { GHCR } from '../messages.js';
import type { Grant } from '../state.js';
import { findPackage, type SimToken } from '../world.js';
import { challenge, PLACEHOLDER_SCOPE, sendRegistryError } from './respond.js';
import { parseScopes, type RequestedScope } from './scope.js';

/**
 * `GET /token` on the registry host (ledger ghcr §1.3). Basic `anything:TOKEN` (username not checked) → 200
 * `{"token":…}` for any accepted credential, no `expires_in`; a bad/expired/revoked token → 403 DENIED `denied`;
 * Bearer → 401 `authentication required`. The push decision is left to the upload POST, as ghcr does.
 */
export function tokenService(ctx: Ctx): void {
  const scopes = parseScopes(ctx.url.searchParams);
  const header = ctx.req.headers.authorization;
  if (header === undefined) return anonymous(ctx, scopes);
  const match = /^\s*basic\s+(\S+)\s*$/i.exec(header);
  if (!match?.[1]) {
    // ledger ghcr §1.3: a PAT sent as Bearer is refused with the placeholder challenge
    const headers = { 'www-authenticate': challenge(ctx, PLACEHOLDER_SCOPE) };
    return sendRegistryError(ctx, 401, 'UNAUTHORIZED', GHCR.authenticationRequired, headers);
  }
  const { world, now } = ctx.state;
  const credential = resolveToken(world, basicPassword(match[1]) ?? '', now());
  if (credential.kind !== 'token') return sendRegistryError(ctx, 403, 'DENIED', GHCR.denied); // ledger ghcr §1.3
  issue(ctx, credential.token, scopes);
}

function issue(ctx: Ctx, token: SimToken, scopes: RequestedScope[]): void {
  const { state } = ctx;
  const signer = state.tokenSigner;
  // Opaque tokens carry the request as asked (ghcr's token proves nothing, ledger ghcr §1.3); a signed JWT for a real
  // distribution registry lists only what the user may really do, so 2.8.2 refuses the rest (ledger ghcr §7.4 notes).
  const access = scopes.map((scope) => ({ name: scope.name, actions: signer ? allowedActions(ctx, token, scope) : scope.actions }));
  const value = signer
    ? signer({ sub: token.user, access: access.map((entry) => ({ type: 'repository' as const, ...entry })) })
    : randomBytes(48).toString('base64url'); // [inferred] ghcr's authenticated tokens are opaque (ledger ghcr §1.3)
  const grant: Grant = { tokenValue: token.value, login: token.user, access };
  state.grants.set(value, grant);
  sendJson(ctx, 200, { token: value }, { contentType: 'application/json' });
}

/**
 * Requested ∩ allowed: `pull` for any accepted credential [inferred]; `push` when the upload POST would be accepted;
 * `delete` with it, so a distribution registry lets the probe cancel its upload (ledger ghcr §7.3).
 */
function allowedActions(ctx: Ctx, token: SimToken, scope: RequestedScope): string[] {
  const pushAllowed = decidePush(ctx.state.world, token, scope.name, ctx.state.now()).allowed;
  const actions = scope.actions.filter((action) => action === 'pull' || (action === 'push' && pushAllowed));
  return actions.includes('push') ? [...actions, 'delete'] : actions;
}

/**
 * No credentials: pull of a public package → 200 with a `djE6…` token (base64 of `v1:<name>:<ns>`); push, or pull
 * of a private/missing package → 403 DENIED (ledger ghcr §1.3; the `:pull,push` message is not quoted there, the
 * private-pull one is reused [inferred]).
 */
function anonymous(ctx: Ctx, scopes: RequestedScope[]): void {
  const { state } = ctx;
  const refused = scopes.some(
    (scope) => scope.actions.some((action) => action !== 'pull') || findPackage(state.world, scope.name)?.visibility !== 'public',
  );
  if (refused) return sendRegistryError(ctx, 403, 'DENIED', GHCR.requestedAccessDenied);
  const nanos = BigInt(state.now().getTime()) * 1_000_000n + BigInt(randomBytes(2).readUInt16BE(0));
  const value = Buffer.from(`v1:${scopes[0]?.name ?? ''}:${nanos}`).toString('base64');
  state.grants.set(value, { tokenValue: null, login: '', access: scopes });
  sendJson(ctx, 200, { token: value }, { contentType: 'application/json' });
}

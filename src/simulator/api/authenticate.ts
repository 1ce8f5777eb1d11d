import { resolveToken, tokenFromAuthorization } from '../access/credential.js';
import { scopesHeader } from '../access/scopes.js';
import type { Middleware } from '../http/context.js';
import { consumeRate } from '../http/rate-limit.js';
import { sendGitHubError } from '../http/send.js';
import { DOCS, REST } from '../messages.js';
import { seededChars } from '../tokens.js';
import type { SimToken } from '../world.js';

/**
 * Resolves the caller and sets `ctx.credential`. A credential GitHub does not accept ends the request with 401
 * `Bad credentials` and no `x-ratelimit-*` headers (ledger github-api §2.4, backlot 2026 measurement). Anonymous
 * callers are counted against 60/h, token users against 5,000/h (ledger github-api §8).
 */
export const authenticate: Middleware = (ctx, next) => {
  const { state } = ctx;
  const now = state.now();
  const credential = resolveToken(state.world, tokenFromAuthorization(ctx.req.headers.authorization), now);
  if (credential.kind === 'bad') return sendGitHubError(ctx, 401, REST.badCredentials, DOCS.rest);
  ctx.credential = credential;
  const rate =
    credential.kind === 'none'
      ? consumeRate(state.rate, now, 'anonymous:127.0.0.1', 60)
      : consumeRate(state.rate, now, `user:${credential.token.user.toLowerCase()}`, 5000);
  for (const [name, value] of Object.entries(rate)) ctx.res.setHeader(name, value);
  if (credential.kind === 'token') {
    for (const [name, value] of Object.entries(tokenHeaders(credential.token))) ctx.res.setHeader(name, value);
  }
  return next();
};

/**
 * `x-oauth-scopes` for classic/OAuth tokens only, present even when empty; `x-oauth-client-id` for OAuth tokens;
 * `github-authentication-token-expiration` only for PATs that expire (ledger github-api §2.3). Fine-grained tokens
 * get no `x-oauth-scopes` (open question 3: absent chosen [inferred]).
 */
export function tokenHeaders(token: SimToken): Record<string, string> {
  const headers: Record<string, string> = {};
  if (token.kind === 'classic' || token.kind === 'oauth') headers['x-oauth-scopes'] = scopesHeader(token.scopes);
  if (token.kind === 'oauth') headers['x-oauth-client-id'] = seededChars(`client:${token.label}`, 20, '0123456789abcdef');
  const isPat = token.kind === 'classic' || token.kind === 'fine-grained';
  if (isPat && token.expiresAt) headers['github-authentication-token-expiration'] = formatExpiration(token.expiresAt);
  return headers;
}

/** `YYYY-MM-DD HH:MM:SS UTC`, 24-hour clock (ledger github-api §2.3). */
export function formatExpiration(date: Date): string {
  return `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

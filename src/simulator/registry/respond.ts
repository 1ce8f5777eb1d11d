import type { Ctx, Middleware } from '../http/context.js';
import { newRequestId } from '../http/request-id.js';
import { sendJson, sendText } from '../http/send.js';

/** ghcr answers carry these on every response it was seen to send (ledger ghcr §1.1). */
export const registryHeaders: Middleware = (ctx, next) => {
  ctx.res.setHeader('docker-distribution-api-version', 'registry/2.0');
  ctx.res.setHeader('x-github-request-id', newRequestId(ctx.state.now()));
  return next();
};

/** `{"errors":[{"code","message"}]}` + newline, `application/json`, no `detail` (ledger ghcr §1.1, §7.4 gaps). */
export function sendRegistryError(
  ctx: Ctx,
  status: number,
  code: string,
  message: string,
  headers: Record<string, string> = {},
): void {
  const body = { errors: [{ code, message }] };
  sendJson(ctx, status, body, { headers, contentType: 'application/json', trailingNewline: true });
}

/** The Bearer challenge pointing at our token service; `service="ghcr.io"` (ledger ghcr §1.1, §1.2). */
export function challenge(ctx: Ctx, scope: string): string {
  return `Bearer realm="${ctx.state.registryUrl}/token",service="ghcr.io",scope="${scope}"`;
}

/** The placeholder scope ghcr puts on `/v2/` (ledger ghcr §1.1). */
export const PLACEHOLDER_SCOPE = 'repository:user/image:pull';

/** Go's `http.NotFound`, which distribution answers for paths it cannot route (ledger ghcr §7.4; [inferred] for ghcr). */
export function pageNotFound(ctx: Ctx): void {
  sendText(ctx, 404, '404 page not found\n');
}

/** The bearer token of a request, or null. */
export function bearerOf(ctx: Ctx): string | null {
  const match = /^\s*bearer\s+(\S+)\s*$/i.exec(ctx.req.headers.authorization ?? '');
  return match?.[1] ?? null;
}

/** OCI name grammar, lower case only (ledger ghcr §3.1). */
const NAME = /^[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*)*$/;

export function isValidName(name: string): boolean {
  return NAME.test(name);
}

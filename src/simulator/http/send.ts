import type { Ctx } from './context.js';

/** Sends `body` as JSON; `trailingNewline` mimics registries that end bodies with `\n` (ledger ghcr §1.1). */
export function sendJson(
  ctx: Ctx,
  status: number,
  body: unknown,
  options: { headers?: Record<string, string>; contentType?: string; trailingNewline?: boolean } = {},
): void {
  const text = JSON.stringify(body) + (options.trailingNewline ? '\n' : '');
  ctx.res.writeHead(status, {
    ...options.headers,
    'content-type': options.contentType ?? 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(text)),
  });
  ctx.res.end(ctx.method === 'HEAD' ? undefined : text);
}

export function sendText(ctx: Ctx, status: number, text: string, headers: Record<string, string> = {}): void {
  ctx.res.writeHead(status, {
    'content-type': 'text/plain; charset=utf-8',
    ...headers,
    'content-length': String(Buffer.byteLength(text)),
  });
  ctx.res.end(ctx.method === 'HEAD' ? undefined : text);
}

/** GitHub's error envelope `{message, documentation_url, status}` with `status` a string (ledger github-api §10). */
export function sendGitHubError(
  ctx: Ctx,
  status: number,
  message: string,
  documentationUrl: string,
  headers: Record<string, string> = {},
): void {
  sendJson(ctx, status, { message, documentation_url: documentationUrl, status: String(status) }, { headers });
}

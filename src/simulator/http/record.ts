import type { RecordedRequest } from '../state.js';
import type { Middleware } from './context.js';

/** `Bearer abc` → `Bearer [REDACTED]` (STYLE §1: redact after the scheme, like octokit's RequestError). */
export function redactAuthorization(value: string): string {
  const scheme = /^\s*(\S+)/.exec(value)?.[1];
  return scheme && /\s/.test(value.trim()) ? `${scheme} [REDACTED]` : '[REDACTED]';
}

/** Records every request before anything else runs, so a test sees even the refused ones. */
export const recordRequest: Middleware = (ctx, next) => {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(ctx.req.headers)) {
    if (value === undefined) continue;
    const text = Array.isArray(value) ? value.join(', ') : value;
    headers[name] = name === 'authorization' || name === 'proxy-authorization' ? redactAuthorization(text) : text;
  }
  const entry: RecordedRequest = { server: ctx.server, method: ctx.method, path: ctx.req.url ?? '/', headers };
  ctx.state.requests.push(entry);
  ctx.res.once('finish', () => {
    entry.status = ctx.res.statusCode;
  });
  return next();
};

import type { Middleware, ServerName } from './context.js';

/**
 * A fault to inject: matched on server, method and path; it can delay the request, answer with a status, or both.
 * Only `status` and `delay` are implemented; the middleware list is the seam for more (resets, truncation, ...).
 */
export interface Fault {
  /** @default both */
  server?: ServerName;
  /** @default any */
  method?: string;
  /** Exact pathname, or a pattern tested against it. */
  path: string | RegExp;
  /** Answer with this status instead of the real route. */
  status?: number;
  /** Body for `status`: an object is sent as JSON, a string as is. @default empty */
  body?: unknown;
  headers?: Record<string, string>;
  /** Wait this long first (then answer `status`, or run the real route). */
  delayMs?: number;
  /** Match this many times, then stop. @default unlimited */
  times?: number;
}

function matches(fault: Fault, server: ServerName, method: string, path: string): boolean {
  if (fault.server && fault.server !== server) return false;
  if (fault.method && fault.method.toUpperCase() !== method) return false;
  return typeof fault.path === 'string' ? fault.path === path : fault.path.test(path);
}

/** Applies the first matching fault in `ctx.state.faults`. */
export const injectFaults: Middleware = async (ctx, next) => {
  const faults = ctx.state.faults;
  const fault = faults.find((f) => matches(f, ctx.server, ctx.method, ctx.url.pathname));
  if (!fault) return next();
  if (fault.times !== undefined && --fault.times <= 0) faults.splice(faults.indexOf(fault), 1);
  if (fault.delayMs) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
  if (fault.status === undefined) return next();
  const body = fault.body === undefined ? '' : typeof fault.body === 'string' ? fault.body : JSON.stringify(fault.body);
  const type = typeof fault.body === 'object' ? 'application/json; charset=utf-8' : 'text/plain; charset=utf-8';
  ctx.res.writeHead(fault.status, { 'content-type': type, ...fault.headers, 'content-length': String(Buffer.byteLength(body)) });
  ctx.res.end(body);
};

import type { Ctx, Middleware, ServerName } from './context.js';

/**
 * How a faulty answer misbehaves on the wire, beyond a plain status:
 * - `hang`: never answers; the connection stays open until the client gives up (a timeout).
 * - `reset`: sends the headers and part of the body, then resets the connection (TCP RST).
 * - `truncate`: `Content-Length` promises more than is sent, then the connection is closed (FIN).
 * - `huge`: a chunked JSON body of `bytes` (default 2 MiB) with no `Content-Length`, larger than a client should read.
 * - `malformed-json`: `application/json` that is not JSON.
 * - `redirect`: `status` (default 302) with `Location: location` (default: the request's own path, a loop).
 */
export type FaultKind = 'hang' | 'reset' | 'truncate' | 'huge' | 'malformed-json' | 'redirect';

/**
 * A fault to inject: matched on server, method and path; it can delay the request, answer with a status, misbehave
 * on the wire (`kind`), or a combination. Faults run after the request is recorded, so tests still see it.
 */
export interface Fault {
  /** @default both */
  server?: ServerName;
  /** @default any */
  method?: string;
  /** Exact pathname, or a pattern tested against it. */
  path: string | RegExp;
  /** Misbehaviour on the wire; without it, `status` (and `body`, `headers`) or `delayMs` describe the fault. */
  kind?: FaultKind;
  /** Answer with this status instead of the real route (for `kind`, the status of the faulty answer). */
  status?: number;
  /** Body for `status`: an object is sent as JSON, a string as is. @default empty */
  body?: unknown;
  headers?: Record<string, string>;
  /** For `redirect`: where to; absolute (another host) or a path. @default the request's own path */
  location?: string;
  /** For `huge`: the body's size in bytes. @default 2 MiB */
  bytes?: number;
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
  if (fault.kind) return misbehave(ctx, fault, fault.kind);
  if (fault.status === undefined) return next();
  const body = fault.body === undefined ? '' : typeof fault.body === 'string' ? fault.body : JSON.stringify(fault.body);
  const type = typeof fault.body === 'object' ? 'application/json; charset=utf-8' : 'text/plain; charset=utf-8';
  ctx.res.writeHead(fault.status, { 'content-type': type, ...fault.headers, 'content-length': String(Buffer.byteLength(body)) });
  ctx.res.end(body);
};

const JSON_TYPE = 'application/json; charset=utf-8';
/** A plausible start of a `GET /user` body: what a cut answer would have begun with. */
const PARTIAL = '{"login":"octocat","id":1,"node_id":"MDQ6VXNlcjE=","type":"User","site_admin":false,"name":"The Octocat"';

function misbehave(ctx: Ctx, fault: Fault, kind: FaultKind): Promise<void> | void {
  const { res } = ctx;
  const headers = { 'content-type': JSON_TYPE, ...fault.headers };
  switch (kind) {
    case 'hang':
      // Answer nothing; the route never runs. The client's timeout (or the simulator's close) ends the connection.
      return;
    case 'reset':
    case 'truncate': {
      const sent = Buffer.from(PARTIAL);
      res.writeHead(fault.status ?? 200, { ...headers, 'content-length': String(sent.length + 4096) });
      // Let the headers and the first bytes leave before the connection goes, so the cut is mid-body.
      return new Promise<void>((resolve) => {
        res.write(sent, () => {
          setTimeout(() => {
            const socket = res.socket;
            if (socket && kind === 'reset') socket.resetAndDestroy();
            else socket?.destroy();
            resolve();
          }, 20);
        });
      });
    }
    case 'huge': {
      // Chunked, with no Content-Length to warn the client: only a cap on what it reads protects it.
      const size = fault.bytes ?? 2 * 1024 * 1024;
      const body = Buffer.alloc(size, 0x20);
      body.write('{"login":"octocat","padding":"');
      body.write('"}', size - 2);
      res.writeHead(fault.status ?? 200, { ...headers, 'transfer-encoding': 'chunked' });
      for (let at = 0; at < size && !res.destroyed; at += 64 * 1024) res.write(body.subarray(at, at + 64 * 1024));
      res.end();
      return;
    }
    case 'malformed-json': {
      const body = '{"login":"octocat","id":1,,}';
      res.writeHead(fault.status ?? 200, { ...headers, 'content-length': String(Buffer.byteLength(body)) });
      res.end(body);
      return;
    }
    case 'redirect': {
      const location = fault.location ?? `${ctx.req.url ?? '/'}`;
      res.writeHead(fault.status ?? 302, { ...fault.headers, location, 'content-length': '0' });
      res.end();
      return;
    }
  }
}

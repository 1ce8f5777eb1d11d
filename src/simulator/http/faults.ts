import type { Ctx, Middleware, ServerName } from './context.js';
import type { Fault, FaultKind } from './fault-spec.js';

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

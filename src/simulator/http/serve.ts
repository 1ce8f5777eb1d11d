import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SimState } from '../state.js';
import type { Handler, ServerName } from './context.js';

/**
 * Adapts a `Handler` to `node:http`. An exception becomes a 500 with `{"message":"Server Error"}`, the body GitHub
 * uses for requests it kills (ledger github-api §8), so a simulator bug looks like a server error, not a hang.
 */
export function toListener(server: ServerName, state: SimState, handler: Handler) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    const ctx = {
      server,
      req,
      res,
      method: (req.method ?? 'GET').toUpperCase(),
      url: new URL(req.url ?? '/', 'http://simulator.invalid'),
      state,
    };
    Promise.resolve()
      .then(() => handler(ctx))
      .catch((error: unknown) => {
        if (res.headersSent) return void res.destroy(error instanceof Error ? error : undefined);
        const body = JSON.stringify({ message: 'Server Error' });
        res.writeHead(500, { 'content-type': 'application/json; charset=utf-8', 'content-length': String(body.length) });
        res.end(body);
      });
  };
}

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Credential } from '../access/credential.js';
import type { SimState } from '../state.js';
import type { ServerName } from './server-name.js';

export type { ServerName };

/** One request in flight. `credential` is set by the API's authentication middleware. */
export interface Ctx {
  server: ServerName;
  req: IncomingMessage;
  res: ServerResponse;
  method: string;
  url: URL;
  state: SimState;
  credential?: Credential;
}

export type Handler = (ctx: Ctx) => Promise<void> | void;
export type Middleware = (ctx: Ctx, next: () => Promise<void>) => Promise<void> | void;

/** Runs `middlewares` in order around `last`; a middleware that answers simply does not call `next`. */
export function compose(middlewares: readonly Middleware[], last: Handler): Handler {
  return (ctx) => {
    const step = async (index: number): Promise<void> => {
      const middleware = middlewares[index];
      if (!middleware) return last(ctx);
      return middleware(ctx, () => step(index + 1));
    };
    return step(0);
  };
}

/** A route: method + anchored path pattern; capture groups become `params`; `use` is its own middleware list. */
export interface Route {
  method: string;
  pattern: RegExp;
  use?: readonly Middleware[];
  handle: (ctx: Ctx, params: string[]) => Promise<void> | void;
}

function decode(part: string | undefined): string {
  try {
    return decodeURIComponent(part ?? '');
  } catch {
    return part ?? '';
  }
}

/** Dispatches to the first route whose method (HEAD counts as GET) and pattern match the path, else `fallback`. */
export function router(routes: readonly Route[], fallback: Handler): Handler {
  return (ctx) => {
    for (const route of routes) {
      const sameMethod = route.method === ctx.method || (ctx.method === 'HEAD' && route.method === 'GET');
      const match = sameMethod ? route.pattern.exec(ctx.url.pathname) : null;
      if (!match) continue;
      const params = match.slice(1).map(decode);
      return compose(route.use ?? [], (c) => route.handle(c, params))(ctx);
    }
    return fallback(ctx);
  };
}

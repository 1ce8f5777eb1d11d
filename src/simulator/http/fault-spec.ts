import type { ServerName } from './server-name.js';

// The fault a test asks for, apart from the middleware that applies it (faults.ts), so the simulator's state can
// hold faults without importing the request pipeline.

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

import type { HttpTraceEvent } from '../http/guarded-fetch.js';
import { symbols } from '../report/symbols.js';
import { terminalSafe } from '../terminal-safe.js';

/** One `--verbose` line for an HTTP exchange: method, URL, status, GitHub request id, time. */
export function formatHttpTrace(event: HttpTraceEvent, unicode: boolean): string {
  const arrow = symbols(unicode).arrow;
  const outcome = event.status === null ? `failed${event.error ? `: ${event.error}` : ''}` : String(event.status);
  // The request id is the server's text: a control byte in it would reach the terminal.
  const requestId = event.requestId ? ` request-id ${terminalSafe(event.requestId, 100)}` : '';
  return `${arrow} ${event.method} ${event.url} ${outcome} (${Math.round(event.ms)} ms${requestId ? `,${requestId}` : ''})`;
}

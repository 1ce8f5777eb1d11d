import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { HttpResponse } from './response.js';

/**
 * crpat's HTTP transport: the `fetch` every check, the Action and `secret set` use unless a caller injects its own.
 * It speaks HTTP/1.1 through `node:http`/`node:https` with keep-alive agents, and answers with a `Response` of its own
 * (response.ts: the standard interface without loading Node's fetch; the guards in guarded-fetch.ts, the retries and
 * @octokit/request read it like any fetch answer).
 *
 * Why not Node's global `fetch` (undici): measured by `npm run bench` (README "Performance"), a full check spent more
 * CPU loading undici and instantiating its WebAssembly HTTP parser than on anything else; `node:http`'s parser is
 * built into Node. Hand-written rather than a library because it is the few lines between two Node APIs.
 *
 * What it does not do, on purpose: follow redirects (it always answers the 3xx, as `redirect: 'manual'`; the guard
 * decides), decompress (it asks for none), cookies, proxies from the environment (neither does Node's fetch).
 * Like fetch, it rejects with the signal's reason when aborted, and an answer cut short is an error of the body.
 */
export function createNodeFetch(): typeof globalThis.fetch {
  // One pool per scheme for the whole run: a chain of requests to one host reuses its connection (TLS once).
  const agents = { 'http:': new HttpAgent({ keepAlive: true }), 'https:': new HttpsAgent({ keepAlive: true }) };

  return (input, init = {}) => {
    const url = new URL(input instanceof URL ? input.href : typeof input === 'string' ? input : input.url);
    const send = url.protocol === 'https:' ? httpsRequest : url.protocol === 'http:' ? httpRequest : null;
    if (send === null) return Promise.reject(new TypeError(`crpat's HTTP client cannot fetch ${url.protocol} URLs`));
    const signal = init.signal ?? undefined;
    if (signal?.aborted) return Promise.reject(signal.reason);
    const method = (init.method ?? 'GET').toUpperCase();
    const headers = headerRecord(init.headers);
    const body = bodyBytes(init.body);
    if (body !== null || !['GET', 'HEAD', 'DELETE', 'OPTIONS'].includes(method)) {
      headers['content-length'] = String(body?.byteLength ?? 0);
    }

    return new Promise<Response>((resolve, reject) => {
      let answered: IncomingMessage | null = null;
      // A reset (TCP RST) shows on the socket as its own error; a close (FIN) short of the body does not. Only when it
      // arrives after the bytes before it were read: when the last bytes and the RST are read in one wake-up (a busy
      // machine), libuv reports the end of the stream and the reset is never read (its "partial read after POLLHUP"
      // shortcut: https://github.com/libuv/libuv/issues/2319, changed in https://github.com/libuv/libuv/pull/4997),
      // so a reset mid-answer may read as a close. Both are retried alike and get the same advice (net-error.ts).
      const wire: { reset: boolean } = { reset: false };
      const onAbort = (): void => {
        const reason: unknown = signal?.reason;
        // Before the headers: the request fails. After: the body stream fails with the same reason.
        if (answered) answered.destroy(reason instanceof Error ? reason : undefined);
        request.destroy();
        reject(reason);
      };
      const request = send(url, { method, headers, agent: agents[url.protocol as 'http:' | 'https:'] }, (response) => {
        answered = response;
        response.once('close', () => signal?.removeEventListener('abort', onAbort));
        const nullBody = method === 'HEAD' || [101, 103, 204, 205, 304].includes(response.statusCode ?? 0);
        if (nullBody) response.resume();
        const init = { status: response.statusCode ?? 0, statusText: response.statusMessage ?? '', headers: pairs(response.rawHeaders) };
        resolve(new HttpResponse(nullBody ? null : bodyOf(response, signal, wire), init, () => response.destroy()));
      });
      signal?.addEventListener('abort', onAbort, { once: true });
      request.once('socket', (socket) => {
        const onError = (error: NodeJS.ErrnoException): void => {
          if (error.code === 'ECONNRESET') wire.reset = true;
        };
        socket.on('error', onError);
        // A kept-alive socket serves other requests later: listen only while this one is in flight.
        request.once('close', () => socket.off('error', onError));
      });
      request.once('error', (error: NodeJS.ErrnoException) => {
        signal?.removeEventListener('abort', onAbort);
        // Node names a peer that closed (FIN) before any answer "socket hang up" with the code ECONNRESET, though
        // nothing was reset; a real reset comes from a read or write (its syscall is set). undici calls it closed too.
        reject(signal?.aborted ? signal.reason : error.code === 'ECONNRESET' && error.syscall === undefined ? prematureClose() : error);
      });
      request.end(body ?? undefined);
    });
  };
}

/** The body's bytes as they arrive; an answer cut short fails as fetch's would (the abort reason, or "closed"). */
async function* bodyOf(response: IncomingMessage, signal: AbortSignal | undefined, wire: { reset: boolean }): AsyncGenerator<Uint8Array> {
  try {
    for await (const chunk of response) yield chunk as Uint8Array;
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    // Node reports both a reset and a peer that closed before the whole body (short of its Content-Length) as
    // ECONNRESET "aborted"; only a reset also failed the socket.
    if (!response.complete && !wire.reset && (error as { code?: unknown }).code === 'ECONNRESET') throw prematureClose();
    throw error;
  }
}

/** Node's own code for a stream that ended before its end; net-error.ts reads it as "closed before complete". */
function prematureClose(): Error {
  return Object.assign(new Error('the connection closed before the answer was complete'), { code: 'ERR_STREAM_PREMATURE_CLOSE' });
}

function headerRecord(init: RequestInit['headers']): Record<string, string> {
  const out: Record<string, string> = {};
  if (!init) return out;
  const entries: Iterable<[string, string]> =
    Array.isArray(init) || typeof (init as Headers).entries === 'function' ? (init as Iterable<[string, string]>) : Object.entries(init);
  for (const [name, value] of entries) out[name.toLowerCase()] = value;
  return out;
}

function bodyBytes(body: RequestInit['body']): Uint8Array | null {
  if (body === undefined || body === null) return null;
  if (typeof body === 'string') return Buffer.from(body);
  if (body instanceof Uint8Array) return body;
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  throw new TypeError("crpat's HTTP client sends only string and byte bodies");
}

/** `rawHeaders` ([name, value, name, value, ...]) as pairs, repeated headers kept. */
function pairs(raw: readonly string[]): [string, string][] {
  const out: [string, string][] = [];
  for (let i = 0; i + 1 < raw.length; i += 2) out.push([raw[i] as string, raw[i + 1] as string]);
  return out;
}

let shared: typeof globalThis.fetch | undefined;

/** The process's one transport, created on first use, so every request of a run shares its connection pools. */
export function defaultFetch(): typeof globalThis.fetch {
  return (shared ??= createNodeFetch());
}

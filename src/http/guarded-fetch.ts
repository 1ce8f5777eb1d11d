import { isLoopbackHost } from '../destination/endpoints.js';
import { NetError, toNetError } from './net-error.js';
import { isOnOrigin, onLoopbackLiteral, originOf } from './origin.js';
import { tlsVerificationDisabled, UNVERIFIED_TLS } from './tls-env.js';
import { RETRY_HEADER } from './retry.js';
import { HttpHeaders, HttpResponse, urlOf } from './response.js';

/** One HTTP exchange, as `--verbose` shows it. Holds no credential. */
export interface HttpTraceEvent {
  method: string;
  url: string;
  status: number | null;
  requestId: string | null;
  ms: number;
  error?: string;
}

export interface GuardedFetchOptions {
  fetch: typeof globalThis.fetch;
  /**
   * Origins that may receive an `Authorization` header: the API's and the registry's, e.g. `https://api.github.com`,
   * `http://127.0.0.1:5000`. Compared by scheme, host and port (http/origin.ts): another port is another service.
   */
  credentialOrigins: readonly string[];
  timeoutMs: number;
  /** Bodies larger than this are refused, so a hostile server cannot exhaust memory. @default 1 MiB */
  maxBodyBytes?: number;
  maxRedirects?: number;
  signal?: AbortSignal;
  /**
   * The environment that decides whether TLS certificates are verified (`NODE_TLS_REJECT_UNAUTHORIZED`): with
   * verification off, no credential is sent over https. @default process.env
   */
  env?: Readonly<Record<string, string | undefined>>;
  onHttp?: (event: HttpTraceEvent) => void;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const NULL_BODY = new Set([101, 103, 204, 205, 304]);

/**
 * A `fetch` that enforces crpat's rules on every exchange (hand-written: no library combines them):
 * HTTPS unless to a loopback address (`localhost` is sent to 127.0.0.1, never looked up); credentials only to the
 * allowed origins; redirects followed by hand and never to another origin (fetch itself would drop `Authorization`
 * cross-origin, but we refuse the hop outright and say so); a per-request timeout; a cap on the body. It answers
 * with a fully read Response or throws a NetError.
 */
export function createGuardedFetch(options: GuardedFetchOptions): typeof globalThis.fetch {
  const maxBody = options.maxBodyBytes ?? 1024 * 1024;
  const maxRedirects = options.maxRedirects ?? 5;

  return async (input, init = {}) => {
    let url = onLoopbackLiteral(new URL(urlOf(input)));
    let method = (init.method ?? 'GET').toUpperCase();
    const headers = new HttpHeaders(init.headers);
    for (let hop = 0; ; hop++) {
      assertAllowed(url, headers, options.credentialOrigins, options.env ?? process.env);
      const response = await exchange(url, method, { ...init, headers, method }, options, maxBody);
      const location = response.headers.get('location');
      if (!REDIRECTS.has(response.status) || location === null || !['GET', 'HEAD'].includes(method)) {
        return response;
      }
      const next = resolve(location, url);
      if (next === null) throw new NetError('redirect', `${url.host} redirected to an address that is not a URL`);
      if (originOf(next) !== originOf(url)) {
        const where = next.protocol === url.protocol ? next.host : next.origin;
        throw new NetError('redirect', `${url.host} redirected to ${where}; crpat does not follow a redirect to another host, port or scheme`);
      }
      if (hop + 1 >= maxRedirects) throw new NetError('redirect', `${url.host} redirected more than ${maxRedirects} times (a redirect loop)`);
      if (response.status === 303) method = 'GET';
      url = next;
    }
  };
}

/** `location` against `base` (`localhost` as 127.0.0.1), or null when it is not a URL (URL.parse needs Node 20.18+). */
function resolve(location: string, base: URL): URL | null {
  try {
    return onLoopbackLiteral(new URL(location, base));
  } catch {
    return null;
  }
}

function assertAllowed(url: URL, headers: HttpHeaders, credentialOrigins: readonly string[], env: GuardedFetchOptions['env'] & object): void {
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackHost(url.hostname))) {
    throw new NetError('insecure', `refused to use ${url.protocol}//${url.host}: only https is allowed, except to a loopback address`);
  }
  // fetch itself refuses such a URL with a TypeError that would pass for a network failure and be retried.
  if (url.username !== '' || url.password !== '') {
    throw new NetError('insecure', `refused to use an address on ${url.host} that carries a user name or password (user:password@)`);
  }
  if (headers.has('authorization') && !isOnOrigin(url, credentialOrigins)) {
    throw new NetError('off-host', `refused to send the token to ${url.origin}: it is neither the API's origin nor the registry's (scheme, host and port)`);
  }
  if (headers.has('authorization') && url.protocol === 'https:' && tlsVerificationDisabled(env)) {
    throw new NetError('unverified-tls', UNVERIFIED_TLS);
  }
}

async function exchange(
  url: URL,
  method: string,
  init: RequestInit,
  options: GuardedFetchOptions,
  maxBody: number,
): Promise<Response> {
  const timeout = AbortSignal.timeout(options.timeoutMs);
  const signal = options.signal ? AbortSignal.any([timeout, options.signal]) : timeout;
  const started = performance.now();
  const trace = (status: number | null, requestId: string | null, error?: string) =>
    options.onHttp?.({ method, url: url.href, status, requestId, ms: Math.round(performance.now() - started), ...(error ? { error } : {}) });
  try {
    const raw = await options.fetch(url, { ...init, method, redirect: 'manual', signal });
    const body = NULL_BODY.has(raw.status) ? null : await readCapped(raw, maxBody, url.host);
    trace(raw.status, raw.headers.get('x-github-request-id'));
    const answer = new HttpResponse(body, { status: raw.status, statusText: raw.statusText, headers: raw.headers });
    answer.headers.delete(RETRY_HEADER); // only our retry layer may say how often it tried, never the server
    return answer;
  } catch (error) {
    const netError = options.signal?.aborted ? stopped(options.signal, url.host) : toNetError(error, url.host, options.timeoutMs);
    trace(null, null, netError.message);
    throw netError;
  }
}

/** The caller's signal ended the exchange: the overall deadline (a TimeoutError) or a cancel. */
function stopped(signal: AbortSignal, host: string): NetError {
  const reason: unknown = signal.reason;
  return reason instanceof Error && reason.name === 'TimeoutError'
    ? new NetError('timeout', `crpat's overall time limit ran out before ${host} answered`)
    : new NetError('aborted', `the request to ${host} was cancelled`);
}

/** `1 MiB`, `512 KiB` or `300 bytes`. */
function sizeText(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MiB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return `${bytes} bytes`;
}

/** The whole body, or a NetError past `maxBytes`. Reads crpat's own answer (node-fetch.ts) or an injected fetch's. */
async function readCapped(response: Response, maxBytes: number, host: string): Promise<Uint8Array> {
  // An HttpResponse has a body getter that would build a web stream; its chunks are read directly.
  const own = response instanceof HttpResponse ? response : null;
  const stream = own ? null : response.body;
  if (!own && !stream) return new Uint8Array();
  if (Number(response.headers.get('content-length')) > maxBytes) {
    await (own ? own.cancel() : stream?.cancel());
    throw new NetError('too-large', `${host} announced an answer larger than ${sizeText(maxBytes)}; crpat did not read it`);
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of own ? own.chunks() : (stream as unknown as AsyncIterable<Uint8Array>)) {
    size += chunk.byteLength;
    if (size > maxBytes) {
      // Leaving the loop by throwing cancels the stream.
      throw new NetError('too-large', `${host} sent an answer larger than ${sizeText(maxBytes)}; crpat stopped reading it`);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

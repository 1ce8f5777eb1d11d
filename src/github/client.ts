import { request } from '@octokit/request';
import { NetError, toNetError } from '../http/net-error.js';
import { HttpHeaders } from '../http/response.js';

/** What one REST call produced: an answer of any status, or no answer at all. Never thrown. */
export type ApiOutcome =
  | { kind: 'response'; status: number; headers: Headers; body: unknown; requestId: string | null }
  | { kind: 'network'; error: NetError };

export type ApiGet = (route: string, params?: Record<string, string>) => Promise<ApiOutcome>;

const API_VERSION = '2022-11-28'; // ledger github-api §2.1: pin the version; 2022-11-28 is supported until at least 2027

/**
 * The GET client the checks use: a GitHub REST client built on @octokit/request, with our guarded fetch underneath.
 * Octokit throws on 4xx/5xx; we turn every answer back into a value so checks read status and headers alike.
 */
export function createApiGet(options: ClientOptions): ApiGet {
  const call = createApiRequest(options);
  return (route, params = {}) => call('GET', route, params);
}

interface ClientOptions {
  apiUrl: string;
  token: string;
  fetch: typeof globalThis.fetch;
  userAgent: string;
}

/**
 * A REST call; `params` fill the route's `{placeholders}` and the rest becomes the JSON body. A body that must be sent
 * as it is, even an empty object, goes in `params.data` (octokit sends `data` verbatim as JSON; an empty parameter
 * list would send no body at all). A route may carry its own query string (`?per_page=1`).
 */
export type ApiRequest = (method: 'GET' | 'POST' | 'PUT', route: string, params?: Record<string, unknown>) => Promise<ApiOutcome>;

/**
 * The sibling of {@link createApiGet} for other methods: Actions secrets (PUT) and the capability probes (POST), same
 * client, same guarded fetch, same outcomes. Only GETs are ever retried (http/retry.ts).
 */
export function createApiRequest(options: ClientOptions): ApiRequest {
  const client = request.defaults({
    baseUrl: options.apiUrl,
    headers: {
      authorization: `Bearer ${options.token}`,
      'user-agent': options.userAgent,
      'x-github-api-version': API_VERSION,
    },
    request: { fetch: options.fetch },
  });
  return async (method, route, params = {}) => {
    try {
      const response = await client(`${method} ${route}`, params);
      return answer(response.status, response.headers, response.data);
    } catch (error) {
      return outcomeOfError(error, options.apiUrl);
    }
  };
}

function outcomeOfError(error: unknown, apiUrl: string): ApiOutcome {
  const response = (error as { response?: { status: number; headers: Record<string, unknown>; data: unknown } }).response;
  if (response) return answer(response.status, response.headers, response.data);
  const cause = (error as { cause?: unknown }).cause;
  return { kind: 'network', error: cause instanceof NetError ? cause : toNetError(cause ?? error, new URL(apiUrl).host, 0) };
}

function answer(status: number, rawHeaders: Record<string, unknown>, body: unknown): ApiOutcome {
  const headers = new HttpHeaders();
  for (const [name, value] of Object.entries(rawHeaders)) {
    if (value !== undefined && value !== null) headers.set(name, String(value));
  }
  return { kind: 'response', status, headers, body, requestId: headers.get('x-github-request-id') };
}

import type { IncomingMessage, ServerResponse } from 'node:http';
import { recognizeToken } from '../token/recognize.js';
import {
  expectedAuthorization,
  nextAnswer,
  replayOrigins,
  rewriteJson,
  rewriteOrigins,
  shiftTimes,
  tokenPlaceholder,
} from '../trace/replay-plan.js';
import type { TraceDocument, TraceExchange } from '../trace/format.js';
import type { TokenKind, Verdict } from '../types.js';
import { listen, type Listening } from './http/listen.js';
import { mintToken, mistypeToken } from './tokens.js';

export interface StartReplayOptions {
  /** Loopback ports for the API and the registry. @default 0 for both: free ports */
  ports?: { api?: number; registry?: number };
  /** The replay's clock: recorded expiry and rate-limit reset times move by (now − the trace's time). */
  now?: () => Date;
}

export interface Replay {
  /** The API root to pass as `--api-url` (the recorded path kept, e.g. `/api/v3`). */
  apiUrl: string;
  /** The registry to pass as `--registry`. */
  registryUrl: string;
  registryHost: string;
  /** The recorded repositories, and the image and profile the run used. */
  repositories: string[];
  image: string | null;
  profile: string;
  /** A synthetic token of the recorded kind (and, when the recorded one was malformed, the same flaw). */
  token: string;
  tokenKind: TokenKind;
  /** The verdict the replay should lead to: the recorded one, or the corrected one of a trace marked as wrong. */
  expectedVerdict: Verdict;
  /** Requests that matched nothing recorded (answered 404), in order. */
  unmatched: { method: string; url: string }[];
  close(): Promise<void>;
}

/**
 * Serves a trace's recorded answers on loopback: one server per recorded origin (the API, the registry, and any
 * other the run reached), each request answered with the first unserved recording of the same method and path, its
 * failures on the wire played again (a reset, a cut body, a hang, a body too large), recorded addresses moved to the
 * loopback ones; anything not recorded gets a plain 404. The one answer it adds is ghcr's `GET /v2/` challenge when
 * the run skipped it (crpat knows ghcr's realm and does not ask, registry/login.ts): without it a replay on another
 * host would ask and find nothing.
 */
export async function startReplay(trace: TraceDocument, options: StartReplayOptions = {}): Promise<Replay> {
  const origins = replayOrigins(trace);
  const token = replayToken(trace.token);
  const placeholder = tokenPlaceholder(trace);
  const shiftMs = (options.now ?? (() => new Date()))().getTime() - Date.parse(trace.time);
  const served = new Set<number>();
  const unmatched: Replay['unmatched'] = [];
  const map = new Map<string, string>();
  const servers: Listening[] = [];
  const exchanges = trace.exchanges;

  const portOf = (origin: string): number => (origin === origins.api ? options.ports?.api : origin === origins.registry ? options.ports?.registry : 0) ?? 0;
  try {
    for (const origin of origins.all) {
      const server = await listen((req, res) => void answer(origin, req, res), undefined, portOf(origin));
      servers.push(server);
      map.set(origin, server.url);
    }
  } catch (error) {
    await Promise.all(servers.map((s) => s.close()));
    throw error;
  }
  const rewrite = (text: string): string => rewriteOrigins(text, map);
  const challenge = skippedChallenge(exchanges, origins.registry, rewrite);

  async function answer(origin: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
    req.resume();
    await new Promise((resolve) => req.on('end', resolve).on('error', resolve));
    const method = (req.method ?? 'GET').toUpperCase();
    const target = req.url ?? '/';
    const index = nextAnswer(exchanges, served, origin, method, target);
    if (index === null) {
      if (challenge && origin === origins.registry && method === 'GET' && target === '/v2/') return void send(res, 401, challenge.headers, challenge.body, method);
      unmatched.push({ method, url: `${map.get(origin) ?? origin}${target}` });
      return void send(res, 404, { 'content-type': 'text/plain; charset=utf-8' }, 'Not Found', method);
    }
    const exchange = exchanges[index]!;
    const wanted = placeholder === null ? null : expectedAuthorization(exchange.request?.['authorization'], placeholder, token);
    // Another credential gets a plain refusal and leaves the recorded answer for the right one.
    if (wanted !== null && req.headers.authorization !== wanted) {
      return void send(res, 401, { 'content-type': 'text/plain; charset=utf-8' }, 'This replay accepts only the token crpat simulator --replay printed.', method);
    }
    served.add(index);
    await play(exchange, req, res, method);
  }

  async function play(exchange: TraceExchange, req: IncomingMessage, res: ServerResponse, method: string): Promise<void> {
    const error = exchange.error;
    if (error?.phase === 'headers') return void cut(req, error.kind);
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(exchange.headers ?? {})) {
      if (name === 'content-length' || name === 'transfer-encoding') continue;
      headers[name] = shiftTimes(name, rewrite(value), shiftMs);
    }
    const body = bodyOf(exchange, rewrite);
    const status = exchange.status ?? 200;
    if (exchange.cancelled) return tooLarge(res, status, headers, body, exchange);
    if (error?.phase === 'body') {
      res.writeHead(status, { ...headers, 'content-length': String(body.byteLength + 4096) });
      res.write(body, () => setTimeout(() => cut(req, error.kind), 20));
      return;
    }
    send(res, status, headers, body, method);
  }

  return {
    apiUrl: `${map.get(origins.api)!}${origins.apiPath}`,
    registryUrl: map.get(origins.registry)!,
    registryHost: new URL(map.get(origins.registry)!).host,
    repositories: trace.options.repositories,
    image: trace.options.image ?? null,
    profile: trace.options.profile,
    token,
    tokenKind: trace.token.kind,
    expectedVerdict: trace.wrongVerdict?.verdict ?? trace.report.verdict,
    unmatched,
    close: async () => void (await Promise.all(servers.map((s) => s.close()))),
  };
}

const NULL_BODY = new Set([204, 205, 304]);

function send(res: ServerResponse, status: number, headers: Record<string, string>, body: string | Buffer, method: string): void {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  if (NULL_BODY.has(status)) {
    res.writeHead(status, headers).end();
    return;
  }
  res.writeHead(status, { ...headers, 'content-length': String(bytes.byteLength) });
  res.end(method === 'HEAD' ? undefined : bytes);
}

/** A failure on the wire, played again: a hang (the client times out), a close (FIN) or a reset (RST). */
function cut(req: IncomingMessage, kind: string): void {
  if (kind === 'timeout') return; // never answered; the server's close ends the connection
  if (kind === 'closed') req.socket.destroy();
  else req.socket.resetAndDestroy();
}

/** An answer crpat stopped reading: as announced (Content-Length) or streamed, larger than crpat reads. */
function tooLarge(res: ServerResponse, status: number, headers: Record<string, string>, start: Buffer, exchange: TraceExchange): void {
  const announced = Number(exchange.headers?.['content-length']);
  const size = Number.isInteger(announced) && announced > start.byteLength ? announced : Math.max(exchange.bodyBytes, 1024 * 1024) + 64 * 1024;
  res.writeHead(status, { ...headers, ...(announced > 0 ? { 'content-length': String(size) } : { 'transfer-encoding': 'chunked' }) });
  res.write(start);
  const chunk = Buffer.alloc(64 * 1024, 0x20);
  for (let sent = start.byteLength; sent < size && !res.destroyed; sent += chunk.byteLength) res.write(chunk.subarray(0, Math.min(chunk.byteLength, size - sent)));
  res.end();
}

function bodyOf(exchange: TraceExchange, rewrite: (text: string) => string): Buffer {
  if (exchange.json !== undefined) return Buffer.from(JSON.stringify(rewriteJson(exchange.json, rewrite)));
  if (exchange.body === undefined) return Buffer.alloc(0);
  return exchange.bodyEncoding === 'base64' ? Buffer.from(exchange.body, 'base64') : Buffer.from(rewrite(exchange.body));
}

/**
 * ghcr's answer to `GET /v2/` without credentials (cloudflare/serverless-registry#148 quotes the header), pointed at
 * the recorded token service, when the run asked the token service without that ping.
 */
function skippedChallenge(exchanges: readonly TraceExchange[], registry: string, rewrite: (text: string) => string) {
  const pinged = exchanges.some((e) => e.method === 'GET' && e.url === `${registry}/v2/`);
  const tokenCall = exchanges.find((e) => e.method === 'GET' && new URL(e.url).searchParams.has('scope'));
  if (pinged || !tokenCall) return null;
  const url = new URL(tokenCall.url);
  const service = url.searchParams.get('service');
  return {
    headers: {
      'content-type': 'application/json',
      'docker-distribution-api-version': 'registry/2.0',
      'www-authenticate': `Bearer realm="${rewrite(url.origin + url.pathname)}"${service ? `,service="${service}"` : ''}`,
    },
    body: '{"errors":[{"code":"UNAUTHORIZED","message":"authentication required"}]}\n',
  };
}

/**
 * A synthetic token of the recorded kind, minted here (never the original): well-formed, or with the same flaw the
 * recorded token's shape had, so the format check decides as it did.
 */
export function replayToken(recorded: TraceDocument['token']): string {
  const kind = recorded.kind === 'unknown' ? 'classic' : recorded.kind;
  const good = recorded.label?.startsWith('legacy') ? '0123456789abcdef0123456789abcdef01234567' : mintToken(kind, 'crpat-replay');
  const flawed: Record<string, string> = {
    checksum: mistypeToken(good),
    length: good.slice(0, -4),
    whitespace: `${good.slice(0, 10)} ${good.slice(10)}`,
    control: `${good.slice(0, 10)}\t${good.slice(10)}`,
    alphabet: `${good.slice(0, 10)}é${good.slice(11)}`,
    'two-tokens': `${good} ${mintToken(kind, 'crpat-replay-2')}`,
    'not-github': 'REDACTED-not-a-github-token',
    empty: '',
  };
  const candidate = recorded.problem ? (flawed[recorded.problem] ?? good) : recorded.kind === 'unknown' ? flawed['not-github']! : good;
  // Whatever was minted must read as the recorded shape; when it does not, the well-formed token is the safer guess.
  const shape = recognizeToken(candidate);
  return (shape.problem?.code ?? null) === (recorded.problem ?? null) ? candidate : good;
}

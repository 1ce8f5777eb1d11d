import { toNetError } from '../http/net-error.js';
import type { WireExchange } from '../http/record.js';
import { maskToken } from '../token/mask.js';
import { recognizeToken, type TokenShape } from '../token/recognize.js';
import type { ManyReport, Report } from '../types.js';
import { createRedactor, type RedactionKind, type Redactor } from './redact.js';
import type { TraceDocument, TraceExchange, TraceOptions } from './format.js';

/** The response headers kept: every one a check, the retry layer or the registry client reads (grep `headers.get`). */
export const TRACE_HEADERS: readonly string[] = [
  'content-type',
  'content-length',
  'location',
  'www-authenticate',
  'retry-after',
  'link',
  'x-oauth-scopes',
  'x-accepted-oauth-scopes',
  'x-accepted-github-permissions',
  'x-oauth-client-id',
  'github-authentication-token-expiration',
  'x-github-sso',
  'x-github-request-id',
  'x-github-media-type',
  'x-github-api-version-selected',
  'x-ratelimit-limit',
  'x-ratelimit-remaining',
  'x-ratelimit-reset',
  'x-ratelimit-used',
  'x-ratelimit-resource',
  'docker-distribution-api-version',
  'docker-upload-uuid',
  'range',
];
const REQUEST_HEADERS = ['authorization', 'accept', 'content-type', 'x-github-api-version'];
/** A body crpat stopped reading (too large) keeps only this much, for a look. */
const CUT_BODY_BYTES = 1024;

const WHAT: Record<RedactionKind, string> = {
  token: 'the token, in every form (as is, URL-encoded, inside the Basic credential, base64 at any alignment, any 16 of its characters)',
  'registry-token': "the registry's bearer tokens (from its token service, and wherever they were sent back)",
  'sso-code': 'SAML SSO authorization codes (X-GitHub-SSO authorization_request=…)',
  'public-key': 'public keys for Actions secrets',
  'secret-value': 'encrypted secret values',
  email: 'e-mail addresses',
};

export interface TraceInput {
  version: string;
  /** When the run started. */
  time: Date;
  /** `performance.now()` when the run started, so each exchange says when it began. */
  startedAt: number;
  options: TraceOptions;
  /** Trimmed, as the shells read it. Used only to find and replace it: it is never written. */
  token: string;
  /** What the token is, when the caller recognised it already (the CLI, as it read it); recognised here otherwise. */
  shape?: TokenShape;
  exchanges: readonly WireExchange[];
  report: Report | ManyReport;
}

/** The redacted trace document (pure). Everything it holds has passed through the redactor. */
export function buildTrace(input: TraceInput): TraceDocument {
  const redactor = createRedactor(input.token);
  const ordered = [...input.exchanges].sort((a, b) => a.startedAt - b.startedAt);
  const timeoutMs = input.options.timeoutSeconds * 1000;
  const drafts = ordered.map((exchange) => draft(exchange, input.startedAt, timeoutMs));
  for (const exchange of drafts) learnSecrets(exchange, redactor);
  const shape = input.shape ?? recognizeToken(input.token);
  const body = {
    crpat: input.version,
    time: input.time.toISOString(),
    options: input.options,
    token: { kind: shape.kind, label: shape.label, masked: maskToken(input.token), problem: shape.problem?.code ?? null },
    exchanges: drafts,
    report: input.report,
  };
  const clean = redactDeep(body, redactor);
  const counts = redactor.counts();
  const placeholders: Record<RedactionKind, string> = {
    token: redactor.tokenPlaceholder,
    'registry-token': 'REDACTED… (same length)',
    'sso-code': 'REDACTED… (same length)',
    'public-key': 'REDACTED… (same length)',
    'secret-value': 'REDACTED… (same length)',
    email: 'redacted@example.invalid',
  };
  const redacted = (Object.keys(WHAT) as RedactionKind[]).map((kind) => ({ what: WHAT[kind], kind, placeholder: placeholders[kind], count: counts[kind] }));
  return { crpatTrace: 1, redacted, ...clean };
}

/** The document as written: pretty JSON, one trailing newline. */
export function renderTrace(trace: TraceDocument): string {
  return `${JSON.stringify(trace, null, 2)}\n`;
}

function draft(exchange: WireExchange, runStart: number, timeoutMs: number): TraceExchange {
  const url = new URL(exchange.url);
  const request: Record<string, string> = {};
  for (const name of REQUEST_HEADERS) {
    const value = exchange.requestHeaders.get(name);
    if (value !== null) request[name] = value;
  }
  const headers: Record<string, string> = {};
  for (const name of TRACE_HEADERS) {
    const value = exchange.responseHeaders?.get(name);
    if (value !== null && value !== undefined) headers[name] = value;
  }
  const kept = exchange.cancelled ? exchange.body.subarray(0, CUT_BODY_BYTES) : exchange.body;
  const error = exchange.failure ? toNetError(exchange.failure.error, url.host, timeoutMs) : null;
  return {
    method: exchange.method,
    url: exchange.url,
    request,
    status: exchange.status,
    headers,
    ...bodyOf(kept, headers['content-type'] ?? '', !exchange.cancelled && kept.byteLength === exchange.bodyBytes),
    bodyBytes: exchange.bodyBytes,
    ...(kept.byteLength < exchange.bodyBytes ? { bodyCut: true as const } : {}),
    ...(exchange.cancelled ? { cancelled: true as const } : {}),
    ...(error && exchange.failure ? { error: { phase: exchange.failure.phase, kind: error.kind, message: error.message } } : {}),
    at: Math.max(0, Math.round(exchange.startedAt - runStart)),
    ms: exchange.ms,
  };
}

/** A whole JSON body parsed (easier to read and redact); anything else as UTF-8 text, or base64 when it is not text. */
function bodyOf(bytes: Uint8Array, contentType: string, whole: boolean): Pick<TraceExchange, 'json' | 'body' | 'bodyEncoding'> {
  if (bytes.byteLength === 0) return {};
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { body: Buffer.from(bytes).toString('base64'), bodyEncoding: 'base64' };
  }
  if (whole && /\bjson\b/i.test(contentType)) {
    try {
      return { json: JSON.parse(text) as unknown };
    } catch {
      // not JSON after all (the malformed-JSON case): kept as text, byte for byte
    }
  }
  return { body: text };
}

/** Secrets that only the answers reveal: registry tokens, SSO codes, public keys, secret values. */
function learnSecrets(exchange: TraceExchange, redactor: Redactor): void {
  const sso = exchange.headers['x-github-sso'];
  for (const match of sso?.matchAll(/authorization_request=([^&;,\s]+)/g) ?? []) redactor.add(match[1]!, 'sso-code');
  const auth = exchange.request['authorization'];
  const bearer = auth ? /^Bearer\s+(\S+)$/i.exec(auth) : null;
  if (bearer && exchange.url.includes('/v2/')) redactor.add(bearer[1]!, 'registry-token');
  const json = exchange.json;
  if (typeof json !== 'object' || json === null) return;
  const record = json as Record<string, unknown>;
  for (const field of ['token', 'access_token', 'refresh_token']) {
    const value = record[field];
    if (typeof value === 'string') redactor.add(value, 'registry-token');
  }
  if (typeof record['key'] === 'string' && 'key_id' in record) redactor.add(record['key'], 'public-key');
  if (typeof record['encrypted_value'] === 'string') redactor.add(record['encrypted_value'], 'secret-value');
}

function redactDeep<T>(value: T, redactor: Redactor): T {
  if (typeof value === 'string') return redactor.text(value) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => redactDeep(item, redactor)) as T;
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, redactDeep(item, redactor)])) as T;
  }
  return value;
}

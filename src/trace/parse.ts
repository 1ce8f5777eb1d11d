import { err, ok, type Result } from '../result.js';
import type { TraceDocument, TraceExchange } from './format.js';

const MAX_TRACE_BYTES = 64 * 1024 * 1024;

/**
 * A trace file's text → the document, checked enough that replaying it cannot crash: every problem is one sentence
 * naming the first wrong field. Pure; never throws.
 */
export function parseTrace(text: string): Result<TraceDocument> {
  if (text.length > MAX_TRACE_BYTES) return err('it is larger than 64 MiB, which no crpat run writes');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return err('it is not JSON (a trace is the JSON document crpat check --trace writes)');
  }
  if (!isObject(value) || value['crpatTrace'] !== 1) return err('it is not a crpat trace (no "crpatTrace": 1 at its top)');
  const options = value['options'];
  if (!isObject(options) || !isString(options['apiUrl']) || !isString(options['registry']) || !isStringArray(options['repositories'])) {
    return err('its "options" lack apiUrl, registry or repositories');
  }
  for (const field of ['apiUrl', 'registry'] as const) if (!isUrl(options[field] as string)) return err(`its options.${field} is not a URL`);
  const token = value['token'];
  if (!isObject(token) || !isString(token['kind'])) return err('its "token" has no kind');
  if (!isString(value['time']) || Number.isNaN(Date.parse(value['time']))) return err('its "time" is not a date');
  const report = value['report'];
  if (!isObject(report) || !isString(report['verdict'])) return err('its "report" has no verdict');
  const exchanges = value['exchanges'];
  if (!Array.isArray(exchanges)) return err('its "exchanges" is not a list');
  for (const [index, exchange] of exchanges.entries()) {
    const problem = exchangeProblem(exchange);
    if (problem) return err(`exchange #${index + 1} ${problem}`);
  }
  return ok(value as unknown as TraceDocument);
}

function exchangeProblem(value: unknown): string | null {
  if (!isObject(value)) return 'is not an object';
  if (!isString(value['method']) || !/^[A-Z]+$/.test(value['method'])) return 'has no method';
  if (!isString(value['url']) || !isUrl(value['url'])) return 'has no URL';
  const status = value['status'];
  if (status !== null && !(Number.isInteger(status) && (status as number) >= 100 && (status as number) <= 599)) return 'has a status that is not an HTTP status';
  for (const field of ['headers', 'request'] as const) {
    const headers = value[field];
    if (headers !== undefined && (!isObject(headers) || !Object.values(headers).every(isString))) return `has ${field} that are not text`;
  }
  if (value['body'] !== undefined && !isString(value['body'])) return 'has a body that is not text';
  const error = value['error'];
  if (error !== undefined && (!isObject(error) || !isString(error['kind']) || !['headers', 'body'].includes(error['phase'] as string))) return 'has an error without kind or phase';
  if (status === null && error === undefined) return 'has neither a status nor an error';
  return null;
}

export type { TraceExchange };

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isString(value: unknown): value is string {
  return typeof value === 'string';
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every(isString);
}

function isUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

import { terminalSafe } from '../terminal-safe.js';
/**
 * GitHub's REST error envelope `{"message", "documentation_url", "status"}` (ledger github-api §10;
 * `status` is a string since 2024, absent in older bodies, §2.4). Pure; never throws.
 */

export interface GitHubErrorBody {
  /** Control characters replaced by spaces, at most 500 characters; `''` when the body had none. */
  message: string;
  documentationUrl: string | null;
  status: string | null;
}

const MAX_BODY = 1_000_000;
const MAX_MESSAGE = 500;

/** Null for non-JSON, non-objects, and objects with neither `message` nor `documentation_url`. */
export function parseGitHubError(text: string): GitHubErrorBody | null {
  const body = jsonObject(text);
  if (body === null) return null;
  const message = typeof body['message'] === 'string' ? terminalSafe(body['message'], MAX_MESSAGE) : null;
  const docs = body['documentation_url'];
  const documentationUrl = typeof docs === 'string' ? terminalSafe(docs, MAX_MESSAGE) : null;
  if (message === null && documentationUrl === null) return null;
  return { message: message ?? '', documentationUrl, status: statusOf(body['status']) };
}

function statusOf(status: unknown): string | null {
  if (typeof status === 'string') return terminalSafe(status, 20);
  return typeof status === 'number' && Number.isInteger(status) ? String(status) : null;
}

function jsonObject(text: string): Record<string, unknown> | null {
  if (text.length > MAX_BODY) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  return value as Record<string, unknown>;
}


import { terminalSafe } from '../terminal-safe.js';

/**
 * The registry error body `{"errors":[{"code","message","detail"}]}` (OCI distribution spec; ledger ghcr
 * §2, §3.1). ghcr puts the reason in `message`, e.g. `permission_denied: write_package`. Pure; never throws.
 */

export interface RegistryError {
  code: string;
  message: string;
}

const MAX_BODY = 1_000_000;
const MAX_ERRORS = 20;
const MAX_CODE = 100;
const MAX_MESSAGE = 500;

/** The errors with a string `code` (message `''` when missing); `[]` for non-JSON or any other shape. */
export function parseRegistryErrors(text: string): RegistryError[] {
  if (text.length > MAX_BODY) return [];
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return [];
  }
  const errors = typeof body === 'object' && body !== null ? (body as { errors?: unknown }).errors : undefined;
  return Array.isArray(errors) ? errors.slice(0, MAX_ERRORS).flatMap(registryError) : [];
}

function registryError(entry: unknown): RegistryError[] {
  if (typeof entry !== 'object' || entry === null) return [];
  const { code, message } = entry as { code?: unknown; message?: unknown };
  if (typeof code !== 'string' || code.trim() === '') return [];
  const text = typeof message === 'string' ? terminalSafe(message, MAX_MESSAGE) : '';
  return [{ code: terminalSafe(code.trim(), MAX_CODE), message: text }];
}

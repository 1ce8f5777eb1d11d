import type { SimSecret } from '../secrets-state.js';

/**
 * Request and response bodies of the Actions secrets endpoints, from the OpenAPI description (`actions-public-key`,
 * `actions-secret`, `organization-actions-secret`, the PUT request schemas) and ledger github-api §7.
 */

export type Visibility = 'all' | 'private' | 'selected';

export interface SecretPut {
  encryptedValue: string | null;
  keyId: string | null;
  visibility: Visibility | null;
  selectedRepositoryIds: number[] | null;
}

export type Parsed = { ok: true; value: SecretPut } | { ok: false; status: 400 | 422; reason: string };

// OpenAPI `encrypted_value.pattern`: standard padded base64 (ledger github-api §7).
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=|[A-Za-z0-9+/]{4})$/;
// ledger github-api §7: [A-Za-z0-9_] only, not starting with a digit or GITHUB_.
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function secretNameProblem(name: string): string | null {
  if (!NAME.test(name)) return 'Secret names can only contain alphanumeric characters or underscores, and must not start with a number.';
  if (/^GITHUB_/i.test(name)) return 'Secret names must not start with the GITHUB_ prefix.';
  return null;
}

/** Validates a PUT body; `org` bodies require `visibility`, repository bodies `encrypted_value` and `key_id`. */
export function parseSecretPut(text: string, level: SimSecret['level']): Parsed {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return { ok: false, status: 400, reason: 'json' };
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return invalid('The request body must be a JSON object.');
  const fields = body as Record<string, unknown>;
  const encryptedValue = optionalString(fields, 'encrypted_value');
  const keyId = optionalString(fields, 'key_id');
  if (encryptedValue === false || keyId === false) return invalid('"encrypted_value" and "key_id" must be strings.');
  if (encryptedValue !== null && !BASE64.test(encryptedValue)) return invalid('"encrypted_value" is not standard base64.');
  if ((encryptedValue === null) !== (keyId === null)) return invalid('"encrypted_value" and "key_id" go together.');
  if (level === 'repository') {
    if (encryptedValue === null) return invalid('"encrypted_value" wasn\'t supplied.');
    return { ok: true, value: { encryptedValue, keyId, visibility: null, selectedRepositoryIds: null } };
  }
  return parseOrgFields(fields, encryptedValue, keyId);
}

function parseOrgFields(fields: Record<string, unknown>, encryptedValue: string | null, keyId: string | null): Parsed {
  const visibility = fields['visibility'];
  if (visibility !== 'all' && visibility !== 'private' && visibility !== 'selected') {
    return invalid('"visibility" must be one of all, private, selected.');
  }
  const ids = fields['selected_repository_ids'];
  if (ids === undefined) return { ok: true, value: { encryptedValue, keyId, visibility, selectedRepositoryIds: null } };
  if (visibility !== 'selected') return invalid('"selected_repository_ids" can only be given when "visibility" is selected.');
  // OpenAPI: items are integers or strings (of digits).
  const parsed = Array.isArray(ids) ? ids.map((id) => (typeof id === 'string' && /^\d+$/.test(id) ? Number(id) : id)) : null;
  if (!parsed || !parsed.every((id): id is number => Number.isSafeInteger(id))) {
    return invalid('"selected_repository_ids" must be an array of repository ids.');
  }
  return { ok: true, value: { encryptedValue, keyId, visibility, selectedRepositoryIds: parsed } };
}

function optionalString(fields: Record<string, unknown>, name: string): string | null | false {
  const value = fields[name];
  if (value === undefined) return null;
  return typeof value === 'string' ? value : false;
}

function invalid(reason: string): Parsed {
  return { ok: false, status: 422, reason };
}

/** `actions-secret` or `organization-actions-secret`; `selected_repositories_url` only for `selected` [inferred]. */
export function secretBody(secret: SimSecret, apiUrl: string): Record<string, unknown> {
  const body: Record<string, unknown> = {
    name: secret.name,
    created_at: isoSeconds(secret.createdAt),
    updated_at: isoSeconds(secret.updatedAt),
  };
  if (secret.level === 'organization') {
    body['visibility'] = secret.visibility;
    if (secret.visibility === 'selected') {
      body['selected_repositories_url'] = `${apiUrl}/orgs/${secret.owner}/actions/secrets/${secret.name}/repositories`;
    }
  }
  return body;
}

function isoSeconds(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}

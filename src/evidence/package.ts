import type { ApiOutcome } from '../github/client.js';
import { type Answer, isObject } from './answer.js';

/**
 * The packages REST API read that tells whether the image's package exists and which repository it is linked to
 * (ledger ghcr §5). Pure: the path to GET and the reading of its answer.
 *
 * - `GET /orgs/{org}/packages/container/{name}`, `GET /users/{username}/packages/container/{name}` and, for the
 *   token's own namespace, `GET /user/packages/container/{name}` (OpenAPI packages/get-package-for-organization,
 *   -for-user, -for-authenticated-user; the `/users/` one is documented for public packages of a user).
 * - Classic tokens need `read:packages` (OpenAPI descriptions; `write:packages` implies it). Nested names are sent
 *   with `/` percent-encoded (ledger ghcr §5.1).
 * - 200 → the `package` schema, whose `repository` is the linked repository or null (ledger ghcr §5.3).
 * - 404 `Package not found.` → absent or not visible: the API does not tell which (ledger ghcr §5.3).
 */

export type PackageEvidence =
  | { kind: 'exists'; linkedRepository: string | null; visibility: string | null }
  | { kind: 'absent-or-hidden' }
  | { kind: 'unknown'; reason: string };

/**
 * The path to read the package of `image` (`owner/name[/more]`, the registry path). `login`: the token's user, when
 * known, so a user's own private package is read through `/user/…`.
 */
export function packageLookupPath(image: string, ownerIsOrg: boolean, login: string | null): string {
  const slash = image.indexOf('/');
  const owner = image.slice(0, slash);
  const name = encodeURIComponent(image.slice(slash + 1));
  if (ownerIsOrg) return `/orgs/${encodeURIComponent(owner)}/packages/container/${name}`;
  if (login !== null && login.toLowerCase() === owner.toLowerCase()) return `/user/packages/container/${name}`;
  return `/users/${encodeURIComponent(owner)}/packages/container/${name}`;
}

/** The package read as part of the evidence record: no answer at all (a network failure) is unknown. */
export function readPackage(outcome: ApiOutcome): PackageEvidence {
  return packageEvidence(outcome.kind === 'response' ? { status: outcome.status, headers: outcome.headers, body: outcome.body } : null);
}

export function packageEvidence(answer: Answer | null): PackageEvidence {
  if (answer === null) return { kind: 'unknown', reason: 'the packages API gave no answer' };
  const body = isObject(answer.body) ? answer.body : {};
  if (answer.status === 200) {
    const repository = isObject(body['repository']) ? body['repository'] : null;
    const linked = repository && typeof repository['full_name'] === 'string' ? repository['full_name'] : null;
    return { kind: 'exists', linkedRepository: linked, visibility: typeof body['visibility'] === 'string' ? body['visibility'] : null };
  }
  if (answer.status === 404) return { kind: 'absent-or-hidden' };
  const message = typeof body['message'] === 'string' ? body['message'] : `HTTP ${answer.status}`;
  return { kind: 'unknown', reason: `the packages API answered ${answer.status} (${message})` };
}

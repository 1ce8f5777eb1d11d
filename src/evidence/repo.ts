import type { ApiOutcome } from '../github/client.js';
import { type ApiMeaning, classifyApi, isUndecided, messageText } from '../github/classify.js';
import { terminalSafe } from '../terminal-safe.js';

/** A repository role as GitHub names it (ledger github-api §3: `permissions` mirrors it). */
export type Role = 'read' | 'triage' | 'write' | 'maintain' | 'admin';

/**
 * What `GET /repos/{owner}/{repo}` established, as the capability modules judge it: visible (with visibility, owner
 * kind and the user's role), hidden from the token, or unknown (no answer, or one that decides nothing).
 */
export type RepoView =
  | {
      kind: 'visible';
      /** `private` from the body; `internal` repositories count as private (ledger github-api §3). */
      private: boolean;
      ownerIsOrg: boolean;
      /** The user's role from `permissions`; null when the body carried none (ledger github-api §3). */
      role: Role | null;
    }
  | { kind: 'hidden'; status: number; message: string }
  | { kind: 'unknown'; reason: string };

/** `GET /repos/{owner}/{repo}`, read once (OpenAPI `full-repository`): the view above plus what the checks quote. */
export type RepoRecord = { answer: ApiOutcome; meaning: ApiMeaning } & (
  | (Extract<RepoView, { kind: 'visible' }> & {
      /** Cleaned for a terminal, as everything below. */
      fullName: string;
      ownerLogin: string;
      /** `visibility` from the body (`public`, `private`, `internal`), else from `private`. */
      visibility: string;
    })
  | Exclude<RepoView, { kind: 'visible' }>
);

export function readRepo(answer: ApiOutcome): RepoRecord {
  const meaning = classifyApi(answer);
  const base = { answer, meaning };
  if (answer.kind !== 'response') return { ...base, kind: 'unknown', reason: 'GET /repos/{owner}/{repo} got no answer' };
  if (meaning.kind === 'ok' && answer.status === 200) {
    const body = answer.body as Record<string, unknown>;
    const owner = isObject(body['owner']) ? body['owner'] : {};
    const visibility = typeof body['visibility'] === 'string' ? terminalSafe(body['visibility'], 20) : body['private'] === true ? 'private' : 'public';
    return {
      ...base,
      kind: 'visible',
      private: body['private'] === true || visibility !== 'public',
      ownerIsOrg: owner['type'] === 'Organization',
      role: roleFrom(body['permissions']),
      // Server text reaches a terminal: control characters go.
      fullName: terminalSafe(String(body['full_name'] ?? ''), 200),
      ownerLogin: terminalSafe(String(owner['login'] ?? ''), 100),
      visibility,
    };
  }
  // ledger github-api §3: 404 (not 403) for a private repository the token cannot see; 403 for SSO and org policies.
  if ((answer.status === 404 || answer.status === 403) && !isUndecided(meaning)) {
    return { ...base, kind: 'hidden', status: answer.status, message: messageText(meaning) || `HTTP ${answer.status}` };
  }
  const message = messageText(meaning);
  return { ...base, kind: 'unknown', reason: `GET /repos/{owner}/{repo} answered ${answer.status}${message ? ` (${message})` : ''}` };
}

/** The highest role in a `permissions` object `{admin, maintain, push, triage, pull}` (ledger github-api §3). */
function roleFrom(permissions: unknown): Role | null {
  if (!isObject(permissions)) return null;
  if (permissions['admin'] === true) return 'admin';
  if (permissions['maintain'] === true) return 'maintain';
  if (permissions['push'] === true) return 'write';
  if (permissions['triage'] === true) return 'triage';
  return permissions['pull'] === true ? 'read' : null;
}

const RANK: Record<Role, number> = { read: 1, triage: 2, write: 3, maintain: 4, admin: 5 };

export function atLeast(role: Role | null, wanted: Role): boolean {
  return role !== null && RANK[role] >= RANK[wanted];
}

/** A visible repository where the user's role is known and cannot write: the role alone rules every write out. */
export function roleBelowWrite(repo: RepoView): Role | null {
  return repo.kind === 'visible' && repo.role !== null && !atLeast(repo.role, 'write') ? repo.role : null;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

import { isPermissionRefusal, refusalReason } from '../registry/refusal-reason.js';
import type { PushOutcome } from '../registry/types.js';
import type { RegistryEvidence, RepoEvidence, Role } from './types.js';

/**
 * Turns answers the core check already has into the capability modules' evidence. Pure; never throws.
 */

/** An HTTP answer as any of crpat's clients hands it over (`ApiOutcome` of kind `response` fits). */
export interface Answer {
  status: number;
  headers: Headers;
  body: unknown;
}

/**
 * `GET /repos/{owner}/{repo}` → visibility, owner kind and the user's role (ledger github-api §3). `null` stands for
 * "no answer" (network error, timeout): unknown.
 */
export function repoEvidence(answer: Answer | null): RepoEvidence {
  if (answer === null) return { kind: 'unknown', reason: 'GET /repos/{owner}/{repo} got no answer' };
  const body = isObject(answer.body) ? answer.body : {};
  if (answer.status === 200) {
    const owner = isObject(body['owner']) ? body['owner'] : {};
    const visibility = typeof body['visibility'] === 'string' ? body['visibility'] : null;
    return {
      kind: 'visible',
      private: body['private'] === true || (visibility !== null && visibility !== 'public'),
      ownerIsOrg: owner['type'] === 'Organization',
      role: roleFrom(body['permissions']),
    };
  }
  const message = typeof body['message'] === 'string' ? body['message'] : `HTTP ${answer.status}`;
  // ledger github-api §3: 404 (not 403) for a private repository the token cannot see; 403 for SSO and org policies.
  if (answer.status === 404 || answer.status === 403) return { kind: 'hidden', status: answer.status, message };
  return { kind: 'unknown', reason: `GET /repos/{owner}/{repo} answered ${answer.status} (${message})` };
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

/** The registry push probe (registry.push) as evidence for `packages:write`; null when it did not run. */
export function registryEvidence(push: PushOutcome | null): RegistryEvidence {
  if (push === null) return { kind: 'unknown', reason: 'the registry push probe did not run' };
  switch (push.kind) {
    case 'opened':
      return { kind: 'opened' };
    case 'refused': {
      const first = push.refusal.errors[0];
      const quoted = `${push.refusal.status}${first ? ` ${first.code}: ${first.message}` : ''}`;
      // A refusal that names no permission says nothing about the token (docs/github-behaviour.md#ghcr-outage).
      if (!isPermissionRefusal(refusalReason(push.refusal))) return { kind: 'unknown', reason: `it refused for a reason that names no permission: ${quoted}` };
      return { kind: 'refused', status: push.refusal.status, code: first?.code ?? '', message: first?.message ?? '' };
    }
    case 'rate-limited':
      return { kind: 'unknown', reason: 'the registry rate-limited the upload (HTTP 429)' };
    case 'unexpected':
      return { kind: 'unknown', reason: push.reason };
    case 'network':
      return { kind: 'unknown', reason: push.error.message };
  }
}

/** `403 DENIED: permission_denied: write_package`, as the registry sent it. */
export function describeRefusal(refusal: Extract<RegistryEvidence, { kind: 'refused' }>): string {
  return [String(refusal.status), refusal.code && `${refusal.code}:`, refusal.message].filter((part) => part !== '').join(' ');
}

const RANK: Record<Role, number> = { read: 1, triage: 2, write: 3, maintain: 4, admin: 5 };

export function atLeast(role: Role | null, wanted: Role): boolean {
  return role !== null && RANK[role] >= RANK[wanted];
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

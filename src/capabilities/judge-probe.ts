import { type Answer, isObject } from '../evidence/answer.js';
import type { Probe } from './probes.js';

/**
 * How one probe answer reads. Pure; never throws. Only GitHub's own denial for fine-grained tokens counts as
 * "denied": 403 `Resource not accessible by personal access token` (ledger github-api §3, §10); a 403 for SSO, an
 * organization policy, a lifetime policy or a rate limit says nothing about the permission and is unknown.
 */

export type ProbeOutcome = 'granted' | 'denied' | 'unknown';

export interface ProbeResult {
  probe: Probe;
  outcome: ProbeOutcome;
  /** The HTTP status, or null when there was no answer. */
  status: number | null;
  /** One clause for the evidence: what GitHub answered and what it means. */
  reason: string;
}

/** ledger github-api §3, §10 (GitHub Apps get "... by integration", never sent to a PAT). */
export const NOT_ACCESSIBLE_BY_PAT = 'Resource not accessible by personal access token';

/** A permission set of `X-Accepted-GitHub-Permissions`: permission → level. */
export type PermissionSet = Map<string, string>;

/**
 * `X-Accepted-GitHub-Permissions` (ledger github-api §2.3): comma-separated `permission=level` pairs; alternative sets
 * separated by `; `. Null when absent; malformed pairs are skipped.
 */
export function parseAcceptedPermissions(header: string | null): PermissionSet[] | null {
  if (header === null) return null;
  return header
    .split(';')
    .map((set) => {
      const pairs = set
        .split(',')
        .map((pair) => pair.trim().split('='))
        .filter((pair): pair is [string, string] => pair.length === 2 && /^[a-z_]+$/.test(pair[0] ?? '') && /^[a-z]+$/.test(pair[1] ?? ''));
      return new Map(pairs.map(([name, level]) => [name, level]));
    })
    .filter((set) => set.size > 0);
}

const LEVEL: Record<string, number> = { read: 1, write: 2, admin: 3 };

export function judgeProbe(probe: Probe, answer: Answer): ProbeResult {
  const result = (outcome: ProbeOutcome, reason: string): ProbeResult => ({ probe, outcome, status: answer.status, reason });
  const request = `${probe.method} ${probe.path.replace(/\?.*$/, '')} answered ${answer.status}`;
  const message = messageOf(answer.body);
  if (probe.expect.granted.includes(answer.status)) return result('granted', request);
  if (answer.status === 403 && message === NOT_ACCESSIBLE_BY_PAT) return denial(probe, answer, request, result);
  if (answer.status === 403 || answer.status === 429) {
    return result('unknown', `${request} (${message ?? 'no message'}): not a permission answer`);
  }
  if (probe.expect.denied.includes(answer.status)) return result('denied', request);
  return result('unknown', `${request}${message ? ` (${message})` : ''}, which this probe does not expect`);
}

/** A 403 from the permission check: denied when GitHub names a set that our permission alone would satisfy. */
function denial(probe: Probe, answer: Answer, request: string, result: (o: ProbeOutcome, r: string) => ProbeResult): ProbeResult {
  const header = answer.headers.get('x-accepted-github-permissions');
  const sets = parseAcceptedPermissions(header);
  const shown = `${request} ${NOT_ACCESSIBLE_BY_PAT}`;
  if (sets === null) {
    return probe.alone
      ? result('denied', shown)
      : result('unknown', `${shown}, without X-Accepted-GitHub-Permissions, and this endpoint may need another permission too`);
  }
  const withHeader = `${shown}; X-Accepted-GitHub-Permissions: ${header}`;
  const ours = sets.some((set) => otherThan(set, probe.permission).length === 0 && (LEVEL[set.get(probe.permission) ?? ''] ?? 0) >= (LEVEL[probe.level] ?? 9));
  if (ours) return result('denied', withHeader);
  const mentioned = sets.some((set) => set.has(probe.permission));
  return result(
    'unknown',
    mentioned ? `${withHeader}: every accepted set also needs another permission, so ${probe.permission} alone is not decided` : `${withHeader}: GitHub did not ask for ${probe.permission}`,
  );
}

/**
 * The permissions of a set other than `permission`, ignoring `metadata=read`: "The metadata permission is automatically
 * granted with any other repository permission" (github/docs src/github-apps/scripts/sync.ts).
 */
function otherThan(set: PermissionSet, permission: string): string[] {
  return [...set].filter(([name, level]) => name !== permission && !(name === 'metadata' && level === 'read')).map(([name]) => name);
}

function messageOf(body: unknown): string | null {
  return isObject(body) && typeof body['message'] === 'string' ? body['message'] : null;
}

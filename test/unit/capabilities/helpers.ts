import type { RegistryEvidence, RepoEvidence, Role } from '../../../src/capabilities/capability.js';
import type { Answer } from '../../../src/evidence/answer.js';
import { readRefusal } from '../../../src/evidence/registry.js';

/** An HTTP answer as the capability modules read it. */
export function answer(status: number, body: unknown = {}, headers: Record<string, string> = {}): Answer {
  return { status, headers: new Headers(headers), body };
}

export const PAT_403 = (accepted?: string) =>
  answer(
    403,
    { message: 'Resource not accessible by personal access token', documentation_url: 'https://docs.github.com/rest', status: '403' },
    accepted === undefined ? {} : { 'x-accepted-github-permissions': accepted },
  );

export const visible = (role: Role | null, extra: { private?: boolean; ownerIsOrg?: boolean } = {}): RepoEvidence => ({
  kind: 'visible',
  private: extra.private ?? true,
  ownerIsOrg: extra.ownerIsOrg ?? true,
  role,
});

/** The upload's answer for a registry refusal, read as the evidence record reads it. */
export const refusedBy = (message: string, status = 403): RegistryEvidence => ({
  kind: 'refused',
  refusal: readRefusal({ status, errors: [{ code: 'DENIED', message }], challengeError: null, requestId: null }),
});

export const TARGET = { webUrl: 'https://github.com', owner: 'acme', name: 'api', image: 'acme/api' };

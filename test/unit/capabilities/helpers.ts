import type { Answer } from '../../../src/capabilities/evidence.js';
import type { RepoEvidence, Role } from '../../../src/capabilities/types.js';

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

export const TARGET = { webUrl: 'https://github.com', owner: 'acme', name: 'api', image: 'acme/api' };

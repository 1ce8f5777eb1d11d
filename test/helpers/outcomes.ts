import type { ApiOutcome } from '../../src/github/client.js';
import { NetError } from '../../src/http/net-error.js';
import type { TokenShape } from '../../src/token/recognize.js';

/** Builds a REST answer as the client hands it to the checks. */
export function api(status: number, body: unknown = {}, headers: Record<string, string> = {}): ApiOutcome {
  return { kind: 'response', status, headers: new Headers(headers), body, requestId: null };
}

export function offline(kind: NetError['kind'] = 'timeout', message = 'api.github.com did not answer within 10 s'): ApiOutcome {
  return { kind: 'network', error: new NetError(kind, message) };
}

export const CLASSIC: TokenShape = { kind: 'classic', label: 'classic personal access token', checksum: 'valid', problem: null };
export const FINE_GRAINED: TokenShape = { kind: 'fine-grained', label: 'fine-grained personal access token', checksum: 'not-applicable', problem: null };
export const OAUTH: TokenShape = { kind: 'oauth', label: 'OAuth app token', checksum: 'valid', problem: null };
export const INSTALLATION: TokenShape = { kind: 'server-to-server', label: 'GitHub App installation token', checksum: 'not-applicable', problem: null };

export const USER_OK = (scopes = 'repo, write:packages', extra: Record<string, string> = {}) =>
  api(200, { login: 'octocat', id: 1 }, { 'x-oauth-scopes': scopes, ...extra });

export const repoBody = (owner: string, ownerType: 'User' | 'Organization', permissions: Record<string, boolean>, extra: Record<string, unknown> = {}) => ({
  full_name: `${owner}/api`,
  private: true,
  visibility: 'private',
  owner: { login: owner, type: ownerType },
  permissions,
  ...extra,
});

export const WRITE = { admin: false, maintain: false, push: true, triage: true, pull: true };
export const READ = { admin: false, maintain: false, push: false, triage: false, pull: true };

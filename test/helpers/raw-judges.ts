/**
 * The checks' judgements fed with raw answers, as the clients hand them over: each answer goes through the evidence
 * record's reader (src/evidence/*) first, exactly as the pipeline does, so a table of raw answers tests the reading and
 * the judgement together.
 */
import { judgeOrgPolicy as orgPolicy } from '../../src/checks/org-policy.js';
import { judgeOrgSso as orgSso } from '../../src/checks/org-sso.js';
import { judgeRegistryLogin as registryLogin } from '../../src/checks/registry-login.js';
import { judgeRegistryPush as registryPush } from '../../src/checks/registry-push.js';
import { judgeRepoAccess as repoAccess } from '../../src/checks/repo-access.js';
import { judgeRepoPush as repoPush } from '../../src/checks/repo-push.js';
import { judgeTokenCapabilities as tokenCapabilities } from '../../src/checks/token-capabilities.js';
import { judgeTokenExpiry as tokenExpiry } from '../../src/checks/token-expiry.js';
import { judgeTokenScopes as tokenScopes } from '../../src/checks/token-scopes.js';
import { judgeTokenValid as tokenValid } from '../../src/checks/token-valid.js';
import { readLogin, readPush } from '../../src/evidence/registry.js';
import { readRepo } from '../../src/evidence/repo.js';
import { readUser } from '../../src/evidence/user.js';
import type { ApiOutcome } from '../../src/github/client.js';
import type { LoginOutcome, PushOutcome } from '../../src/registry/outcomes.js';

type Rest<F> = F extends (first: never, ...rest: infer R) => unknown ? R : never;

export const judgeTokenValid = (user: ApiOutcome, ...rest: Rest<typeof tokenValid>) => tokenValid(readUser(user), ...rest);
export const judgeTokenExpiry = (user: ApiOutcome, ...rest: Rest<typeof tokenExpiry>) => tokenExpiry(readUser(user), ...rest);
export const judgeOrgSso = (repo: ApiOutcome, ...rest: Rest<typeof orgSso>) => orgSso(readRepo(repo), ...rest);

export function judgeTokenScopes(user: ApiOutcome, ...[shape, links, push, sso]: [Parameters<typeof tokenScopes>[1], Parameters<typeof tokenScopes>[2], (PushOutcome | null)?, Parameters<typeof tokenScopes>[4]?]) {
  return tokenScopes(readUser(user), shape, links, push === undefined ? null : readPush(push), sso);
}

export function judgeRepoAccess(repo: ApiOutcome, user: ApiOutcome, shape: Parameters<typeof repoAccess>[2], target: Parameters<typeof repoAccess>[3], webUrl: string) {
  return repoAccess(readRepo(repo), readUser(user), shape, target, webUrl);
}

export function judgeRepoPush(
  repo: ApiOutcome,
  user: ApiOutcome,
  target: Parameters<typeof repoPush>[2],
  webUrl: string,
  push: PushOutcome | null = null,
  kind?: Parameters<typeof repoPush>[5],
) {
  return repoPush(readRepo(repo), readUser(user), target, webUrl, push === null ? null : readPush(push), kind);
}

type PolicyInputs = Parameters<typeof orgPolicy>[0];
export function judgeOrgPolicy(inputs: Omit<PolicyInputs, 'repo' | 'user' | 'push'> & { repo: ApiOutcome; user: ApiOutcome; push: PushOutcome | null }) {
  return orgPolicy({ ...inputs, repo: readRepo(inputs.repo), user: readUser(inputs.user), push: inputs.push === null ? null : readPush(inputs.push) });
}

export function judgeRegistryLogin(
  login: LoginOutcome,
  shape: Parameters<typeof registryLogin>[1],
  registryHost: string,
  links: Parameters<typeof registryLogin>[3],
  context?: { user: ApiOutcome; repo: ApiOutcome },
) {
  return registryLogin(readLogin(login), shape, registryHost, links, context ? { user: readUser(context.user), repo: readRepo(context.repo) } : undefined);
}

type PushInputs = Parameters<typeof registryPush>[0];
export function judgeRegistryPush(inputs: Omit<PushInputs, 'push'> & { push: PushOutcome | null }) {
  return registryPush({ ...inputs, push: readPush(inputs.push) });
}

type CapabilityInputs = Parameters<typeof tokenCapabilities>[0];
export function judgeTokenCapabilities(inputs: Omit<CapabilityInputs, 'repo' | 'user'> & { repo: ApiOutcome; user: ApiOutcome }) {
  return tokenCapabilities({ ...inputs, repo: readRepo(inputs.repo), user: readUser(inputs.user) });
}

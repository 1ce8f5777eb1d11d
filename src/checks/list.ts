import { orgPolicy } from './org-policy.js';
import { orgSso } from './org-sso.js';
import { registryLogin } from './registry-login.js';
import { registryPush } from './registry-push.js';
import { repoAccess } from './repo-access.js';
import { repoPush } from './repo-push.js';
import { tokenExpiry } from './token-expiry.js';
import { tokenFormat } from './token-format.js';
import { tokenScopes } from './token-scopes.js';
import { tokenValid } from './token-valid.js';
import type { ProfileId } from '../types.js';
import { tokenCapabilities } from './token-capabilities.js';
import type { Check } from './check.js';

/** Every check, in report order (the order of CHECK_IDS). */
export const CHECKS: readonly Check[] = [
  tokenFormat,
  tokenValid,
  tokenExpiry,
  tokenScopes,
  orgSso,
  orgPolicy,
  repoAccess,
  repoPush,
  registryLogin,
  registryPush,
];

/**
 * The checks of a report for `profile`: the ten for `push`; the ten, then `token.capabilities`, for any other profile
 * (its order is that of CHECK_IDS, then PROFILE_CHECK_IDS).
 */
export function checksFor(profile: ProfileId): readonly Check[] {
  return profile === 'push' ? CHECKS : [...CHECKS, tokenCapabilities];
}

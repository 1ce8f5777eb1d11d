import { describe, expect, it } from 'vitest';
import { isPermissionRefusal, refusalReason, retryAfterMs } from '../../../src/registry/refusal-reason.js';
import type { RegistryRefusal } from '../../../src/registry/outcomes.js';

const refusal = (message: string, status = 403, code = 'DENIED'): RegistryRefusal => ({ status, errors: [{ code, message }], challengeError: null, requestId: null });

// The catalogue of docs/github-behaviour.md: only the known reasons are permission refusals.
describe('refusalReason', () => {
  it.each([
    ['permission_denied: The token provided does not match expected scopes.', 'scopes'],
    ['permission_denied: write_package', 'write-package'],
    ['permission_denied: create_package', 'create-package'],
    ['installation not allowed to Write organization package', 'installation-not-allowed'],
    ['permission_denied: installation not allowed to Create organization package', 'installation-not-allowed'],
    ['permission_denied: The requested installation does not exist.', 'installation-missing'],
    ['unauthenticated: User cannot be authenticated with the token provided.', 'unauthenticated'],
    ['denied', 'denied'],
    ['permission_denied: `acme` forbids access via a personal access token (classic). Please use a GitHub App, OAuth App, or a personal access token with fine-grained permissions.', 'classic-ban'],
    ["permission_denied: The 'acme' organization forbids access via a personal access tokens (classic) if the token's lifetime is greater than 7 days.", 'lifetime'],
    ['permission_denied: unable to connect to authzd server: twirp error bad_route: Error from intermediary with HTTP status code 404 "Not Found"', 'unexplained'],
    ['something new', 'unexplained'],
  ])('%s → %s', (message, kind) => {
    expect(refusalReason(refusal(message)).kind).toBe(kind);
  });

  it('reads a lifetime limit: days, classic or fine-grained, and who set it', () => {
    expect(refusalReason(refusal("permission_denied: The 'Microsoft Open Source' enterprise forbids access via a personal access tokens (classic) if the token's lifetime is greater than 8 days."))).toEqual({
      kind: 'lifetime',
      days: 8,
      classic: true,
      by: 'enterprise',
      name: 'Microsoft Open Source',
    });
    expect(refusalReason(refusal("The 'acme' organization forbids access via a fine-grained personal access tokens if the token's lifetime is greater than 90 days."))).toMatchObject({ classic: false, days: 90 });
  });

  it('a lifetime limit is not a classic ban', () => {
    expect(refusalReason(refusal("The 'acme' organization forbids access via a personal access tokens (classic) if the token's lifetime is greater than 7 days.")).kind).not.toBe('classic-ban');
  });

  it('429 TOOMANYREQUESTS is a rate limit with its wait, never a permission refusal', () => {
    const reason = refusalReason(refusal('retry-after: 10.305464ms, allowed: 2000/minute', 429, 'TOOMANYREQUESTS'));
    expect(reason).toEqual({ kind: 'rate-limited', waitMs: 10.305464 });
    expect(isPermissionRefusal(reason)).toBe(false);
    expect(isPermissionRefusal(refusalReason(refusal('permission_denied: unable to connect to authzd server: x')))).toBe(false);
    expect(isPermissionRefusal(refusalReason(refusal('permission_denied: write_package')))).toBe(true);
  });
});

describe('retryAfterMs (a Go time.Duration)', () => {
  it.each([
    ['retry-after: 10.305464ms, allowed: 2000/minute', 10.305464],
    ['toomanyrequests: retry-after: 1.16676ms, allowed: 44000/minute', 1.16676],
    ['retry-after: 1m30s', 90_000],
    ['retry-after: 2s', 2000],
    ['retry-after: 500µs', 0.5],
    ['no wait here', null],
  ])('%s → %s', (message, ms) => {
    const got = retryAfterMs(message);
    if (ms === null) expect(got).toBeNull();
    else expect(got).toBeCloseTo(ms, 6);
  });
});

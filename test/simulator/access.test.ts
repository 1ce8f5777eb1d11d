import { describe, expect, it } from 'vitest';
import { tokenFromAuthorization } from '../../src/simulator/access/credential.js';
import { decidePush } from '../../src/simulator/access/push-decision.js';
import { hasScope, normalizeScopes, scopesHeader } from '../../src/simulator/access/scopes.js';
import { createDefaultWorld } from '../../src/simulator/index.js';

describe('scopes (ledger github-api §2.3, §9.2)', () => {
  it.each([
    [['user', 'gist', 'user:email'], ['user', 'gist']],
    [['repo', 'write:packages', 'read:packages'], ['repo', 'write:packages']],
    [['repo', 'public_repo', 'repo'], ['repo']],
  ])('normalizes %j to %j (implied scopes dropped, order kept)', (input, output) => {
    expect(normalizeScopes(input)).toEqual(output);
  });

  it('write:packages implies read:packages; delete:packages implies neither', () => {
    expect(hasScope(['write:packages'], 'read:packages')).toBe(true);
    expect(hasScope(['delete:packages'], 'write:packages')).toBe(false);
  });

  it('header: ", "-joined, empty string for none', () => {
    expect(scopesHeader(['read:org', 'repo'])).toBe('read:org, repo');
    expect(scopesHeader([])).toBe('');
  });
});

describe('Authorization parsing (ledger github-api §2.1)', () => {
  it.each([
    [undefined, null],
    ['', null],
    ['Bearer abc', 'abc'],
    ['token abc', 'abc'],
    ['TOKEN abc', 'abc'],
    [`Basic ${Buffer.from('user:abc').toString('base64')}`, 'abc'],
    ['Digest abc', ''],
    ['abc', ''],
  ])('%j → %j', (header, token) => {
    expect(tokenFromAuthorization(header)).toBe(token);
  });
});

describe('decidePush ladder order [inferred]', () => {
  const world = createDefaultWorld();
  const now = new Date();
  const token = (label: string) => {
    const found = world.tokens.find((t) => t.label === label);
    if (!found) throw new Error(label);
    return found;
  };

  it('org policy comes before scopes: a repo-only classic PAT in strict-org gets the policy message', () => {
    const decision = decidePush(world, token('octocat-classic-repo-only'), 'strict-org/private-svc', now);
    expect(decision).toMatchObject({ allowed: false, status: 403, message: expect.stringContaining('forbids access via a personal access token (classic)') });
  });

  it('OAuth tokens are not classic PATs: the classic ban does not apply to them', () => {
    const decision = decidePush(world, token('octocat-oauth-gh-cli'), 'strict-org/private-svc', now);
    expect(decision).toMatchObject({ message: 'permission_denied: The token provided does not match expected scopes.' });
  });

  it('an expired token at the POST is 401 unauthenticated', () => {
    expect(decidePush(world, token('octocat-classic-expired'), 'octocat/hello-world', now)).toMatchObject({ status: 401, code: 'UNAUTHORIZED' });
  });
});

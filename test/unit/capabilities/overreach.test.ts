import { describe, expect, it } from 'vitest';
import { overreach, withoutOverreach } from '../../../src/capabilities/overreach.js';
import { PROFILES } from '../../../src/capabilities/profiles.js';

describe('overreach', () => {
  it.each([
    ['exactly write:packages: nothing', ['write:packages'], 'push', []],
    ['the UI default repo + write:packages: repo is not needed to push (ledger github-api §9.2)', ['repo', 'write:packages'], 'push', ['repo']],
    ['repo is needed for deploy', ['repo', 'write:packages'], 'deploy', []],
    ['workflow when the profile does not need it', ['repo', 'workflow', 'write:packages'], 'deploy', ['workflow']],
    [
      'the dangerous ones, in GitHub\'s order',
      ['admin:org', 'delete_repo', 'admin:repo_hook', 'admin:org_hook', 'admin:enterprise', 'site_admin', 'admin:public_key', 'admin:gpg_key', 'delete:packages', 'write:packages'],
      'push',
      ['admin:org', 'delete_repo', 'admin:repo_hook', 'admin:org_hook', 'admin:enterprise', 'site_admin', 'admin:public_key', 'admin:gpg_key', 'delete:packages'],
    ],
    ['write:org alone', ['write:org', 'write:packages'], 'push', ['write:org']],
    ['an implied scope is not repeated (admin:org covers write:org)', ['admin:org', 'write:org'], 'push', ['admin:org']],
    ['read-only and profile-only scopes are not flagged', ['read:org', 'read:user', 'user:email', 'read:packages', 'gist', 'notifications'], 'push', []],
    ['duplicates once', ['delete_repo', 'delete_repo'], 'push', ['delete_repo']],
  ] as const)('%s', (_name, scopes, profile, want) => {
    expect(overreach(scopes, PROFILES[profile]).map((o) => o.scope)).toEqual(want);
  });

  it('each flagged scope says what a leak would allow', () => {
    expect(overreach(['delete_repo'], PROFILES.push)).toEqual([{ scope: 'delete_repo', risk: 'delete any repository you administer' }]);
  });

  it('withoutOverreach keeps the harmless and the needed', () => {
    expect(withoutOverreach(['repo', 'write:packages', 'read:org', 'delete_repo'], PROFILES.push)).toEqual(['write:packages', 'read:org']);
    expect(withoutOverreach(['repo', 'write:packages', 'workflow'], PROFILES.deploy)).toEqual(['repo', 'write:packages']);
  });
});

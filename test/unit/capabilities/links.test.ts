import { describe, expect, it } from 'vitest';
import {
  classicTokenLink,
  fineGrainedTokenLink,
  orgPackageCreationLink,
  orgTokenPolicyLink,
  packageSettingsLink,
  renewalLink,
  renewalScopes,
  ssoLink,
} from '../../../src/capabilities/links.js';
import { PROFILES } from '../../../src/capabilities/profiles.js';
import { TARGET } from './helpers.js';

describe('links', () => {
  it('classic creation link: exactly the profile scopes, a description, no default_expires_at (undocumented, ledger github-api §5)', () => {
    expect(classicTokenLink(TARGET, PROFILES.push)).toBe(
      'https://github.com/settings/tokens/new?scopes=write:packages&description=crpat%20push%3A%20acme%2Fapi',
    );
    expect(classicTokenLink(TARGET, PROFILES.deploy)).toMatch(/^https:\/\/github\.com\/settings\/tokens\/new\?scopes=repo,write:packages&description=/);
    expect(classicTokenLink(TARGET, PROFILES.deploy)).not.toContain('default_expires_at');
  });

  it('the note names the image only when it is not named after the repository', () => {
    const description = (image: string): string | null =>
      new URL(classicTokenLink({ ...TARGET, image }, PROFILES.push)).searchParams.get('description');
    expect(description('acme/api')).toBe('crpat push: acme/api');
    expect(description('acme/web')).toBe('crpat push: acme/api (ghcr acme/web)');
  });

  it.each([
    ['keeps what it had, adds what is missing', ['repo', 'gist'], 'push', ['repo', 'gist', 'write:packages']],
    ['read:packages is implied by write:packages', ['read:packages'], 'push', ['write:packages']],
    ['nothing to add', ['write:packages'], 'push', ['write:packages']],
    ['public_repo is implied by repo', ['public_repo'], 'deploy', ['repo', 'write:packages']],
  ] as const)('renewalScopes: %s', (_name, had, profile, want) => {
    expect(renewalScopes(had, PROFILES[profile])).toEqual(want);
  });

  it('renewal link carries the scopes it had', () => {
    expect(renewalLink(TARGET, PROFILES.push, ['write:packages', 'read:org'])).toContain('scopes=write:packages,read:org&');
  });

  it('fine-grained prefill for deploy: owner, permissions, expiry (ledger github-api §5); none for push', () => {
    const url = new URL(fineGrainedTokenLink(TARGET, PROFILES.deploy, { expiresInDays: 90 }) ?? '');
    expect(`${url.origin}${url.pathname}`).toBe('https://github.com/settings/personal-access-tokens/new');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      name: 'crpat deploy acme/api',
      description: 'crpat deploy: acme/api. Select the repository acme/api.',
      target_name: 'acme',
      expires_in: '90',
      contents: 'write',
      metadata: 'read',
      actions: 'write',
      deployments: 'write',
      environments: 'write',
    });
    expect(url.searchParams.has('organization_administration')).toBe(false);
    expect(fineGrainedTokenLink(TARGET, PROFILES.push)).toBeNull();
  });

  it.each([
    [400, '366'],
    [0, '1'],
    ['none', 'none'],
  ] as const)('expires_in %j → %s', (days, want) => {
    expect(new URL(fineGrainedTokenLink(TARGET, PROFILES.deploy, { expiresInDays: days }) ?? '').searchParams.get('expires_in')).toBe(want);
  });

  it('settings pages: org and user package settings, package creation, token policy, SSO', () => {
    expect(packageSettingsLink(TARGET, true)).toBe('https://github.com/orgs/acme/packages/container/api/settings');
    expect(packageSettingsLink({ ...TARGET, owner: 'octocat', image: 'octocat/api' }, false)).toBe('https://github.com/users/octocat/packages/container/api/settings');
    expect(orgPackageCreationLink('https://github.com', 'acme')).toBe('https://github.com/organizations/acme/settings/packages');
    expect(orgTokenPolicyLink('https://github.com', 'acme')).toBe('https://github.com/organizations/acme/settings/personal-access-tokens');
    expect(ssoLink('https://github.com', 'acme', null)).toBe('https://github.com/orgs/acme/sso');
    expect(ssoLink('https://github.com', 'acme', 'https://github.com/orgs/acme/sso?authorization_request=x')).toBe('https://github.com/orgs/acme/sso?authorization_request=x');
  });
});

import { describe, expect, it } from 'vitest';
import { newTokenHint, planOf } from '../../../src/cli/secret-plan.js';
import { rightsNeeded, webUrlForApi } from '../../../src/secrets/rights.js';
import type { Report } from '../../../src/types.js';

function report(repository = 'acme/api', apiUrl = 'https://api.github.com'): Report {
  return {
    schemaVersion: 1,
    verdict: 'pass',
    target: { repository, image: `ghcr.io/${repository}`, apiUrl, registry: 'ghcr.io' },
    token: { kind: 'classic', login: 'octocat', scopes: [], expiresAt: null },
    profile: 'push',
    capabilities: [],
    githubToken: null,
    checks: [],
  };
}

describe('planOf', () => {
  it('stores on the checked repository by default, under CR_PAT', () => {
    expect(planOf({}, report())).toEqual({
      level: 'repository',
      name: 'CR_PAT',
      label: 'acme/api',
      place: { apiUrl: 'https://api.github.com', owner: 'acme', repo: 'api' },
      org: {},
      breadth: 'readable by the workflows of acme/api only',
      problem: null,
      notes: [],
    });
  });

  it('an organization secret defaults to visibility selected with the checked repository alone (issue 11)', () => {
    const plan = planOf({ org: 'acme' }, report());
    expect(plan.org).toEqual({ visibility: 'selected', selectedRepositories: ['api'] });
    expect(plan.breadth).toBe('readable by the workflows of acme/api only');
    expect(plan.problem).toBeNull();
  });

  it('without --repos, a checked repository outside the organization cannot be the default: a problem (exit 2)', () => {
    expect(planOf({ org: 'other' }, report()).problem).toMatch(/acme\/api is not in the organization other.*pass --repos/);
  });

  it.each([
    ['all', 'readable by the workflows of every repository of acme'],
    ['private', 'readable by the workflows of every private repository of acme'],
  ] as const)('visibility %s: the breadth says so', (visibility, breadth) => {
    expect(planOf({ org: 'acme', visibility }, report()).breadth).toBe(breadth);
  });

  it('stores on an organization with its visibility and repositories', () => {
    const plan = planOf({ org: 'acme', visibility: 'selected', repos: ['api', 'acme/web'], name: 'REGISTRY' }, report());
    expect(plan).toMatchObject({ level: 'organization', name: 'REGISTRY', label: 'the organization acme', place: { org: 'acme' } });
    expect(plan.org).toEqual({ visibility: 'selected', selectedRepositories: ['api', 'acme/web'] });
    expect(plan.notes).toEqual([]);
  });

  it.each([
    [{ org: 'other', visibility: 'private' as const }, /acme\/api is not in the organization other/],
    [{ org: 'acme', repos: ['web'] }, /acme\/api is not among the selected repositories/],
  ])('notes when the checked repository cannot read the secret: %j', (options, note) => {
    expect(planOf(options, report()).notes).toEqual([expect.stringMatching(note)]);
  });
});

describe('newTokenHint', () => {
  it('for the stored token: set GH_TOKEN, or create a token with the scope', () => {
    const hint = newTokenHint('stored', planOf({}, report()));
    expect(hint).toMatch(/neither GH_TOKEN nor GITHUB_TOKEN is set/);
    expect(hint).toMatch(/gh auth refresh -s repo/);
    expect(hint).toContain('https://github.com/settings/tokens/new?scopes=repo&description=crpat%20secret%20set');
  });

  it('for an environment token: name it, and link admin:org for an organization', () => {
    const hint = newTokenHint('GH_TOKEN', planOf({ org: 'acme' }, report('acme/api', 'https://ghe.example.com/api/v3')));
    expect(hint).toMatch(/was GH_TOKEN from the environment/);
    expect(hint).toContain('https://ghe.example.com/settings/tokens/new?scopes=admin:org');
  });

  it('for GITHUB_TOKEN: it never has the rights, so another credential is needed', () => {
    expect(newTokenHint('GITHUB_TOKEN', planOf({}, report()))).toMatch(/was GITHUB_TOKEN from the environment: set GH_TOKEN to a token with those rights/);
  });
});

describe('rights', () => {
  it.each([
    ['https://api.github.com', 'https://github.com'],
    ['https://ghe.example.com/api/v3', 'https://ghe.example.com'],
    ['https://api.octo.ghe.com', 'https://octo.ghe.com'],
    ['http://127.0.0.1:4000', 'http://127.0.0.1:4000'],
  ])('webUrlForApi(%s) = %s', (api, web) => {
    expect(webUrlForApi(api)).toBe(web);
  });

  it('repository and organization rights name the classic scope from the OpenAPI description', () => {
    expect(rightsNeeded('repository')).toMatch(/`repo` scope/);
    expect(rightsNeeded('organization')).toMatch(/`admin:org` scope/);
  });
});

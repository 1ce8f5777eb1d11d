import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../src/errors.js';
import { type Simulator, tokenValue } from '../../../src/simulator/index.js';
import { secretExists, setActionsSecret } from '../../../src/secrets/api.js';
import { SecretsError } from '../../../src/secrets/errors.js';
import { secretsWorld } from '../../helpers/secrets-world.js';
import { useSimulator } from '../../simulator/helpers.js';

const sim = useSimulator({ world: secretsWorld() });
const as = (s: Simulator, label: string) => ({ apiUrl: s.apiUrl, token: tokenValue(s.world, label) });

describe('setActionsSecret on a repository', () => {
  it('creates (201) then updates (204); the simulator decrypts exactly the value', async () => {
    const place = { ...as(sim(), 'octocat-classic-admin'), owner: 'acme', repo: 'private-app', name: 'API_TEST' };
    expect(await secretExists(place)).toBe(false);
    expect(await setActionsSecret({ ...place, value: 'v1 ✓' })).toEqual({ status: 201, created: true });
    expect(await secretExists(place)).toBe(true);
    expect(await setActionsSecret({ ...place, value: 'v2' })).toEqual({ status: 204, created: false });
    expect(sim().secrets().filter((s) => s.name === 'API_TEST').map((s) => s.value)).toEqual(['v2']);
  });

  it('defaults the name to CR_PAT', async () => {
    await setActionsSecret({ ...as(sim(), 'octocat-classic-admin'), owner: 'octocat', repo: 'hello-world', value: 'x' });
    expect(sim().secrets().find((s) => s.repo === 'hello-world')?.name).toBe('CR_PAT');
  });

  it('403 for a token without repo on a public repository: typed, with the rights it needs', async () => {
    const error = await setActionsSecret({ ...as(sim(), 'octocat-classic-packages-only'), owner: 'octocat', repo: 'hello-world', value: 'x' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SecretsError);
    expect(error).toMatchObject({ kind: 'forbidden', status: 403 });
    expect((error as Error).message).toMatch(/Must have admin rights to Repository\..*`repo` scope/);
  });

  it('404 for a repository the credential cannot see; secretExists does not mistake it for "no secret"', async () => {
    const place = { ...as(sim(), 'octocat-classic-packages-only'), owner: 'acme', repo: 'private-app' };
    await expect(secretExists(place)).rejects.toMatchObject({ kind: 'not-found', status: 404 });
    await expect(setActionsSecret({ ...place, value: 'x' })).rejects.toMatchObject({ kind: 'not-found' });
  });

  it('rejects bad input before any request', async () => {
    const before = sim().requests.length;
    await expect(setActionsSecret({ ...as(sim(), 'octocat-classic-admin'), owner: 'a', repo: 'b', name: 'GITHUB_X', value: 'x' })).rejects.toBeInstanceOf(UsageError);
    await expect(setActionsSecret({ ...as(sim(), 'octocat-classic-admin'), owner: 'a', repo: 'b', visibility: 'all', value: 'x' })).rejects.toThrow(/organization secrets only/);
    await expect(setActionsSecret({ ...as(sim(), 'octocat-classic-admin'), owner: 'a', value: 'x' })).rejects.toThrow(/owner and repo/);
    expect(sim().requests.length).toBe(before);
  });

  it('never sends the value in clear: the PUT body is {encrypted_value, key_id}', async () => {
    const value = 'ghp_plaintext_marker_value';
    const bodies: string[] = [];
    const fetch: typeof globalThis.fetch = (input, init) => {
      if (init?.body) bodies.push(String(init.body));
      return globalThis.fetch(input, init);
    };
    await setActionsSecret({ ...as(sim(), 'octocat-classic-admin'), owner: 'acme', repo: 'private-app', name: 'MARKER', value, fetch });
    expect(bodies).toHaveLength(1);
    expect(Object.keys(JSON.parse(bodies[0] ?? '{}') as object).sort()).toEqual(['encrypted_value', 'key_id']);
    expect(bodies.join('')).not.toContain(value);
  });
});

describe('setActionsSecret on an organization', () => {
  it('looks up the selected repositories\' ids and stores them with visibility selected', async () => {
    const place = { ...as(sim(), 'octocat-classic-admin'), org: 'acme', name: 'ORG_TEST' };
    expect(await setActionsSecret({ ...place, value: 'org', selectedRepositories: ['private-app', 'acme/public-site'] })).toEqual({ status: 201, created: true });
    expect(sim().secrets().find((s) => s.name === 'ORG_TEST')).toMatchObject({ visibility: 'selected', selectedRepositoryIds: [7_000_001, 7_000_002], value: 'org' });
    expect(await setActionsSecret({ ...place, value: 'org2', visibility: 'all' })).toEqual({ status: 204, created: false });
    expect(sim().secrets().find((s) => s.name === 'ORG_TEST')).toMatchObject({ visibility: 'all', value: 'org2' });
  });

  it('defaults to selected: without repositories it refuses, rather than reach every private repository (issue 11)', async () => {
    const requests = sim().requests.length;
    await expect(setActionsSecret({ ...as(sim(), 'octocat-classic-admin'), org: 'acme', name: 'ORG_DEFAULT', value: 'p' })).rejects.toThrow(
      /an organization secret needs selectedRepositories, or visibility "private" or "all" said explicitly/,
    );
    expect(sim().requests.length).toBe(requests);
    await setActionsSecret({ ...as(sim(), 'octocat-classic-admin'), org: 'acme', name: 'ORG_PRIVATE', value: 'p', visibility: 'private' });
    expect(sim().secrets().find((s) => s.name === 'ORG_PRIVATE')?.visibility).toBe('private');
  });

  it('refuses an unknown selected repository, one from another owner, and a non-owner', async () => {
    const place = { ...as(sim(), 'octocat-classic-admin'), org: 'acme', value: 'x' };
    await expect(setActionsSecret({ ...place, selectedRepositories: ['nope'] })).rejects.toMatchObject({ kind: 'not-found', message: expect.stringMatching(/look up the repository acme\/nope/) });
    await expect(setActionsSecret({ ...place, selectedRepositories: ['hubot/dotfiles'] })).rejects.toThrow(/not a repository of the organization acme/);
    const monalisa = { ...as(sim(), 'monalisa-classic-admin-scope'), org: 'acme', value: 'x' };
    await expect(setActionsSecret({ ...monalisa, visibility: 'private' })).rejects.toMatchObject({ kind: 'forbidden', message: expect.stringMatching(/`admin:org` scope/) });
  });
});

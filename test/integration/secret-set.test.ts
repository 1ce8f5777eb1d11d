import { describe, expect, it } from 'vitest';
import { checkToken } from '../../src/index.js';
import { type SecretSetDeps, type SecretSetOptions, runSecretSet } from '../../src/cli/secret-set.js';
import { type Simulator, tokenValue } from '../../src/simulator/index.js';
import { secretsWorld } from '../helpers/secrets-world.js';
import { useSimulator } from '../simulator/helpers.js';

// `crpat secret set` end to end: the real check against the simulator, then the real secrets API, whose simulator
// decrypts what it receives with its own private key.

const sim = useSimulator({ world: secretsWorld() });

function run(sim: Simulator, options: Omit<SecretSetOptions, 'apiUrl' | 'registry'>, env: Record<string, string> = {}, answers: boolean[] | null = null) {
  const out: string[] = [];
  const err: string[] = [];
  const asked: string[] = [];
  const deps: SecretSetDeps = {
    env,
    stdout: (text) => void out.push(text),
    stderr: (text) => void err.push(text),
    checkToken,
    ...(answers ? { confirm: async (message: string) => (asked.push(message), answers.shift() ?? false) } : {}),
  };
  const code = runSecretSet({ ...options, apiUrl: sim.apiUrl, registry: sim.registryUrl }, deps);
  return code.then((exit) => ({ exit, out: out.join(''), err: err.join(''), asked }));
}

const secret = (name: string, repo: string | null = 'private-app') => sim().secrets().find((s) => s.name === name && s.repo === repo);

describe('crpat secret set against the simulator', () => {
  it('stores a passing token on its repository: 201, the decrypted secret equals the token; then 204', async () => {
    const token = tokenValue(sim().world, 'octocat-classic-admin');
    const created = await run(sim(), { repository: 'acme/private-app', token });
    expect(created.exit).toBe(0);
    expect(created.out).toMatch(/This token can push to/);
    expect(created.out).toMatch(/Created the Actions secret CR_PAT on acme\/private-app \(HTTP 201\)\. Workflows read it as \$\{\{ secrets\.CR_PAT \}\}\./);
    expect(created.err).toMatch(/Writing CR_PAT on acme\/private-app \(readable by the workflows of acme\/private-app only\) with the token being stored \(ghp_\*\*\*\*\); it needs write access/);
    expect(secret('CR_PAT')?.value).toBe(token);

    const updated = await run(sim(), { repository: 'acme/private-app', token, overwrite: true });
    expect(updated.exit).toBe(0);
    expect(updated.out).toMatch(/Updated the Actions secret CR_PAT on acme\/private-app \(HTTP 204\)/);
    expect(updated.asked).toEqual([]);
    for (const output of [created, updated]) expect(output.out + output.err).not.toContain(token);
  });

  it('asks before overwriting; No leaves the secret as it was', async () => {
    const before = secret('CR_PAT')?.updatedAt;
    const token = tokenValue(sim().world, 'octocat-classic-admin');
    const result = await run(sim(), { repository: 'acme/private-app', token }, {}, [false]);
    expect(result.exit).toBe(2);
    expect(result.asked).toEqual(['CR_PAT already exists on acme/private-app. Overwrite it (readable by the workflows of acme/private-app only)?']);
    expect(secret('CR_PAT')?.updatedAt).toEqual(before);
  });

  it('refuses a token that failed the check, without --force: exit 1, nothing stored, no secrets request made', async () => {
    const token = tokenValue(sim().world, 'octocat-classic-repo-only');
    const requests = sim().requests.length;
    const result = await run(sim(), { repository: 'acme/private-app', token, name: 'REFUSED' });
    expect(result.exit).toBe(1);
    expect(result.out).toMatch(/This token cannot push/);
    expect(result.err).toMatch(/not stored: the token failed the check above.*--force/);
    expect(secret('REFUSED')).toBeUndefined();
    expect(sim().requests.slice(requests).some((r) => r.path.includes('/actions/secrets'))).toBe(false);
    expect(result.out + result.err).not.toContain(token);
  });

  it('stores an organization secret for selected repositories, written with GH_TOKEN', async () => {
    const admin = tokenValue(sim().world, 'octocat-classic-admin');
    const token = tokenValue(sim().world, 'octocat-classic-push');
    const result = await run(sim(), { repository: 'acme/private-app', token, org: 'acme', repos: ['private-app', 'widgets'] }, { GH_TOKEN: admin });
    expect(result.exit).toBe(0);
    expect(result.err).toMatch(/Writing CR_PAT on the organization acme \(readable by the workflows of acme\/private-app, acme\/widgets only\) with GH_TOKEN from the environment \(ghp_\*\*\*\*\); it needs the owner role/);
    expect(result.out).toMatch(/Created the Actions secret CR_PAT on the organization acme \(HTTP 201\)/);
    expect(secret('CR_PAT', null)).toMatchObject({ level: 'organization', owner: 'acme', value: token, visibility: 'selected', selectedRepositoryIds: [7_000_001, 7_000_004] });
    expect(result.out + result.err).not.toContain(token);
    expect(result.out + result.err).not.toContain(admin);
  });

  it('a passing token that cannot write secrets itself: exit 1, says which credential was used and what it lacks', async () => {
    const token = tokenValue(sim().world, 'octocat-classic-packages-only');
    const result = await run(sim(), { repository: 'acme/private-app', token, name: 'NO_RIGHTS' });
    expect(result.exit).toBe(1);
    expect(result.err).toMatch(/with the token being stored/);
    expect(result.err).toMatch(/HTTP 404 .*a classic token needs the `repo` scope for a private repository/);
    expect(result.err).toMatch(/Set GH_TOKEN to a token with those rights/);
    expect(secret('NO_RIGHTS')).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import type { CheckTokenOptions } from '../../../src/pipeline/options.js';
import { type SecretSetDeps, type SecretSetOptions, runSecretSet } from '../../../src/cli/secret-set.js';
import { tokenValue } from '../../../src/simulator/index.js';
import type { Report, Verdict } from '../../../src/types.js';
import { secretsWorld } from '../../helpers/secrets-world.js';
import { useSimulator } from '../../simulator/helpers.js';

// runSecretSet with a stubbed check (the decision) and the simulator for the writes. The full flow with the real
// check is in test/integration/secret-set.test.ts.

const sim = useSimulator({ world: secretsWorld() });

function stubReport(verdict: Verdict, repository = 'acme/private-app'): Report {
  return {
    schemaVersion: 1,
    verdict,
    target: { repository, image: `ghcr.io/${repository}`, apiUrl: sim().apiUrl, registry: 'ghcr.io' },
    token: { kind: 'classic', login: 'octocat', scopes: [], expiresAt: null },
    profile: 'push',
    capabilities: [],
    githubToken: null,
    checks: [],
  };
}

function harness(verdict: Verdict, env: Record<string, string> = {}, answers: boolean[] | null = null) {
  const out: string[] = [];
  const err: string[] = [];
  const asked: string[] = [];
  const checked: CheckTokenOptions[] = [];
  const deps: SecretSetDeps = {
    env,
    stdout: (text) => void out.push(text),
    stderr: (text) => void err.push(text),
    checkToken: async (options) => (checked.push(options), stubReport(verdict)),
    renderReport: (report) => `REPORT ${report.verdict}\n`,
    ...(answers ? { confirm: async (message: string) => (asked.push(message), answers.shift() ?? false) } : {}),
  };
  return { deps, out: () => out.join(''), err: () => err.join(''), asked, checked };
}

const options = (extra: Partial<SecretSetOptions> = {}): SecretSetOptions => ({
  repository: 'acme/private-app',
  token: tokenValue(sim().world, 'octocat-classic-admin'),
  ...extra,
});

describe('runSecretSet', () => {
  it('refuses bad flags with exit 2 before checking anything', async () => {
    for (const [extra, message] of [
      [{ name: '9LIVES' }, /must not start with a digit/],
      [{ visibility: 'all' }, /add --org/],
      [{ org: 'acme', visibility: 'selected' }, /needs --repos/],
      [{ org: 'acme', visibility: 'private', repos: ['x'] }, /--repos needs --visibility selected/],
    ] as const) {
      const h = harness('pass');
      expect(await runSecretSet(options(extra as Partial<SecretSetOptions>), h.deps)).toBe(2);
      expect(h.err()).toMatch(message);
      expect(h.checked).toEqual([]);
    }
  });

  it.each([
    ['fail', 1, /the token failed the check above/],
    ['inconclusive', 3, /could not decide/],
  ] as const)('does not store a token whose check says %s (exit %i) without --force', async (verdict, code, message) => {
    const h = harness(verdict);
    const before = sim().secrets().length;
    expect(await runSecretSet(options({ name: 'NOT_STORED' }), h.deps)).toBe(code);
    expect(h.out()).toBe(`REPORT ${verdict}\n`);
    expect(h.err()).toMatch(message);
    expect(h.err()).toMatch(/--force/);
    expect(sim().secrets()).toHaveLength(before);
  });

  it('stores it anyway with --force, and says so', async () => {
    const h = harness('fail');
    expect(await runSecretSet(options({ name: 'FORCED', force: true }), h.deps)).toBe(0);
    expect(h.err()).toMatch(/Storing it anyway \(--force\)/);
    expect(sim().secrets().find((s) => s.name === 'FORCED')?.value).toBe(options().token);
  });

  it('writes with GH_TOKEN when set, and says which credential and what it needs (never the token)', async () => {
    const writer = tokenValue(sim().world, 'octocat-classic-admin');
    const stored = tokenValue(sim().world, 'octocat-classic-push');
    const h = harness('pass', { GH_TOKEN: writer });
    expect(await runSecretSet(options({ token: stored, name: 'VIA_GH_TOKEN' }), h.deps)).toBe(0);
    expect(h.err()).toMatch(/with GH_TOKEN from the environment \(ghp_\*\*\*\*\); it needs write access to the repository/);
    expect(h.out()).toMatch(/Created the Actions secret VIA_GH_TOKEN on acme\/private-app \(HTTP 201\)/);
    expect(sim().secrets().find((s) => s.name === 'VIA_GH_TOKEN')?.value).toBe(stored);
    expect(h.out() + h.err()).not.toContain(writer);
    expect(h.out() + h.err()).not.toContain(stored);
  });

  it('an existing secret: asks (default no), exits 2 when declined, needs --yes without a terminal', async () => {
    const first = harness('pass');
    expect(await runSecretSet(options({ name: 'ASKED' }), first.deps)).toBe(0);
    const admin = { GH_TOKEN: options().token };
    const declined = harness('pass', admin, [false]);
    expect(await runSecretSet(options({ name: 'ASKED', token: 'ghp_other' }), declined.deps)).toBe(2);
    expect(declined.asked).toEqual(['ASKED already exists on acme/private-app. Overwrite it (readable by the workflows of acme/private-app only)?']);
    expect(declined.err()).toMatch(/cancelled: ASKED on acme\/private-app was left as it was/);
    const noTerminal = harness('pass', admin);
    expect(await runSecretSet(options({ name: 'ASKED', token: 'ghp_other' }), noTerminal.deps)).toBe(2);
    expect(noTerminal.err()).toMatch(/pass --overwrite to replace it/);
    expect(sim().secrets().find((s) => s.name === 'ASKED')?.value).toBe(options().token);
    const accepted = harness('pass', admin, [true]);
    expect(await runSecretSet(options({ name: 'ASKED', token: 'ghp_other' }), accepted.deps)).toBe(0);
    expect(accepted.out()).toMatch(/Updated the Actions secret ASKED on acme\/private-app \(HTTP 204\)/);
    const yes = harness('pass', admin);
    expect(await runSecretSet(options({ name: 'ASKED', token: 'ghp_third', overwrite: true }), yes.deps)).toBe(0);
    expect(yes.asked).toEqual([]);
    expect(sim().secrets().find((s) => s.name === 'ASKED')?.value).toBe('ghp_third');
  });

  it('the stored token without the rights: exit 1, names the missing rights and how to use another credential', async () => {
    const h = harness('pass');
    const token = tokenValue(sim().world, 'octocat-classic-packages-only');
    expect(await runSecretSet({ repository: 'octocat/hello-world', token, name: 'NOPE' }, { ...h.deps, checkToken: async () => stubReport('pass', 'octocat/hello-world') })).toBe(1);
    expect(h.err()).toMatch(/with the token being stored \(ghp_\*\*\*\*\)/);
    expect(h.err()).toMatch(/HTTP 403 \(GitHub: "Must have admin rights to Repository\."\)/);
    expect(h.err()).toMatch(/neither GH_TOKEN nor GITHUB_TOKEN is set/);
    expect(h.err()).not.toContain(token);
  });

  it('an unreachable API is undecided: exit 3', async () => {
    const h = harness('pass');
    const down: typeof globalThis.fetch = async () => {
      throw new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }) });
    };
    expect(await runSecretSet(options({ name: 'DOWN' }), { ...h.deps, fetch: down })).toBe(3);
    expect(h.err()).toMatch(/^crpat: Could not read the secret DOWN of acme\/private-app: /m);
  });
});

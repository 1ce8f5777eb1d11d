import { describe, expect, it } from 'vitest';
import { type Scenario, SCENARIOS, type Simulator, tokenValue } from '../../src/simulator/index.js';
import { hasValidChecksum } from '../../src/token/checksum.js';
import type { CheckId } from '../../src/types.js';
import { basic, useSimulator } from './helpers.js';

// Each scenario's `expect` is checked against the simulator's raw answers with a deliberately naive reading of the
// facts (below). This proves the world and the expectations agree; it is not crpat's checks.

interface Observed {
  formatOk: boolean;
  user: Response;
  repo: Response;
  login: Response;
  push: Response | null;
}

async function observe(sim: Simulator, scenario: Scenario): Promise<Observed> {
  const token = tokenValue(sim.world, scenario.tokenLabel);
  const auth = { authorization: `Bearer ${token}` };
  const name = `${scenario.repository.split('/')[0]}/${scenario.image ?? scenario.repository.split('/')[1]}`.toLowerCase();
  const user = await fetch(`${sim.apiUrl}/user`, { headers: auth });
  const repo = await fetch(`${sim.apiUrl}/repos/${scenario.repository}`, { headers: auth, redirect: 'manual' });
  const login = await fetch(`${sim.registryUrl}/token?service=ghcr.io&scope=repository:${name}:pull,push`, {
    headers: { authorization: basic(token) },
  });
  let push: Response | null = null;
  if (login.status === 200) {
    const bearer = ((await login.clone().json()) as { token: string }).token;
    push = await fetch(`${sim.registryUrl}/v2/${name}/blobs/uploads/`, { method: 'POST', headers: { authorization: `Bearer ${bearer}` } });
  }
  const checksummed = /^gh[pou]_/.test(token) && token.length === 40;
  return { formatOk: !checksummed || hasValidChecksum(token.slice(4)), user, repo, login, push };
}

/** Statuses under the dependency graph documented in src/simulator/scenarios.ts. */
async function conclude(o: Observed, token: string): Promise<{ failing: Set<CheckId>; warning: Set<CheckId> }> {
  const failing = new Set<CheckId>();
  const warning = new Set<CheckId>();
  if (!o.formatOk) return { failing: new Set(['token.format']), warning };
  if (o.login.status !== 200) failing.add('registry.login');
  else if (o.push?.status !== 202) failing.add('registry.push');
  if (o.user.status === 401) {
    failing.add('token.valid');
    return { failing, warning };
  }
  const scopes = o.user.headers.get('x-oauth-scopes');
  if (token.startsWith('github_pat_') || (scopes !== null && !scopes.split(', ').includes('write:packages'))) failing.add('token.scopes');
  const expiry = o.user.headers.get('github-authentication-token-expiration');
  if (expiry && Date.parse(expiry.replace(' UTC', 'Z').replace(' ', 'T')) - Date.now() < 7 * 86_400_000) warning.add('token.expiry');
  const repoBody = (await o.repo.clone().json()) as { message?: string; permissions?: { push: boolean } };
  if (o.repo.status === 403 && o.repo.headers.has('x-github-sso')) failing.add('org.sso');
  else if (o.repo.status === 403 && repoBody.message?.includes('forbids access via')) failing.add('org.policy');
  else if (o.repo.status === 404 || o.repo.status === 301) warning.add('repo.access');
  else if (o.repo.status === 200 && repoBody.permissions?.push === false) failing.add('repo.push');
  return { failing, warning };
}

describe('SCENARIOS agree with the simulator', () => {
  const sim = useSimulator();

  it('names are unique and every token label resolves in the default world', () => {
    expect(new Set(SCENARIOS.map((s) => s.name)).size).toBe(SCENARIOS.length);
    for (const scenario of SCENARIOS) expect(() => tokenValue(sim().world, scenario.tokenLabel)).not.toThrow();
  });

  it('verdict is pass exactly when nothing is expected to fail or stay undecided', () => {
    for (const { name, expect: e } of SCENARIOS) {
      expect(e.verdict === 'pass', name).toBe(e.failing.length === 0 && (e.erroring ?? []).length === 0);
      if (e.verdict === 'inconclusive') expect(e.failing, name).toEqual([]);
    }
  });

  it('every scenario that models a field report names its ledger entry, and the ledger has it', async () => {
    const { readFile } = await import('node:fs/promises');
    const ledger = await readFile(new URL('../../docs/github-behaviour.md', import.meta.url), 'utf8');
    for (const scenario of SCENARIOS.filter((s) => s.ledger)) expect(ledger, scenario.name).toContain(`<a id="${scenario.ledger}"></a>`);
    for (const scenario of SCENARIOS.filter((s) => s.ledger)) expect(ledger, scenario.name).toContain(`\`${scenario.name}\``);
  });

  // The field-report scenarios (those with a ledger entry) need crpat's own reading of ghcr's answers, not this naive
  // one: test/integration/scenarios.library.test.ts and field-reports.e2e.test.ts prove them through the checks.
  it.each(SCENARIOS.filter((s) => !s.ledger).map((s) => [s.name, s] as const))('%s', async (_, scenario) => {
    const token = tokenValue(sim().world, scenario.tokenLabel);
    const { failing, warning } = await conclude(await observe(sim(), scenario), token);
    expect([...failing].sort()).toEqual([...scenario.expect.failing].sort());
    expect([...warning].sort()).toEqual([...(scenario.expect.warning ?? [])].sort());
  });
});

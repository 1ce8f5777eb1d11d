import { describe, expect, it } from 'vitest';
import { DEMO_SCENARIOS, type DemoDeps, type DemoScenario, pickDemoScenarios, runDemo, type SimulatorModule } from '../../../src/cli/demo.js';
import { checkToken } from '../../../src/pipeline/check-token.js';
import type { CheckTokenOptions } from '../../../src/pipeline/options.js';
import { tokenChecksum } from '../../../src/token/checksum.js';
import type { Report } from '../../../src/types.js';
import { testIO } from '../../helpers/io.js';
import { FAIL_REPORT, PASS_REPORT } from '../report/fixtures.js';

const BODY = 'Zx81TestOnlyBody0000aaaabbbbcc';
const TOKEN = `ghp_${BODY}${tokenChecksum(BODY)}`;

const scenario = (name: string, verdict: DemoScenario['expect']['verdict'], extra: Partial<DemoScenario> = {}): DemoScenario => ({
  name,
  description: `${name} described.`,
  tokenLabel: 'the-token',
  repository: 'acme/api',
  expect: { verdict },
  ...extra,
});

function fakeSimulator(scenarios: DemoScenario[]) {
  const state = { started: 0, closed: 0 };
  const module: SimulatorModule = {
    SCENARIOS: scenarios,
    startSimulator: async () => {
      state.started += 1;
      return {
        apiUrl: 'http://127.0.0.1:1001',
        registryUrl: 'http://127.0.0.1:1002',
        registryHost: '127.0.0.1:1002',
        world: { tokens: [{ label: 'the-token', value: TOKEN }], strangers: [] },
        close: async () => {
          state.closed += 1;
        },
      };
    },
  };
  return { module, state };
}

function deps(module: SimulatorModule, answer: (options: CheckTokenOptions) => Report) {
  const t = testIO();
  const calls: CheckTokenOptions[] = [];
  const d: DemoDeps = {
    io: t.io,
    env: {},
    platform: 'linux',
    loadSimulator: async () => module,
    checkToken: async (options) => {
      calls.push(options);
      return answer(options);
    },
  };
  return { t, calls, deps: d };
}

describe('pickDemoScenarios', () => {
  it('keeps ours and any marked for the demo, in list order', () => {
    const all = [scenario('other', 'fail'), scenario('sso-not-authorized', 'fail'), scenario('marked', 'pass', { demo: true }), scenario('classic-can-push', 'pass')];
    expect(pickDemoScenarios(all).map((s) => s.name)).toEqual(['sso-not-authorized', 'marked', 'classic-can-push']);
  });
});

describe('runDemo (fake simulator)', () => {
  it('runs each scenario against the simulator, prints a header and the report, exit 0 when verdicts match', async () => {
    const sim = fakeSimulator([scenario('classic-can-push', 'pass'), scenario('classic-repo-scope-only', 'fail', { image: 'web' })]);
    const { t, calls, deps: d } = deps(sim.module, (o) => (o.image === 'web' ? FAIL_REPORT : PASS_REPORT));
    expect(await runDemo({}, d)).toBe(0);
    expect(calls).toEqual([
      { repository: 'acme/api', token: TOKEN, apiUrl: 'http://127.0.0.1:1001', registry: 'http://127.0.0.1:1002' },
      { repository: 'acme/api', token: TOKEN, apiUrl: 'http://127.0.0.1:1001', registry: 'http://127.0.0.1:1002', image: 'web' },
    ]);
    const out = t.out();
    expect(out).toContain('━━ Scenario 1 of 2: classic-can-push ━━\nclassic-can-push described.\n');
    expect(out).toContain('$ crpat --repo acme/api --image web   (token ghp_****; expected verdict: fail)');
    expect(out).toContain('✖ This token cannot push to ghcr.io/acme/api — 2 problems');
    expect(out.endsWith('✔ All 2 scenarios gave their expected verdict.\n')).toBe(true);
    expect(out).not.toContain(TOKEN);
    expect(sim.state).toEqual({ started: 1, closed: 1 });
  });

  it('on a 60-column terminal, the header and each scenario\'s lines are wrapped at spaces (issue 14)', async () => {
    const sim = fakeSimulator([scenario('classic-can-push', 'pass')]);
    const t = testIO({ stdoutTTY: true, columns: 60 });
    const d: DemoDeps = { io: t.io, env: { NO_COLOR: '1' }, platform: 'linux', loadSimulator: async () => sim.module, checkToken: async () => PASS_REPORT };
    expect(await runDemo({}, d)).toBe(0);
    for (const line of t.out().split('\n')) expect(line.length, line).toBeLessThanOrEqual(60);
    expect(t.out()).toMatch(/^crpat demo: real checks against a local simulator of\nGitHub's API/);
  });

  it('exit 1 and names the scenario when a verdict differs', async () => {
    const sim = fakeSimulator([scenario('classic-can-push', 'pass')]);
    const { t, deps: d } = deps(sim.module, () => FAIL_REPORT);
    expect(await runDemo({ color: false }, d)).toBe(1);
    expect(t.out()).toContain('✖ The demo did not go as expected: classic-can-push (expected pass, got fail)\n');
  });

  it('closes the simulator when a check throws', async () => {
    const sim = fakeSimulator([scenario('classic-can-push', 'pass')]);
    const { deps: d } = deps(sim.module, () => {
      throw new Error('boom');
    });
    await expect(runDemo({}, d)).rejects.toThrow('boom');
    expect(sim.state.closed).toBe(1);
  });
});

describe('runDemo (the bundled simulator and the real checks)', () => {
  it('every demo scenario gives its expected verdict, and no token is printed', async () => {
    const t = testIO();
    const simulator = (await import('../../../src/simulator/index.js')) as SimulatorModule;
    const code = await runDemo({}, { io: t.io, env: {}, platform: 'linux', loadSimulator: async () => simulator, checkToken });
    const shown = pickDemoScenarios(simulator.SCENARIOS);
    expect(t.out()).toContain(`All ${shown.length} scenarios gave their expected verdict.`);
    expect(code).toBe(0);
    // The field reports that decide whether a verdict can be trusted are part of the demo (issue 10).
    for (const name of [...DEMO_SCENARIOS, 'package-grant', 'ghcr-outage', 'lifetime-policy']) expect(t.out()).toContain(`: ${name} ━━`);
    expect(t.out()).not.toMatch(/gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,}/);
    // Issue 14: the scenarios' references to the project's ledger are for its developers, not for a person trying crpat.
    expect(t.out()).not.toMatch(/ledger|§/);
  });
});

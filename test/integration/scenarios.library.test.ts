import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkToken } from '../../src/index.js';
import { SCENARIOS, type Simulator, startSimulator, tokenValue } from '../../src/simulator/index.js';
import { CHECK_IDS } from '../../src/types.js';

// Every named scenario through the library call, against the simulator speaking ghcr's dialect.
let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator();
});
afterAll(async () => sim.close());

describe.each(SCENARIOS)('scenario $name', (scenario) => {
  it(`ends ${scenario.expect.verdict}, failing exactly [${scenario.expect.failing.join(', ')}]`, async () => {
    const token = tokenValue(sim.world, scenario.tokenLabel);
    const report = await checkToken({
      repository: scenario.repository,
      token,
      ...(scenario.image ? { image: scenario.image } : {}),
      apiUrl: sim.apiUrl,
      registry: sim.registryUrl,
    });
    const failing = report.checks.filter((c) => c.status === 'fail').map((c) => c.id);
    const warning = report.checks.filter((c) => c.status === 'warn').map((c) => c.id);
    expect({ verdict: report.verdict, failing }).toEqual({ verdict: scenario.expect.verdict, failing: scenario.expect.failing });
    for (const id of scenario.expect.warning ?? []) expect(warning).toContain(id);
    const erroring = report.checks.filter((c) => c.status === 'error').map((c) => c.id);
    expect(erroring).toEqual(scenario.expect.erroring ?? []);
    expect(report.checks.map((c) => c.id)).toEqual([...CHECK_IDS]);
    expect(JSON.stringify(report)).not.toContain(token);
  });
});

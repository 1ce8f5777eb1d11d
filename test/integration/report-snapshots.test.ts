import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkToken } from '../../src/index.js';
import { renderHuman } from '../../src/report/human.js';
import { SCENARIOS, type Simulator, startSimulator, tokenValue } from '../../src/simulator/index.js';
import { maskToken } from '../../src/token/mask.js';
import { recognizeToken } from '../../src/token/recognize.js';

// The human report of every named scenario (each failure kind), as the CLI renders it on a 100-column terminal,
// with and without colour, kept as text files beside this test so that a wording change shows in review and is
// deliberate (`vitest -u` to accept one). The simulator's ports are replaced by the real hosts, a one-time SSO request
// id by a placeholder; the clock is fixed.
const NOW = new Date('2026-03-02T09:30:00Z');
let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ now: () => NOW });
});
afterAll(async () => sim.close());

describe.each(SCENARIOS)('report of $name', (scenario) => {
  it('with and without colour', async () => {
    const token = tokenValue(sim.world, scenario.tokenLabel);
    const report = await checkToken(
      {
        repository: scenario.repository,
        token,
        ...(scenario.image ? { image: scenario.image } : {}),
        apiUrl: sim.apiUrl,
        registry: sim.registryUrl,
      },
      { now: () => NOW },
    );
    const render = (color: boolean): string =>
      renderHuman(report, {
        color,
        unicode: true,
        quiet: false,
        width: 100,
        tokenDisplay: { masked: maskToken(token), label: recognizeToken(token).label },
      })
        .split(sim.registryHost)
        .join('ghcr.io')
        .split(sim.apiUrl)
        .join('https://api.github.com')
        // GitHub issues a fresh SSO authorization request each time.
        .replace(/authorization_request=\w+/g, 'authorization_request=REQUEST_ID');
    const plain = render(false);
    expect(plain).not.toContain(token);
    await expect(plain).toMatchFileSnapshot(`__snapshots__/reports/${scenario.name}.txt`);
    await expect(render(true)).toMatchFileSnapshot(`__snapshots__/reports/${scenario.name}.color.txt`);
  });
});

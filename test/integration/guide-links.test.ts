import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkToken } from '../../src/index.js';
import { GUIDE_ANCHORS } from '../../src/checks/guide.js';
import { PROFILE_IDS } from '../../src/capabilities/profiles.js';
import { SCENARIOS, type Simulator, startSimulator, tokenValue } from '../../src/simulator/index.js';
import { guideAnchors, guideLinesOf } from '../helpers/guide.js';

// Issue 6: every failure a report shows links back to the step of docs/creating-a-cr-pat.md that fixes it. For each
// named scenario of the simulator and each profile, every `fail` finding carries exactly one `Guide:` line, last among
// its details, whose anchor exists in the guide; no other finding carries one.
const NOW = new Date('2026-03-02T09:30:00Z');
const ANCHORS = new Set(guideAnchors());
let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ now: () => NOW });
});
afterAll(async () => sim.close());

const seen = new Set<string>();

describe.each(PROFILE_IDS.flatMap((profile) => SCENARIOS.map((scenario) => ({ profile, scenario }))))('$scenario.name, --for $profile', ({ profile, scenario }) => {
  it('links each failure to its guide step', async () => {
    const report = await checkToken(
      {
        repository: scenario.repository,
        token: tokenValue(sim.world, scenario.tokenLabel),
        ...(scenario.image ? { image: scenario.image } : {}),
        apiUrl: sim.apiUrl,
        registry: sim.registryUrl,
        profile,
      },
      { now: () => NOW },
    );
    for (const finding of report.checks) {
      const anchors = guideLinesOf(finding.details);
      if (finding.status !== 'fail') {
        expect(anchors, `${finding.id} (${finding.status})`).toEqual([]);
        continue;
      }
      expect(anchors, finding.id).toHaveLength(1);
      const anchor = anchors[0] ?? '';
      expect(ANCHORS, `${finding.id} → #${anchor}`).toContain(anchor);
      expect(finding.details.at(-1)).toBe(`Guide: crpat guide ${anchor}`);
      seen.add(anchor);
    }
  });
});

it('the scenarios reach most steps of the guide', () => {
  // A guard against the loop above passing vacuously (no failures at all).
  expect(seen.size).toBeGreaterThanOrEqual(5);
  for (const anchor of seen) expect(GUIDE_ANCHORS).toContain(anchor);
});

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkToken } from '../../src/pipeline/check-token.js';
import { checkTokenMany } from '../../src/pipeline/check-token-many.js';
import { startReplay } from '../../src/simulator/replay.js';
import { parseTrace } from '../../src/trace/parse.js';
import type { TraceDocument } from '../../src/trace/format.js';
import type { ManyReport, Report } from '../../src/types.js';

// Every trace in test/field/ is a regression test with no code: it is replayed (crpat simulator --replay's server)
// and checked again; the verdict and each check's status must be the recorded ones, or, for a trace marked
// `wrongVerdict`, the corrected ones. docs/reporting-a-wrong-verdict.md says how a trace gets here.

const FIELD = join(import.meta.dirname, '../field');
const files = readdirSync(FIELD).filter((name) => name.endsWith('.json')).sort();

/** The verdict and `id: status` list crpat must reach for `report`'s repository, corrections applied. */
function expected(trace: TraceDocument, report: Report, many: boolean): { verdict: string; checks: Record<string, string> } {
  const checks = Object.fromEntries(report.checks.map((c) => [c.id, c.status]));
  const fix = trace.wrongVerdict;
  const applies = fix && (fix.repository === undefined ? !many || trace.options.repositories.length === 1 : fix.repository === report.target.repository);
  return applies ? { verdict: fix.verdict, checks: { ...checks, ...fix.checks } } : { verdict: report.verdict, checks };
}

function summary(report: Report): { verdict: string; checks: Record<string, string> } {
  return { verdict: report.verdict, checks: Object.fromEntries(report.checks.map((c) => [c.id, c.status])) };
}

describe('field traces replay to their verdicts', () => {
  it('the folder holds at least the hand-made real-format trace', () => {
    expect(files).toContain('classic-without-write-packages.json');
  });

  it.each(files)('%s', async (file) => {
    const parsed = parseTrace(readFileSync(join(FIELD, file), 'utf8'));
    if (!parsed.ok) throw new Error(`${file}: ${parsed.reason}`);
    const trace = parsed.value;
    const replay = await startReplay(trace);
    try {
      const common = {
        token: replay.token,
        apiUrl: replay.apiUrl,
        registry: replay.registryUrl,
        profile: trace.options.profile,
        timeoutSeconds: trace.options.timeoutSeconds,
        ...(trace.options.workflowRepository ? { workflowRepository: trace.options.workflowRepository } : {}),
      };
      const image = trace.options.image !== null ? { image: trace.options.image } : {};
      const recorded = trace.report;
      if ('results' in recorded) {
        const again: ManyReport = await checkTokenMany({ ...common, ...image, repositories: trace.options.repositories });
        expect(again.results.map(summary)).toEqual(recorded.results.map((r) => expected(trace, r, true)));
        if (!trace.wrongVerdict || trace.wrongVerdict.repository !== undefined) expect(again.verdict).toBe(recorded.verdict);
      } else {
        const again = await checkToken({ ...common, ...image, repository: trace.options.repositories[0]! });
        expect(summary(again)).toEqual(expected(trace, recorded, false));
      }
    } finally {
      await replay.close();
    }
  });
});

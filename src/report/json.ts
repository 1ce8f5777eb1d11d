import type { ManyReport, Report } from '../types.js';

/**
 * The `--json` document: the report itself (or, for several repositories, `{schemaVersion, verdict, results}`),
 * pretty-printed, one trailing newline. Nothing else goes to stdout.
 */
export function renderJson(report: Report | ManyReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

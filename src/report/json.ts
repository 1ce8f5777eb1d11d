import type { Report } from '../types.js';

/** The `--json` document: the report itself, pretty-printed, one trailing newline. Nothing else goes to stdout. */
export function renderJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

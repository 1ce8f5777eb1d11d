import type { ManyReport, Report } from '../types.js';

/**
 * The `--json` document: the report itself (or, for several repositories, `{schemaVersion, verdict, results}`),
 * pretty-printed, one trailing newline. Nothing else goes to stdout.
 */
export function renderJson(report: Report | ManyReport): string {
  return `${escapeC1(JSON.stringify(report, null, 2))}\n`;
}

/**
 * JSON.stringify escapes C0 controls but leaves DEL, the C1 controls (U+0080–U+009F; U+009B is a terminal's CSI) and
 * the line separators U+2028/U+2029 as they are. Outside strings JSON is ASCII, so each can become `\uXXXX` in place.
 */
function escapeC1(json: string): string {
  return json.replace(/[\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

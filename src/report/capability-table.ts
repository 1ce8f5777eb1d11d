import type { Capability } from '../types.js';
import { DETAIL_INDENT } from './layout.js';
import type { Style } from './style.js';
import { wrap } from './wrap.js';

/** The human report's capability table (issue 6): what the token can do for the profile; the GITHUB_TOKEN advice is github-token-advice.ts. */

const GRANTED: Record<'true' | 'false' | 'null', string> = { true: 'yes', false: 'no', null: 'unknown' };
const TABLE_INDENT = '  ';
/** Below this many columns for the evidence, each row's evidence goes on its own line under the row. */
const MIN_EVIDENCE = 24;

/**
 * Whether the table says something the findings do not (issue 14): a profile beyond push (`--for deploy`: its
 * permissions are judged only here), or a capability that could not be established. For push alone, its one row
 * (`packages:write`) repeats what token.scopes and registry.push already said.
 */
export function capabilityTableAddsSomething(profile: string | undefined, rows: readonly Capability[]): boolean {
  if (rows.length === 0) return false;
  return (profile !== undefined && profile !== 'push') || rows.some((row) => row.granted === null);
}

/**
 * `Capabilities for deploy:` and one row per capability: name, whether the profile needs it, whether the token has
 * it (yes / no / unknown) and the evidence, which wraps in its column (or, on a narrow terminal, under the row).
 * Plain ASCII: only spaces line the columns up.
 */
export function capabilityTable(profile: string, rows: readonly Capability[], width: number, style: Style): string {
  const header = { name: 'capability', needed: 'needed', granted: 'granted' };
  const nameWidth = Math.max(header.name.length, ...rows.map((row) => row.name.length));
  const neededWidth = header.needed.length;
  const grantedWidth = Math.max(header.granted.length, ...Object.values(GRANTED).map((word) => word.length));
  const lead = TABLE_INDENT.length + nameWidth + 2 + neededWidth + 2 + grantedWidth + 2;
  const stacked = width > 0 && width - lead < MIN_EVIDENCE;
  const cells = (name: string, needed: string, granted: string): string =>
    `${TABLE_INDENT}${name.padEnd(nameWidth)}  ${needed.padEnd(neededWidth)}  ${granted}`;
  const lines = [style('bold', `Capabilities for ${profile}:`)];
  lines.push(style('dim', stacked ? cells(header.name, header.needed, header.granted) : `${cells(header.name, header.needed, header.granted.padEnd(grantedWidth))}  evidence`));
  for (const row of rows) {
    const word = GRANTED[String(row.granted) as keyof typeof GRANTED];
    const color = row.granted === true ? 'green' : row.granted === null ? 'yellow' : row.needed ? 'red' : 'gray';
    const granted = style(color, stacked ? word : word.padEnd(grantedWidth));
    const start = cells(row.name, row.needed ? 'yes' : 'no', granted);
    if (stacked) {
      const indent = `${TABLE_INDENT}${DETAIL_INDENT}`;
      lines.push(start, `${indent}${wrap(row.evidence, width, indent.length, indent)}`);
    } else {
      lines.push(`${start}  ${wrap(row.evidence, width, lead, ' '.repeat(lead))}`);
    }
  }
  return lines.join('\n');
}

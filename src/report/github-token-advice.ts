import type { GithubTokenAdvice } from '../types.js';
import { DETAIL_INDENT, FIX_LABEL } from './layout.js';
import type { Style } from './style.js';
import { wrap } from './wrap.js';

const LABEL = 'GITHUB_TOKEN';

/**
 * `GITHUB_TOKEN: ...` with what the workflow needs, and the page that makes it work. A summary that starts with the
 * label's word is its own heading (**GITHUB_TOKEN** with `permissions: …`), not `GITHUB_TOKEN: GITHUB_TOKEN with …`.
 */
export function adviceBlock(advice: GithubTokenAdvice, width: number, style: Style): string {
  const ownHeading = advice.summary.startsWith(`${LABEL} `);
  const rest = ownHeading ? advice.summary.slice(LABEL.length + 1) : advice.summary;
  const head = ownHeading ? `${LABEL} ` : `${LABEL}: `;
  const lines = [`${style('bold', LABEL)}${head.slice(LABEL.length)}${wrap(rest, width, head.length, DETAIL_INDENT)}`];
  const stepIndent = `${DETAIL_INDENT}  `;
  for (const step of advice.steps) lines.push(`${DETAIL_INDENT}- ${wrap(step, width, stepIndent.length, stepIndent)}`);
  if (advice.fix !== null) {
    const fixIndent = DETAIL_INDENT + ' '.repeat(FIX_LABEL.length);
    const text = `${advice.fix.text.replace(/\.$/, '')}: ${advice.fix.url}`;
    lines.push(`${DETAIL_INDENT}${style(['bold', 'cyan'], FIX_LABEL.trimEnd())} ${wrap(text, width, fixIndent.length, fixIndent)}`);
  }
  return lines.join('\n');
}


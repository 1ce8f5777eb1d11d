import type { GithubTokenAdvice } from '../types.js';
import { DETAIL_INDENT, FIX_LABEL } from './layout.js';
import type { Style } from './style.js';
import { wrap } from './wrap.js';

/** `GITHUB_TOKEN: ...` with what the workflow needs, and the page that makes it work. */
export function adviceBlock(advice: GithubTokenAdvice, width: number, style: Style): string {
  const label = 'GITHUB_TOKEN: ';
  const lines = [`${style('bold', label.trimEnd())} ${wrap(advice.summary, width, label.length, DETAIL_INDENT)}`];
  const stepIndent = `${DETAIL_INDENT}  `;
  for (const step of advice.steps) lines.push(`${DETAIL_INDENT}- ${wrap(step, width, stepIndent.length, stepIndent)}`);
  if (advice.fix !== null) {
    const fixIndent = DETAIL_INDENT + ' '.repeat(FIX_LABEL.length);
    const text = `${advice.fix.text.replace(/\.$/, '')}: ${advice.fix.url}`;
    lines.push(`${DETAIL_INDENT}${style(['bold', 'cyan'], FIX_LABEL.trimEnd())} ${wrap(text, width, fixIndent.length, fixIndent)}`);
  }
  return lines.join('\n');
}


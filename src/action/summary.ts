import type { CheckStatus, Finding, Report } from '../types.js';
import { guideStepOf, runnerGuideCommand } from './outcome.js';

/**
 * The job summary (Markdown, appended to GITHUB_STEP_SUMMARY): the verdict, the token, and every check with its fix and,
 * for a failing one, its guide step as the annotations give it (`npx crpat guide sso`).
 */

const STATUS: Record<CheckStatus, string> = {
  pass: '✅ pass',
  fail: '❌ fail',
  warn: '⚠️ warn',
  skip: '⏭️ skip',
  error: '❓ error',
};

const HEADLINE = {
  pass: (image: string) => `✅ This token can push to \`${image}\``,
  fail: (image: string) => `❌ This token cannot push to \`${image}\``,
  inconclusive: (image: string) => `❓ Could not decide whether this token can push to \`${image}\``,
};

export function renderSummary(report: Report): string {
  const { kind, login, expiresAt, scopes } = report.token;
  const about = [`Token: ${kind}`, login ? `of ${code(login)}` : null, expiresAt ? `expires ${cell(expiresAt)}` : 'no expiry known'];
  const lines = [
    `### crpat: ${HEADLINE[report.verdict](report.target.image)}`,
    '',
    `${about.filter(Boolean).join(', ')}${scopes.length > 0 ? `; scopes: ${scopes.map(code).join(', ')}` : ''}.`,
    '',
    '| Check | Status | Summary | Fix |',
    '| --- | --- | --- | --- |',
    ...report.checks.map((c) => `| \`${c.id}\` | ${STATUS[c.status]} | ${cell(c.summary)} | ${fixCell(c)} |`),
  ];
  return `${lines.join('\n')}\n\n`;
}

/** The fix, then the guide step on a line of its own (as in the annotations). */
function fixCell(finding: Finding): string {
  const step = guideStepOf(finding);
  const guide = step === undefined ? '' : `Guide: \`${runnerGuideCommand(step)}\``;
  return [finding.fix === null ? '' : cell(finding.fix), guide].filter(Boolean).join('<br>');
}

/** The summary when nothing could be checked (an empty token, a bad input). */
export function renderProblemSummary(title: string, message: string): string {
  return `### crpat: ❌ ${cell(title)}\n\n${cell(message)}\n\n`;
}

/**
 * A value a server gave (a login, a scope) as inline code when it has the shape such values have, else as escaped
 * text: inside a code span no escape works, so a backtick or markup in it could break out.
 */
export function code(text: string): string {
  return /^[A-Za-z0-9:._-]+$/.test(text) ? `\`${text}\`` : cell(text.replace(/[\\`*_[\]()#!~]/g, (c) => `\\${c}`));
}

/** Text safe inside a table cell: no HTML, no column breaks, no line breaks. */
export function cell(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\|/g, '\\|')
    .replace(/\r?\n/g, '<br>');
}

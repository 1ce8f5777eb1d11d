import { sanitizeReport } from './sanitize.js';
import { CHECK_IDS, type CheckId, type CheckStatus, type Finding, type Report } from '../types.js';
import { capabilityTable, capabilityTableAddsSomething } from './capability-table.js';
import { adviceBlock } from './github-token-advice.js';
import { DETAIL_INDENT, FIX_LABEL } from './layout.js';
import { createStyle, type Style } from './style.js';
import { symbols, type Symbols } from './symbols.js';
import { maskedForKind, TOKEN_KIND_DISPLAY } from './token-kind.js';
import { wrap } from './wrap.js';

export interface HumanOptions {
  /** ANSI colour (decided by the caller from TTY, NO_COLOR, FORCE_COLOR, --no-color). */
  color: boolean;
  /** Unicode symbols; else the ASCII fallback. */
  unicode: boolean;
  /** Only the verdict line and the problems. */
  quiet: boolean;
  /** Terminal width to wrap to; 0 for no wrapping. */
  width: number;
  /**
   * How to show the token when the caller holds it: `maskToken()` and `recognizeToken().label`. Without it the report's
   * `token.kind` decides (a legacy 40-hex token is then shown as `ghp_****`).
   */
  tokenDisplay?: { masked: string; label: string };
}

const STATUS_COLOR: Record<CheckStatus, Parameters<Style>[0]> = {
  pass: 'green',
  fail: 'red',
  warn: 'yellow',
  error: 'yellow',
  skip: 'gray',
};


/**
 * The report a person reads: the verdict first, the token (masked: its prefix only), each problem with its details
 * and fix, the capability table of the profile, then warnings, the GITHUB_TOKEN advice when there is one, and the
 * other checks briefly. `quiet`: only the verdict and the problems. Ends with a newline.
 */
export function renderHuman(unsafe: Report, options: HumanOptions): string {
  const report = sanitizeReport(unsafe);
  const style = createStyle(options.color);
  const sym = symbols(options.unicode);
  const problems = report.checks.filter((f) => f.status === 'fail' || f.status === 'error');
  const warnings = report.checks.filter((f) => f.status === 'warn');
  const others = report.checks.filter((f) => f.status === 'pass' || f.status === 'skip');

  const blocks: string[] = [verdictLine(report, sym, style, options.width)];
  const table = !options.quiet && capabilityTableAddsSomething(report.profile, report.capabilities);
  const links = linksOnce();
  // Each piece of evidence once on the screen: with the table shown, token.capabilities points to it.
  const once = (finding: Finding): Finding => links(table ? withoutTableEvidence(finding, report) : finding);
  if (!options.quiet) blocks.push(tokenLines(report, options, style));
  for (const finding of problems) blocks.push(findingBlock(once(finding), options.width, sym, style));
  if (!options.quiet) {
    if (table) blocks.push(capabilityTable(report.profile, report.capabilities, options.width, style));
    for (const finding of warnings) blocks.push(findingBlock(once(finding), options.width, sym, style));
    if (report.githubToken) blocks.push(adviceBlock(report.githubToken, options.width, style));
    if (others.length > 0) blocks.push(briefLines(others, options.width, sym, style));
  }
  return `${blocks.join('\n\n')}\n`;
}

/**
 * `token.capabilities` without its `name: no, <evidence>.` lines, which the capability table shows in its rows (issue
 * 14: each finding once on the final screen; a deploy check printed every probe's answer twice). One line says where
 * they are instead. The JSON report and `--quiet`, which has no table, keep them.
 */
function withoutTableEvidence(finding: Finding, report: Report): Finding {
  if (finding.id !== 'token.capabilities') return finding;
  const inTable = (detail: string): boolean => report.capabilities.some((row) => detail.startsWith(`${row.name}: `));
  const details = finding.details.filter((detail) => !inTable(detail));
  if (details.length === finding.details.length) return finding;
  // Problems come before the table, warnings after it.
  const where = finding.status === 'warn' ? 'above' : 'below';
  return { ...finding, details: [`How each was established: the capability table ${where}.`, ...details] };
}

/** Problems first, then warnings, each in report order. */
export function ordered(findings: Finding[]): Finding[] {
  const rank = (f: Finding): number => (f.status === 'warn' ? 1 : 0);
  return [...findings].sort((a, b) => rank(a) - rank(b));
}

export function verdictLine(report: Report, sym: Symbols, style: Style, width: number): string {
  const image = report.target.image;
  const failed = count(report.checks, 'fail');
  const errored = count(report.checks, 'error');
  const undecided = errored === 1 ? '1 check could not be completed' : `${errored} checks could not be completed`;
  const line = (symbol: string, text: string, color: 'green' | 'red' | 'yellow'): string =>
    style(['bold', color], `${symbol} ${wrap(text, width, symbol.length + 1, ' '.repeat(symbol.length + 1))}`);
  // A profile other than push (--for deploy) adds checks of its own: the line says which part failed.
  const profile = report.profile !== undefined && report.profile !== 'push' ? report.profile : null;
  const needs = `what ${profile} needs on ${report.target.repository}`;
  const corePassed = report.checks.every((f) => !(CHECK_IDS as readonly string[]).includes(f.id) || (f.status !== 'fail' && f.status !== 'error'));
  switch (report.verdict) {
    case 'pass':
      return line(sym.verdict.pass, profile ? `This token can push to ${image} and has ${needs}` : `This token can push to ${image}`, 'green');
    case 'fail': {
      const parts = [failed === 1 ? '1 problem' : `${failed} problems`];
      if (errored > 0) parts.push(undecided);
      const suffix = failed > 0 ? ` ${sym.dash} ${parts.join('; ')}` : '';
      if (profile && corePassed) return line(sym.verdict.fail, `This token can push to ${image}, but lacks ${needs}${suffix}`, 'red');
      return line(sym.verdict.fail, `This token cannot push to ${image}${suffix}`, 'red');
    }
    case 'inconclusive': {
      const suffix = errored > 0 ? ` ${sym.dash} ${undecided}` : '';
      return line(sym.verdict.inconclusive, `Could not decide whether this token can push to ${image}${suffix}`, 'yellow');
    }
  }
}

export function tokenLines(report: Report, options: HumanOptions, style: Style): string {
  const { kind, login, expiresAt, scopes } = report.token;
  const width = options.width;
  const shown = options.tokenDisplay ?? { masked: maskedForKind(kind), label: TOKEN_KIND_DISPLAY[kind].label };
  let text = `${shown.masked} (${shown.label})`;
  if (login !== null) text += ` of ${login}`;
  if (expiresAt !== null) text += `, expires ${formatDate(expiresAt)}`;
  const lines = [`${style('bold', 'Token:')} ${wrap(text, width, 'Token: '.length, DETAIL_INDENT)}`];
  if (scopes.length > 0) {
    lines.push(`${style('bold', 'Scopes:')} ${wrap(scopes.join(', '), width, 'Scopes: '.length, DETAIL_INDENT)}`);
  }
  return lines.join('\n');
}

/** A link in a fix, without the full stop or comma that may follow it in the sentence. */
const FIX_LINK = /https?:\/\/\S+?(?=[.,;:]?(?:\s|$))/g;

/** A link shorter than this is printed again: naming where it was would not be shorter. */
const LONG_LINK = 60;

/**
 * Findings in the order they are shown → the same, with a long link that an earlier fix already printed named instead
 * of printed again (two fixes of one report often point to the same token page; issue 14).
 */
export function linksOnce(): (finding: Finding) => Finding {
  const firstShown = new Map<string, CheckId>();
  return (finding) => {
    if (finding.fix === null) return finding;
    const fix = finding.fix.replace(FIX_LINK, (link) => {
      const first = firstShown.get(link);
      if (first === undefined) firstShown.set(link, finding.id);
      return first === undefined || first === finding.id || link.length < LONG_LINK ? link : `the link under ${first} above`;
    });
    return { ...finding, fix };
  };
}

export function findingBlock(finding: Finding, width: number, sym: Symbols, style: Style): string {
  const symbol = sym.status[finding.status];
  const head = `${symbol} ${finding.id}  `;
  const lines = [
    `${style(STATUS_COLOR[finding.status], symbol)} ${style('bold', finding.id)}  ${wrap(finding.summary, width, head.length, DETAIL_INDENT)}`,
  ];
  for (const detail of finding.details) {
    lines.push(`${DETAIL_INDENT}${wrap(detail, width, DETAIL_INDENT.length, DETAIL_INDENT)}`);
  }
  if (finding.fix !== null) {
    const fixIndent = DETAIL_INDENT + ' '.repeat(FIX_LABEL.length);
    const fix = wrap(finding.fix, width, fixIndent.length, fixIndent);
    lines.push(`${DETAIL_INDENT}${style(['bold', 'cyan'], FIX_LABEL.trimEnd())} ${fix}`);
  }
  return lines.join('\n');
}

/** Skipped checks sharing one reason, from this many on, are listed on one line after the first of them. */
const SAME_SKIP_GROUP = 3;

/**
 * The other checks, one line each. Skipped checks that share a reason (a malformed token skips all nine others) are
 * shown once: the first with the reason, the rest named on the line below it.
 */
function briefLines(findings: Finding[], width: number, sym: Symbols, style: Style): string {
  const sameSkip = skipGroups(findings);
  const groupOf = (finding: Finding): Finding[] | undefined => (finding.status === 'skip' ? sameSkip.get(finding.summary) : undefined);
  const shown = findings.filter((finding) => (groupOf(finding)?.[0] ?? finding) === finding);
  const idWidth = Math.max(...shown.map((f) => f.id.length));
  const symbolWidth = Math.max(...shown.map((f) => sym.status[f.status].length));
  return shown
    .map((finding) => {
      const group = groupOf(finding);
      const symbol = sym.status[finding.status].padEnd(symbolWidth);
      const head = `${symbol} ${finding.id.padEnd(idWidth)}  `;
      const indent = ' '.repeat(head.length);
      const summary = wrap(finding.summary, width, head.length, indent);
      const lines = [`${style(STATUS_COLOR[finding.status], symbol)} ${finding.id.padEnd(idWidth)}  ${summary}`];
      if (group !== undefined) {
        const rest = `Also skipped: ${group.slice(1).map((f) => f.id).join(', ')}.`;
        lines.push(`${indent}${wrap(rest, width, indent.length, indent)}`);
      }
      const text = lines.join('\n');
      return finding.status === 'skip' ? style('dim', text) : text;
    })
    .join('\n');
}

/** Skipped checks by their reason, for the reasons at least SAME_SKIP_GROUP of them share. */
function skipGroups(findings: readonly Finding[]): Map<string, Finding[]> {
  const byReason = new Map<string, Finding[]>();
  for (const finding of findings) {
    if (finding.status !== 'skip') continue;
    byReason.set(finding.summary, [...(byReason.get(finding.summary) ?? []), finding]);
  }
  return new Map([...byReason].filter(([, group]) => group.length >= SAME_SKIP_GROUP));
}

function count(findings: Finding[], status: CheckStatus): number {
  return findings.filter((f) => f.status === status).length;
}

/** `2026-03-01T12:00:00Z` → `2026-03-01 12:00 UTC`; anything unparsable is shown as given. */
function formatDate(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

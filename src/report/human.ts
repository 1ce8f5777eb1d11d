import type { CheckStatus, Finding, Report } from '../types.js';
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

const DETAIL_INDENT = '    ';
const FIX_LABEL = 'Fix: ';

/**
 * The report a person reads: the verdict first, then each problem with its details and fix, then warnings, the token
 * (masked: its prefix only), and the other checks briefly. Ends with a newline.
 */
export function renderHuman(report: Report, options: HumanOptions): string {
  const style = createStyle(options.color);
  const sym = symbols(options.unicode);
  const problems = report.checks.filter((f) => f.status === 'fail' || f.status === 'error');
  const warnings = report.checks.filter((f) => f.status === 'warn');
  const others = report.checks.filter((f) => f.status === 'pass' || f.status === 'skip');

  const blocks: string[] = [verdictLine(report, sym, style, options.width)];
  if (!options.quiet) blocks.push(tokenLines(report, options, style));
  for (const finding of problems) blocks.push(findingBlock(finding, options.width, sym, style));
  if (!options.quiet) {
    for (const finding of warnings) blocks.push(findingBlock(finding, options.width, sym, style));
    if (others.length > 0) blocks.push(briefLines(others, options.width, sym, style));
  }
  return `${blocks.join('\n\n')}\n`;
}

function verdictLine(report: Report, sym: Symbols, style: Style, width: number): string {
  const image = report.target.image;
  const failed = count(report.checks, 'fail');
  const errored = count(report.checks, 'error');
  const undecided = errored === 1 ? '1 check could not be completed' : `${errored} checks could not be completed`;
  const line = (symbol: string, text: string, color: 'green' | 'red' | 'yellow'): string =>
    style(['bold', color], `${symbol} ${wrap(text, width, symbol.length + 1, ' '.repeat(symbol.length + 1))}`);
  switch (report.verdict) {
    case 'pass':
      return line(sym.verdict.pass, `This token can push to ${image}`, 'green');
    case 'fail': {
      const parts = [failed === 1 ? '1 problem' : `${failed} problems`];
      if (errored > 0) parts.push(undecided);
      const suffix = failed > 0 ? ` ${sym.dash} ${parts.join('; ')}` : '';
      return line(sym.verdict.fail, `This token cannot push to ${image}${suffix}`, 'red');
    }
    case 'inconclusive': {
      const suffix = errored > 0 ? ` ${sym.dash} ${undecided}` : '';
      return line(sym.verdict.inconclusive, `Could not decide whether this token can push to ${image}${suffix}`, 'yellow');
    }
  }
}

function tokenLines(report: Report, options: HumanOptions, style: Style): string {
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

function findingBlock(finding: Finding, width: number, sym: Symbols, style: Style): string {
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

function briefLines(findings: Finding[], width: number, sym: Symbols, style: Style): string {
  const idWidth = Math.max(...findings.map((f) => f.id.length));
  const symbolWidth = Math.max(...findings.map((f) => sym.status[f.status].length));
  return findings
    .map((finding) => {
      const symbol = sym.status[finding.status].padEnd(symbolWidth);
      const head = `${symbol} ${finding.id.padEnd(idWidth)}  `;
      const indent = ' '.repeat(head.length);
      const summary = wrap(finding.summary, width, head.length, indent);
      const text = `${style(STATUS_COLOR[finding.status], symbol)} ${finding.id.padEnd(idWidth)}  ${summary}`;
      return finding.status === 'skip' ? style('dim', text) : text;
    })
    .join('\n');
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

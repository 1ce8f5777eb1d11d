import { sanitizeReport } from './sanitize.js';
import type { CheckId, Finding, ManyReport, Report } from '../types.js';
import { findingBlock, type HumanOptions, linksOnce, ordered, tokenLines, verdictLine } from './human.js';
import { createStyle, type Style } from './style.js';
import { symbols, type Symbols } from './symbols.js';
import { wrap } from './wrap.js';

/** The checks about the token itself: judged from the one `GET /user` of a run, the same for every repository. */
const TOKEN_CHECKS: readonly CheckId[] = ['token.format', 'token.valid', 'token.expiry', 'token.scopes'];

/**
 * The report for several repositories: one overall verdict line first, then the token (once) with its own problems
 * when they are the same for every repository, then each repository's verdict line with its problems and warnings.
 * Passing checks are not listed per repository (the verdict line says it); `--quiet` leaves out passing repositories.
 */
export function renderHumanMany(unsafe: ManyReport, options: HumanOptions): string {
  const result = { ...unsafe, results: unsafe.results.map(sanitizeReport) };
  const style = createStyle(options.color);
  const sym = symbols(options.unicode);
  const first = result.results[0];
  const blocks: string[] = [overallLine(result, sym, style, options.width)];
  if (!first) return `${blocks[0]}\n`;
  const once = linksOnce();
  const shared = TOKEN_CHECKS.filter((id) => sameEverywhere(result.results, id));
  const shown = (finding: Finding): boolean =>
    finding.status === 'fail' || finding.status === 'error' || (!options.quiet && finding.status === 'warn');
  if (!options.quiet) blocks.push(tokenLines(withKnownLogin(result.results), options, style));
  for (const finding of ordered(first.checks.filter((f) => shared.includes(f.id) && shown(f)))) {
    blocks.push(findingBlock(once(finding), options.width, sym, style));
  }
  for (const report of result.results) {
    if (options.quiet && report.verdict === 'pass') continue;
    const own = ordered(report.checks.filter((f) => !shared.includes(f.id) && shown(f)));
    blocks.push([verdictLine(report, sym, style, options.width), ...own.map((f) => findingBlock(once(f), options.width, sym, style))].join('\n'));
  }
  return `${blocks.join('\n\n')}\n`;
}

function overallLine(result: ManyReport, sym: Symbols, style: Style, width: number): string {
  const total = result.results.length;
  const of = (n: number): string => (n === total ? `all ${total}` : `${n} of ${total}`);
  const repos = total === 1 ? 'repository' : 'repositories';
  const failed = result.results.filter((r) => r.verdict === 'fail').length;
  const undecided = result.results.filter((r) => r.verdict === 'inconclusive').length;
  const line = (symbol: string, text: string, color: 'green' | 'red' | 'yellow'): string =>
    style(['bold', color], `${symbol} ${wrap(text, width, symbol.length + 1, ' '.repeat(symbol.length + 1))}`);
  switch (result.verdict) {
    case 'pass':
      return line(sym.verdict.pass, `This token can push to ${of(total)} ${repos}`, 'green');
    case 'fail': {
      const suffix = undecided > 0 ? `; ${undecided} could not be decided` : '';
      return line(sym.verdict.fail, `This token cannot push to ${of(failed)} ${repos}${suffix}`, 'red');
    }
    case 'inconclusive':
      return line(sym.verdict.inconclusive, `Could not decide whether this token can push to ${of(undecided)} ${repos}; none refused it`, 'yellow');
  }
}

function sameEverywhere(reports: readonly Report[], id: CheckId): boolean {
  const key = (report: Report): string => {
    const finding = report.checks.find((f) => f.id === id);
    return JSON.stringify(finding ? [finding.status, finding.summary, finding.fix, finding.details] : null);
  };
  const first = reports[0];
  return first !== undefined && reports.every((report) => key(report) === key(first));
}

/** The report whose token block knows the most (the login), for the one token line. */
function withKnownLogin(reports: readonly Report[]): Report {
  return reports.find((r) => r.token.login !== null) ?? (reports[0] as Report);
}

import { createStyle, type Style } from '../report/style.js';
import { symbols } from '../report/symbols.js';
import { visible, wrap } from '../report/wrap.js';
import type { CheckStatus, Verdict } from '../types.js';
import { type JobSummary, verdictOf, type WorkflowAnalysis } from './analyze.js';
import type { KnownRepository, WorkflowFinding } from './finding.js';

/** The document `crpat workflow --json` prints (README "crpat workflow"). */
export interface WorkflowReport {
  schemaVersion: 1;
  verdict: Verdict;
  /** `owner/name` the workflows were judged against, or null when not known. */
  repository: string | null;
  files: string[];
  /** The jobs that push to a GitHub registry. */
  jobs: JobSummary[];
  findings: WorkflowFinding[];
}

export function workflowReport(analysis: WorkflowAnalysis, repository: KnownRepository | null, extra: readonly WorkflowFinding[] = []): WorkflowReport {
  const findings = [...analysis.findings, ...extra];
  return {
    schemaVersion: 1,
    verdict: verdictOf(findings),
    repository: repository ? `${repository.owner}/${repository.name}` : null,
    files: analysis.files,
    jobs: analysis.jobs,
    findings,
  };
}

export function renderWorkflowJson(report: WorkflowReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

export interface WorkflowHumanOptions {
  color: boolean;
  unicode: boolean;
  /** Terminal width for wrapping; 0: no wrapping. */
  width: number;
  /** Only the verdict and the problems. */
  quiet: boolean;
}

const STATUS_COLOR: Record<CheckStatus, Parameters<Style>[0]> = { pass: 'green', fail: 'red', warn: 'yellow', error: 'yellow', skip: 'gray' };
const ORDER: Record<CheckStatus, number> = { fail: 0, error: 1, warn: 2, pass: 3, skip: 4 };

/** Control characters from a workflow file never reach the terminal. */
function withoutControls(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g, '\uFFFD');
}

/** The verdict, then each workflow file and each job that pushes, its findings problems first, each with its fix. */
export function renderWorkflowHuman(report: WorkflowReport, options: WorkflowHumanOptions): string {
  const style = createStyle(options.color);
  const sym = symbols(options.unicode);
  const out: string[] = [verdictLine(report, style, sym.verdict, options.width)];
  if (report.repository) out.push(`Repository: ${withoutControls(report.repository)}`);
  for (const file of report.files) {
    const inFile = report.findings.filter((f) => f.file === file);
    const shown = options.quiet ? inFile.filter((f) => f.status === 'fail' || f.status === 'error' || f.status === 'warn') : inFile;
    if (options.quiet && shown.length === 0) continue;
    out.push('', style('bold', withoutControls(file)));
    const fileLevel = shown.filter((f) => f.job === null);
    for (const finding of fileLevel) out.push(findingLines(finding, '  ', style, sym.status, options.width));
    for (const job of report.jobs.filter((j) => j.file === file)) {
      const jobFindings = shown.filter((f) => f.job === job.job).sort((a, b) => ORDER[a.status] - ORDER[b.status]);
      if (options.quiet && jobFindings.length === 0) continue;
      const images = job.images.length > 0 ? ` ${sym.arrow} ${job.images.map(withoutControls).join(', ')}` : '';
      const jobLine = `job ${withoutControls(job.job)} (line ${job.line})${images}`;
      out.push(`  ${wrap(jobLine, options.width, 2, '      ').replace(`job ${withoutControls(job.job)}`, `job ${style('bold', withoutControls(job.job))}`)}`);
      for (const finding of jobFindings) out.push(findingLines(finding, '    ', style, sym.status, options.width));
    }
  }
  return `${out.join('\n')}\n`;
}

function findingLines(finding: WorkflowFinding, indent: string, style: Style, status: Record<CheckStatus, string>, width: number): string {
  const head = `${indent}${style(STATUS_COLOR[finding.status], status[finding.status])} ${finding.id}  line ${finding.line}  `;
  const lines = [`${head}${wrap(withoutControls(finding.summary), width, visible(head), `${indent}    `)}`];
  if (finding.fix && finding.status !== 'pass') lines.push(`${indent}    Fix: ${wrap(withoutControls(finding.fix), width, indent.length + 9, `${indent}    `)}`);
  return lines.join('\n');
}

function verdictLine(report: WorkflowReport, style: Style, verdict: Record<Verdict, string>, width: number): string {
  return style(verdictColor(report.verdict), wrap(verdictText(report, verdict), width, 0, '  '));
}

function verdictColor(verdict: Verdict): 'red' | 'yellow' | 'green' {
  return verdict === 'fail' ? 'red' : verdict === 'inconclusive' ? 'yellow' : 'green';
}

function verdictText(report: WorkflowReport, verdict: Record<Verdict, string>): string {
  const count = (status: CheckStatus): number => report.findings.filter((f) => f.status === status).length;
  const jobs = `${report.jobs.length} job${report.jobs.length === 1 ? '' : 's'} pushing to a GitHub registry in ${report.files.length} workflow${report.files.length === 1 ? '' : 's'}`;
  const warnings = count('warn') > 0 ? `, ${count('warn')} warning${count('warn') === 1 ? '' : 's'}` : '';
  switch (report.verdict) {
    case 'fail':
      return `${verdict.fail} ${count('fail')} problem${count('fail') === 1 ? '' : 's'}${warnings} — ${jobs}`;
    case 'inconclusive':
      return `${verdict.inconclusive} ${count('error')} finding${count('error') === 1 ? '' : 's'} could not be decided${warnings} — ${jobs}`;
    case 'pass':
      return `${verdict.pass} No problem found${warnings} — ${jobs}`;
  }
}

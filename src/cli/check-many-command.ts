import { checkTokenMany, imageWithMany } from '../pipeline/check-token-many.js';
import { FLAG_WORDS } from './setting-words.js';
import { CancelledError, UsageError } from '../errors.js';
import { renderHumanMany } from '../report/human-many.js';
import { renderJson } from '../report/json.js';
import { createStyle, type Style } from '../report/style.js';
import { symbols, type Symbols } from '../report/symbols.js';
import { wrap } from '../report/wrap.js';
import { parseRepoTarget } from '../destination/parse.js';
import type { ManyReport, RepoTarget, Report } from '../types.js';
import { redactToken } from '../trace/redact.js';
import { exitCodeForVerdict } from './exit-code.js';
import type { CheckSettings } from './options.js';
import { formatHttpTrace } from './http-trace-line.js';
import { readSmallTextFile, SmallFileError } from './read-small-file.js';
import { MAX_REPOS_FILE_BYTES, parseReposFile } from './repos-file.js';
import { createTransientLines } from './transient-lines.js';
import type { RunDeps } from './run-deps.js';
import { askToken, commonOptions, humanOptions, noteWidth, reportSharesTerminal, retryLine, sideEffects, startTrace, trustHosts } from './check-common.js';

/** Several repositories, one token: one line per repository on stderr as each is decided, then the grouped report. */
export async function runMany(settings: CheckSettings, deps: RunDeps, secrets: string[], note: (line: string) => void): Promise<number> {
  const { io } = deps;
  if (settings.image !== null) throw new UsageError(imageWithMany(FLAG_WORDS));
  const targets = [...settings.repos.map(flagTarget), ...(settings.reposFile !== null ? await fileTargets(settings.reposFile, deps) : [])];
  const trusted = await trustHosts(targets, settings, deps, note);
  const lines = !settings.json && !settings.quiet;
  const { token, shape } = await askToken(trusted, deps, note, lines);
  secrets.push(token);

  const sym = symbols(settings.unicode);
  const style = createStyle(settings.color.stderr);
  const tracing = await startTrace(settings, deps);
  // One line per repository while the others run; on a terminal the report replaces them (it has each verdict
  // line), unless --verbose interleaves a trace worth keeping.
  const live = createTransientLines({
    stream: io.stderr,
    transient: reportSharesTerminal(io) && !settings.verbose,
    columns: noteWidth(io),
  });
  const checkMany = deps.checkTokenMany ?? checkTokenMany;
  let result: ManyReport;
  try {
    result = await checkMany(
      { ...commonOptions(trusted, token), repositories: targets },
      {
        ...(lines ? { onResult: (report: Report) => live.write(repositoryLine(report, sym, style)) } : {}),
        ...(settings.verbose ? { onHttp: (event) => io.stderr.write(`${wrap(formatHttpTrace(event, settings.unicode), noteWidth(io), 0, '  ')}\n`) } : {}),
        onRetry: (event) => (settings.json ? note : live.write)(wrap(retryLine(event), noteWidth(io), 0, '  ')),
        ...sideEffects(deps),
        ...(tracing ? { onExchange: tracing.recorder.onExchange } : {}),
      },
    );
  } finally {
    live.clear();
  }
  if (deps.signal?.aborted) throw new CancelledError();

  await tracing?.finish(settings, targets, { token, shape }, result);
  (tracing?.output.toStdout ? io.stderr : io.stdout).write(
    redactToken(settings.json ? renderJson(result) : renderHumanMany(result, humanOptions(settings, deps, token, shape)), token),
  );
  return exitCodeForVerdict(result.verdict);
}

const ORDINAL = (n: number): string => `#${n}`;

function flagTarget(value: string, index: number): RepoTarget {
  const parsed = parseRepoTarget(value);
  if (!parsed.ok) throw new UsageError(`--repo ${ORDINAL(index + 1)}: ${parsed.reason}`);
  return parsed.value;
}

async function fileTargets(path: string, deps: RunDeps): Promise<RepoTarget[]> {
  let text: string;
  try {
    text = await (deps.readTextFile ?? ((file: string) => readSmallTextFile(file, MAX_REPOS_FILE_BYTES)))(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      error instanceof SmallFileError ? error.message : code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : code === 'EACCES' ? 'permission denied' : 'it cannot be read';
    throw new UsageError(`--repos-file ${path}: ${why}`);
  }
  const parsed = parseReposFile(text);
  if (!parsed.ok) throw new UsageError(`--repos-file ${path}: ${parsed.reason}`);
  return parsed.value;
}

/** `✖ acme/web  cannot push: 1 problem` — one line per decided repository while the others run. */
export function repositoryLine(report: Report, sym: Symbols, style: Style): string {
  const failed = report.checks.filter((c) => c.status === 'fail').length;
  const errored = report.checks.filter((c) => c.status === 'error').length;
  const name = report.target.repository;
  switch (report.verdict) {
    case 'pass':
      return `${style('green', sym.verdict.pass)} ${name}  can push`;
    case 'fail':
      return `${style('red', sym.verdict.fail)} ${name}  cannot push: ${failed === 1 ? '1 problem' : `${failed} problems`}`;
    case 'inconclusive':
      return `${style('yellow', sym.verdict.inconclusive)} ${name}  could not decide: ${errored === 1 ? '1 check' : `${errored} checks`} not completed`;
  }
}

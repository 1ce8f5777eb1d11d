import { checkTokenMany, IMAGE_WITH_MANY } from '../pipeline/check-token-many.js';
import type { CheckTokenCommonOptions, CheckTokenDeps, CheckTokenOptions, RetryEvent } from '../pipeline/options.js';
import { CancelledError, UsageError } from '../errors.js';
import { type HumanOptions, renderHuman } from '../report/human.js';
import { renderHumanMany } from '../report/human-many.js';
import { renderJson } from '../report/json.js';
import { createStyle, type Style } from '../report/style.js';
import { symbols, type Symbols } from '../report/symbols.js';
import { wrap } from '../report/wrap.js';
import { parseRepoTarget } from '../destination/parse.js';
import { maskToken } from '../token/mask.js';
import type { TokenShape } from '../token/recognize.js';
import { type ManyReport, PROFILE_CHECK_IDS, type RepoTarget, type Report } from '../types.js';
import { createTraceRecorder } from '../trace/recorder.js';
import { openTraceOutput } from './trace-output.js';
import { redactToken } from '../trace/redact.js';
import type { CheckFlags } from './args.js';
import { exitCodeForVerdict } from './exit-code.js';
import { trustRepositoryHosts } from './host-trust.js';
import { type CheckSettings, resolveCheckOptions } from './options.js';
import { formatHttpTrace } from './http-trace-line.js';
import { createProgress, type Progress } from './progress.js';
import { readSmallTextFile, SmallFileError } from './read-small-file.js';
import { MAX_REPOS_FILE_BYTES, parseReposFile } from './repos-file.js';
import { createTransientLines } from './transient-lines.js';
import { resolveRepository } from './repo-source.js';
import type { RunDeps } from './run-deps.js';
import { FLAG_WORDS } from './setting-words.js';
import { type ReadToken, readRecognisedToken } from './token-source.js';

/**
 * `crpat check`: one repository prints today's single report; several (`--repo` repeated, or any `--repos-file`)
 * print one grouped report under an overall verdict. Returns the exit code; `secrets` collects the token for redaction.
 */
export async function runCheck(flags: CheckFlags, deps: RunDeps, secrets: string[]): Promise<number> {
  const { io } = deps;
  const settings = resolveCheckOptions(flags, deps.env, {
    isStdoutTTY: io.isStdoutTTY,
    isStderrTTY: io.isStderrTTY,
    platform: deps.platform,
  });
  // Prompts follow the same colour decision as the rest of stderr (--no-color, NO_COLOR, FORCE_COLOR).
  deps.prompter.setColor?.(settings.color.stderr);
  // With --json nothing but errors reaches stderr (prompts excepted: they are needed to go on).
  const noteWidth = io.isStderrTTY ? io.columns : 0;
  const note = settings.json ? () => {} : (line: string) => io.stderr.write(`${wrap(line, noteWidth, 0, '  ')}\n`);
  const many = settings.reposFile !== null || settings.repos.length > 1;
  if (many) return runMany(settings, deps, secrets, note);

  const { target } = await resolveRepository(
    { repo: settings.repos[0] ?? null, yes: settings.yes, cwd: deps.cwd },
    { io, prompter: deps.prompter, git: deps.git, note },
  );
  const trusted = await trustHosts([target], settings, deps, note);
  const showProgress = !settings.json && !settings.quiet;
  // The progress' first line (token.format) says what was recognised: a sound token needs no line of its own.
  const { token, shape } = await askToken(trusted, deps, note, showProgress);
  secrets.push(token);

  const tracing = await startTrace(settings, deps);
  const progress = showProgress ? progressFor(settings, deps) : null;
  // Ctrl-C: stop drawing before "Cancelled." is printed (the checks may take a moment to notice).
  if (progress) deps.signal?.addEventListener('abort', () => progress.interrupt(), { once: true });
  const trace = settings.verbose ? (line: string) => (progress ? progress.log(line) : io.stderr.write(`${line}\n`)) : null;
  // A line written under a live block would be overwritten by its next redraw: notes go above it.
  const say = progress ? (line: string) => progress.log(line) : note;
  let report: Report;
  try {
    report = await deps.checkToken(checkOptions(trusted, target, token), {
      ...(progress ? { onProgress: (event) => progress.onProgress(event) } : {}),
      ...(trace ? { onHttp: (event) => trace(formatHttpTrace(event, settings.unicode)) } : {}),
      // A wait before a retry is said out loud: in the trace with --verbose, else as a note.
      onRetry: (event) => (trace ?? say)(retryLine(event)),
      ...sideEffects(deps),
      ...(tracing ? { onExchange: tracing.recorder.onExchange } : {}),
    });
  } finally {
    progress?.stop();
  }
  if (deps.signal?.aborted) throw new CancelledError();

  await tracing?.finish(settings, [target], { token, shape }, report);
  // A hostile or broken server may echo the token in a message the report quotes: it never reaches the output.
  (tracing?.output.toStdout ? io.stderr : io.stdout).write(
    redactToken(settings.json ? renderJson(report) : renderHuman(report, humanOptions(settings, deps, token, shape)), token),
  );
  return exitCodeForVerdict(report.verdict);
}

/** Several repositories, one token: one line per repository on stderr as each is decided, then the grouped report. */
async function runMany(settings: CheckSettings, deps: RunDeps, secrets: string[], note: (line: string) => void): Promise<number> {
  const { io } = deps;
  if (settings.image !== null) throw new UsageError(IMAGE_WITH_MANY);
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

/** `--trace`: the output is opened before anything is sent; `finish` writes the redacted document. */
async function startTrace(settings: CheckSettings, deps: RunDeps) {
  if (settings.trace === null) return null;
  const output = await openTraceOutput(settings.trace, deps.io);
  const recorder = createTraceRecorder(deps.now ? { now: deps.now, performanceNow: () => performance.now() } : undefined);
  const finish = async (settings: CheckSettings, targets: readonly RepoTarget[], { token, shape }: ReadToken, report: Report | ManyReport): Promise<void> => {
    const first = 'results' in report ? report.results[0] : report;
    const options = {
      apiUrl: first?.target.apiUrl ?? settings.apiUrl ?? '',
      registry: settings.registry,
      repositories: targets.map((t) => `${t.owner}/${t.name}`),
      image: settings.image,
      profile: settings.profile,
      timeoutSeconds: settings.timeoutSeconds,
      workflowRepository: settings.workflowRepository,
    };
    await output.write(recorder.finish({ options, token, shape, report }));
  };
  return { output, recorder, finish };
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

/**
 * Host trust before any token is read: a repository host that is not GitHub is refused, any other host needs the
 * user's word (cli/host-trust.ts). Returns the settings with the API URL the user confirmed, if any.
 */
async function trustHosts(targets: readonly RepoTarget[], settings: CheckSettings, deps: RunDeps, note: (line: string) => void): Promise<CheckSettings> {
  const apiUrl = await trustRepositoryHosts(
    { hosts: targets.map((t) => t.host), apiUrl: settings.apiUrl, registry: settings.registry },
    { io: deps.io, prompter: deps.prompter, env: deps.env, note },
  );
  return apiUrl === null ? settings : { ...settings, apiUrl };
}

/** `problemsOnly`: a sound token is not announced (the progress says what it is). */
async function askToken(settings: CheckSettings, deps: RunDeps, note: (line: string) => void, problemsOnly: boolean): Promise<ReadToken> {
  return readRecognisedToken(
    {
      tokenStdin: settings.tokenStdin,
      envToken: settings.envToken,
      announce: deps.io.isStderrTTY && !settings.json,
      quiet: settings.quiet || problemsOnly,
    },
    { io: deps.io, prompter: deps.prompter, note },
  );
}

/** Progress (stderr) and report (stdout) on the same screen: the report can take the progress' place. */
function reportSharesTerminal(io: RunDeps['io']): boolean {
  return io.isStdoutTTY && io.isStderrTTY;
}

/** The injected side effects, and the CLI's words for a setting a finding names (its flags). */
function sideEffects(deps: RunDeps): Pick<CheckTokenDeps, 'signal' | 'fetch' | 'now' | 'settingWords'> {
  return {
    settingWords: FLAG_WORDS,
    ...(deps.signal ? { signal: deps.signal } : {}),
    ...(deps.fetch ? { fetch: deps.fetch } : {}),
    ...(deps.now ? { now: deps.now } : {}),
  };
}

function checkOptions(settings: CheckSettings, repository: CheckTokenOptions['repository'], token: string): CheckTokenOptions {
  return { ...commonOptions(settings, token), repository, ...(settings.image !== null ? { image: settings.image } : {}) };
}

/** What a single and a many-repository check both take from the settings. */
function commonOptions(settings: CheckSettings, token: string): CheckTokenCommonOptions {
  return {
    token,
    timeoutSeconds: settings.timeoutSeconds,
    profile: settings.profile,
    ...(settings.workflowRepository !== null ? { workflowRepository: settings.workflowRepository } : {}),
    ...(settings.apiUrl !== null ? { apiUrl: settings.apiUrl } : {}),
    ...(settings.registry !== null ? { registry: settings.registry } : {}),
  };
}

function humanOptions(settings: CheckSettings, deps: RunDeps, token: string, shape: TokenShape): HumanOptions {
  return {
    color: settings.color.stdout,
    unicode: settings.unicode,
    quiet: settings.quiet,
    width: deps.io.isStdoutTTY ? deps.io.columns : 0,
    tokenDisplay: { masked: maskToken(token), label: shape.label },
  };
}

function progressFor(settings: CheckSettings, deps: RunDeps): Progress {
  return createProgress({
    stream: deps.io.stderr,
    tty: deps.io.isStderrTTY,
    color: settings.color.stderr,
    unicode: settings.unicode,
    columns: deps.io.isStderrTTY ? deps.io.columns : 0,
    transient: reportSharesTerminal(deps.io),
    ...(deps.spinnerIntervalMs !== undefined ? { intervalMs: deps.spinnerIntervalMs } : {}),
    // A profile other than push adds token.capabilities, the longest id.
    ...(settings.profile !== 'push' ? { idWidth: Math.max(...PROFILE_CHECK_IDS.map((id) => id.length)) } : {}),
  });
}

function retryLine(event: RetryEvent): string {
  return `Waiting ${(event.delayMs / 1000).toFixed(1)} s to try ${event.method} ${event.url} again (${event.reason}).`;
}

function noteWidth(io: RunDeps['io']): number {
  return io.isStderrTTY ? io.columns : 0;
}

import type { CheckTokenOptions } from '../pipeline/options.js';
import { CancelledError } from '../errors.js';
import { renderHuman } from '../report/human.js';
import { renderJson } from '../report/json.js';
import { wrap } from '../report/wrap.js';
import { PROFILE_CHECK_IDS, type Report } from '../types.js';
import { redactToken } from '../trace/redact.js';
import type { CheckFlags } from './flags.js';
import { exitCodeForVerdict } from './exit-code.js';
import { type CheckSettings, resolveCheckOptions } from './options.js';
import { formatHttpTrace } from './http-trace-line.js';
import { createProgress, type Progress } from './progress.js';
import { resolveRepository } from './repo-source.js';
import type { RunDeps } from './run-deps.js';
import { runMany } from './check-many-command.js';
import { askToken, commonOptions, humanOptions, reportSharesTerminal, retryLine, sideEffects, startTrace, trustHosts } from './check-common.js';

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

function checkOptions(settings: CheckSettings, repository: CheckTokenOptions['repository'], token: string): CheckTokenOptions {
  return { ...commonOptions(settings, token), repository, ...(settings.image !== null ? { image: settings.image } : {}) };
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

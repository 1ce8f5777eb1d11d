import type { CheckTokenDeps, CheckTokenOptions } from '../check-api.js';
import { CancelledError, UsageError } from '../errors.js';
import type { IO } from '../io/io.js';
import type { Prompter } from '../io/prompter.js';
import { renderHuman } from '../report/human.js';
import { renderJson } from '../report/json.js';
import { wrap } from '../report/wrap.js';
import { maskToken } from '../token/mask.js';
import { recognizeToken } from '../token/recognize.js';
import type { Report } from '../types.js';
import { type CheckFlags, parseArgs } from './args.js';
import { runDemo, type SimulatorModule } from './demo.js';
import { exitCodeForError, exitCodeForVerdict } from './exit-code.js';
import { type Env, resolveCheckOptions, type CheckSettings } from './options.js';
import { createProgress, formatHttpTrace, type Progress } from './progress.js';
import { type Git, resolveRepository } from './repo-source.js';
import { readToken } from './token-source.js';

export type CheckTokenFn = (options: CheckTokenOptions, deps?: CheckTokenDeps) => Promise<Report>;

/** Everything `run` touches outside itself. `createNodeDeps()` builds the real ones; tests pass fakes. */
export interface RunDeps {
  io: IO;
  env: Env;
  cwd: string;
  platform: string;
  prompter: Prompter;
  git: Git;
  checkToken: CheckTokenFn;
  /** Loads the simulator for `crpat demo` (a dynamic import, so `check` never loads it). */
  loadSimulator: () => Promise<SimulatorModule>;
  /** Aborted on Ctrl-C. */
  signal?: AbortSignal;
  fetch?: typeof globalThis.fetch;
  now?: () => Date;
  /** Spinner frame interval for live progress (0: no timer, for tests). @default 80 */
  spinnerIntervalMs?: number;
}

/**
 * The whole CLI: argv → exit code. Prints the report on stdout, progress and errors on stderr; never throws and never
 * exits the process. Every error becomes one line (`crpat: ...`, `Cancelled.`, `crpat: internal error: ...`).
 */
export async function run(argv: readonly string[], deps: RunDeps): Promise<number> {
  const secrets: string[] = [];
  try {
    const parsed = parseArgs(argv);
    switch (parsed.command) {
      case 'help':
      case 'version':
        deps.io.stdout.write(parsed.text);
        return 0;
      case 'demo':
        return await raceAbort(runDemo(parsed.flags, deps), deps.signal);
      case 'check':
        return await raceAbort(runCheck(parsed.flags, deps, secrets), deps.signal);
    }
  } catch (error) {
    deps.io.stderr.write(errorMessage(error, deps.env, secrets));
    return exitCodeForError(error);
  }
}

async function runCheck(flags: CheckFlags, deps: RunDeps, secrets: string[]): Promise<number> {
  const { io } = deps;
  const settings = resolveCheckOptions(flags, deps.env, {
    isStdoutTTY: io.isStdoutTTY,
    isStderrTTY: io.isStderrTTY,
    platform: deps.platform,
  });
  // With --json nothing but errors reaches stderr (prompts excepted: they are needed to go on).
  const noteWidth = io.isStderrTTY ? io.columns : 0;
  const note = settings.json ? () => {} : (line: string) => io.stderr.write(`${wrap(line, noteWidth, 0, '  ')}\n`);

  const { target } = await resolveRepository(
    { repo: settings.repo, yes: settings.yes, cwd: deps.cwd },
    { io, prompter: deps.prompter, git: deps.git, note },
  );
  const token = await readToken(
    { tokenStdin: settings.tokenStdin, envToken: settings.envToken, announce: io.isStderrTTY && !settings.json },
    { io, prompter: deps.prompter, note },
  );
  secrets.push(token);

  const progress = settings.json || settings.quiet ? null : progressFor(settings, deps);
  // Ctrl-C: stop drawing before "Cancelled." is printed (the checks may take a moment to notice).
  if (progress) deps.signal?.addEventListener('abort', () => progress.interrupt(), { once: true });
  const trace = settings.verbose ? (line: string) => (progress ? progress.log(line) : io.stderr.write(`${line}\n`)) : null;
  let report: Report;
  try {
    report = await deps.checkToken(checkOptions(settings, target, token), {
      ...(progress ? { onProgress: (event) => progress.onProgress(event) } : {}),
      ...(trace ? { onHttp: (event) => trace(formatHttpTrace(event, settings.unicode)) } : {}),
      ...(deps.signal ? { signal: deps.signal } : {}),
      ...(deps.fetch ? { fetch: deps.fetch } : {}),
      ...(deps.now ? { now: deps.now } : {}),
    });
  } finally {
    progress?.stop();
  }
  if (deps.signal?.aborted) throw new CancelledError();

  io.stdout.write(
    settings.json
      ? renderJson(report)
      : renderHuman(report, {
          color: settings.color.stdout,
          unicode: settings.unicode,
          quiet: settings.quiet,
          width: io.isStdoutTTY ? io.columns : 0,
          tokenDisplay: { masked: maskToken(token), label: recognizeToken(token).label },
        }),
  );
  return exitCodeForVerdict(report.verdict);
}

function checkOptions(settings: CheckSettings, repository: CheckTokenOptions['repository'], token: string): CheckTokenOptions {
  return {
    repository,
    token,
    timeoutSeconds: settings.timeoutSeconds,
    ...(settings.image !== null ? { image: settings.image } : {}),
    ...(settings.apiUrl !== null ? { apiUrl: settings.apiUrl } : {}),
    ...(settings.registry !== null ? { registry: settings.registry } : {}),
  };
}

function progressFor(settings: CheckSettings, deps: RunDeps): Progress {
  return createProgress({
    stream: deps.io.stderr,
    tty: deps.io.isStderrTTY,
    color: settings.color.stderr,
    unicode: settings.unicode,
    columns: deps.io.isStderrTTY ? deps.io.columns : 0,
    ...(deps.spinnerIntervalMs !== undefined ? { intervalMs: deps.spinnerIntervalMs } : {}),
  });
}

/** The one line printed for an error; the stack only for an internal error with CRPAT_DEBUG=1. Never the token. */
export function errorMessage(error: unknown, env: Env, secrets: readonly string[] = []): string {
  let text: string;
  if (error instanceof UsageError) text = `crpat: ${error.message}\n`;
  else if (error instanceof CancelledError) text = 'Cancelled.\n';
  else {
    const message = error instanceof Error ? error.message : String(error);
    text = `crpat: internal error: ${firstLine(message)}\n`;
    if (env['CRPAT_DEBUG'] === '1' && error instanceof Error && error.stack) text += `${error.stack}\n`;
  }
  return redact(text, secrets);
}

function firstLine(text: string): string {
  return text.split('\n', 1)[0] ?? '';
}

function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) if (secret !== '') out = out.split(secret).join('****');
  return out;
}

/** Settles with `promise`, or rejects with `CancelledError` as soon as `signal` aborts (Ctrl-C). */
export function raceAbort<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) {
    promise.catch(() => {});
    return Promise.reject(new CancelledError());
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(new CancelledError());
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(signal.aborted ? new CancelledError() : error);
      },
    );
  });
}

import { CancelledError, InconclusiveError, UsageError } from '../errors.js';
import { VERSION } from '../version.js';
import { exitCodeForError } from './exit-code.js';
import { HELP_TEXT } from './help.js';
import type { Env } from './options.js';
import type { RunDeps } from './run-deps.js';

// The dependencies live in their own file so the commands can take them without importing this one (no cycle).
export type { CheckTokenFn, CheckTokenManyFn, RunDeps } from './run-deps.js';

// `crpat --version` and `--help` answer without loading the argument parser, the checks, the prompts or the demo.
const QUICK: Record<string, string> = { '--version': `${VERSION}\n`, '-V': `${VERSION}\n`, '--help': HELP_TEXT, '-h': HELP_TEXT, help: HELP_TEXT };

/**
 * The whole CLI: argv → exit code. Prints the report on stdout, progress and errors on stderr; never throws and never
 * exits the process. Every error becomes one line (`crpat: ...`, `Cancelled.`, `crpat: internal error: ...`).
 * Each command's code is loaded when that command runs, so starting stays cheap (README "Performance").
 */
export async function run(argv: readonly string[], deps: RunDeps): Promise<number> {
  const secrets: string[] = [];
  try {
    const quick = argv.length === 1 ? QUICK[argv[0] ?? ''] : undefined;
    if (quick !== undefined) {
      deps.io.stdout.write(quick);
      return 0;
    }
    const { parseArgs } = await import('./args.js');
    const parsed = parseArgs(argv);
    switch (parsed.command) {
      case 'help':
      case 'version':
        deps.io.stdout.write(parsed.text);
        return 0;
      case 'demo': {
        const { runDemo } = await import('./demo.js');
        return await raceAbort(runDemo(parsed.flags, deps), deps.signal);
      }
      case 'check': {
        const { runCheck } = await import('./check-command.js');
        return await raceAbort(runCheck(parsed.flags, deps, secrets), deps.signal);
      }
      case 'secret-set': {
        const { runSecretSetCommand } = await import('./secret-command.js');
        return await raceAbort(runSecretSetCommand(parsed.flags, deps, secrets), deps.signal);
      }
      case 'workflow': {
        const { runWorkflowCommand } = await import('./workflow-command.js');
        return await raceAbort(runWorkflowCommand(parsed.flags, deps, secrets), deps.signal);
      }
      case 'workflow-init': {
        const { runWorkflowInit } = await import('./workflow-command.js');
        return await runWorkflowInit(parsed.flags, deps);
      }
      case 'link': {
        // No token, no prompt, no request: only the environment's GITHUB_API_URL is read.
        const { runLink } = await import('./link-command.js');
        return runLink(parsed.flags, { io: deps.io, env: deps.env });
      }
      case 'guide': {
        const { runGuide } = await import('./guide-command.js');
        return await runGuide(parsed.flags, { io: deps.io, env: deps.env, platform: deps.platform, ...(deps.readGuide ? { readGuide: deps.readGuide } : {}) });
      }
      case 'simulator': {
        const { runSimulatorCommand } = await import('./simulator-command.js');
        return await runSimulatorCommand(parsed.flags, {
          io: deps.io,
          loadSimulator: deps.loadSimulator,
          ...(deps.signal ? { signal: deps.signal } : {}),
        });
      }
    }
  } catch (error) {
    deps.io.stderr.write(errorMessage(error, deps.env, secrets));
    return exitCodeForError(error);
  }
}

/** The one line printed for an error; the stack only for an internal error with CRPAT_DEBUG=1. Never the token. */
export function errorMessage(error: unknown, env: Env, secrets: readonly string[] = []): string {
  let text: string;
  if (error instanceof UsageError || error instanceof InconclusiveError) text = `crpat: ${error.message}\n`;
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

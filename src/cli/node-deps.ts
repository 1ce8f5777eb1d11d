import { isatty } from 'node:tty';
import type { CheckTokenDeps, CheckTokenOptions } from '../check-api.js';
import type { IO } from '../io/io.js';
import type { Prompter } from '../io/prompter.js';
import type { SimulatorModule } from './demo.js';
import type { RunDeps } from './run-deps.js';

/**
 * The real dependencies of `run`: this process's streams, environment and directory, git, clack, fetch.
 * The checks, the prompt library, git and the simulator are separate chunks, loaded on first use: `crpat --version`
 * loads none of them, and `crpat check` never loads the simulator.
 */
export function createNodeDeps(signal?: AbortSignal): RunDeps {
  const io = lazyProcessIO();
  return {
    io,
    env: process.env,
    cwd: process.cwd(),
    platform: process.platform,
    prompter: lazyPrompter(async () => (await import('../io/prompter.js')).createClackPrompter(io, signal)),
    git: async (args, cwd) => (await import('./git.js')).createGit(process.env)(args, cwd),
    checkToken: async (options: CheckTokenOptions, deps?: CheckTokenDeps) => (await import('../check.js')).checkToken(options, deps),
    loadSimulator: async () => (await import('../simulator/index.js')) as SimulatorModule,
    ...(signal ? { signal } : {}),
  };
}

/** A prompter that loads the real one when the first question is asked. */
function lazyPrompter(load: () => Promise<Prompter>): Prompter {
  let loaded: Promise<Prompter> | undefined;
  let color: boolean | undefined;
  const get = async (): Promise<Prompter> => {
    const prompter = await (loaded ??= load());
    if (color !== undefined) prompter.setColor?.(color);
    return prompter;
  };
  return {
    confirm: async (message, initial) => (await get()).confirm(message, initial),
    text: async (message, validate) => (await get()).text(message, validate),
    password: async (message, validate) => (await get()).password(message, validate),
    setColor: (value) => {
      color = value;
    },
  };
}

/**
 * The process's streams, as `createProcessIO()` gives them, except that stdin and stderr are opened only when first
 * used (opening a stream costs a few milliseconds at start; `crpat --version` needs only stdout). What each is
 * connected to comes from `isatty`, which opens nothing.
 */
function lazyProcessIO(): IO {
  const isStdinTTY = isatty(0);
  const isStdoutTTY = isatty(1);
  const isStderrTTY = isatty(2);
  const columns = (isStdoutTTY ? process.stdout.columns : undefined) ?? (isStderrTTY ? process.stderr.columns : undefined) ?? 0;
  return {
    get stdin() {
      return process.stdin;
    },
    get stdout() {
      return process.stdout;
    },
    get stderr() {
      return process.stderr;
    },
    isStdinTTY,
    isStdoutTTY,
    isStderrTTY,
    columns,
    canPrompt: () => isStdinTTY && isStderrTTY,
  };
}

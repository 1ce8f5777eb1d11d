import type { CheckTokenDeps, CheckTokenOptions } from '../pipeline/options.js';
import { createProcessIO } from '../io/io.js';
import type { Prompter } from '../io/prompter.js';
import type { SimulatorModule } from './demo.js';
import type { RunDeps } from './run-deps.js';

/**
 * The real dependencies of `run`: this process's streams, environment and directory, git, clack, fetch.
 * The checks, the prompt library, git and the simulator are separate chunks, loaded on first use: `crpat --version`
 * loads none of them, and `crpat check` never loads the simulator.
 */
export function createNodeDeps(signal?: AbortSignal): RunDeps {
  const io = createProcessIO();
  return {
    io,
    env: process.env,
    cwd: process.cwd(),
    platform: process.platform,
    prompter: lazyPrompter(async () => (await import('../io/prompter.js')).createClackPrompter(io, signal)),
    git: async (args, cwd) => (await import('./git.js')).createGit(process.env)(args, cwd),
    checkToken: async (options: CheckTokenOptions, deps?: CheckTokenDeps) => (await import('../pipeline/check-token.js')).checkToken(options, deps),
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

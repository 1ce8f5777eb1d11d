import { checkToken } from '../check.js';
import { createProcessIO } from '../io/io.js';
import { createClackPrompter } from '../io/prompter.js';
import type { SimulatorModule } from './demo.js';
import { createGit } from './git.js';
import type { RunDeps } from './run.js';

/** The real dependencies of `run`: this process's streams, environment and directory, git, clack, fetch. */
export function createNodeDeps(signal?: AbortSignal): RunDeps {
  const io = createProcessIO();
  return {
    io,
    env: process.env,
    cwd: process.cwd(),
    platform: process.platform,
    prompter: createClackPrompter(io, signal),
    git: createGit(process.env),
    checkToken,
    // A separate chunk: `crpat check` never loads the simulator.
    loadSimulator: async () => (await import('../simulator/index.js')) as SimulatorModule,
    ...(signal ? { signal } : {}),
  };
}

import type { CheckTokenDeps, CheckTokenManyDeps, CheckTokenManyOptions, CheckTokenOptions } from '../pipeline/options.js';
import type { IO } from '../io/io.js';
import type { Prompter } from '../io/prompter.js';
import type { ManyReport, Report } from '../types.js';
import type { SimulatorModule } from './demo.js';
import type { Env } from './options.js';
import type { Git } from './repo-source.js';

export type CheckTokenFn = (options: CheckTokenOptions, deps?: CheckTokenDeps) => Promise<Report>;
export type CheckTokenManyFn = (options: CheckTokenManyOptions, deps?: CheckTokenManyDeps) => Promise<ManyReport>;

/** Everything `run` touches outside itself. `createNodeDeps()` builds the real ones; tests pass fakes. */
export interface RunDeps {
  io: IO;
  env: Env;
  cwd: string;
  platform: string;
  prompter: Prompter;
  git: Git;
  checkToken: CheckTokenFn;
  /** Several repositories with one token. @default the library's `checkTokenMany` */
  checkTokenMany?: CheckTokenManyFn;
  /** Reads `--repos-file`. @default `fs.readFile(path, 'utf8')` */
  readTextFile?: (path: string) => Promise<string>;
  /** Loads the simulator for `crpat demo` (a dynamic import, so `check` never loads it). */
  loadSimulator: () => Promise<SimulatorModule>;
  /** Aborted on Ctrl-C. */
  signal?: AbortSignal;
  fetch?: typeof globalThis.fetch;
  now?: () => Date;
  /** Reads the guide that ships in the package (`crpat guide`). */
  readGuide?: () => Promise<string>;
  /** Spinner frame interval for live progress (0: no timer, for tests). @default 80 */
  spinnerIntervalMs?: number;
}

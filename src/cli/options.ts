import { supportsUnicode } from '../report/symbols.js';
import type { ProfileId } from '../types.js';
import type { CheckFlags, DemoFlags } from './flags.js';

export type Env = Readonly<Record<string, string | undefined>>;

/** What the output streams are connected to. */
export interface Terminal {
  isStdoutTTY: boolean;
  isStderrTTY: boolean;
  platform: string;
}

/** How output looks, decided once. */
export interface OutputSettings {
  /** Colour on stdout (the report) and on stderr (progress, prompts' surroundings). */
  color: { stdout: boolean; stderr: boolean };
  /** Unicode symbols, else the ASCII fallback. */
  unicode: boolean;
}

/** `crpat check` settings after defaults, environment and flags are merged. */
export interface CheckSettings extends OutputSettings {
  /** Every `--repo` as typed, in order; none: use `reposFile`, else the git remote. */
  repos: readonly string[];
  /** `--repos-file` as typed; null when not given. */
  reposFile: string | null;
  image: string | null;
  tokenStdin: boolean;
  /** `CR_PAT` exactly as set (trimmed later); null when unset. An empty value is kept: it is an error worth naming. */
  envToken: string | null;
  /** null: let `checkToken()` choose (api.github.com, or derived from an Enterprise host). */
  apiUrl: string | null;
  /** null: let `checkToken()` choose (ghcr.io, or derived from an Enterprise host). */
  registry: string | null;
  timeoutSeconds: number;
  /** `--trace <file|->`: where the redacted record of the run goes; null when not asked for. */
  trace: string | null;
  json: boolean;
  yes: boolean;
  quiet: boolean;
  verbose: boolean;
  /** `--for`: what the token must be able to do. */
  profile: ProfileId;
  /**
   * `GITHUB_REPOSITORY` when running inside GitHub Actions (`GITHUB_ACTIONS=true`): the repository whose workflow
   * uses the token, for the GITHUB_TOKEN advice; null elsewhere.
   */
  workflowRepository: string | null;
}

/** The defaults, the first layer of the merge. */
export const CHECK_DEFAULTS = {
  repos: [],
  reposFile: null,
  image: null,
  tokenStdin: false,
  envToken: null,
  apiUrl: null,
  registry: null,
  timeoutSeconds: 10,
  trace: null,
  json: false,
  yes: false,
  quiet: false,
  verbose: false,
  profile: 'push',
  workflowRepository: null,
} as const satisfies Omit<CheckSettings, keyof OutputSettings>;

/**
 * Merges defaults → environment (CR_PAT, GITHUB_API_URL, CRPAT_REGISTRY; GITHUB_ACTIONS and GITHUB_REPOSITORY) →
 * flags. Pure.
 */
export function resolveCheckOptions(flags: CheckFlags, env: Env, terminal: Terminal): CheckSettings {
  return {
    repos: flags.repo ?? CHECK_DEFAULTS.repos,
    reposFile: flags.reposFile ?? CHECK_DEFAULTS.reposFile,
    image: flags.image ?? CHECK_DEFAULTS.image,
    tokenStdin: flags.tokenStdin ?? CHECK_DEFAULTS.tokenStdin,
    envToken: env['CR_PAT'] ?? CHECK_DEFAULTS.envToken,
    apiUrl: flags.apiUrl ?? nonEmpty(env['GITHUB_API_URL']) ?? CHECK_DEFAULTS.apiUrl,
    registry: flags.registry ?? nonEmpty(env['CRPAT_REGISTRY']) ?? CHECK_DEFAULTS.registry,
    timeoutSeconds: flags.timeout ?? CHECK_DEFAULTS.timeoutSeconds,
    trace: flags.trace ?? CHECK_DEFAULTS.trace,
    json: flags.json ?? CHECK_DEFAULTS.json,
    yes: flags.yes ?? CHECK_DEFAULTS.yes,
    quiet: flags.quiet ?? CHECK_DEFAULTS.quiet,
    verbose: flags.verbose ?? CHECK_DEFAULTS.verbose,
    profile: flags.for ?? CHECK_DEFAULTS.profile,
    workflowRepository: workflowRepository(env),
    ...resolveOutput(flags, env, terminal),
  };
}

/** `crpat demo` has only the output settings. */
export function resolveDemoOptions(flags: DemoFlags, env: Env, terminal: Terminal): OutputSettings {
  return resolveOutput(flags, env, terminal);
}

function resolveOutput(flags: { color?: boolean }, env: Env, terminal: Terminal): OutputSettings {
  return {
    color: {
      stdout: decideColor(flags.color, env, terminal.isStdoutTTY),
      stderr: decideColor(flags.color, env, terminal.isStderrTTY),
    },
    unicode: supportsUnicode(env, terminal.platform),
  };
}

/**
 * `--no-color` wins; then FORCE_COLOR (as Node reads it: empty, 1, 2, 3 or true turn colour on, anything else off);
 * then NO_COLOR (any non-empty value, no-color.org); then whether the stream is a terminal other than `dumb`.
 */
export function decideColor(flag: boolean | undefined, env: Env, isTTY: boolean): boolean {
  if (flag === false) return false;
  const force = env['FORCE_COLOR'];
  if (force !== undefined) return ['', '1', '2', '3', 'true'].includes(force);
  if (nonEmpty(env['NO_COLOR']) !== undefined) return false;
  return isTTY && env['TERM'] !== 'dumb';
}

/** The workflow's repository, as GitHub Actions sets it (`owner/name`); anything else is ignored. */
function workflowRepository(env: Env): string | null {
  const repository = env['GITHUB_REPOSITORY'];
  return env['GITHUB_ACTIONS'] === 'true' && repository !== undefined && /^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+$/.test(repository) ? repository : null;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}

import type { CheckTokenDeps, CheckTokenOptions } from '../pipeline/options.js';
import { UsageError } from '../errors.js';
import { renderHuman } from '../report/human.js';
import { maskToken } from '../token/mask.js';
import { recognizeToken } from '../token/recognize.js';
import type { RepoTarget, Report } from '../types.js';
import { secretExists, type SecretPlace, setActionsSecret } from '../secrets/api.js';
import { SecretsError } from '../secrets/errors.js';
import { DEFAULT_SECRET_NAME, validateSecretName } from '../secrets/name.js';
import { newTokenHint, planOf, type SecretSetPlan } from './secret-plan.js';
import { rightsNeeded } from '../secrets/rights.js';
import { chooseWriter, describeWriter } from '../secrets/writer.js';
import { EXIT_CODES, type ExitCode, exitCodeForVerdict } from './exit-code.js';
import { FLAG_WORDS } from './setting-words.js';

/** Parsed `crpat secret set` flags. */
export interface SecretSetOptions {
  /** The repository the token is checked against and, without `org`, where the secret goes. Any `--repo` form. */
  repository: string | RepoTarget;
  /** The token to check and store. Never printed. */
  token: string;
  image?: string;
  apiUrl?: string;
  registry?: string;
  timeoutSeconds?: number;
  /** @default 'CR_PAT' */
  name?: string;
  /** `--org`: store an organization secret instead. */
  org?: string;
  /**
   * `--visibility` (organization secrets). @default 'selected': with `repos`, those; else the checked repository alone
   * (never every private repository of the organization by default)
   */
  visibility?: 'all' | 'private' | 'selected';
  /** `--repos` (organization secrets with visibility `selected`): names in the organization. */
  repos?: string[];
  /** `--force`: store a token that did not pass the check. */
  force?: boolean;
  /** `--overwrite`: replace an existing secret without asking. */
  overwrite?: boolean;
}

export interface SecretSetDeps {
  env: Readonly<Record<string, string | undefined>>;
  /** The report and the result line. */
  stdout: (text: string) => void;
  /** Notes (which credential writes, what it needs) and errors. */
  stderr: (text: string) => void;
  /** Yes/no question, default No. Absent when there is no terminal: an existing secret then needs `overwrite`. */
  confirm?: (message: string) => Promise<boolean>;
  checkToken: (options: CheckTokenOptions, deps?: CheckTokenDeps) => Promise<Report>;
  /** @default the quiet human report without colour */
  renderReport?: (report: Report) => string;
  fetch?: typeof globalThis.fetch;
  now?: () => Date;
  signal?: AbortSignal;
}

/**
 * `crpat secret set`: checks the token, and only when it passes (or with `force`) stores it as an Actions secret,
 * asking before it overwrites one. Returns the exit code (cli/exit-code.ts): 0 stored; 1 refused (failed check, or
 * GitHub said no); 2 bad input or not confirmed; 3 undecided (inconclusive check, network, 5xx). Never prints the token.
 */
export async function runSecretSet(options: SecretSetOptions, deps: SecretSetDeps): Promise<ExitCode> {
  const problem = optionsProblem(options) ?? writerProblem(deps.env);
  if (problem) return fail(deps, problem, EXIT_CODES.usage);
  let report: Report;
  try {
    report = await deps.checkToken(checkOptions(options), checkDeps(deps));
  } catch (error) {
    if (error instanceof UsageError) return fail(deps, error.message, EXIT_CODES.usage);
    throw error;
  }
  deps.stdout((deps.renderReport ?? quietReport)(report));
  if (report.verdict !== 'pass' && !options.force) {
    const why = report.verdict === 'fail' ? 'the token failed the check above' : 'the check could not decide whether the token can push';
    return fail(deps, `not stored: ${why}. Fix it and run again, or pass --force to store it anyway.`, exitCodeForVerdict(report.verdict));
  }
  if (report.verdict !== 'pass') deps.stderr(`Storing it anyway (--force), although the check did not pass.\n`);
  const plan = planOf(options, report);
  if (plan.problem !== null) return fail(deps, plan.problem, EXIT_CODES.usage);
  return store(options, deps, plan);
}

/**
 * The credential from the environment that will write the secret is checked offline like the token being stored:
 * a malformed one is refused before anything is sent, and named by its variable, never by its content.
 */
function writerProblem(env: SecretSetDeps['env']): string | null {
  const writer = chooseWriter(env, '');
  if (writer.source === 'stored') return null;
  const shape = recognizeToken(writer.token);
  return shape.problem === null ? null : `${writer.source} (the credential that writes the secret) is not a usable token: ${shape.problem.message}`;
}

async function store(options: SecretSetOptions, deps: SecretSetDeps, plan: SecretSetPlan): Promise<ExitCode> {
  const writer = chooseWriter(deps.env, options.token);
  deps.stderr(`Writing ${plan.name} on ${plan.label} (${plan.breadth}) with ${describeWriter(writer, maskToken(writer.token))}; it needs ${rightsNeeded(plan.level)}.\n`);
  const place: SecretPlace = { ...plan.place, token: writer.token, name: plan.name, ...withFetch(options, deps) };
  try {
    if (!options.overwrite && (await secretExists(place))) {
      if (!deps.confirm) return fail(deps, `${plan.name} already exists on ${plan.label}; pass --overwrite to replace it.`, EXIT_CODES.usage);
      if (!(await deps.confirm(`${plan.name} already exists on ${plan.label}. Overwrite it (${plan.breadth})?`))) {
        return fail(deps, `cancelled: ${plan.name} on ${plan.label} was left as it was.`, EXIT_CODES.cancelled);
      }
    }
    const result = await setActionsSecret({ ...place, value: options.token, ...plan.org });
    const verb = result.created ? 'Created' : 'Updated';
    deps.stdout(`${verb} the Actions secret ${plan.name} on ${plan.label} (HTTP ${result.status}). Workflows read it as \${{ secrets.${plan.name} }}.\n`);
    for (const note of plan.notes) deps.stderr(`Note: ${note}\n`);
    return EXIT_CODES.pass;
  } catch (error) {
    if (error instanceof UsageError) return fail(deps, error.message, EXIT_CODES.usage);
    if (!(error instanceof SecretsError)) throw error;
    const hint = error.kind === 'forbidden' || error.kind === 'not-found' ? newTokenHint(writer.source, plan) : '';
    // A network failure or a 5xx decides nothing about the credential; any other refusal is GitHub saying no.
    return fail(deps, `${error.message}${hint}`, error.kind === 'network' || error.kind === 'server' ? EXIT_CODES.inconclusive : EXIT_CODES.fail);
  }
}

function fail(deps: SecretSetDeps, message: string, code: ExitCode): ExitCode {
  deps.stderr(`crpat: ${message}\n`);
  return code;
}

function optionsProblem(options: SecretSetOptions): string | null {
  const name = validateSecretName(options.name ?? DEFAULT_SECRET_NAME);
  if (!name.ok) return name.reason;
  if (options.org === undefined && (options.visibility !== undefined || options.repos !== undefined)) {
    return '--visibility and --repos apply to organization secrets: add --org <organization>';
  }
  if (options.visibility === 'selected' && !options.repos?.length) return '--visibility selected needs --repos <name,...>';
  if (options.repos?.length && options.visibility !== undefined && options.visibility !== 'selected') {
    return `--repos needs --visibility selected, not ${options.visibility}`;
  }
  return null;
}

function checkOptions(options: SecretSetOptions): CheckTokenOptions {
  const { repository, token, image, apiUrl, registry, timeoutSeconds } = options;
  return {
    repository,
    token,
    ...(image !== undefined ? { image } : {}),
    ...(apiUrl !== undefined ? { apiUrl } : {}),
    ...(registry !== undefined ? { registry } : {}),
    ...(timeoutSeconds !== undefined ? { timeoutSeconds } : {}),
  };
}

function checkDeps(deps: SecretSetDeps): CheckTokenDeps {
  return {
    settingWords: FLAG_WORDS,
    ...(deps.fetch ? { fetch: deps.fetch } : {}),
    ...(deps.now ? { now: deps.now } : {}),
    ...(deps.signal ? { signal: deps.signal } : {}),
  };
}

function withFetch(options: SecretSetOptions, deps: SecretSetDeps): Pick<SecretPlace, 'fetch' | 'timeoutSeconds' | 'signal'> {
  return {
    ...(deps.fetch ? { fetch: deps.fetch } : {}),
    ...(deps.signal ? { signal: deps.signal } : {}),
    ...(options.timeoutSeconds !== undefined ? { timeoutSeconds: options.timeoutSeconds } : {}),
  };
}

function quietReport(report: Report): string {
  return renderHuman(report, { color: false, unicode: true, quiet: true, width: 0 });
}

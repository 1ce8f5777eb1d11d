import { randomUUID } from 'node:crypto';
import type { CheckTokenDeps, CheckTokenOptions } from '../pipeline/options.js';
import { UsageError } from '../errors.js';
import { renderHuman } from '../report/human.js';
import { renderJson } from '../report/json.js';
import type { Report } from '../types.js';
import { renderTrace } from '../trace/document.js';
import { WRONG_VERDICT_FORM } from '../checks/trace-hint.js';
import { createTraceRecorder } from '../trace/recorder.js';
import type { TraceDocument } from '../trace/format.js';
import { addMask, annotation, outputEntry, verbatim } from './commands.js';
import { type ActionInputs, input, INPUT_WORDS, readInputs } from './inputs.js';
import { diagnoseMissingToken } from './missing-token.js';
import { annotationsFor, exitCodeFor, forRunnerLog } from './outcome.js';
import { renderProblemSummary, renderSummary } from './summary.js';

export type ActionEnv = Readonly<Record<string, string | undefined>>;

/** Everything the Action touches outside itself; src/action/main.ts builds the real ones. */
export interface ActionDeps {
  /** The step's stdout: the log, and the workflow commands the runner reads from it. */
  write: (text: string) => void;
  /** Appends to a runner file (GITHUB_OUTPUT, GITHUB_STEP_SUMMARY). */
  appendFile: (path: string, text: string) => Promise<void>;
  /** Reads the event payload (GITHUB_EVENT_PATH). */
  readFile: (path: string) => Promise<string>;
  /** Writes the `trace` input's file. */
  writeFile?: (path: string, text: string) => Promise<void>;
  checkToken: (options: CheckTokenOptions, deps?: CheckTokenDeps) => Promise<Report>;
  /** Heredoc delimiters for GITHUB_OUTPUT. @default crypto.randomUUID */
  randomUUID?: () => string;
  fetch?: typeof globalThis.fetch;
  now?: () => Date;
}

/**
 * The Action: masks the token before writing anything else, checks it, and reports through the log (the human
 * report), annotations, the job summary and the step outputs. Resolves with the exit code; never throws, and never
 * writes the token anywhere (everything written is also scrubbed of it, in case).
 */
export async function runAction(env: ActionEnv, deps: ActionDeps): Promise<number> {
  const token = input(env, 'token');
  if (token !== '') deps.write(addMask(token));
  const io = scrubbed(deps, env, token);
  try {
    const inputs = readInputs(env);
    if (!inputs.ok) return await problem(io, 'crpat', inputs.reason);
    if (token === '') return await missingToken(io, env, deps);
    const recorder = inputs.value.trace !== null ? createTraceRecorder(deps.now ? { now: deps.now, performanceNow: () => performance.now() } : undefined) : null;
    const report = await deps.checkToken(checkOptions(inputs.value), { ...checkDeps(deps), ...(recorder ? { onExchange: recorder.onExchange } : {}) });
    if (recorder) await writeTrace(io, deps, inputs.value, recorder.finish({ options: traceOptions(inputs.value, report), token, report }));
    // The report quotes servers (logins, registry messages): printed with workflow commands off, so none can run.
    io.write(verbatim(renderHuman(forRunnerLog(report), { color: false, unicode: true, quiet: false, width: 0 }), `crpat-${(deps.randomUUID ?? randomUUID)()}`));
    io.write(annotationsFor(report, inputs.value.failOn));
    await io.outputs({
      verdict: report.verdict,
      login: report.token.login ?? '',
      'expires-at': report.token.expiresAt ?? '',
      'days-left': daysLeft(report.token.expiresAt, (deps.now ?? (() => new Date()))()),
      json: renderJson(report).trimEnd(),
    });
    await io.summary(renderSummary(report));
    return exitCodeFor(report, inputs.value.failOn);
  } catch (error) {
    if (error instanceof UsageError) return await problem(io, 'crpat', error.message);
    const text = error instanceof Error ? error.message : String(error);
    io.write(annotation('error', 'crpat', `internal error: ${text}`));
    return 1;
  }
}

interface Scrubbed {
  write(text: string): void;
  outputs(values: Record<string, string>): Promise<void>;
  summary(markdown: string): Promise<void>;
}

/** Writers that replace the token with `***`, and skip (with a warning) a runner file that is not set. */
function scrubbed(deps: ActionDeps, env: ActionEnv, token: string): Scrubbed {
  const scrub = (text: string): string => (token === '' ? text : text.split(token).join('***'));
  const write = (text: string): void => deps.write(scrub(text));
  const append = async (variable: string, text: string): Promise<void> => {
    const path = env[variable];
    if (!path) return write(annotation('warning', 'crpat', `${variable} is not set, so nothing was written to it.`));
    await deps.appendFile(path, scrub(text));
  };
  const uuid = deps.randomUUID ?? randomUUID;
  return {
    write,
    outputs: (values) =>
      append('GITHUB_OUTPUT', Object.entries(values).map(([name, value]) => outputEntry(name, value, `ghadelimiter_${uuid()}`)).join('')),
    summary: (markdown) => append('GITHUB_STEP_SUMMARY', markdown),
  };
}

async function problem(io: Scrubbed, title: string, message: string): Promise<number> {
  io.write(annotation('error', title, message));
  await io.summary(renderProblemSummary(title, message));
  return 1;
}

/** An empty token input: say why it is empty (fork, Dependabot, missing secret); outputs say `fail`. */
async function missingToken(io: Scrubbed, env: ActionEnv, deps: ActionDeps): Promise<number> {
  const diagnosis = diagnoseMissingToken(env, await readEvent(env, deps));
  io.write(annotation('error', 'token', diagnosis.message));
  await io.outputs({ verdict: 'fail', login: '', 'expires-at': '', 'days-left': '', json: '' });
  await io.summary(renderProblemSummary('The token input is empty', diagnosis.message));
  return 1;
}

async function readEvent(env: ActionEnv, deps: ActionDeps): Promise<unknown> {
  const path = env['GITHUB_EVENT_PATH'];
  if (!path) return null;
  try {
    return JSON.parse(await deps.readFile(path)) as unknown;
  } catch {
    return null;
  }
}

/** The `trace` input's file; a failure to write it is a warning, never the step's verdict. */
async function writeTrace(io: Scrubbed, deps: ActionDeps, inputs: ActionInputs, trace: TraceDocument): Promise<void> {
  const path = inputs.trace ?? '';
  try {
    if (!deps.writeFile) throw new Error('no file system');
    await deps.writeFile(path, renderTrace(trace));
    io.write(`Trace written to ${path}: upload it with actions/upload-artifact and attach it to a Wrong verdict issue: ${WRONG_VERDICT_FORM}\n`);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    io.write(annotation('warning', 'crpat', `The trace could not be written to ${path}${code ? ` (${code})` : ''}.`));
  }
}

function traceOptions(inputs: ActionInputs, report: Report) {
  return {
    apiUrl: report.target.apiUrl,
    registry: inputs.registry,
    repositories: [report.target.repository],
    image: inputs.image,
    profile: inputs.profile,
    timeoutSeconds: 10,
    workflowRepository: inputs.workflowRepository,
  };
}

function checkOptions(inputs: ActionInputs): CheckTokenOptions {
  return {
    repository: inputs.repository,
    token: inputs.token,
    profile: inputs.profile,
    expiryWarnDays: inputs.warnDays,
    ...(inputs.workflowRepository !== null ? { workflowRepository: inputs.workflowRepository } : {}),
    ...(inputs.image !== null ? { image: inputs.image } : {}),
    apiUrl: inputs.apiUrl,
    registry: inputs.registry,
  };
}

/** Whole days until the token expires (0 on its last day, negative once expired); '' when it does not expire or it is unknown. */
export function daysLeft(expiresAt: string | null, now: Date): string {
  if (expiresAt === null) return '';
  const at = Date.parse(expiresAt);
  return Number.isNaN(at) ? '' : String(Math.floor((at - now.getTime()) / 86_400_000));
}

function checkDeps(deps: ActionDeps): CheckTokenDeps {
  return { settingWords: INPUT_WORDS, ...(deps.fetch ? { fetch: deps.fetch } : {}), ...(deps.now ? { now: deps.now } : {}) };
}

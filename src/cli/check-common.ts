import type { CheckTokenCommonOptions, CheckTokenDeps, RetryEvent } from '../pipeline/options.js';
import type { HumanOptions } from '../report/human.js';
import { maskToken } from '../token/mask.js';
import type { TokenShape } from '../token/recognize.js';
import type { ManyReport, RepoTarget, Report } from '../types.js';
import { createTraceRecorder } from '../trace/recorder.js';
import { openTraceOutput } from './trace-output.js';
import { trustRepositoryHosts } from './host-trust.js';
import type { CheckSettings } from './options.js';
import type { RunDeps } from './run-deps.js';
import { FLAG_WORDS } from './setting-words.js';
import { type ReadToken, readRecognisedToken } from './token-source.js';

/** What `crpat check` does the same for one repository (check-command.ts) and for several (check-many-command.ts). */

/** `--trace`: the output is opened before anything is sent; `finish` writes the redacted document. */
export async function startTrace(settings: CheckSettings, deps: RunDeps) {
  if (settings.trace === null) return null;
  const output = await openTraceOutput(settings.trace, deps.io);
  const recorder = createTraceRecorder(deps.now ? { now: deps.now, performanceNow: () => performance.now() } : undefined);
  const finish = async (settings: CheckSettings, targets: readonly RepoTarget[], { token, shape }: ReadToken, report: Report | ManyReport): Promise<void> => {
    const first = 'results' in report ? report.results[0] : report;
    const options = {
      apiUrl: first?.target.apiUrl ?? settings.apiUrl ?? '',
      registry: settings.registry,
      repositories: targets.map((t) => `${t.owner}/${t.name}`),
      image: settings.image,
      profile: settings.profile,
      timeoutSeconds: settings.timeoutSeconds,
      workflowRepository: settings.workflowRepository,
    };
    await output.write(recorder.finish({ options, token, shape, report }));
  };
  return { output, recorder, finish };
}

/**
 * Host trust before any token is read: a repository host that is not GitHub is refused, any other host needs the
 * user's word (cli/host-trust.ts). Returns the settings with the API URL the user confirmed, if any.
 */
export async function trustHosts(targets: readonly RepoTarget[], settings: CheckSettings, deps: RunDeps, note: (line: string) => void): Promise<CheckSettings> {
  const apiUrl = await trustRepositoryHosts(
    { hosts: targets.map((t) => t.host), apiUrl: settings.apiUrl, registry: settings.registry },
    { io: deps.io, prompter: deps.prompter, env: deps.env, note },
  );
  return apiUrl === null ? settings : { ...settings, apiUrl };
}

/** `problemsOnly`: a sound token is not announced (the progress says what it is). */
export async function askToken(settings: CheckSettings, deps: RunDeps, note: (line: string) => void, problemsOnly: boolean): Promise<ReadToken> {
  return readRecognisedToken(
    {
      tokenStdin: settings.tokenStdin,
      envToken: settings.envToken,
      announce: deps.io.isStderrTTY && !settings.json,
      quiet: settings.quiet || problemsOnly,
    },
    { io: deps.io, prompter: deps.prompter, note },
  );
}

/** Progress (stderr) and report (stdout) on the same screen: the report can take the progress' place. */
export function reportSharesTerminal(io: RunDeps['io']): boolean {
  return io.isStdoutTTY && io.isStderrTTY;
}

/** The injected side effects, and the CLI's words for a setting a finding names (its flags). */
export function sideEffects(deps: RunDeps): Pick<CheckTokenDeps, 'signal' | 'fetch' | 'now' | 'settingWords'> {
  return {
    settingWords: FLAG_WORDS,
    ...(deps.signal ? { signal: deps.signal } : {}),
    ...(deps.fetch ? { fetch: deps.fetch } : {}),
    ...(deps.now ? { now: deps.now } : {}),
  };
}

/** What a single and a many-repository check both take from the settings. */
export function commonOptions(settings: CheckSettings, token: string): CheckTokenCommonOptions {
  return {
    token,
    timeoutSeconds: settings.timeoutSeconds,
    profile: settings.profile,
    ...(settings.workflowRepository !== null ? { workflowRepository: settings.workflowRepository } : {}),
    ...(settings.apiUrl !== null ? { apiUrl: settings.apiUrl } : {}),
    ...(settings.registry !== null ? { registry: settings.registry } : {}),
  };
}

export function humanOptions(settings: CheckSettings, deps: RunDeps, token: string, shape: TokenShape): HumanOptions {
  return {
    color: settings.color.stdout,
    unicode: settings.unicode,
    quiet: settings.quiet,
    width: deps.io.isStdoutTTY ? deps.io.columns : 0,
    tokenDisplay: { masked: maskToken(token), label: shape.label },
  };
}

export function retryLine(event: RetryEvent): string {
  return `Waiting ${(event.delayMs / 1000).toFixed(1)} s to try ${event.method} ${event.url} again (${event.reason}).`;
}

export function noteWidth(io: RunDeps['io']): number {
  return io.isStderrTTY ? io.columns : 0;
}

import { PROFILE_IDS } from '../capabilities/profiles.js';
import type { ProfileId } from '../capabilities/capability.js';
import { err, ok, type Result } from '../result.js';
import type { SettingWords } from '../settings.js';
import { defaultEndpoints } from '../destination/endpoints.js';
import { parseRepoTarget } from '../destination/parse.js';
import { decideEndpoints } from '../destination/trust.js';

/** What the Action was asked to do, from its `INPUT_*` variables and the workflow's defaults. */
export interface ActionInputs {
  /** Trimmed; '' when the input is empty (a diagnosis of its own). */
  token: string;
  /** The `repository` input, else `GITHUB_REPOSITORY`; on an Enterprise server, as a URL on that host. */
  repository: string;
  image: string | null;
  /** The `registry` input, else derived from the runner's GitHub (`GITHUB_SERVER_URL`): never from `repository`. */
  registry: string;
  /** The `api-url` input, else `GITHUB_API_URL`, else derived from `GITHUB_SERVER_URL`: never from `repository`. */
  apiUrl: string;
  profile: ProfileId;
  /** `GITHUB_REPOSITORY`: the workflow's own repository, for the GITHUB_TOKEN advice. */
  workflowRepository: string | null;
  failOn: 'fail' | 'warn';
  /** `warn-days`: token.expiry warns when the token expires within this many days. */
  warnDays: number;
  /** The `trace` input: where to write the redacted trace of the run (for actions/upload-artifact); null when empty. */
  trace: string | null;
}

type Env = Readonly<Record<string, string | undefined>>;

/**
 * The Action names a setting by its input (action.yml): `Check the host name (the api-url input)`. It has no timeout
 * input, so advice to raise the timeout is left out.
 */
export const INPUT_WORDS: SettingWords = {
  names: { apiUrl: 'the api-url input', registry: 'the registry input', timeout: null, image: 'the image input', trace: 'the trace input set to a file path' },
  give: (name, value) => `set ${name} to ${value}`,
};

/** The runner's variable for an input: `INPUT_` + the name upper-cased, spaces → `_`, hyphens kept. */
export function inputVariable(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}

/** An input's value, trimmed as `@actions/core` does; '' when unset. */
export function input(env: Env, name: string): string {
  return (env[inputVariable(name)] ?? '').trim();
}

export function readInputs(env: Env): Result<ActionInputs> {
  const profile = (input(env, 'for') || 'push') as ProfileId;
  if (!PROFILE_IDS.includes(profile)) {
    return err(`Unknown value for the input "for": use one of ${PROFILE_IDS.join(', ')}.`);
  }
  const failOn = input(env, 'fail-on') || 'fail';
  if (failOn !== 'fail' && failOn !== 'warn') return err(`Unknown value "${failOn}" for the input "fail-on": use "fail" or "warn".`);
  const warnDaysText = input(env, 'warn-days') || '7';
  if (!/^\d{1,4}$/.test(warnDaysText)) return err(`Unknown value "${warnDaysText.slice(0, 20)}" for the input "warn-days": use a whole number of days, e.g. 14.`);
  const given = input(env, 'repository') || (env['GITHUB_REPOSITORY'] ?? '').trim();
  if (given === '') return err('No repository: set the input "repository" (owner/name); GITHUB_REPOSITORY is not set either.');
  // Endpoints come from the runner (github.api_url, github.server_url) or the explicit inputs, never from the host
  // of the repository input: a repository URL on another host must not choose where the token goes.
  const server = serverHost(env['GITHUB_SERVER_URL']);
  const runner = defaultEndpoints(server);
  const apiUrl = input(env, 'api-url') || (env['GITHUB_API_URL'] ?? '').trim() || runner.apiUrl;
  const registry = input(env, 'registry') || runner.registry;
  const repository = onServer(given, server);
  const target = parseRepoTarget(repository);
  if (target.ok) {
    const trust = decideEndpoints({ host: target.value.host, apiUrl, registry, enterpriseHost: null }, 'the api-url input');
    if (trust.kind === 'refused') return err(`The input "repository": ${trust.reason}.`);
  }
  return ok({
    token: input(env, 'token'),
    repository,
    image: input(env, 'image') || null,
    registry,
    apiUrl,
    profile,
    workflowRepository: (env['GITHUB_REPOSITORY'] ?? '').trim() || null,
    failOn,
    warnDays: Number(warnDaysText),
    trace: input(env, 'trace') || null,
  });
}

/** The runner's GitHub host from `GITHUB_SERVER_URL` (`https://github.com`, `https://HOST`); github.com when unset. */
function serverHost(serverUrl: string | undefined): string {
  try {
    return serverUrl ? new URL(serverUrl).host.toLowerCase() : 'github.com';
  } catch {
    return 'github.com';
  }
}

/**
 * `owner/name` on the runner's Enterprise host becomes `https://HOST/owner/name`, so the report and its links name
 * that host. Anything else is kept as given.
 */
function onServer(repository: string, host: string): string {
  if (!/^[^/\s:]+\/[^/\s]+$/.test(repository)) return repository;
  return host === 'github.com' ? repository : `https://${host}/${repository}`;
}

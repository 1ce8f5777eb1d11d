import { PROFILE_IDS } from '../capabilities/profiles.js';
import type { ProfileId } from '../capabilities/types.js';
import { err, ok, type Result } from '../result.js';

/** What the Action was asked to do, from its `INPUT_*` variables and the workflow's defaults. */
export interface ActionInputs {
  /** Trimmed; '' when the input is empty (a diagnosis of its own). */
  token: string;
  /** The `repository` input, else `GITHUB_REPOSITORY`; on an Enterprise server, as a URL on that host. */
  repository: string;
  image: string | null;
  /** `null`: derived from the repository's host (ghcr.io on github.com). */
  registry: string | null;
  /** The `api-url` input, else `GITHUB_API_URL`; null when neither is set. */
  apiUrl: string | null;
  profile: ProfileId;
  /** `GITHUB_REPOSITORY`: the workflow's own repository, for the GITHUB_TOKEN advice. */
  workflowRepository: string | null;
  failOn: 'fail' | 'warn';
}

type Env = Readonly<Record<string, string | undefined>>;

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
  const repository = input(env, 'repository') || (env['GITHUB_REPOSITORY'] ?? '').trim();
  if (repository === '') return err('No repository: set the input "repository" (owner/name); GITHUB_REPOSITORY is not set either.');
  return ok({
    token: input(env, 'token'),
    repository: onServer(repository, env['GITHUB_SERVER_URL']),
    image: input(env, 'image') || null,
    registry: input(env, 'registry') || null,
    apiUrl: input(env, 'api-url') || (env['GITHUB_API_URL'] ?? '').trim() || null,
    profile,
    workflowRepository: (env['GITHUB_REPOSITORY'] ?? '').trim() || null,
    failOn,
  });
}

/**
 * `owner/name` on a GitHub Enterprise server becomes `https://HOST/owner/name`, so the check derives that host's
 * registry (`containers.HOST`, facts github-api §6) instead of ghcr.io. Anything else is kept as given.
 */
function onServer(repository: string, serverUrl: string | undefined): string {
  if (!serverUrl || !/^[^/\s:]+\/[^/\s]+$/.test(repository)) return repository;
  let host: string;
  try {
    host = new URL(serverUrl).host;
  } catch {
    return repository;
  }
  return host.toLowerCase() === 'github.com' ? repository : `https://${host}/${repository}`;
}

import type { CheckTokenOptions } from '../pipeline/options.js';
import type { SecretPlace } from '../secrets/api.js';
import type { Report } from '../types.js';
import type { PushedImage } from './analyze.js';
import { hasUnresolved, substituteRepository } from './expressions.js';
import { registryOf } from './pushes.js';
import type { KnownRepository, WorkflowFinding } from './finding.js';

/** What `--check` calls; the CLI passes the library's functions, tests may pass others. */
export interface LiveCheckDeps {
  checkToken: (options: CheckTokenOptions) => Promise<Report>;
  secretExists: (place: SecretPlace) => Promise<boolean>;
}

export interface LiveCheckOptions {
  token: string;
  apiUrl: string | null;
  registry: string | null;
  timeoutSeconds: number;
  signal?: AbortSignal;
}

/** `ghcr.io/owner/name[:tag]` → host, owner, image path; null while an expression is left. */
export function imageTarget(ref: string, repository: KnownRepository | null): { host: string; owner: string; image: string } | null {
  const resolved = repository ? substituteRepository(ref, repository) : ref;
  const host = registryOf(resolved);
  if (host === null) return null;
  const path = (resolved.slice(resolved.indexOf('/') + 1).split('@')[0] ?? '').replace(/:[^/]*$/, '');
  if (hasUnresolved(path)) return null;
  const [owner, ...rest] = path.split('/');
  if (!owner || rest.length === 0) return null;
  return { host, owner: owner.toLowerCase(), image: rest.join('/').toLowerCase() };
}

/**
 * `--check`: the token check for each image a job pushes with a secret (the token given is that secret's value), and
 * whether each secret a job names exists on the repository or its organization (names only: GitHub never returns
 * values). Jobs that push with the GITHUB_TOKEN are skipped for the token check: that token exists only in a run.
 */
export async function liveCheck(pushed: readonly PushedImage[], repository: KnownRepository | null, options: LiveCheckOptions, deps: LiveCheckDeps): Promise<WorkflowFinding[]> {
  const out: WorkflowFinding[] = [];
  const checked = new Map<string, Report | Error>();
  for (const push of pushed) {
    const base = { file: push.file, line: push.line, job: push.job, id: 'token.check' as const };
    if (!push.credentials.some((c) => c.kind === 'secret')) {
      out.push({ ...base, status: 'skip', summary: `Not checked: ${push.ref} is pushed with the GITHUB_TOKEN, which exists only inside a run.`, fix: null });
      continue;
    }
    const target = imageTarget(push.ref, repository);
    if (!target) {
      out.push({ ...base, status: 'skip', summary: `Not checked: ${push.ref} holds an expression crpat cannot resolve${repository ? '' : ' (give --repo so github.repository can be filled in)'}.`, fix: null });
      continue;
    }
    const key = `${target.host}/${target.owner}/${target.image}`;
    let result = checked.get(key);
    if (!result) {
      try {
        result = await deps.checkToken(checkOptions(target, repository, options));
      } catch (error) {
        result = error instanceof Error ? error : new Error(String(error));
      }
      checked.set(key, result);
    }
    out.push({ ...base, ...verdictFinding(key, result) });
  }
  out.push(...(await secretFindings(pushed, repository, options, deps)));
  return out;
}

function checkOptions(target: { host: string; owner: string; image: string }, repository: KnownRepository | null, options: LiveCheckOptions): CheckTokenOptions {
  const sameOwner = repository !== null && repository.owner.toLowerCase() === target.owner;
  const name = sameOwner ? repository.name : (target.image.split('/')[0] ?? target.image);
  const owner = sameOwner ? repository.owner : target.owner;
  // containers.HOST is the registry of the Enterprise server HOST: name the repository there so the check derives it.
  const server = /^containers\.(.+)$/.exec(target.host)?.[1];
  return {
    repository: server ? `https://${server}/${owner}/${name}` : `${owner}/${name}`,
    image: target.image,
    token: options.token,
    timeoutSeconds: options.timeoutSeconds,
    ...(options.apiUrl !== null ? { apiUrl: options.apiUrl } : {}),
    ...(options.registry !== null ? { registry: options.registry } : {}),
  };
}

function verdictFinding(key: string, result: Report | Error): Pick<WorkflowFinding, 'status' | 'summary' | 'fix'> {
  if (result instanceof Error) return { status: 'error', summary: `The token check for ${key} could not run: ${result.message.split('\n', 1)[0] ?? ''}`, fix: null };
  const problem = result.checks.find((c) => c.status === 'fail') ?? result.checks.find((c) => c.status === 'error');
  switch (result.verdict) {
    case 'pass':
      return { status: 'pass', summary: `The token can push to ${key} (crpat check: every check passed or warned).`, fix: null };
    case 'fail':
      return { status: 'fail', summary: `The token cannot push to ${key}: ${problem ? `${problem.id}: ${problem.summary}` : 'a check failed'}`, fix: problem?.fix ?? `Run crpat check --repo ${result.target.repository} for the whole report.` };
    case 'inconclusive':
      return { status: 'error', summary: `Could not decide whether the token can push to ${key}: ${problem ? `${problem.id}: ${problem.summary}` : 'a check could not be completed'}`, fix: null };
  }
}

async function secretFindings(pushed: readonly PushedImage[], repository: KnownRepository | null, options: LiveCheckOptions, deps: LiveCheckDeps): Promise<WorkflowFinding[]> {
  const out: WorkflowFinding[] = [];
  const seen = new Set<string>();
  for (const push of pushed) {
    for (const credential of push.credentials) {
      if (credential.kind !== 'secret' || seen.has(credential.name)) continue;
      seen.add(credential.name);
      const base = { file: push.file, line: push.line, job: push.job, id: 'secret.exists' as const };
      if (!repository) {
        out.push({ ...base, status: 'skip', summary: `Not checked whether secrets.${credential.name} exists: the repository is not known (give --repo).`, fix: null });
        continue;
      }
      out.push({ ...base, ...(await secretFinding(credential.name, repository, options, deps)) });
    }
  }
  return out;
}

async function secretFinding(name: string, repository: KnownRepository, options: LiveCheckOptions, deps: LiveCheckDeps): Promise<Pick<WorkflowFinding, 'status' | 'summary' | 'fix'>> {
  const place = { apiUrl: options.apiUrl ?? apiUrlFor(repository.host), token: options.token, name, timeoutSeconds: options.timeoutSeconds, ...(options.signal ? { signal: options.signal } : {}) };
  const full = `${repository.owner}/${repository.name}`;
  let onRepo: boolean;
  try {
    onRepo = await deps.secretExists({ ...place, owner: repository.owner, repo: repository.name });
  } catch (error) {
    return { status: 'skip', summary: `Not checked whether secrets.${name} exists: this credential cannot read the secrets of ${full}. ${message(error)}`, fix: null };
  }
  if (onRepo) return { status: 'pass', summary: `The repository ${full} has a secret named ${name}.`, fix: null };
  try {
    if (await deps.secretExists({ ...place, org: repository.owner })) {
      return { status: 'pass', summary: `The organization ${repository.owner} has a secret named ${name} (it must be visible to ${full}: its repository access).`, fix: null };
    }
  } catch (error) {
    // A personal account has no organization secrets: then the repository's answer is the whole answer.
    if (!(error instanceof Error && /HTTP 404/.test(error.message))) {
      return { status: 'warn', summary: `${full} has no secret named ${name}, and the organization's secrets could not be read. ${message(error)}`, fix: `Check the name against the secrets listed at https://${repository.host}/${full}/settings/secrets/actions.` };
    }
  }
  return {
    status: 'fail',
    summary: `Neither ${full} nor its owner has a secret named ${name}: in a run, secrets.${name} is empty and the login fails.`,
    fix: `Store it: crpat secret set --repo ${full} --name ${name} (or correct the name in the workflow to the one stored).`,
  };
}

function apiUrlFor(host: string): string {
  return host === 'github.com' ? 'https://api.github.com' : `https://${host}/api/v3`;
}

function message(error: unknown): string {
  return error instanceof Error ? (error.message.split('\n', 1)[0] ?? '') : String(error);
}

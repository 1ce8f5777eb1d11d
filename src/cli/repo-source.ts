import { CancelledError, UsageError } from '../errors.js';
import type { IO } from '../io/io.js';
import { isCancelled, type Prompter } from '../io/prompter.js';
import { parseGitRemote, parseRepoTarget } from '../destination/parse.js';
import type { RepoTarget } from '../types.js';

/** Runs git with `args` in `cwd`; resolves with its stdout, rejects when git fails or is missing. */
export type Git = (args: readonly string[], cwd: string) => Promise<string>;

export interface RepoSourceOptions {
  /** `--repo` as typed, or null. */
  repo: string | null;
  /** `--yes`: accept the git remote without asking. */
  yes: boolean;
  /** Where to look for the git remote. */
  cwd: string;
}

export interface RepoSourceDeps {
  io: IO;
  prompter: Prompter;
  git: Git;
  /** Writes one line for the user on stderr. */
  note: (line: string) => void;
}

export interface ResolvedRepo {
  target: RepoTarget;
  source: 'flag' | 'remote' | 'prompt';
}

export const CONFIRM_REMOTE = 'Use this repository? [y/N]';
export const ASK_REPOSITORY = 'Repository URL (or owner/name)';

/**
 * The repository to check: `--repo`, else the git remote `origin` (confirmed on a terminal, default No, or accepted by
 * `--yes`), else typed at a prompt. Without a terminal and without `--repo`/`--yes` it is a usage error.
 */
export async function resolveRepository(options: RepoSourceOptions, deps: RepoSourceDeps): Promise<ResolvedRepo> {
  if (options.repo !== null) {
    const parsed = parseRepoTarget(options.repo);
    if (!parsed.ok) throw new UsageError(`--repo: ${parsed.reason}`);
    return { target: parsed.value, source: 'flag' };
  }
  const interactive = deps.io.canPrompt();
  const url = await originUrl(deps.git, options.cwd);
  if (url === null) {
    if (!interactive) throw new UsageError('no --repo given and no git remote origin here: pass --repo owner/name');
    deps.note('No git remote origin here.');
    return askRepository(deps.prompter);
  }
  const remote = parseGitRemote(url);
  if (!remote.ok) {
    if (!interactive) {
      throw new UsageError(`no --repo given, and the git remote origin is not a repository crpat can check (${remote.reason}): pass --repo owner/name`);
    }
    deps.note(`The git remote origin is not a repository crpat can check: ${remote.reason}`);
    return askRepository(deps.prompter);
  }
  const { target, display } = remote.value;
  if (options.yes) return { target, source: 'remote' };
  if (!interactive) {
    throw new UsageError(
      'no --repo given and no terminal to confirm the git remote: pass --repo owner/name (or --yes to accept the remote)',
    );
  }
  deps.note(`${target.owner}/${target.name} (${target.host}) from git remote origin: ${display}`);
  const use = await deps.prompter.confirm(CONFIRM_REMOTE, false);
  if (isCancelled(use)) throw new CancelledError();
  return use ? { target, source: 'remote' } : askRepository(deps.prompter);
}

/** The URL of `origin`, or null outside a checkout, without an origin, or without git. */
async function originUrl(git: Git, cwd: string): Promise<string | null> {
  try {
    const url = (await git(['remote', 'get-url', 'origin'], cwd)).trim();
    return url === '' ? null : url;
  } catch {
    return null;
  }
}

async function askRepository(prompter: Prompter): Promise<ResolvedRepo> {
  const answer = await prompter.text(ASK_REPOSITORY, (value) => {
    if (value.trim() === '') return 'Type owner/name or paste the repository URL';
    const parsed = parseRepoTarget(value.trim());
    return parsed.ok ? undefined : parsed.reason;
  });
  if (isCancelled(answer)) throw new CancelledError();
  const parsed = parseRepoTarget(answer.trim());
  if (!parsed.ok) throw new UsageError(parsed.reason);
  return { target: parsed.value, source: 'prompt' };
}

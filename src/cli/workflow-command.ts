import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { UsageError } from '../errors.js';
import { secretExists } from '../secrets/api.js';
import { parseGitRemote, parseRepoTarget } from '../destination/parse.js';
import { analyzeWorkflows, type WorkflowText } from '../workflow/analyze.js';
import { INIT_PATH, INIT_WORKFLOW } from '../workflow/init.js';
import { wrap } from '../report/wrap.js';
import { liveCheck } from '../workflow/live-check.js';
import { renderWorkflowHuman, renderWorkflowJson, workflowReport } from '../workflow/report.js';
import type { KnownRepository, WorkflowFinding } from '../workflow/finding.js';
import type { WorkflowFlags, WorkflowInitFlags } from './flags.js';
import { exitCodeForVerdict } from './exit-code.js';
import { FLAG_WORDS } from './setting-words.js';
import { resolveCheckOptions } from './options.js';
import type { RunDeps } from './run-deps.js';
import { readToken } from './token-source.js';

const WORKFLOWS_DIR = join('.github', 'workflows');
const IS_WORKFLOW = /\.ya?ml$/i;

/**
 * `crpat workflow [files…]`: reads the workflow files (the I/O), hands their text to the pure analysis, and with
 * `--check` runs the token check and the secret lookups. A file with broken YAML gets one line on stderr
 * (`crpat: file:line: message`); the others are still checked.
 */
export async function runWorkflowCommand(flags: WorkflowFlags, deps: RunDeps, secrets: string[]): Promise<number> {
  const { io } = deps;
  const settings = resolveCheckOptions(
    { ...(flags.repo ? { repo: [flags.repo] } : {}), ...pick(flags, ['tokenStdin', 'apiUrl', 'registry', 'timeout', 'json', 'quiet', 'color']) },
    deps.env,
    { isStdoutTTY: io.isStdoutTTY, isStderrTTY: io.isStderrTTY, platform: deps.platform },
  );
  const texts = await readWorkflows(flags.files ?? [], deps.cwd);
  const repository = await knownRepository(flags.repo ?? null, deps);
  const analysis = analyzeWorkflows(texts, repository);
  for (const line of analysis.syntaxErrors) io.stderr.write(`crpat: ${line}\n`);
  const extra: WorkflowFinding[] = [];
  if (flags.check) {
    const token = await readToken(
      { tokenStdin: settings.tokenStdin, envToken: settings.envToken, announce: false },
      { io, prompter: deps.prompter, note: () => {} },
    );
    secrets.push(token);
    extra.push(
      ...(await liveCheck(
        analysis.pushed,
        repository,
        { token, apiUrl: settings.apiUrl, registry: settings.registry, timeoutSeconds: settings.timeoutSeconds, ...(deps.signal ? { signal: deps.signal } : {}) },
        {
          checkToken: (options) => deps.checkToken(options, { settingWords: FLAG_WORDS, ...(deps.fetch ? { fetch: deps.fetch } : {}), ...(deps.now ? { now: deps.now } : {}), ...(deps.signal ? { signal: deps.signal } : {}) }),
          secretExists: (place) => secretExists({ ...place, ...(deps.fetch ? { fetch: deps.fetch } : {}) }),
        },
      )),
    );
  }
  const report = workflowReport(analysis, repository, extra);
  io.stdout.write(
    settings.json
      ? renderWorkflowJson(report)
      : renderWorkflowHuman(report, { color: settings.color.stdout, unicode: settings.unicode, width: io.isStdoutTTY ? io.columns : 0, quiet: settings.quiet }),
  );
  return exitCodeForVerdict(report.verdict);
}

const WRITE_FAILURES: Readonly<Record<string, string>> = {
  ENOTDIR: 'a part of its path is a file, not a folder',
  EEXIST: 'a part of its path is a file, not a folder',
  EISDIR: 'it is a folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ENOSPC: 'no space left on the device',
};

/** `crpat workflow init`: writes the weekly token check; refuses to overwrite without `--force`. */
export async function runWorkflowInit(flags: WorkflowInitFlags, deps: Pick<RunDeps, 'io' | 'cwd'>): Promise<number> {
  const path = join(deps.cwd, INIT_PATH);
  if (!flags.force && (await exists(path))) throw new UsageError(`${INIT_PATH} exists; run again with --force to replace it`);
  try {
    await mkdir(join(deps.cwd, WORKFLOWS_DIR), { recursive: true });
    await writeFile(path, INIT_WORKFLOW, 'utf8');
  } catch (error) {
    // The checkout's own state (a file named .github, a folder at the file's path, no write permission), not a crash.
    const reason = WRITE_FAILURES[(error as NodeJS.ErrnoException).code ?? ''];
    if (reason === undefined) throw error;
    throw new UsageError(`cannot write ${INIT_PATH}: ${reason}`);
  }
  const said =
    `Wrote ${INIT_PATH}: every Monday, and on demand, it checks that the CR_PAT secret can still push, and fails ` +
    'when the token is refused or expires within 14 days (warn-days). Commit it, and store the token as the CR_PAT secret (crpat secret set).';
  deps.io.stdout.write(`${wrap(said, deps.io.isStdoutTTY ? deps.io.columns : 0, 0, '')}\n`);
  return 0;
}

/** Files and folders → workflow texts. A folder holding `.github/workflows` means that folder. */
async function readWorkflows(args: readonly string[], cwd: string): Promise<WorkflowText[]> {
  const paths: string[] = [];
  for (const arg of args.length > 0 ? args : [WORKFLOWS_DIR]) {
    const full = isAbsolute(arg) ? arg : resolve(cwd, arg);
    const kind = await kindOf(full);
    if (kind === null) throw new UsageError(args.length > 0 ? `${arg}: no such file or folder` : `no ${WORKFLOWS_DIR} here: run crpat workflow in a repository's root, or give workflow files or folders`);
    if (kind === 'file') {
      paths.push(full);
      continue;
    }
    const nested = join(full, WORKFLOWS_DIR);
    const folder = (await kindOf(nested)) === 'dir' ? nested : full;
    const names = (await readdir(folder)).filter((name) => IS_WORKFLOW.test(name)).sort();
    paths.push(...names.map((name) => join(folder, name)));
  }
  if (paths.length === 0) throw new UsageError(`no workflow files (*.yml, *.yaml) in ${args.length > 0 ? args.join(', ') : WORKFLOWS_DIR}`);
  return Promise.all(
    [...new Set(paths)].map(async (path) => {
      const shown = relative(cwd, path);
      let text: string;
      try {
        text = await readFile(path, 'utf8');
      } catch (error) {
        throw new UsageError(`${shown}: cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
      }
      return { file: shown.startsWith('..') ? path : shown, text };
    }),
  );
}

/** `--repo`, else the `origin` remote (quietly: no prompt; an unknown repository only means fewer findings). */
async function knownRepository(repo: string | null, deps: RunDeps): Promise<KnownRepository | null> {
  if (repo !== null) {
    const parsed = parseRepoTarget(repo);
    if (!parsed.ok) throw new UsageError(`--repo: ${parsed.reason}`);
    return parsed.value;
  }
  try {
    const remote = parseGitRemote((await deps.git(['remote', 'get-url', 'origin'], deps.cwd)).trim());
    return remote.ok ? remote.value.target : null;
  } catch {
    return null;
  }
}

async function kindOf(path: string): Promise<'file' | 'dir' | null> {
  try {
    const info = await stat(path);
    return info.isDirectory() ? 'dir' : 'file';
  } catch {
    return null;
  }
}

async function exists(path: string): Promise<boolean> {
  return (await kindOf(path)) !== null;
}

function pick<T extends object, K extends keyof T>(value: T, keys: readonly K[]): Pick<T, K> {
  const out = {} as Pick<T, K>;
  for (const key of keys) if (value[key] !== undefined) out[key] = value[key];
  return out;
}

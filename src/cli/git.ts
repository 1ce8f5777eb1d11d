import { execFile } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import { posix, win32 } from 'node:path';
import type { Env } from './options.js';
import type { Git } from './repo-source.js';

/** Variables git must not see: a credential helper or hook could read and use them. */
const WITHHELD = ['CR_PAT', 'GH_TOKEN', 'GITHUB_TOKEN'];

/** What the git launcher needs to know about the machine; injected so Windows rules are tested on any machine. */
export interface GitHost {
  platform: NodeJS.Platform;
  /** Whether `path` is an existing regular file that may be run. */
  isFile: (path: string) => boolean;
}

const NODE_HOST: GitHost = {
  platform: process.platform,
  isFile: (path) => {
    try {
      if (process.platform !== 'win32') accessSync(path, constants.X_OK);
      return statSync(path).isFile();
    } catch {
      return false;
    }
  },
};

/**
 * The real `git`, run with `execFile` (no shell), by its absolute path, in an environment without tokens. Resolving
 * it ourselves matters on Windows: there a bare `git` is looked up in the working directory (the checkout) before
 * PATH unless NoDefaultCurrentDirectoryInExePath is set, so a `git.exe` committed to a cloned repository would run
 * (https://learn.microsoft.com/windows/win32/api/processenv/nf-processenv-needcurrentdirectoryforexepathw).
 */
export function createGit(env: Env, host: GitHost = NODE_HOST): Git {
  const childEnv = gitEnvironment(env, host.platform);
  return (args, cwd) =>
    new Promise((resolve, reject) => {
      const git = resolveGit(env, host);
      if (git === null) return reject(new Error('git was not found on PATH'));
      execFile(git, [...args], { cwd, env: childEnv, timeout: 5000, windowsHide: true }, (error, stdout) => {
        if (error) reject(error);
        else resolve(stdout);
      });
    });
}

/**
 * The environment git runs with: this one without the tokens (names compared case-insensitively on Windows, where
 * `Cr_Pat` is the same variable), prompts off, and on Windows NoDefaultCurrentDirectoryInExePath set so that git's
 * own children are not looked up in the checkout either.
 */
export function gitEnvironment(env: Env, platform: NodeJS.Platform): Record<string, string> {
  const windows = platform === 'win32';
  const withheld = (key: string): boolean => WITHHELD.includes(windows ? key.toUpperCase() : key);
  const childEnv: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) {
    if (value !== undefined && !withheld(key)) childEnv[key] = value;
  }
  childEnv['GIT_TERMINAL_PROMPT'] = '0';
  if (windows) childEnv['NoDefaultCurrentDirectoryInExePath'] = '1';
  return childEnv;
}

/**
 * git's absolute path from PATH, taking only absolute entries: an empty or relative entry (`.`, `bin`) would mean the
 * working directory, which is the checkout. On Windows the PATH variable may be spelt `Path`, entries are separated by
 * `;`, and git is `git.exe`. Null when no entry holds it.
 */
export function resolveGit(env: Env, host: GitHost): string | null {
  const windows = host.platform === 'win32';
  const path = windows ? win32 : posix;
  const key = windows ? Object.keys(env).find((name) => name.toUpperCase() === 'PATH') : 'PATH';
  const entries = (key === undefined ? '' : (env[key] ?? '')).split(windows ? ';' : ':');
  const names = windows ? ['git.exe', 'git.com'] : ['git'];
  for (const raw of entries) {
    const entry = windows ? raw.replace(/^"(.*)"$/, '$1') : raw;
    if (!isAbsolute(entry, windows)) continue;
    for (const name of names) {
      const candidate = path.join(entry, name);
      if (host.isFile(candidate)) return candidate;
    }
  }
  return null;
}

/** `C:\x` or `\\server\share` on Windows (not `\x`, which is relative to the current drive); `/x` elsewhere. */
function isAbsolute(entry: string, windows: boolean): boolean {
  return windows ? /^(?:[A-Za-z]:[\\/]|\\\\[^\\])/.test(entry) : entry.startsWith('/');
}

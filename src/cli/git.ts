import { execFile } from 'node:child_process';
import type { Env } from './options.js';
import type { Git } from './repo-source.js';

/** Variables git must not see: a credential helper or hook could read and use them. */
const WITHHELD = ['CR_PAT', 'GH_TOKEN', 'GITHUB_TOKEN'];

/** The real `git`, run with `execFile` (no shell) and an environment without tokens. */
export function createGit(env: Env): Git {
  const childEnv: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) {
    if (value !== undefined && !WITHHELD.includes(key)) childEnv[key] = value;
  }
  childEnv['GIT_TERMINAL_PROMPT'] = '0';
  return (args, cwd) =>
    new Promise((resolve, reject) => {
      execFile('git', [...args], { cwd, env: childEnv, timeout: 5000, windowsHide: true }, (error, stdout) => {
        if (error) reject(error);
        else resolve(stdout);
      });
    });
}

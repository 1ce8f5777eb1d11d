import { UsageError } from '../errors.js';
import { runSecretSet, type SecretSetOptions } from './secret-set.js';
import { renderHuman } from '../report/human.js';
import { wrap, wrapLines } from '../report/wrap.js';
import type { CheckFlags, SecretSetFlags } from './flags.js';
import { trustRepositoryHosts } from './host-trust.js';
import { resolveCheckOptions } from './options.js';
import { resolveRepository } from './repo-source.js';
import type { RunDeps } from './run-deps.js';
import { readToken } from './token-source.js';

/**
 * `crpat secret set`: the repository, token, endpoints and timeout come from the same places and the same merge as
 * for `crpat check` (flags, environment, git remote, `--token-stdin`, `CR_PAT`, a hidden prompt); the rest is the
 * secrets library's `runSecretSet`.
 */
export async function runSecretSetCommand(flags: SecretSetFlags, deps: RunDeps, secrets: string[]): Promise<number> {
  const { io } = deps;
  const checkFlags: CheckFlags = {
    ...(flags.repo !== undefined ? { repo: [flags.repo] } : {}),
    ...(flags.image !== undefined ? { image: flags.image } : {}),
    ...(flags.tokenStdin !== undefined ? { tokenStdin: flags.tokenStdin } : {}),
    ...(flags.apiUrl !== undefined ? { apiUrl: flags.apiUrl } : {}),
    ...(flags.registry !== undefined ? { registry: flags.registry } : {}),
    ...(flags.timeout !== undefined ? { timeout: flags.timeout } : {}),
    ...(flags.yes !== undefined ? { yes: flags.yes } : {}),
    ...(flags.color !== undefined ? { color: flags.color } : {}),
  };
  const settings = resolveCheckOptions(checkFlags, deps.env, { isStdoutTTY: io.isStdoutTTY, isStderrTTY: io.isStderrTTY, platform: deps.platform });
  deps.prompter.setColor?.(settings.color.stderr);
  // A secret is written where the repository says: without a terminal, a git remote is never taken for it.
  if (settings.repos.length === 0 && !io.canPrompt()) {
    throw new UsageError('secret set needs --repo <owner/name> when not run in a terminal: it does not store a token on whatever the git remote names');
  }
  // The credential that writes the secret is as secret as the one stored: redacted from any error too.
  for (const name of ['GH_TOKEN', 'GITHUB_TOKEN']) {
    const value = deps.env[name]?.trim();
    if (value) secrets.push(value);
  }
  // Wrapped like crpat check's notes: the git remote's URL would otherwise be cut by the terminal mid-link.
  const note = (line: string): void => void io.stderr.write(`${wrap(line, io.isStderrTTY ? io.columns : 0, 0, '  ')}\n`);
  const { target } = await resolveRepository({ repo: settings.repos[0] ?? null, yes: settings.yes, cwd: deps.cwd }, { io, prompter: deps.prompter, git: deps.git, note });
  // Host trust before the token is read: the check and the secret's writer both go to these endpoints.
  const confirmedApiUrl = await trustRepositoryHosts(
    { hosts: [target.host], apiUrl: settings.apiUrl, registry: settings.registry },
    { io, prompter: deps.prompter, env: deps.env, note },
  );
  const apiUrl = confirmedApiUrl ?? settings.apiUrl;
  const token = await readToken({ tokenStdin: settings.tokenStdin, envToken: settings.envToken, announce: io.isStderrTTY }, { io, prompter: deps.prompter, note });
  secrets.push(token);
  const options: SecretSetOptions = {
    repository: target,
    token,
    timeoutSeconds: settings.timeoutSeconds,
    ...(apiUrl !== null ? { apiUrl } : {}),
    ...(settings.registry !== null ? { registry: settings.registry } : {}),
    ...(settings.image !== null ? { image: settings.image } : {}),
    ...(flags.name ? { name: flags.name } : {}),
    ...(flags.org ? { org: flags.org } : {}),
    ...(flags.visibility ? { visibility: flags.visibility } : {}),
    ...(flags.repos ? { repos: flags.repos } : {}),
    force: flags.force === true,
    overwrite: flags.overwrite === true,
  };
  return runSecretSet(options, {
    env: deps.env,
    // Its messages are whole lines: on a terminal, wrapped at spaces rather than cut by the terminal mid-word.
    stdout: (text) => void io.stdout.write(wrapLines(text, io.isStdoutTTY ? io.columns : 0)),
    stderr: (text) => void io.stderr.write(wrapLines(text, io.isStderrTTY ? io.columns : 0)),
    ...(io.canPrompt() ? { confirm: async (message: string) => (await deps.prompter.confirm(message, false)) === true } : {}),
    checkToken: deps.checkToken,
    // The check's verdict and problems, wrapped and coloured like crpat check's report on a terminal.
    renderReport: (report) =>
      renderHuman(report, { color: settings.color.stdout, unicode: settings.unicode, quiet: true, width: io.isStdoutTTY ? io.columns : 0 }),
    ...(deps.fetch ? { fetch: deps.fetch } : {}),
    ...(deps.now ? { now: deps.now } : {}),
    ...(deps.signal ? { signal: deps.signal } : {}),
  });
}

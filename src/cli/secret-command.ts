import { runSecretSet, type SecretSetOptions } from '../secrets/command.js';
import type { SecretSetFlags } from './args.js';
import { resolveRepository } from './repo-source.js';
import type { RunDeps } from './run.js';
import { readToken } from './token-source.js';

/**
 * `crpat secret set`: the repository and token come from the same places as for `crpat check` (flags, git remote,
 * `--token-stdin`, `CR_PAT`, a hidden prompt); the rest is the secrets library's `runSecretSet`.
 */
export async function runSecretSetCommand(flags: SecretSetFlags, deps: RunDeps, secrets: string[]): Promise<number> {
  const { io, env } = deps;
  const note = (line: string): void => void io.stderr.write(`${line}\n`);
  const { target } = await resolveRepository({ repo: flags.repo ?? null, yes: flags.yes === true, cwd: deps.cwd }, { io, prompter: deps.prompter, git: deps.git, note });
  const token = await readToken(
    { tokenStdin: flags.tokenStdin === true, envToken: env['CR_PAT'] ?? null, announce: io.isStderrTTY },
    { io, prompter: deps.prompter, note },
  );
  secrets.push(token);
  const apiUrl = flags.apiUrl ?? nonEmpty(env['GITHUB_API_URL']);
  const registry = flags.registry ?? nonEmpty(env['CRPAT_REGISTRY']);
  const options: SecretSetOptions = {
    repository: target,
    token,
    ...(apiUrl ? { apiUrl } : {}),
    ...(registry ? { registry } : {}),
    ...(flags.image ? { image: flags.image } : {}),
    ...(flags.timeout ? { timeoutSeconds: flags.timeout } : {}),
    ...(flags.name ? { name: flags.name } : {}),
    ...(flags.org ? { org: flags.org } : {}),
    ...(flags.visibility ? { visibility: flags.visibility } : {}),
    ...(flags.repos ? { repos: flags.repos } : {}),
    force: flags.force === true,
    yes: flags.yes === true,
  };
  return runSecretSet(options, {
    env,
    stdout: (text) => void io.stdout.write(text),
    stderr: (text) => void io.stderr.write(text),
    ...(io.canPrompt() ? { confirm: async (message: string) => (await deps.prompter.confirm(message, false)) === true } : {}),
    checkToken: deps.checkToken,
    ...(deps.fetch ? { fetch: deps.fetch } : {}),
    ...(deps.now ? { now: deps.now } : {}),
    ...(deps.signal ? { signal: deps.signal } : {}),
  });
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}

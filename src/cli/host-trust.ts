import { CancelledError, InconclusiveError, UsageError } from '../errors.js';
import { tlsVerificationDisabled, UNVERIFIED_TLS } from '../http/tls-env.js';
import type { IO } from '../io/io.js';
import { isCancelled, type Prompter } from '../io/prompter.js';
import { parseApiUrl, parseRegistry } from '../destination/endpoints.js';
import { decideEndpoints, type TrustDecision, unconfirmedReason } from '../destination/trust.js';
import type { Env } from './options.js';

export interface HostTrustOptions {
  /** The hosts of every repository of the run (`--repo`, the git remote, a repos file), `host[:port]`. */
  hosts: readonly string[];
  /** `--api-url` / `GITHUB_API_URL`, or null. */
  apiUrl: string | null;
  /** `--registry` / `CRPAT_REGISTRY`, or null. */
  registry: string | null;
}

export interface HostTrustDeps {
  io: IO;
  prompter: Prompter;
  env: Env;
  note: (line: string) => void;
}

/** The confirmation for a host nobody named; it names the exact host that will receive the token. */
export const confirmEnterprise = (host: string): string => `Send your token to ${host} as your GitHub Enterprise Server? [y/N]`;

/**
 * Before any token is read: refuses a repository host that is not GitHub (offline, exit 2), and takes any other host
 * for a GitHub Enterprise Server only when the user says so (`--api-url` on it, `GH_HOST`, or Yes on a terminal,
 * default No; `--yes` does not answer this). Also refuses to go on when TLS verification is off and the token would
 * travel over https (exit 3). Resolves with the API URL to pass when the user confirmed a host here, else null.
 */
export async function trustRepositoryHosts(options: HostTrustOptions, deps: HostTrustDeps): Promise<string | null> {
  refuseBadVariable('GITHUB_API_URL', options.apiUrl, deps.env, parseApiUrl);
  refuseBadVariable('CRPAT_REGISTRY', options.registry, deps.env, parseRegistry);
  const hosts = [...new Set(options.hosts.map((host) => host.toLowerCase()))];
  const decisions = hosts.map((host) =>
    decideEndpoints({ host, apiUrl: options.apiUrl, registry: options.registry, enterpriseHost: nonEmpty(deps.env['GH_HOST']) }),
  );
  const refused = decisions.find((d) => d.kind === 'refused');
  if (refused) throw new UsageError(refused.reason);
  // Several hosts: the check refuses them (a token belongs to one host) before anything is sent.
  const [decision] = decisions;
  if (decisions.length !== 1 || !decision) return null;
  if (decision.kind === 'unconfirmed') {
    await confirm(decision, deps);
    refuseUnverifiedTls(decision, deps.env);
    return decision.apiUrl;
  }
  if (decision.kind !== 'trusted') return null;
  refuseUnverifiedTls(decision, deps.env);
  return options.apiUrl === null && isEnterprise(decision) ? decision.apiUrl : null;
}

/**
 * An endpoint the environment gave is refused under the variable's name: nothing on the command line says where a
 * bad value came from (a value equal to the variable's is taken to be it).
 */
function refuseBadVariable(name: string, value: string | null, env: Env, parse: (text: string) => { ok: true } | { ok: false; reason: string }): void {
  if (value === null || nonEmpty(env[name]) !== value) return;
  const parsed = parse(value);
  if (!parsed.ok) throw new UsageError(`${name} (from the environment): ${parsed.reason}`);
}

async function confirm(decision: Extract<TrustDecision, { kind: 'unconfirmed' }>, deps: HostTrustDeps): Promise<void> {
  const { host } = decision;
  if (!deps.io.canPrompt()) throw new UsageError(unconfirmedReason(host, decision.apiUrl));
  deps.note(
    `${host} is not github.com or a GHE.com host. As a GitHub Enterprise Server it would receive your token at ${decision.apiUrl} and ${registryOrigin(decision.registry)}.`,
  );
  const answer = await deps.prompter.confirm(confirmEnterprise(host), false);
  if (isCancelled(answer)) throw new CancelledError();
  if (!answer) throw new UsageError(`not confirmed, so nothing was sent to ${host}. ${unconfirmedReason(host, decision.apiUrl).replace(/^.*?If it is/, 'If it is')}`);
}

/** A trusted host other than github.com and GHE.com: named by `GH_HOST` (the library needs its API URL spelled out). */
function isEnterprise(decision: Extract<TrustDecision, { kind: 'trusted' }>): boolean {
  return decision.webUrl !== 'https://github.com' && !decision.webUrl.endsWith('.ghe.com');
}

/** With `NODE_TLS_REJECT_UNAUTHORIZED=0`, no token goes to an https endpoint: exit 3, nothing decided. */
function refuseUnverifiedTls(endpoints: { apiUrl: string; registry: string }, env: Env): void {
  if (!tlsVerificationDisabled(env)) return;
  const api = parseApiUrl(endpoints.apiUrl);
  const registry = parseRegistry(endpoints.registry);
  const https = (api.ok && api.value.protocol === 'https:') || (registry.ok && registry.value.origin.startsWith('https:'));
  if (https) throw new InconclusiveError(UNVERIFIED_TLS);
}

function registryOrigin(registry: string): string {
  const parsed = parseRegistry(registry);
  return parsed.ok ? parsed.value.origin : registry;
}

function nonEmpty(value: string | undefined): string | null {
  return value === undefined || value.trim() === '' ? null : value;
}

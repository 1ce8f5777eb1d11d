import { UsageError } from '../errors.js';
import { type ApiOutcome, type ApiRequest, createApiRequest } from '../github/client.js';
import { createGuardedFetch } from '../http/guarded-fetch.js';
import { defaultFetch } from '../http/node-fetch.js';
import { originOf } from '../http/origin.js';
import { VERSION } from '../version.js';
import { type Attempt, SecretsError, secretsErrorOf } from './errors.js';
import { DEFAULT_SECRET_NAME, validateSecretName } from './name.js';
import { type SecretsPublicKey, sealSecret } from './seal.js';

/** Where a secret lives: a repository (`owner` + `repo`) or, with `org`, an organization. */
export interface SecretPlace {
  /** REST API base URL, e.g. `https://api.github.com`. */
  apiUrl: string;
  /** The credential that reads and writes the secret (not necessarily the value stored). Never logged. */
  token: string;
  owner?: string;
  repo?: string;
  /** Store on this organization instead of a repository. */
  org?: string;
  /** @default 'CR_PAT' */
  name?: string;
  /** @default crpat's `node:https` transport (wrapped: HTTPS unless loopback, the credential only to the API host) */
  fetch?: typeof globalThis.fetch;
  /** Per-request timeout in seconds. @default 10 */
  timeoutSeconds?: number;
  /** Aborts the requests (Ctrl-C). */
  signal?: AbortSignal;
}

export interface SetActionsSecretOptions extends SecretPlace {
  /** The plaintext to store; sealed with the holder's public key before it leaves this process. */
  value: string;
  /**
   * Organization secrets: which repositories may read it. @default 'selected', which needs `selectedRepositories`:
   * `private` (every private repository of the organization) or `all` must be asked for by name.
   */
  visibility?: 'all' | 'private' | 'selected';
  /** Organization secrets: repository names (or `org/name`) for `visibility: 'selected'`; their ids are looked up. */
  selectedRepositories?: string[];
}

/** 201 when the secret was created, 204 when an existing one was updated (ledger github-api §7). */
export interface SetActionsSecretResult {
  status: 201 | 204;
  created: boolean;
}

/**
 * Creates or updates an Actions secret: reads the repository's or organization's public key, seals `value` with it
 * (libsodium sealed box) and PUTs `{encrypted_value, key_id}` (plus `visibility` and `selected_repository_ids` for an
 * organization). Rejects with `UsageError` for bad input and `SecretsError` when GitHub refuses.
 *
 * @example
 * await setActionsSecret({ apiUrl: 'https://api.github.com', token: adminToken, owner: 'acme', repo: 'api', value: crPat });
 */
export async function setActionsSecret(options: SetActionsSecretOptions): Promise<SetActionsSecretResult> {
  const session = open(options);
  const visibility = options.visibility ?? 'selected';
  if (session.org !== null && visibility === 'selected' && !options.selectedRepositories?.length) {
    throw new UsageError('an organization secret needs selectedRepositories, or visibility "private" or "all" said explicitly');
  }
  if (session.org === null && (options.visibility !== undefined || options.selectedRepositories !== undefined)) {
    throw new UsageError('visibility and selected repositories apply to organization secrets only');
  }
  if (session.org !== null && visibility !== 'selected' && options.selectedRepositories?.length) {
    throw new UsageError(`selected repositories need visibility "selected", not "${visibility}"`);
  }
  const key = await publicKey(session);
  const ids = session.org !== null && visibility === 'selected' ? await repositoryIds(session, session.org, options.selectedRepositories ?? []) : [];
  const body = { encrypted_value: await sealSecret(options.value, key.key), key_id: key.keyId };
  const params = session.org === null ? body : { ...body, visibility, ...(visibility === 'selected' ? { selected_repository_ids: ids } : {}) };
  const outcome = await session.api('PUT', `${session.base}/actions/secrets/{secret_name}`, { ...session.params, secret_name: session.name, ...params });
  if (isStatus(outcome, 201) || isStatus(outcome, 204)) return { status: outcome.status, created: outcome.status === 201 };
  throw secretsErrorOf(outcome, session.attempt(`store the secret ${session.name} on ${session.place}`));
}

/**
 * Whether the secret exists (GET the secret: 200 yes, 404 no). A 404 is also what a credential that cannot see the
 * repository gets, so on 404 the public key is read too: only when that works does "no" mean "no such secret".
 */
export async function secretExists(options: SecretPlace): Promise<boolean> {
  const session = open(options);
  const outcome = await session.api('GET', `${session.base}/actions/secrets/{secret_name}`, { ...session.params, secret_name: session.name });
  if (isStatus(outcome, 200)) return true;
  if (!isStatus(outcome, 404)) throw secretsErrorOf(outcome, session.attempt(`read the secret ${session.name} of ${session.place}`));
  await publicKey(session);
  return false;
}

interface Session {
  api: ApiRequest;
  name: string;
  org: string | null;
  /** `/repos/{owner}/{repo}` or `/orgs/{org}`, with `params` to fill it. */
  base: string;
  params: Record<string, string>;
  place: string;
  attempt(action: string): Attempt;
}

function open(options: SecretPlace): Session {
  const name = options.name ?? DEFAULT_SECRET_NAME;
  const checked = validateSecretName(name);
  if (!checked.ok) throw new UsageError(checked.reason);
  const fetch = createGuardedFetch({
    fetch: options.fetch ?? defaultFetch(),
    credentialOrigins: [originOf(options.apiUrl)],
    timeoutMs: Math.round((options.timeoutSeconds ?? 10) * 1000),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const api = createApiRequest({ apiUrl: options.apiUrl.replace(/\/+$/, ''), token: options.token, fetch, userAgent: `crpat/${VERSION}` });
  const org = options.org ?? null;
  if (org === null && (!options.owner || !options.repo)) throw new UsageError('give a repository (owner and repo) or an organization');
  const level = org === null ? 'repository' : 'organization';
  const place = org ?? `${options.owner}/${options.repo}`;
  const base = org === null ? '/repos/{owner}/{repo}' : '/orgs/{org}';
  const params: Record<string, string> = org === null ? { owner: options.owner ?? '', repo: options.repo ?? '' } : { org };
  return { api, name, org, base, params, place, attempt: (action) => ({ level, place, action }) };
}

async function publicKey(session: Session): Promise<SecretsPublicKey> {
  const outcome = await session.api('GET', `${session.base}/actions/secrets/public-key`, session.params);
  const body = isStatus(outcome, 200) ? (outcome.body as { key_id?: unknown; key?: unknown }) : null;
  if (body && typeof body.key_id === 'string' && typeof body.key === 'string') return { keyId: body.key_id, key: body.key };
  if (outcome.kind === 'response' && outcome.status === 200) {
    throw new SecretsError('unexpected', `GitHub's public key for ${session.place} has no key_id or key.`, 200);
  }
  throw secretsErrorOf(outcome, session.attempt(`read the public key of ${session.place}`));
}

/** `GET /repos/{org}/{name}` for each selected repository: the ids the org PUT wants. */
async function repositoryIds(session: Session, org: string, names: readonly string[]): Promise<number[]> {
  return Promise.all(
    names.map(async (given) => {
      const [first = '', ...rest] = given.split('/');
      if (rest.length > 0 && first.toLowerCase() !== org.toLowerCase()) {
        throw new UsageError(`${given} is not a repository of the organization ${org}`);
      }
      const name = rest.length > 0 ? rest.join('/') : first;
      const outcome = await session.api('GET', '/repos/{owner}/{repo}', { owner: org, repo: name });
      const id = isStatus(outcome, 200) ? (outcome.body as { id?: unknown }).id : undefined;
      if (typeof id === 'number') return id;
      throw secretsErrorOf(outcome, { level: 'repository', place: `${org}/${name}`, action: `look up the repository ${org}/${name}` });
    }),
  );
}

function isStatus<S extends number>(outcome: ApiOutcome, status: S): outcome is Extract<ApiOutcome, { kind: 'response' }> & { status: S } {
  return outcome.kind === 'response' && outcome.status === status;
}

import { NetError } from '../http/net-error.js';
import { isOnOrigin, originOf } from '../http/origin.js';
import { parseRetryNote, RETRY_HEADER } from '../http/retry.js';
import { isLoopbackHost, tryUrl } from '../destination/endpoints.js';
import { parseWwwAuthenticate } from './challenge.js';
import { parseRegistryErrors } from './error-body.js';
import type { RegistryMemo } from './memo.js';
import { refusalReason } from './refusal-reason.js';
import type { CancelOutcome, LoginOutcome, PushOutcome, Realm, RegistryRefusal } from './outcomes.js';

export interface RegistryClient {
  /** `https://ghcr.io` or `http://127.0.0.1:5000`. */
  origin: string;
  host: string;
  fetch: typeof globalThis.fetch;
  token: string;
  /** Origins that may receive the token (the API's and the registry's), compared by scheme, host and port. */
  credentialOrigins: readonly string[];
  /** What this run already learnt about registry hosts (realm, cancel support). Without it, every call asks again. */
  memo?: RegistryMemo;
}

// ghcr.io's challenge is known (ledger ghcr §1.1), so the /v2/ ping is skipped: one round trip fewer.
const KNOWN_REALMS: Record<string, Realm> = { 'ghcr.io': { url: 'https://ghcr.io/token', service: 'ghcr.io' } };

// ghcr.io answers 405 to a cancel and lets the empty session expire (ledger ghcr §3.2): the DELETE is not sent there.
const KNOWN_NO_CANCEL: Record<string, number> = { 'ghcr.io': 405 };

// ghcr ignores the Basic user name and reads the password (ledger ghcr §1.3); any non-empty name works.
// A fixed one lets the registry exchange start at once instead of waiting for GET /user.
const BASIC_USER = 'crpat';

/** Finds the token service and asks it for a `pull,push` token for `repository` (`owner/image`). */
export async function registryLogin(client: RegistryClient, repository: string): Promise<LoginOutcome> {
  const scope = `repository:${repository}:pull,push`;
  try {
    const known = KNOWN_REALMS[client.host];
    if (known) {
      const outcome = await requestToken(client, known, scope);
      // Neither a token, a refusal nor a server error: the token service may have moved, so ask the challenge.
      if (outcome.kind !== 'unexpected' || outcome.status === undefined || outcome.status >= 500) return outcome;
    }
    const discovered = await realmOf(client);
    if ('kind' in discovered) return discovered;
    return await requestToken(client, discovered, scope);
  } catch (error) {
    return { kind: 'network', error: asNetError(error) };
  }
}

/** The realm from the registry's challenge; with a memo, one `GET /v2/` per host and run, shared by concurrent callers. */
function realmOf(client: RegistryClient): Promise<Realm | LoginOutcome> {
  const memo = client.memo;
  if (!memo) return discoverRealm(client);
  let entry = memo.realms.get(client.host);
  if (!entry) {
    entry = discoverRealm(client);
    memo.realms.set(client.host, entry);
    // Only a realm is worth remembering: after any other answer the next target asks again.
    const forget = (): void => void memo.realms.delete(client.host);
    entry.then((found) => ('kind' in found ? forget() : undefined), forget);
  }
  return entry;
}

async function discoverRealm(client: RegistryClient): Promise<Realm | LoginOutcome> {
  const response = await client.fetch(`${client.origin}/v2/`, { headers: { accept: 'application/json' } });
  if (response.ok) return { kind: 'anonymous' };
  const challenge = parseWwwAuthenticate(response.headers.get('www-authenticate'));
  if (response.status !== 401 || !challenge.ok || challenge.value.scheme.toLowerCase() !== 'bearer' || !challenge.value.params.realm) {
    return { kind: 'unexpected', reason: `${client.host} answered GET /v2/ with HTTP ${response.status}${tries(response)} and no Bearer challenge` };
  }
  return { url: challenge.value.params.realm, service: challenge.value.params.service ?? null };
}

async function requestToken(client: RegistryClient, realm: Realm, scope: string): Promise<LoginOutcome> {
  const realmUrl = tryUrl(realm.url);
  const problem = realmUrl ? realmProblem(realmUrl, client.credentialOrigins) : `the token service address "${realm.url}" is not a URL`;
  if (problem || !realmUrl) return { kind: 'realm-refused', reason: problem ?? 'invalid realm' };
  if (realm.service) realmUrl.searchParams.set('service', realm.service);
  realmUrl.searchParams.set('scope', scope);
  const basic = Buffer.from(`${BASIC_USER}:${client.token}`).toString('base64');
  const response = await client.fetch(realmUrl, { headers: { authorization: `Basic ${basic}`, accept: 'application/json' } });
  const text = await response.text();
  if (response.status === 401 || response.status === 403) return { kind: 'refused', refusal: refusal(response, text), realm };
  if (response.status !== 200) return { kind: 'unexpected', reason: `the token service answered HTTP ${response.status}${tries(response)}`, status: response.status };
  const bearer = tokenFrom(text);
  if (!bearer) return { kind: 'unexpected', reason: 'the token service answered 200 without a token', status: 200 };
  return { kind: 'token', bearer, realm };
}

/**
 * The longest wait a 429 on the upload gets before the one retry; ghcr's waits are milliseconds
 * (docs/github-behaviour.md#ghcr-rate-limit). Without a wait in the message, one second.
 */
export const MAX_RATE_WAIT_MS = 5000;
const DEFAULT_RATE_WAIT_MS = 1000;

/**
 * Opens a blob upload (nothing is written), then cancels it where the registry allows. A 429 opened nothing, so the
 * upload is tried once more after the wait the registry named (bounded by MAX_RATE_WAIT_MS).
 */
export async function probePush(client: RegistryClient, repository: string, login: LoginOutcome): Promise<PushOutcome> {
  const first = await openUpload(client, repository, login);
  if (first.kind !== 'rate-limited') return first;
  const wait = first.waitMs ?? DEFAULT_RATE_WAIT_MS;
  if (wait > MAX_RATE_WAIT_MS) return first;
  await new Promise((resolve) => setTimeout(resolve, Math.ceil(wait)));
  const second = await openUpload(client, repository, login);
  return second.kind === 'rate-limited' ? { ...second, waitedMs: Math.ceil(wait) } : second;
}

async function openUpload(client: RegistryClient, repository: string, login: LoginOutcome): Promise<PushOutcome> {
  const bearer = login.kind === 'token' ? login.bearer : null;
  try {
    const response = await client.fetch(`${client.origin}/v2/${repository}/blobs/uploads/`, {
      method: 'POST',
      headers: { ...(bearer ? { authorization: `Bearer ${bearer}` } : {}), 'content-length': '0' },
      body: '',
    });
    const text = await response.text();
    if (response.status === 429) {
      const parsed = refusal(response, text);
      const reason = refusalReason(parsed);
      return { kind: 'rate-limited', refusal: parsed, waitMs: reason.kind === 'rate-limited' ? reason.waitMs : null, waitedMs: null };
    }
    if (response.status === 202) {
      const location = response.headers.get('location');
      if (!location) return { kind: 'unexpected', reason: 'the registry opened an upload but sent no Location' };
      const cancel = await cancelUpload(client, repository, location, login);
      return { kind: 'opened', cancel, location: new URL(location, client.origin).pathname };
    }
    const parsed = refusal(response, text);
    if (response.status === 401 || response.status === 403 || parsed.errors.some((e) => e.code.startsWith('NAME_'))) {
      return { kind: 'refused', refusal: parsed };
    }
    return { kind: 'unexpected', reason: `the registry answered the upload with HTTP ${response.status}${describe(parsed)}` };
  } catch (error) {
    return { kind: 'network', error: asNetError(error) };
  }
}

async function cancelUpload(client: RegistryClient, repository: string, location: string, login: LoginOutcome): Promise<CancelOutcome> {
  const target = new URL(location, client.origin);
  // The session must live on the registry's own origin: another port on the same machine is another service.
  if (originOf(target) !== originOf(client.origin)) {
    return { kind: 'not-cancelled', reason: `the upload session lives on ${target.origin}, not on the registry's origin; crpat sends no token there, so it is left to expire` };
  }
  const known = KNOWN_NO_CANCEL[client.host];
  if (known !== undefined) return { kind: 'skipped', status: known, because: 'known' };
  const memo = client.memo;
  const earlier = memo?.cancels.get(client.host);
  if (earlier) {
    const first = await earlier;
    if (first.kind === 'unsupported') return { kind: 'skipped', status: first.status, because: 'earlier' };
    return sendCancel(client, repository, target, login);
  }
  const outcome = sendCancel(client, repository, target, login);
  // Set before any await, so targets that reach their cancel meanwhile wait for this answer instead of sending their own.
  memo?.cancels.set(client.host, outcome);
  return outcome;
}

async function sendCancel(client: RegistryClient, repository: string, target: URL, login: LoginOutcome): Promise<CancelOutcome> {
  try {
    let response = await sendDelete(client, target, login.kind === 'token' ? login.bearer : null);
    // distribution needs the `delete` action to cancel (ledger ghcr §7.3): ask for it once, then retry.
    if (response.status === 401 && login.kind === 'token' && /\bdelete\b/.test(response.headers.get('www-authenticate') ?? '')) {
      const again = await requestToken(client, login.realm, `repository:${repository}:delete`);
      if (again.kind === 'token') response = await sendDelete(client, target, again.bearer);
    }
    if (response.status >= 200 && response.status < 300) return { kind: 'cancelled' };
    if (response.status === 405 || response.status === 404) return { kind: 'unsupported', status: response.status };
    return { kind: 'not-cancelled', reason: `the registry answered the cancel with HTTP ${response.status}; the session expires on its own` };
  } catch (error) {
    return { kind: 'not-cancelled', reason: `${asNetError(error).message}; the session expires on its own` };
  }
}

async function sendDelete(client: RegistryClient, target: URL, bearer: string | null): Promise<Response> {
  const response = await client.fetch(target, {
    method: 'DELETE',
    headers: { ...(bearer ? { authorization: `Bearer ${bearer}` } : {}), 'content-length': '0' },
  });
  await response.arrayBuffer();
  return response;
}

function realmProblem(realm: URL, credentialOrigins: readonly string[]): string | null {
  if (realm.protocol !== 'https:' && !(realm.protocol === 'http:' && isLoopbackHost(realm.hostname))) {
    return `the registry's token service ${realm.origin} is not HTTPS; crpat will not send your token there`;
  }
  if (!isOnOrigin(realm, credentialOrigins)) {
    return `the registry's token service is on ${realm.origin}, which is neither the API's origin nor the registry's (scheme, host and port); crpat will not send your token there`;
  }
  return null;
}

function refusal(response: Response, text: string): RegistryRefusal {
  const challenge = parseWwwAuthenticate(response.headers.get('www-authenticate'));
  return {
    status: response.status,
    errors: parseRegistryErrors(text),
    challengeError: challenge.ok ? (challenge.value.params.error ?? null) : null,
    requestId: response.headers.get('x-github-request-id'),
  };
}

function describe(refusal: RegistryRefusal): string {
  const first = refusal.errors[0];
  return first ? ` (${first.code}: ${first.message})` : '';
}

function tokenFrom(text: string): string | null {
  try {
    const body = JSON.parse(text) as { token?: unknown; access_token?: unknown };
    const value = body.token ?? body.access_token;
    return typeof value === 'string' && value.length > 0 ? value : null;
  } catch {
    return null;
  }
}

/** ` (3 attempts)` when the answer came only after retries (see withRetries), else nothing. */
function tries(response: Response): string {
  const note = parseRetryNote(response.headers.get(RETRY_HEADER));
  return note ? ` (${note.attempts} attempts)` : '';
}

function asNetError(error: unknown): NetError {
  return error instanceof NetError ? error : new NetError('network', error instanceof Error ? error.message : String(error));
}

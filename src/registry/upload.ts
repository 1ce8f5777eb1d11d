import { originOf } from '../http/origin.js';
import { asNetError, refusalOf, type RegistryClient } from './client.js';
import { requestToken } from './login.js';
import { refusalReason } from './refusal-reason.js';
import type { CancelOutcome, LoginOutcome, PushOutcome, RegistryRefusal } from './outcomes.js';

// ghcr.io answers 405 to a cancel and lets the empty session expire (ledger ghcr §3.2): the DELETE is not sent there.
const KNOWN_NO_CANCEL: Record<string, number> = { 'ghcr.io': 405 };

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
      const parsed = refusalOf(response, text);
      const reason = refusalReason(parsed);
      return { kind: 'rate-limited', refusal: parsed, waitMs: reason.kind === 'rate-limited' ? reason.waitMs : null, waitedMs: null };
    }
    if (response.status === 202) {
      const location = response.headers.get('location');
      if (!location) return { kind: 'unexpected', reason: 'the registry opened an upload but sent no Location' };
      const cancel = await cancelUpload(client, repository, location, login);
      return { kind: 'opened', cancel, location: new URL(location, client.origin).pathname };
    }
    const parsed = refusalOf(response, text);
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

function describe(refusal: RegistryRefusal): string {
  const first = refusal.errors[0];
  return first ? ` (${first.code}: ${first.message})` : '';
}

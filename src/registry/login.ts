import { isLoopbackHost, tryUrl } from '../destination/endpoints.js';
import { isOnOrigin } from '../http/origin.js';
import { parseWwwAuthenticate } from './challenge.js';
import { asNetError, attemptsNote, refusalOf, type RegistryClient } from './client.js';
import type { LoginOutcome, Realm } from './outcomes.js';

// ghcr.io's challenge is known (ledger ghcr §1.1), so the /v2/ ping is skipped: one round trip fewer.
const KNOWN_REALMS: Record<string, Realm> = { 'ghcr.io': { url: 'https://ghcr.io/token', service: 'ghcr.io' } };

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
    return { kind: 'unexpected', reason: `${client.host} answered GET /v2/ with HTTP ${response.status}${attemptsNote(response)} and no Bearer challenge` };
  }
  return { url: challenge.value.params.realm, service: challenge.value.params.service ?? null };
}

/** Asks the token service at `realm` for a token of `scope` (also the cancel's `delete` scope, upload.ts). */
export async function requestToken(client: RegistryClient, realm: Realm, scope: string): Promise<LoginOutcome> {
  const realmUrl = tryUrl(realm.url);
  const problem = realmUrl ? realmProblem(realmUrl, client.credentialOrigins) : `the token service address "${realm.url}" is not a URL`;
  if (problem || !realmUrl) return { kind: 'realm-refused', reason: problem ?? 'invalid realm' };
  if (realm.service) realmUrl.searchParams.set('service', realm.service);
  realmUrl.searchParams.set('scope', scope);
  const basic = Buffer.from(`${BASIC_USER}:${client.token}`).toString('base64');
  const response = await client.fetch(realmUrl, { headers: { authorization: `Basic ${basic}`, accept: 'application/json' } });
  const text = await response.text();
  if (response.status === 401 || response.status === 403) return { kind: 'refused', refusal: refusalOf(response, text), realm };
  if (response.status !== 200) return { kind: 'unexpected', reason: `the token service answered HTTP ${response.status}${attemptsNote(response)}`, status: response.status };
  const bearer = tokenFrom(text);
  if (!bearer) return { kind: 'unexpected', reason: 'the token service answered 200 without a token', status: 200 };
  return { kind: 'token', bearer, realm };
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

function tokenFrom(text: string): string | null {
  try {
    const body = JSON.parse(text) as { token?: unknown; access_token?: unknown };
    const value = body.token ?? body.access_token;
    return typeof value === 'string' && value.length > 0 ? value : null;
  } catch {
    return null;
  }
}

import { orgSecretsRefusal, repoSecretsRefusal, type SecretNeed, type SecretsRefusal } from '../access/secrets-access.js';
import { parseSecretPut, secretBody, secretNameProblem, type SecretPut } from '../bodies/secret-body.js';
import type { Ctx, Route } from '../http/context.js';
import { sendGitHubError, sendJson } from '../http/send.js';
import { DOCS, REST, SECRETS } from '../messages.js';
import { callerToken, type RepoRefusal, sendRepoRefusal } from './refusals.js';
import { keyPairFor, openSealed, publicKeyBase64, secretKey, type SimSecret } from '../secrets-state.js';
import { findOrg, findRepo, findRepoById, sameLogin, type SimOrg } from '../world.js';

/**
 * The Actions secrets endpoints (ledger github-api §7, OpenAPI `actions/*`): a real Curve25519 key pair per repository
 * or organization, sealed boxes opened with libsodium, plaintexts kept in `state.secrets` for tests. A renamed
 * repository answers 404 here rather than 301 [inferred: the PUT could not follow it anyway].
 */
const REPO = String.raw`^\/repos\/([^/]+)\/([^/]+)\/actions\/secrets\/`;
const ORG = String.raw`^\/orgs\/([^/]+)\/actions\/secrets\/`;
export const secretsRoutes: Route[] = [
  { method: 'GET', pattern: new RegExp(`${REPO}public-key$`), handle: (ctx, [o = '', r = '']) => publicKey(ctx, repoHolder(ctx, o, r, 'key', DOCS.repoPublicKey)) },
  { method: 'GET', pattern: new RegExp(`${REPO}([^/]+)$`), handle: (ctx, [o = '', r = '', n = '']) => getSecret(ctx, repoHolder(ctx, o, r, 'read', DOCS.repoSecret), n) },
  { method: 'PUT', pattern: new RegExp(`${REPO}([^/]+)$`), handle: (ctx, [o = '', r = '', n = '']) => putSecret(ctx, repoHolder(ctx, o, r, 'write', DOCS.putRepoSecret), n) },
  { method: 'GET', pattern: new RegExp(`${ORG}public-key$`), handle: (ctx, [org = '']) => publicKey(ctx, orgHolder(ctx, org, 'key', DOCS.orgPublicKey)) },
  { method: 'GET', pattern: new RegExp(`${ORG}([^/]+)$`), handle: (ctx, [org = '', n = '']) => getSecret(ctx, orgHolder(ctx, org, 'read', DOCS.orgSecret), n) },
  { method: 'PUT', pattern: new RegExp(`${ORG}([^/]+)$`), handle: (ctx, [org = '', n = '']) => putSecret(ctx, orgHolder(ctx, org, 'write', DOCS.putOrgSecret), n) },
];


/** Where secrets live: `key` names the key pair and the secrets' namespace in the state. */
interface Holder {
  level: SimSecret['level'];
  key: string;
  owner: string;
  repo: string | null;
  org: SimOrg | null;
  docs: string;
}

/** The repository as a holder, or null once the refusal has been sent. */
function repoHolder(ctx: Ctx, owner: string, name: string, need: SecretNeed, docs: string): Holder | null {
  ctx.res.setHeader('x-accepted-oauth-scopes', 'repo'); // OpenAPI: classic tokens need `repo`
  const repo = findRepo(ctx.state.world, owner, name);
  if (!repo) return refuse(ctx, { kind: 'view', view: { kind: 'not-found' } }, docs);
  const refusal = repoSecretsRefusal(ctx.state.world, repo, callerToken(ctx), need);
  if (refusal) return refuse(ctx, refusal, docs);
  return { level: 'repository', key: `repo:${repo.id}`, owner: repo.owner, repo: repo.name, org: null, docs };
}

function orgHolder(ctx: Ctx, login: string, need: SecretNeed, docs: string): Holder | null {
  ctx.res.setHeader('x-accepted-oauth-scopes', 'admin:org'); // OpenAPI: classic tokens need `admin:org`
  const org = findOrg(ctx.state.world, login);
  if (!org) return refuse(ctx, { kind: 'view', view: { kind: 'not-found' } }, docs);
  const refusal = orgSecretsRefusal(org, callerToken(ctx), need);
  if (refusal) return refuse(ctx, refusal, docs);
  return { level: 'organization', key: `org:${org.id}`, owner: org.login, repo: null, org, docs };
}

function refuse(ctx: Ctx, refusal: SecretsRefusal, docs: string): null {
  sendRefusal(ctx, refusal.kind === 'view' ? refusal.view : refusal, docs);
  return null;
}

function sendRefusal(ctx: Ctx, refusal: Exclude<SecretsRefusal, { kind: 'view' }> | RepoRefusal, docs: string): void {
  switch (refusal.kind) {
    case 'unauthenticated':
      return sendGitHubError(ctx, 401, REST.requiresAuthentication, docs);
    case 'forbidden': {
      const headers: Record<string, string> = refusal.accepted ? { 'x-accepted-github-permissions': refusal.accepted } : {};
      return sendGitHubError(ctx, 403, refusal.message, docs, headers);
    }
    default:
      return sendRepoRefusal(ctx, refusal, docs);
  }
}

/** 200 `actions-public-key`: `{key_id, key}` (ledger github-api §7, §10). */
async function publicKey(ctx: Ctx, holder: Holder | null): Promise<void> {
  if (!holder) return;
  const pair = await keyPairFor(ctx.state.secrets, holder.key);
  sendJson(ctx, 200, { key_id: pair.keyId, key: await publicKeyBase64(pair) });
}

/** 200 with the secret's metadata (never its value), 404 when there is none by that name. */
function getSecret(ctx: Ctx, holder: Holder | null, name: string): void {
  if (!holder) return;
  const secret = ctx.state.secrets.secrets.get(secretKey(holder.key, name));
  if (!secret) return sendGitHubError(ctx, 404, REST.notFound, holder.docs);
  sendJson(ctx, 200, secretBody(secret, ctx.state.apiUrl));
}

/** 201 `{}` when created, 204 when updated (ledger github-api §7); the sealed value is opened with the holder's key. */
async function putSecret(ctx: Ctx, holder: Holder | null, name: string): Promise<void> {
  if (!holder) return;
  const problem = secretNameProblem(name);
  if (problem) return sendGitHubError(ctx, 422, SECRETS.invalid(problem), holder.docs);
  const parsed = parseSecretPut(await readText(ctx), holder.level);
  if (!parsed.ok) {
    const message = parsed.status === 400 ? SECRETS.problemsParsingJson : SECRETS.invalid(parsed.reason);
    return sendGitHubError(ctx, parsed.status, message, holder.docs);
  }
  const body = parsed.value;
  const idProblem = holder.org ? selectedIdsProblem(ctx, holder.org, body) : null;
  if (idProblem) return sendGitHubError(ctx, 422, SECRETS.invalid(idProblem), holder.docs);
  const key = secretKey(holder.key, name);
  const existing = ctx.state.secrets.secrets.get(key);
  const value = await decrypt(ctx, holder, body, existing);
  if (value === null) return;
  const now = ctx.state.now();
  const visibility = holder.level === 'organization' ? (body.visibility ?? existing?.visibility ?? 'private') : null;
  ctx.state.secrets.secrets.set(key, {
    level: holder.level,
    owner: holder.owner,
    repo: holder.repo,
    name: name.toUpperCase(),
    value,
    visibility,
    selectedRepositoryIds: visibility === 'selected' ? (body.selectedRepositoryIds ?? existing?.selectedRepositoryIds ?? []) : [],
    createdAt: existing?.createdAt ?? now,
    updatedAt: now,
  });
  if (existing) {
    ctx.res.writeHead(204);
    return void ctx.res.end();
  }
  sendJson(ctx, 201, {});
}

/** The plaintext, or null once a 422 was sent. An org PUT without a value keeps the old one (visibility change). */
async function decrypt(ctx: Ctx, holder: Holder, body: SecretPut, existing: SimSecret | undefined): Promise<string | null> {
  const fail = (reason: string) => (sendGitHubError(ctx, 422, SECRETS.invalid(reason), holder.docs), null);
  if (body.encryptedValue === null || body.keyId === null) return existing ? existing.value : fail('"encrypted_value" wasn\'t supplied.');
  const pair = await keyPairFor(ctx.state.secrets, holder.key);
  if (body.keyId !== pair.keyId) return fail('"key_id" is not the id of the current public key.'); // [inferred]
  return (await openSealed(pair, body.encryptedValue)) ?? fail('"encrypted_value" could not be decrypted with this public key.'); // [inferred]
}

/** Selected repositories must be repositories of the organization [inferred]. */
function selectedIdsProblem(ctx: Ctx, org: SimOrg, body: SecretPut): string | null {
  const unknown = (body.selectedRepositoryIds ?? []).filter((id) => {
    const repo = findRepoById(ctx.state.world, id);
    return !repo || !sameLogin(repo.owner, org.login);
  });
  return unknown.length > 0 ? `Repository ids not in ${org.login}: ${unknown.join(', ')}.` : null;
}

const MAX_BODY = 1024 * 1024;

async function readText(ctx: Ctx): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of ctx.req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY) throw new Error('request body too large');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

import { decideProbeAccess, type ProbeAccess, type ProbeLevel } from '../access/probe-access.js';
import type { Ctx, Route } from '../http/context.js';
import { sendGitHubError, sendJson } from '../http/send.js';
import { REST } from '../messages.js';
import { callerToken, sendRepoRefusal } from './refusals.js';
import { findRepo, type SimRepo } from '../world.js';

/**
 * The endpoints crpat's capability probes call (src/capabilities/probes.ts; the package reads of the GITHUB_TOKEN
 * advice are packages.ts). Each answers per the world's grants (access/probe-access.ts), permission check first, then the
 * target (404) or the body (422), as the probes rely on.
 *
 * The world models no git objects, workflows, deployments or environments, so nothing here can be written: a request
 * that passes both checks gets 501 from the simulator (a simulator answer, not GitHub's), which the probe tests treat
 * as a failure: a probe must never send a request that could succeed.
 *
 * Messages: `Not Found`, `Requires authentication` (ledger github-api §2.4, §3); validation failures use GitHub's
 * schema-validation form `Invalid request.\n\n"<field>" wasn't supplied.` ([report] octokit/octokit.rb #992 and
 * lowlighter/metrics #21 for `"sha" wasn't supplied.`; for a body missing several fields the first is named
 * [inferred]); `documentation_url` is each operation's OpenAPI `externalDocs` URL.
 */

const PROBE_DOCS = {
  createBlob: 'https://docs.github.com/rest/git/blobs#create-a-blob',
  listCommits: 'https://docs.github.com/rest/commits/commits#list-commits',
  dispatch: 'https://docs.github.com/rest/actions/workflows#create-a-workflow-dispatch-event',
  listWorkflows: 'https://docs.github.com/rest/actions/workflows#list-repository-workflows',
  createDeployment: 'https://docs.github.com/rest/deployments/deployments#create-a-deployment',
  listDeployments: 'https://docs.github.com/rest/deployments/deployments#list-deployments',
  createEnvVariable: 'https://docs.github.com/rest/actions/variables#create-an-environment-variable',
  listEnvVariables: 'https://docs.github.com/rest/actions/variables#list-environment-variables',
} as const;

export const PROBE_MESSAGES = {
  /** [report] octokit/octokit.rb #992 form; the field named is the first required one missing */
  notSupplied: (field: string) => `Invalid request.\n\n"${field}" wasn't supplied.`,
  /** [inferred] GitHub's answer to a body that is not JSON */
  problemsParsingJson: 'Problems parsing JSON',
  /** Not GitHub's: the simulator models no writes (see the module comment). */
  notModelled: 'The crpat simulator does not model this write; a capability probe must never get here.',
} as const;

const REPO = String.raw`^\/repos\/([^/]+)\/([^/]+)`;

interface Endpoint {
  permission: string;
  level: ProbeLevel;
  docs: string;
}

const ENDPOINTS = {
  createBlob: { permission: 'contents', level: 'write', docs: PROBE_DOCS.createBlob },
  listCommits: { permission: 'contents', level: 'read', docs: PROBE_DOCS.listCommits },
  dispatch: { permission: 'actions', level: 'write', docs: PROBE_DOCS.dispatch },
  listWorkflows: { permission: 'actions', level: 'read', docs: PROBE_DOCS.listWorkflows },
  createDeployment: { permission: 'deployments', level: 'write', docs: PROBE_DOCS.createDeployment },
  listDeployments: { permission: 'deployments', level: 'read', docs: PROBE_DOCS.listDeployments },
  // [inferred] `environments` alone: the docs data pairs it with `actions_variables` without saying "and" or "or";
  // a marketplace action documents "environments (read/write) - To set environment-level secrets and variables".
  createEnvVariable: { permission: 'environments', level: 'write', docs: PROBE_DOCS.createEnvVariable },
  listEnvVariables: { permission: 'environments', level: 'read', docs: PROBE_DOCS.listEnvVariables },
} as const satisfies Record<string, Endpoint>;

export const probesRoutes: Route[] = [
  { method: 'POST', pattern: new RegExp(`${REPO}/git/blobs$`), handle: (ctx, [o = '', r = '']) => createBlob(ctx, o, r) },
  { method: 'GET', pattern: new RegExp(`${REPO}/commits$`), handle: (ctx, [o = '', r = '']) => list(ctx, o, r, ENDPOINTS.listCommits, []) },
  { method: 'POST', pattern: new RegExp(`${REPO}/actions/workflows/([^/]+)/dispatches$`), handle: (ctx, [o = '', r = '']) => dispatch(ctx, o, r) },
  {
    method: 'GET',
    pattern: new RegExp(`${REPO}/actions/workflows$`),
    handle: (ctx, [o = '', r = '']) => list(ctx, o, r, ENDPOINTS.listWorkflows, { total_count: 0, workflows: [] }),
  },
  { method: 'POST', pattern: new RegExp(`${REPO}/deployments$`), handle: (ctx, [o = '', r = '']) => createDeployment(ctx, o, r) },
  { method: 'GET', pattern: new RegExp(`${REPO}/deployments$`), handle: (ctx, [o = '', r = '']) => list(ctx, o, r, ENDPOINTS.listDeployments, []) },
  { method: 'POST', pattern: new RegExp(`${REPO}/environments/([^/]+)/variables$`), handle: (ctx, [o = '', r = '']) => environmentVariables(ctx, o, r, ENDPOINTS.createEnvVariable) },
  { method: 'GET', pattern: new RegExp(`${REPO}/environments/([^/]+)/variables$`), handle: (ctx, [o = '', r = '']) => environmentVariables(ctx, o, r, ENDPOINTS.listEnvVariables) },
];

/** The repository once the caller passed the permission check; null once a refusal was sent. */
function admit(ctx: Ctx, owner: string, name: string, endpoint: Endpoint): SimRepo | null {
  // [inferred] the header names the endpoint's permission on every answer, like x-accepted-oauth-scopes (ledger github-api §2.3)
  ctx.res.setHeader('x-accepted-github-permissions', `${endpoint.permission}=${endpoint.level}`);
  const repo = findRepo(ctx.state.world, owner, name);
  if (!repo) return refuse(ctx, { kind: 'not-found' }, endpoint.docs);
  const access = decideProbeAccess(ctx.state.world, repo, callerToken(ctx), endpoint.permission, endpoint.level);
  return access.kind === 'allowed' ? repo : refuse(ctx, access, endpoint.docs);
}

function refuse(ctx: Ctx, access: Exclude<ProbeAccess, { kind: 'allowed' }>, docs: string): null {
  switch (access.kind) {
    case 'unauthenticated':
      sendGitHubError(ctx, 401, REST.requiresAuthentication, docs);
      break;
    case 'not-found':
      sendGitHubError(ctx, 404, REST.notFound, docs);
      break;
    case 'forbidden':
      sendGitHubError(ctx, 403, access.message, docs);
      break;
    case 'view':
      sendRepoRefusal(ctx, access.view, docs);
      break;
  }
  return null;
}

function list(ctx: Ctx, owner: string, name: string, endpoint: Endpoint, empty: unknown): void {
  if (!admit(ctx, owner, name, endpoint)) return;
  sendJson(ctx, 200, empty); // the world models no commits, workflows or deployments [inferred]: an empty list
}

/** POST git/blobs: `content` is required (OpenAPI git/create-blob). */
async function createBlob(ctx: Ctx, owner: string, name: string): Promise<void> {
  if (!admit(ctx, owner, name, ENDPOINTS.createBlob)) return;
  const body = await readJson(ctx, ENDPOINTS.createBlob.docs);
  if (body === undefined) return;
  if (typeof body['content'] !== 'string') return sendGitHubError(ctx, 422, PROBE_MESSAGES.notSupplied('content'), ENDPOINTS.createBlob.docs);
  notModelled(ctx);
}

/** POST …/workflows/{id}/dispatches: the world has no workflows, so every id is unknown (404). */
function dispatch(ctx: Ctx, owner: string, name: string): void {
  if (!admit(ctx, owner, name, ENDPOINTS.dispatch)) return;
  sendGitHubError(ctx, 404, REST.notFound, ENDPOINTS.dispatch.docs);
}

/** POST deployments: `ref` is required (OpenAPI repos/create-deployment, 422 validation_failed). */
async function createDeployment(ctx: Ctx, owner: string, name: string): Promise<void> {
  if (!admit(ctx, owner, name, ENDPOINTS.createDeployment)) return;
  const body = await readJson(ctx, ENDPOINTS.createDeployment.docs);
  if (body === undefined) return;
  if (typeof body['ref'] !== 'string') return sendGitHubError(ctx, 422, PROBE_MESSAGES.notSupplied('ref'), ENDPOINTS.createDeployment.docs);
  notModelled(ctx);
}

/** GET/POST environments/{name}/variables: the world has no environments, so every name is unknown (404). */
function environmentVariables(ctx: Ctx, owner: string, name: string, endpoint: Endpoint): void {
  if (!admit(ctx, owner, name, endpoint)) return;
  sendGitHubError(ctx, 404, REST.notFound, endpoint.docs);
}

function notModelled(ctx: Ctx): void {
  sendJson(ctx, 501, { message: PROBE_MESSAGES.notModelled });
}

const MAX_BODY = 64 * 1024;

/** The JSON object body, or undefined once a 400 was sent. An empty body reads as `{}`. */
async function readJson(ctx: Ctx, docs: string): Promise<Record<string, unknown> | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of ctx.req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY) throw new Error('request body too large');
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8').trim();
  if (text === '') return {};
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
  } catch {
    // fall through
  }
  sendGitHubError(ctx, 400, PROBE_MESSAGES.problemsParsingJson, docs);
  return undefined;
}

import type { CapabilityName } from './capability.js';

/**
 * The requests that establish a fine-grained token's repository permissions (issue 6). GitHub has no API that lists a
 * fine-grained token's permissions, so each permission is read off how GitHub answers one request:
 *
 * - a read permission: a GET the permission governs (200 = granted, 403 = denied);
 * - a write permission: a request that must pass GitHub's permission check and then fail, on a target that cannot
 *   exist or with a body that cannot validate: 403 `Resource not accessible by personal access token` = denied
 *   (ledger github-api §3, §10); 404 (no such target) or 422 (validation failed) = the check was passed, so granted.
 *
 * The 403-before-validation order is what public token analyzers rely on: trufflesecurity/trufflehog
 * pkg/analyzer/analyzers/github/finegrained/finegrained.go (e.g. a workflow dispatch on a random file name: "403 →
 * read only, 404 → write"; a deployment with an empty body: "403 → read, 409/422 → write"). Gato-X
 * (AdnaneKhan/Gato-X, gatox/enumerate FineGrainedEnumerator.probe_write_access) creates a real blob instead; crpat
 * never sends a body that could validate.
 *
 * Which permission each endpoint needs: github/docs src/github-apps/data/fpt-2022-11-28/fine-grained-pat-permissions.json
 * ("permissions required for fine-grained personal access tokens"); request schemas and statuses: the OpenAPI
 * description in @octokit/openapi 23.0.2 (generated/api.github.com.json).
 *
 * Path templates: `{owner}` and `{repo}` are the target, `{random}` a fresh random name per run (`crpat-probe-` + 32
 * hex digits), percent-encoded by the runner.
 */

export type ProbeMethod = 'GET' | 'POST';

export interface Probe {
  /** Unique id, e.g. `contents:write`. */
  id: string;
  capability: CapabilityName;
  /** The fine-grained permission and level the endpoint requires, per the docs data above. */
  permission: string;
  level: 'read' | 'write';
  /**
   * Whether the docs list this permission alone for the endpoint (`additional-permissions: []`). When not, a 403 may
   * be about the other permission: denied only if `X-Accepted-GitHub-Permissions` names a set of ours alone.
   */
  alone: boolean;
  method: ProbeMethod;
  path: string;
  /** JSON body for a POST; null for a GET. */
  body: Record<string, unknown> | null;
  expect: { granted: readonly number[]; denied: readonly number[] };
  /** Why this request cannot change anything (for a GET: that it is a read). */
  cannotWrite: string;
  source: string;
}

const OPENAPI = '@octokit/openapi 23.0.2 generated/api.github.com.json';
const DOCS_DATA = 'github/docs src/github-apps/data/fpt-2022-11-28/fine-grained-pat-permissions.json';
const TRUFFLEHOG = 'trufflesecurity/trufflehog pkg/analyzer/analyzers/github/finegrained/finegrained.go';

export const CONTENTS_WRITE: Probe = {
  id: 'contents:write',
  capability: 'contents:write',
  permission: 'contents',
  level: 'write',
  alone: true,
  method: 'POST',
  path: '/repos/{owner}/{repo}/git/blobs',
  body: {},
  // 422: `content` is required (OpenAPI git/create-blob lists 422 "Validation failed"); 403: no contents write.
  expect: { granted: [422], denied: [403] },
  cannotWrite:
    'The body has no `content`, which the OpenAPI marks required, so no blob can be created; and a blob, even if one ' +
    'were created, is an unreferenced object: no branch, tag, commit or file changes.',
  source: `${DOCS_DATA} (contents: "create-a-blob", POST /repos/{owner}/{repo}/git/blobs, write, no additional permission); ${OPENAPI} git/create-blob (required: content; responses 201, 403, 404, 409, 422); write-probe pattern: ${TRUFFLEHOG} getContentsPermission (invalid payload: 403 = read only, 400/422 = write)`,
};

export const CONTENTS_READ: Probe = {
  id: 'contents:read',
  capability: 'contents:write',
  permission: 'contents',
  level: 'read',
  alone: true,
  method: 'GET',
  path: '/repos/{owner}/{repo}/commits?per_page=1',
  body: null,
  // 409: an empty repository (OpenAPI repos/list-commits lists 409; trufflehog counts it as read access).
  expect: { granted: [200, 409], denied: [403] },
  cannotWrite: 'A GET: it reads one commit.',
  source: `${DOCS_DATA} (contents: "list-commits", read); ${OPENAPI} repos/list-commits (responses 200, 400, 404, 409, 500); ${TRUFFLEHOG} getContentsPermission`,
};

export const ACTIONS_WRITE: Probe = {
  id: 'actions:write',
  capability: 'actions:write',
  permission: 'actions',
  level: 'write',
  alone: true,
  method: 'POST',
  path: '/repos/{owner}/{repo}/actions/workflows/{random}.yml/dispatches',
  body: {},
  // 404: no workflow with that file name; 422: `ref` missing. Either means the permission check was passed.
  expect: { granted: [404, 422], denied: [403] },
  cannotWrite:
    'The workflow file name is random, so no workflow exists to run; and the body has no `ref`, which the OpenAPI ' +
    'marks required, so no run could be dispatched even if such a workflow existed.',
  source: `${DOCS_DATA} (actions: "create-a-workflow-dispatch-event", write, no additional permission); ${OPENAPI} actions/create-workflow-dispatch (required: ref; the file name may replace the id); ${TRUFFLEHOG} getActionsPermission (random workflow file name: 403 = no write, 404 = write)`,
};

export const ACTIONS_READ: Probe = {
  id: 'actions:read',
  capability: 'actions:write',
  permission: 'actions',
  level: 'read',
  alone: true,
  method: 'GET',
  path: '/repos/{owner}/{repo}/actions/workflows?per_page=1',
  body: null,
  expect: { granted: [200], denied: [403] },
  cannotWrite: 'A GET: it lists at most one workflow.',
  source: `${DOCS_DATA} (actions: "list-repository-workflows", read); ${OPENAPI} actions/list-repo-workflows`,
};

export const DEPLOYMENTS_WRITE: Probe = {
  id: 'deployments:write',
  capability: 'deployments:write',
  permission: 'deployments',
  level: 'write',
  alone: true,
  method: 'POST',
  path: '/repos/{owner}/{repo}/deployments',
  body: {},
  // 422 validation_failed (OpenAPI); 409 is listed for merge conflicts/status checks, after the permission check.
  expect: { granted: [409, 422], denied: [403] },
  cannotWrite:
    'The body has no `ref`, which the OpenAPI marks required: with nothing to deploy no deployment is created, and no ' +
    'auto-merge runs (auto_merge acts on the ref being deployed).',
  source: `${DOCS_DATA} (deployments: "create-a-deployment", write, no additional permission); ${OPENAPI} repos/create-deployment (required: ref; responses 201, 202, 409, 422); ${TRUFFLEHOG} getDeploymentsPermission (empty body: 403 = read, 409/422 = write)`,
};

export const DEPLOYMENTS_READ: Probe = {
  id: 'deployments:read',
  capability: 'deployments:write',
  permission: 'deployments',
  level: 'read',
  alone: true,
  method: 'GET',
  path: '/repos/{owner}/{repo}/deployments?per_page=1',
  body: null,
  expect: { granted: [200], denied: [403] },
  cannotWrite: 'A GET: it lists at most one deployment.',
  source: `${DOCS_DATA} (deployments: "list-deployments", read); ${OPENAPI} repos/list-deployments`,
};

/**
 * Every Environments endpoint takes an environment name and is listed with an additional permission (secrets or
 * `actions_variables`) in the docs data, which does not say whether both are required or either suffices. So a
 * denial counts only when `X-Accepted-GitHub-Permissions` offers `environments` alone; otherwise it is unknown.
 */
export const ENVIRONMENTS_WRITE: Probe = {
  id: 'environments:write',
  capability: 'environments:write',
  permission: 'environments',
  level: 'write',
  alone: false,
  method: 'POST',
  path: '/repos/{owner}/{repo}/environments/{random}/variables',
  body: {},
  // 404: no environment by that name; 422: `name` and `value` missing.
  expect: { granted: [404, 422], denied: [403] },
  cannotWrite:
    'The environment name is random, so there is no environment to hold a variable (a variable is created only in an ' +
    'existing environment); and the body has neither `name` nor `value`, both required by the OpenAPI.',
  source: `${DOCS_DATA} (environments: "create-an-environment-variable", write, additional permission actions_variables); ${OPENAPI} actions/create-environment-variable (required: name, value); write-probe pattern: ${TRUFFLEHOG} getEnvironmentsPermission (403 = read, 422 = write)`,
};

export const ENVIRONMENTS_READ: Probe = {
  id: 'environments:read',
  capability: 'environments:write',
  permission: 'environments',
  level: 'read',
  alone: false,
  method: 'GET',
  path: '/repos/{owner}/{repo}/environments/{random}/variables?per_page=1',
  body: null,
  // 404: no environment by that name (the permission check was passed).
  expect: { granted: [200, 404], denied: [403] },
  cannotWrite: 'A GET on an environment that does not exist.',
  source: `${DOCS_DATA} (environments: "list-environment-variables", read, additional permission actions_variables); ${OPENAPI} actions/list-environment-variables`,
};

/** The write probe of each capability and the read probe sent when the write one is denied (to say "read only"). */
export interface ProbePair {
  capability: CapabilityName;
  write: Probe;
  read: Probe;
}

export const PROBE_PAIRS: readonly ProbePair[] = [
  { capability: 'contents:write', write: CONTENTS_WRITE, read: CONTENTS_READ },
  { capability: 'actions:write', write: ACTIONS_WRITE, read: ACTIONS_READ },
  { capability: 'deployments:write', write: DEPLOYMENTS_WRITE, read: DEPLOYMENTS_READ },
  { capability: 'environments:write', write: ENVIRONMENTS_WRITE, read: ENVIRONMENTS_READ },
];

/** Every probe, for tests and documentation. */
export const ALL_PROBES: readonly Probe[] = PROBE_PAIRS.flatMap((pair) => [pair.write, pair.read]);

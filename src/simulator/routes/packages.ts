import { canWritePackage } from '../access/push-decision.js';
import { roleOnFullName } from '../access/roles.js';
import { hasScope } from '../access/scopes.js';
import { fullRepositoryBody } from '../bodies/repo-body.js';
import { simpleUserBody } from '../bodies/user-body.js';
import type { Ctx, Route } from '../http/context.js';
import { sendGitHubError, sendJson } from '../http/send.js';
import { REST } from '../messages.js';
import { callerToken } from './refusals.js';
import { seededInt } from '../tokens.js';
import { findAccount, findOrg, findPackage, findRepo, sameLogin, type SimPackage } from '../world.js';

/** The packages REST API reads of the GITHUB_TOKEN advice (src/pipeline/advise-github-token.ts). */

const PACKAGE_DOCS = {
  orgPackage: 'https://docs.github.com/rest/packages/packages#get-a-package-for-an-organization',
  userPackage: 'https://docs.github.com/rest/packages/packages#get-a-package-for-a-user',
  ownPackage: 'https://docs.github.com/rest/packages/packages#get-a-package-for-the-authenticated-user',
} as const;

const PACKAGE_MESSAGES = {
  /** ledger ghcr §5.3 */
  packageNotFound: 'Package not found.',
  /** ledger ghcr §5.3 */
  readPackagesScope: 'You need at least read:packages scope to get a package.',
} as const;

export const packagesRoutes: Route[] = [
  { method: 'GET', pattern: /^\/orgs\/([^/]+)\/packages\/container\/([^/]+)$/, handle: (ctx, [org = '', name = '']) => getPackage(ctx, org, name, 'org') },
  { method: 'GET', pattern: /^\/users\/([^/]+)\/packages\/container\/([^/]+)$/, handle: (ctx, [user = '', name = '']) => getPackage(ctx, user, name, 'user') },
  { method: 'GET', pattern: /^\/user\/packages\/container\/([^/]+)$/, handle: (ctx, [name = '']) => getOwnPackage(ctx, name) },
];

/**
 * The packages API (ledger ghcr §5): classic/OAuth tokens need `read:packages` (403 with GitHub's message otherwise);
 * an absent package and one the caller may not see are both 404 `Package not found.`. Installation tokens: single
 * reads "often 404" (ledger ghcr §5.3) → 404. Fine-grained tokens: "you must authenticate using a personal access
 * token (classic)" (ledger ghcr §5.2); the refusal's form is not documented: 403 `Resource not accessible by personal
 * access token` [inferred].
 */
function getPackage(ctx: Ctx, namespace: string, name: string, kind: 'org' | 'user'): void {
  const docs = kind === 'org' ? PACKAGE_DOCS.orgPackage : PACKAGE_DOCS.userPackage;
  const isOrg = findOrg(ctx.state.world, namespace) !== undefined;
  if (isOrg !== (kind === 'org')) return sendGitHubError(ctx, 404, PACKAGE_MESSAGES.packageNotFound, docs); // [inferred]
  answerPackage(ctx, namespace, name, docs);
}

function getOwnPackage(ctx: Ctx, name: string): void {
  const token = callerToken(ctx);
  if (!token) return sendGitHubError(ctx, 401, REST.requiresAuthentication, PACKAGE_DOCS.ownPackage);
  answerPackage(ctx, token.user, name, PACKAGE_DOCS.ownPackage);
}

function answerPackage(ctx: Ctx, namespace: string, name: string, docs: string): void {
  const token = callerToken(ctx);
  if (!token) return sendGitHubError(ctx, 401, REST.requiresAuthentication, docs); // [inferred]
  if (token.kind === 'fine-grained') return sendGitHubError(ctx, 403, 'Resource not accessible by personal access token', docs);
  if ((token.kind === 'classic' || token.kind === 'oauth') && !hasScope(token.scopes, 'read:packages')) {
    return sendGitHubError(ctx, 403, PACKAGE_MESSAGES.readPackagesScope, docs);
  }
  const pkg = findPackage(ctx.state.world, `${namespace}/${name}`);
  if (!pkg || token.kind === 'server-to-server' || !canReadPackage(ctx, pkg, token.user)) {
    return sendGitHubError(ctx, 404, PACKAGE_MESSAGES.packageNotFound, docs);
  }
  sendJson(ctx, 200, packageBody(ctx, pkg));
}

/** Public, or the user may write it, or reads the repository it inherits from (ledger ghcr §4.3) [inferred for reads]. */
function canReadPackage(ctx: Ctx, pkg: SimPackage, login: string): boolean {
  if (pkg.visibility === 'public' || canWritePackage(ctx.state.world, pkg, login)) return true;
  return pkg.inheritsFrom !== undefined && roleOnFullName(ctx.state.world, pkg.inheritsFrom, login) !== null;
}

/** The OpenAPI `package` schema; `repository` is the linked repository or null (ledger ghcr §5.3). */
function packageBody(ctx: Ctx, pkg: SimPackage) {
  const { world, apiUrl } = ctx.state;
  const owner = findAccount(world, pkg.owner);
  if (!owner) throw new Error(`package ${pkg.owner}/${pkg.name} has no owner in the world`);
  const kind = owner.type === 'Organization' ? 'orgs' : 'users';
  const encoded = encodeURIComponent(pkg.name);
  const [linkedOwner = '', ...linkedRest] = (pkg.inheritsFrom ?? '').split('/');
  const linked = pkg.inheritsFrom ? findRepo(world, linkedOwner, linkedRest.join('/')) : undefined;
  const linkedOwnerAccount = linked ? findAccount(world, linked.owner) : undefined;
  return {
    id: seededInt(`package:${pkg.owner}/${pkg.name}`, 1, 90_000_000),
    name: pkg.name,
    package_type: 'container',
    owner: simpleUserBody(owner, apiUrl),
    version_count: 1,
    visibility: pkg.visibility ?? 'private',
    url: `${apiUrl}/${kind}/${owner.login}/packages/container/${encoded}`,
    html_url: `https://github.com/${kind}/${owner.login}/packages/container/package/${encoded}`,
    repository: linked && linkedOwnerAccount && sameLogin(linked.owner, linkedOwnerAccount.login) ? fullRepositoryBody(linked, linkedOwnerAccount, apiUrl, null) : null,
    created_at: '2020-05-19T22:19:11Z',
    updated_at: '2020-05-19T22:19:11Z',
  };
}

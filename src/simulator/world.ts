import type { TokenKind } from '../types.js';

/**
 * The simulator's state: who exists, what they may do, which tokens GitHub has issued. Plain data, so a test can
 * build or tweak a world by hand; the decisions live in `access/*.ts` as pure functions over it.
 */

/** A collaborator's role on a repository (ledger github-api §3: `permissions` mirrors it). */
export type Role = 'read' | 'triage' | 'write' | 'maintain' | 'admin';

export interface SimUser {
  login: string;
  id: number;
  name?: string | null;
  /**
   * An Enterprise Managed User of this enterprise (login `name_shortcode`): no package namespace of its own, and no
   * access outside the enterprise (docs/github-behaviour.md#enterprise-managed-users).
   */
  managedBy?: string;
}

export interface SimOrg {
  login: string;
  id: number;
  /** SAML SSO enforced: classic/OAuth tokens of members must be authorized per org (ledger github-api §4.4). */
  ssoEnforced: boolean;
  /** "Restrict access via personal access tokens (classic)" (ledger github-api §4.1). */
  forbidsClassicTokens: boolean;
  /** Maximum lifetime of fine-grained tokens, in days (docs/github-behaviour.md#token-lifetime-policy). */
  fineGrainedMaxLifetimeDays?: number;
  /**
   * Maximum lifetime of classic tokens, set by the organization or by its enterprise (`by` names which, `name` is
   * the organization's login or the enterprise's name); applies to public repositories too
   * (docs/github-behaviour.md#classic-token-lifetime-policy).
   */
  classicMaxLifetime?: { days: number; by: 'organization' | 'enterprise'; name: string };
  /** An IP allow list no simulator caller is on (docs/github-behaviour.md#ip-allow-list). */
  ipAllowList?: boolean;
  /** The enterprise this organization belongs to (its managed users may use it). */
  enterprise?: string;
  members: string[];
  /** Members with the owner role: they may manage org Actions secrets (ledger github-api §7). @default none */
  admins?: string[];
}

export interface SimRepo {
  owner: string;
  name: string;
  id: number;
  private: boolean;
  /** @default 'private' when `private`, else 'public' */
  visibility?: 'public' | 'private' | 'internal';
  /** Login → role. The owner of a user-owned repository is implicitly `admin`. */
  collaborators: Record<string, Role>;
  /** Former name (same owner): `GET /repos/<owner>/<renamedFrom>` answers 301 (ledger github-api §3, §9.13). */
  renamedFrom?: string;
  description?: string | null;
}

/** A container package that already exists on ghcr (ledger ghcr §4.3). */
export interface SimPackage {
  /** User or org login (the namespace). */
  owner: string;
  /** Package name; may contain `/`. */
  name: string;
  /** Users granted Write (or Admin) on the package itself, whatever their repository role. */
  writers: string[];
  /** `owner/name` of a linked repository whose access the package inherits. */
  inheritsFrom?: string;
  /** Repositories (`owner/name`) granted Write under "Manage Actions access". */
  actionsAccess?: string[];
  /** Repositories granted only Read there: a GITHUB_TOKEN of theirs still gets `write_package`. */
  actionsRead?: string[];
  /** Anonymous pulls work only for public packages (ledger ghcr §1.3). @default 'private' */
  visibility?: 'public' | 'private';
}

/** What a fine-grained PAT was created with (ledger github-api §4.2, §5). */
export interface FineGrainedGrant {
  resourceOwner: string;
  /** `'all'` or full names `owner/name`. */
  repositories: 'all' | string[];
  permissions: Record<string, 'read' | 'write'>;
  /** Awaiting org approval: only public resources are readable (ledger github-api §4.2). */
  pendingApproval?: boolean;
}

/** What a GitHub App installation token (`ghs_`) may touch. */
export interface InstallationGrant {
  /** The app's id, part of a 2026-format token; 15368 for the Actions `GITHUB_TOKEN`. @default seeded */
  appId?: number;
  /** Full names `owner/name`. */
  repositories: string[];
  permissions: Record<string, 'read' | 'write'>;
  /** An Actions `GITHUB_TOKEN` (may create packages) rather than a third-party app (ledger ghcr §4.1, §8). */
  actions?: boolean;
}

export type SimTokenKind = Exclude<TokenKind, 'unknown'>;

/** A credential GitHub has issued. */
export interface SimToken {
  /** Stable name used by scenarios and tests, e.g. `octocat-classic-push`. */
  label: string;
  value: string;
  kind: SimTokenKind;
  /** Login of the token's user (for `ghs_`, the app's bot login). */
  user: string;
  /** Classic/OAuth scopes as created (normalized when reported). */
  scopes?: string[];
  /** Numeric token id (fine-grained settings URL). */
  id?: number;
  createdAt?: Date;
  /** `null` or absent: never expires. */
  expiresAt?: Date | null;
  revoked?: boolean;
  /** Orgs for which a classic/OAuth token was SSO-authorized (ledger github-api §4.4). */
  ssoAuthorizedOrgs?: string[];
  fineGrained?: FineGrainedGrant;
  installation?: InstallationGrant;
}

/** A token-shaped string GitHub never issued (mistyped, truncated, made up): answered like a bad credential. */
export interface StrangerToken {
  label: string;
  value: string;
}

/**
 * GitHub's own failures on one package (`owner/image`), as public reports show them (docs/github-behaviour.md):
 * - `authzd-outage`: the upload is refused with ghcr's `permission_denied: unable to connect to authzd server: …`;
 * - `token-service-denied`: the token service answers 403 `denied` to a credential the REST API accepts;
 * - `rate-limited`: the upload answers 429 `TOOMANYREQUESTS` with the wait as a Go duration in the message, for the
 *   first upload of each registry token (`once`) or always (`always`).
 */
export type Incident =
  | { kind: 'authzd-outage'; package: string }
  | { kind: 'token-service-denied'; package: string }
  | { kind: 'rate-limited'; package: string; times: 'once' | 'always' };

export interface World {
  users: SimUser[];
  orgs: SimOrg[];
  repositories: SimRepo[];
  packages: SimPackage[];
  tokens: SimToken[];
  strangers: StrangerToken[];
  /** @default none */
  incidents?: Incident[];
}

const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

export function findUser(world: World, login: string): SimUser | undefined {
  return world.users.find((user) => same(user.login, login));
}

export function findOrg(world: World, login: string): SimOrg | undefined {
  return world.orgs.find((org) => same(org.login, login));
}

/** Logins, org names and repository names are case-insensitive on GitHub. */
export function findRepo(world: World, owner: string, name: string): SimRepo | undefined {
  return world.repositories.find((repo) => same(repo.owner, owner) && same(repo.name, name));
}

export function findRenamedRepo(world: World, owner: string, oldName: string): SimRepo | undefined {
  return world.repositories.find((repo) => same(repo.owner, owner) && repo.renamedFrom !== undefined && same(repo.renamedFrom, oldName));
}

export function findRepoById(world: World, id: number): SimRepo | undefined {
  return world.repositories.find((repo) => repo.id === id);
}

/** `fullName` is `owner/name[/more]` as ghcr routes it. */
export function findPackage(world: World, fullName: string): SimPackage | undefined {
  return world.packages.find((pkg) => same(`${pkg.owner}/${pkg.name}`, fullName));
}

export function findTokenByValue(world: World, value: string): SimToken | undefined {
  return world.tokens.find((token) => token.value === value);
}

/** The value of a token or stranger by label; throws on an unknown label (a typo in a test). */
export function tokenValue(world: World, label: string): string {
  const found = world.tokens.find((t) => t.label === label) ?? world.strangers.find((t) => t.label === label);
  if (!found) throw new Error(`no token labelled ${label} in this world`);
  return found.value;
}

export function isOrgMember(org: SimOrg, login: string): boolean {
  return org.members.some((member) => same(member, login));
}

/** A user or an organization, as profile bodies and `owner` objects need it. */
export interface Account {
  login: string;
  id: number;
  type: 'User' | 'Organization';
  name?: string | null;
}

export function findAccount(world: World, login: string): Account | undefined {
  const org = findOrg(world, login);
  if (org) return { login: org.login, id: org.id, type: 'Organization', name: null };
  const user = findUser(world, login);
  return user && { login: user.login, id: user.id, type: 'User', name: user.name ?? null };
}

export function fullName(repo: SimRepo): string {
  return `${repo.owner}/${repo.name}`;
}

export { same as sameLogin };

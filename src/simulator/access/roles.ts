import { findOrg, findRepo, sameLogin, type Role, type SimRepo, type World } from '../world.js';

export interface RepoPermissions {
  admin: boolean;
  maintain: boolean;
  push: boolean;
  triage: boolean;
  pull: boolean;
}

const RANK: Record<Role, number> = { read: 1, triage: 2, write: 3, maintain: 4, admin: 5 };

/** The user's role on `repo`: an explicit collaborator entry, or admin as the owner of a user-owned repository. */
export function roleOf(world: World, repo: SimRepo, login: string): Role | null {
  const entry = Object.entries(repo.collaborators).find(([who]) => sameLogin(who, login));
  if (entry) return entry[1];
  if (!findOrg(world, repo.owner) && sameLogin(repo.owner, login)) return 'admin';
  return null;
}

export function atLeast(role: Role | null, wanted: Role): boolean {
  return role !== null && RANK[role] >= RANK[wanted];
}

/**
 * `permissions` of `GET /repos/{o}/{r}` from the user's role (ledger github-api §3). A user without a role on a public
 * repository gets pull only. Whether GitHub narrows this to the token's limits is open (ledger github-api §11 q5): here it never
 * does [inferred].
 */
export function permissionsFor(role: Role | null): RepoPermissions {
  return {
    admin: atLeast(role, 'admin'),
    maintain: atLeast(role, 'maintain'),
    push: atLeast(role, 'write'),
    triage: atLeast(role, 'triage'),
    pull: true,
  };
}

/** Role of `login` on the repository `owner/name` given as one string; null when it does not exist. */
export function roleOnFullName(world: World, full: string, login: string): Role | null {
  const [owner = '', ...rest] = full.split('/');
  const repo = findRepo(world, owner, rest.join('/'));
  return repo ? roleOf(world, repo, login) : null;
}

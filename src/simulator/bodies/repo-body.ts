import type { RepoPermissions } from '../access/roles.js';
import type { Account, SimRepo } from '../world.js';
import { nodeId, simpleUserBody } from './user-body.js';

/**
 * A `full-repository` body (ledger github-api §3; OpenAPI `repos/get` 200) with every required field. `permissions`
 * appears only on authenticated requests (ledger github-api §3).
 */
const FIXED = { created_at: '2011-01-26T19:01:12Z', updated_at: '2011-01-26T19:14:43Z', pushed_at: '2011-01-26T19:06:43Z' };

/** `<field>_url` → suffix after the repository URL; `{...}` are RFC 6570 templates as GitHub sends them. */
const URL_FIELDS: Record<string, string> = {
  archive_url: '/{archive_format}{/ref}',
  assignees_url: '/assignees{/user}',
  blobs_url: '/git/blobs{/sha}',
  branches_url: '/branches{/branch}',
  collaborators_url: '/collaborators{/collaborator}',
  comments_url: '/comments{/number}',
  commits_url: '/commits{/sha}',
  compare_url: '/compare/{base}...{head}',
  contents_url: '/contents/{+path}',
  contributors_url: '/contributors',
  deployments_url: '/deployments',
  downloads_url: '/downloads',
  events_url: '/events',
  forks_url: '/forks',
  git_commits_url: '/git/commits{/sha}',
  git_refs_url: '/git/refs{/sha}',
  git_tags_url: '/git/tags{/sha}',
  hooks_url: '/hooks',
  issue_comment_url: '/issues/comments{/number}',
  issue_events_url: '/issues/events{/number}',
  issues_url: '/issues{/number}',
  keys_url: '/keys{/key_id}',
  labels_url: '/labels{/name}',
  languages_url: '/languages',
  merges_url: '/merges',
  milestones_url: '/milestones{/number}',
  notifications_url: '/notifications{?since,all,participating}',
  pulls_url: '/pulls{/number}',
  releases_url: '/releases{/id}',
  stargazers_url: '/stargazers',
  statuses_url: '/statuses/{sha}',
  subscribers_url: '/subscribers',
  subscription_url: '/subscription',
  tags_url: '/tags',
  teams_url: '/teams',
  trees_url: '/git/trees{/sha}',
};

function urlFields(base: string): Record<string, string> {
  return Object.fromEntries(Object.entries(URL_FIELDS).map(([field, suffix]) => [field, `${base}${suffix}`]));
}

export function fullRepositoryBody(repo: SimRepo, owner: Account, apiUrl: string, permissions: RepoPermissions | null) {
  const full = `${repo.owner}/${repo.name}`;
  const url = `${apiUrl}/repos/${full}`;
  const ownerBody = simpleUserBody(owner, apiUrl);
  return {
    id: repo.id,
    node_id: nodeId('Repository', repo.id),
    name: repo.name,
    full_name: full,
    private: repo.private,
    owner: ownerBody,
    html_url: `https://github.com/${full}`,
    description: repo.description ?? null,
    fork: false,
    url,
    ...urlFields(url),
    git_url: `git://github.com/${full}.git`,
    ssh_url: `git@github.com:${full}.git`,
    clone_url: `https://github.com/${full}.git`,
    svn_url: `https://github.com/${full}`,
    mirror_url: null,
    homepage: null,
    language: null,
    size: 108,
    default_branch: 'main',
    forks: 0,
    forks_count: 0,
    stargazers_count: 0,
    watchers: 0,
    watchers_count: 0,
    open_issues: 0,
    open_issues_count: 0,
    subscribers_count: 1,
    network_count: 0,
    has_issues: true,
    has_projects: true,
    has_wiki: true,
    has_pages: false,
    has_downloads: true,
    has_discussions: false,
    archived: false,
    disabled: false,
    is_template: false,
    topics: [],
    visibility: repo.visibility ?? (repo.private ? 'private' : 'public'),
    license: null,
    allow_forking: true,
    web_commit_signoff_required: false,
    ...FIXED,
    ...(permissions && { permissions }),
    ...(owner.type === 'Organization' && { organization: ownerBody }),
  };
}

import type { Account } from '../world.js';

/**
 * User and organization bodies shaped like the OpenAPI schemas `simple-user`, `public-user` and `private-user`
 * (ledger github-api §2.2; @octokit/openapi 23.0.2). Every required field is present; test/simulator/openapi.test.ts
 * validates them against the schemas. API URLs point at the simulator, web URLs at github.com.
 */

const FIXED_DATE = '2011-01-25T18:44:36Z';

/** GitHub's legacy global node id: base64 of `04:User<id>` / `012:Organization<id>`. */
export function nodeId(kind: 'User' | 'Organization' | 'Repository', id: number): string {
  const code = { User: '04', Organization: '012', Repository: '010' }[kind];
  return Buffer.from(`${code}:${kind}${id}`).toString('base64');
}

export function simpleUserBody(account: Account, apiUrl: string) {
  const url = `${apiUrl}/users/${account.login}`;
  return {
    login: account.login,
    id: account.id,
    node_id: nodeId(account.type, account.id),
    avatar_url: `https://avatars.githubusercontent.com/u/${account.id}?v=4`,
    gravatar_id: '',
    url,
    html_url: `https://github.com/${account.login}`,
    followers_url: `${url}/followers`,
    following_url: `${url}/following{/other_user}`,
    gists_url: `${url}/gists{/gist_id}`,
    starred_url: `${url}/starred{/owner}{/repo}`,
    subscriptions_url: `${url}/subscriptions`,
    organizations_url: `${url}/orgs`,
    repos_url: `${url}/repos`,
    events_url: `${url}/events{/privacy}`,
    received_events_url: `${url}/received_events`,
    type: account.type,
    user_view_type: 'public',
    site_admin: false,
  };
}

export function publicUserBody(account: Account, apiUrl: string) {
  return {
    ...simpleUserBody(account, apiUrl),
    name: account.name ?? null,
    company: null,
    blog: '',
    location: null,
    email: null,
    hireable: null,
    bio: null,
    twitter_username: null,
    public_repos: 2,
    public_gists: 0,
    followers: 0,
    following: 0,
    created_at: FIXED_DATE,
    updated_at: FIXED_DATE,
  };
}

/** `GET /user`: the public profile plus the private counters (`user_view_type: private`). */
export function privateUserBody(account: Account, apiUrl: string) {
  return {
    ...publicUserBody(account, apiUrl),
    user_view_type: 'private',
    notification_email: null,
    private_gists: 0,
    total_private_repos: 1,
    owned_private_repos: 1,
    disk_usage: 1024,
    collaborators: 0,
    two_factor_authentication: true,
    plan: { name: 'free', space: 976562499, collaborators: 0, private_repos: 10000 },
  };
}

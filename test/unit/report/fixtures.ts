import type { Finding, Report } from '../../../src/types.js';

const f = (id: Finding['id'], status: Finding['status'], summary: string, fix: string | null = null, details: string[] = []): Finding => ({
  id,
  status,
  summary,
  fix,
  details,
});

const target = {
  repository: 'acme/api',
  image: 'ghcr.io/acme/api',
  apiUrl: 'https://api.github.com',
  registry: 'ghcr.io',
};

export const PASS_REPORT: Report = {
  schemaVersion: 1,
  verdict: 'pass',
  target,
  token: { kind: 'classic', login: 'octocat', scopes: ['repo', 'write:packages'], expiresAt: '2026-03-01T12:00:00.000Z' },
  profile: 'push',
  capabilities: [],
  githubToken: null,
  checks: [
    f('token.format', 'pass', 'Recognised a classic personal access token, checksum matches.'),
    f('token.valid', 'pass', 'The API accepts the token: it belongs to octocat.'),
    f('token.expiry', 'pass', 'Expires on 2026-03-01.'),
    f('token.scopes', 'pass', 'Has write:packages (implies read:packages).'),
    f('org.sso', 'skip', 'acme does not enforce SAML single sign-on.'),
    f('org.policy', 'pass', 'acme allows classic personal access tokens.'),
    f('repo.access', 'pass', 'acme/api is visible to the token.'),
    f('repo.push', 'pass', 'octocat can write to acme/api.'),
    f('registry.login', 'pass', 'ghcr.io accepted the credentials.'),
    f('registry.push', 'pass', 'ghcr.io opened an upload for acme/api; it was cancelled.'),
  ],
};

export const FAIL_REPORT: Report = {
  schemaVersion: 1,
  verdict: 'fail',
  target,
  token: { kind: 'classic', login: 'octocat', scopes: ['repo'], expiresAt: null },
  profile: 'push',
  capabilities: [],
  githubToken: null,
  checks: [
    f('token.format', 'pass', 'Recognised a classic personal access token, checksum matches.'),
    f('token.valid', 'pass', 'The API accepts the token: it belongs to octocat.'),
    f('token.expiry', 'warn', 'The token never expires.', 'Set an expiry date when you next create a token.'),
    f(
      'token.scopes',
      'fail',
      'The token lacks the write:packages scope, which every push to ghcr.io needs.',
      'Edit the token at https://github.com/settings/tokens and tick write:packages.',
      ['Scopes seen: repo'],
    ),
    f('org.sso', 'pass', 'acme does not enforce SAML single sign-on.'),
    f('org.policy', 'pass', 'acme allows classic personal access tokens.'),
    f('repo.access', 'pass', 'acme/api is visible to the token.'),
    f('repo.push', 'pass', 'octocat can write to acme/api.'),
    f('registry.login', 'pass', 'ghcr.io accepted the credentials.'),
    f(
      'registry.push',
      'fail',
      'ghcr.io refused to open an upload for acme/api.',
      'Add write:packages to the token: https://github.com/settings/tokens',
      ['DENIED: permission_denied: The token provided does not match expected scopes.'],
    ),
  ],
};

export const INCONCLUSIVE_REPORT: Report = {
  schemaVersion: 1,
  verdict: 'inconclusive',
  target,
  token: { kind: 'fine-grained', login: null, scopes: [], expiresAt: null },
  profile: 'push',
  capabilities: [],
  githubToken: null,
  checks: [
    f('token.format', 'pass', 'Recognised a fine-grained personal access token.'),
    f(
      'token.valid',
      'error',
      'The API did not answer within 10 seconds.',
      'Run crpat again; if it keeps failing, check https://www.githubstatus.com.',
      ['GET https://api.github.com/user: timeout after 10000 ms'],
    ),
    f('token.expiry', 'skip', 'Skipped: token.valid could not be decided.'),
  ],
};

/** `--for deploy` with a classic token lacking `repo`: only token.capabilities fails; inside Actions, with advice. */
export const DEPLOY_REPORT: Report = {
  ...PASS_REPORT,
  verdict: 'fail',
  token: { ...PASS_REPORT.token, scopes: ['write:packages'] },
  checks: [
    ...PASS_REPORT.checks,
    f(
      'token.capabilities',
      'fail',
      'The token lacks contents:write, which deploy needs on acme/api.',
      'Create a token with exactly the scopes deploy needs (repo, write:packages): https://github.com/settings/tokens/new?scopes=repo,write:packages&description=crpat%20deploy',
      ['contents:write: no, no scope repo (scopes: write:packages).'],
    ),
  ],
  profile: 'deploy',
  capabilities: [
    { name: 'contents:write', needed: true, granted: false, evidence: 'no scope repo (scopes: write:packages)' },
    { name: 'metadata:read', needed: true, granted: true, evidence: 'GET /repos answered 200 (private repository)' },
    { name: 'environments:write', needed: true, granted: null, evidence: 'scope repo, role triage: GitHub documents "collaborator access" without naming the role' },
    { name: 'packages:write', needed: true, granted: true, evidence: 'scope write:packages; the registry opened an upload for the image' },
    { name: 'organization_administration:write', needed: false, granted: false, evidence: 'no scope admin:org (scopes: write:packages)' },
  ],
  githubToken: {
    replaces: true,
    summary: 'GITHUB_TOKEN with `permissions: packages: write` may replace the personal token.',
    steps: ['Give the job `permissions: packages: write`.', 'Pull requests from public forks always get a read-only GITHUB_TOKEN.'],
    fix: { text: 'Package settings ("Manage Actions access")', url: 'https://github.com/orgs/acme/packages/container/api/settings' },
  },
};

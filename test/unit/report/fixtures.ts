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

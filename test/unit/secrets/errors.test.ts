import { describe, expect, it } from 'vitest';
import type { ApiOutcome } from '../../../src/github/client.js';
import { NetError } from '../../../src/http/net-error.js';
import { type Attempt, secretsErrorOf } from '../../../src/secrets/errors.js';

const repo: Attempt = { level: 'repository', place: 'acme/api', action: 'store the secret CR_PAT on acme/api' };
const org: Attempt = { level: 'organization', place: 'acme', action: 'read the public key of acme' };

function response(status: number, message: string | null, headers: Record<string, string> = {}): ApiOutcome {
  return { kind: 'response', status, headers: new Headers(headers), body: message === null ? '' : { message }, requestId: null };
}

describe('secretsErrorOf', () => {
  it('401: the credential is invalid, expired or revoked', () => {
    const error = secretsErrorOf(response(401, 'Bad credentials'), repo);
    expect(error).toMatchObject({ kind: 'unauthorized', status: 401 });
    expect(error.message).toBe('Could not store the secret CR_PAT on acme/api: GitHub refused the credential (HTTP 401 (GitHub: "Bad credentials")); it is invalid, expired or revoked.');
  });

  it('404 on a repository: missing, or invisible to the token (repo scope, fine-grained selection)', () => {
    const error = secretsErrorOf(response(404, 'Not Found'), repo);
    expect(error).toMatchObject({ kind: 'not-found', status: 404 });
    expect(error.message).toMatch(/acme\/api does not exist, or the credential cannot see it: a classic token needs the `repo` scope/);
  });

  it('403 on a repository names the repo scope and the Secrets permission, and what GitHub accepts', () => {
    const error = secretsErrorOf(response(403, 'Resource not accessible by personal access token', { 'x-accepted-github-permissions': 'secrets=write' }), repo);
    expect(error.kind).toBe('forbidden');
    expect(error.message).toMatch(/GitHub: "Resource not accessible by personal access token"/);
    expect(error.message).toMatch(/for a classic token the `repo` scope/);
    expect(error.message).toMatch(/"Secrets: Read and write"/);
    expect(error.message).toMatch(/GitHub accepts: secrets=write\.$/);
  });

  it('403 on an organization names admin:org and the owner role', () => {
    const error = secretsErrorOf(response(403, 'You must be an org admin or have the actions secrets fine-grained permission.'), org);
    expect(error.message).toMatch(/the owner role in the organization, and for a classic token the `admin:org` scope/);
  });

  it('403 with X-GitHub-SSO gives the authorization URL', () => {
    const error = secretsErrorOf(response(403, 'Resource protected by organization SAML enforcement.', { 'x-github-sso': 'required; url=https://github.com/orgs/x/sso?authorization_request=abc' }), repo);
    expect(error.message).toMatch(/single sign-on first: https:\/\/github.com\/orgs\/x\/sso\?authorization_request=abc$/);
  });

  it.each([
    [response(403, 'API rate limit exceeded', { 'x-ratelimit-remaining': '0' }), 'server'],
    [response(429, null), 'server'],
    [response(502, null), 'server'],
    [response(422, 'Invalid request.\n\nbad'), 'invalid'],
    [response(418, null), 'unexpected'],
    [{ kind: 'network', error: new NetError('timeout', 'api.github.com did not answer within 10 s') } as ApiOutcome, 'network'],
  ])('%# → %s', (outcome, kind) => {
    expect(secretsErrorOf(outcome, repo).kind).toBe(kind);
  });

  it('keeps GitHub\'s multi-line message on one line', () => {
    expect(secretsErrorOf(response(422, 'Invalid request.\n\nbad key'), repo).message).toContain('"Invalid request. bad key"');
  });
});

describe('server text is cleaned as check cleans it (issue 11)', () => {
  it('escape sequences and C1 controls in the message become spaces', () => {
    const error = secretsErrorOf(response(422, 'bad\u001b]0;pwned\u0007 value\u009b2J'), repo);
    expect(error.message).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
    expect(error.message).toContain('GitHub: "bad ]0;pwned value 2J"');
  });

  it('the X-GitHub-SSO link is shown only when it is an https /orgs/ORG/sso URL', () => {
    const good = secretsErrorOf(response(403, 'SSO', { 'x-github-sso': 'required; url=https://github.com/orgs/acme/sso?authorization_request=abc' }), repo);
    expect(good.message).toContain('Authorize the token for single sign-on first: https://github.com/orgs/acme/sso?authorization_request=abc');
    for (const url of ['https://evil.example/login', 'http://github.com/orgs/acme/sso', 'javascript:alert(1)', 'https://github.com/orgs/acme/sso\u001b[2J']) {
      const bad = secretsErrorOf(response(403, 'SSO', { 'x-github-sso': `required; url=${url}` }), repo);
      expect(bad.message).not.toContain(url);
      expect(bad.message).not.toContain('single sign-on');
    }
  });

  it('X-Accepted-GitHub-Permissions is cleaned', () => {
    const error = secretsErrorOf(response(403, 'no', { 'x-accepted-github-permissions': 'secrets=write\u009b2J' }), repo);
    expect(error.message).not.toMatch(/[\u007f-\u009f]/);
  });
});

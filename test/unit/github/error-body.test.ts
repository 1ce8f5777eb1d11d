import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseGitHubError } from '../../../src/github/error-body.js';
import { anyString, runs } from '../../fuzz/arbitraries.js';

const body = (value: unknown) => JSON.stringify(value);

describe('parseGitHubError (ledger github-api §10 envelope)', () => {
  it.each<[string, string, ReturnType<typeof parseGitHubError>]>([
    [
      'ledger github-api §2.4 bad credentials',
      '{"message":"Bad credentials","documentation_url":"https://docs.github.com/rest","status":"401"}',
      { message: 'Bad credentials', documentationUrl: 'https://docs.github.com/rest', status: '401' },
    ],
    [
      'ledger github-api §2.2 ghs_ token on /user',
      '{"message":"Resource not accessible by integration","documentation_url":"https://docs.github.com/rest/users/users#get-the-authenticated-user","status":"403"}',
      { message: 'Resource not accessible by integration', documentationUrl: 'https://docs.github.com/rest/users/users#get-the-authenticated-user', status: '403' },
    ],
    [
      'ledger github-api §3 not found',
      '{"message":"Not Found","documentation_url":"https://docs.github.com/rest/repos/repos#get-a-repository","status":"404"}',
      { message: 'Not Found', documentationUrl: 'https://docs.github.com/rest/repos/repos#get-a-repository', status: '404' },
    ],
    [
      'ledger github-api §2.4 older body without status',
      '{"message":"Bad credentials","documentation_url":"https://developer.github.com/v3"}',
      { message: 'Bad credentials', documentationUrl: 'https://developer.github.com/v3', status: null },
    ],
    [
      'ledger github-api §4.4 SAML message',
      body({ message: 'Resource protected by organization SAML enforcement. You must grant your Personal Access token access to this organization.', documentation_url: 'https://docs.github.com/articles/authenticating-to-a-github-organization-with-saml-single-sign-on/' }),
      { message: 'Resource protected by organization SAML enforcement. You must grant your Personal Access token access to this organization.', documentationUrl: 'https://docs.github.com/articles/authenticating-to-a-github-organization-with-saml-single-sign-on/', status: null },
    ],
    [
      'ledger github-api §4.1 classic-PAT ban',
      body({ message: '`acme` forbids access via a personal access token (classic). Please use a GitHub App, OAuth App, or a personal access token with fine-grained permissions.', status: '403' }),
      { message: '`acme` forbids access via a personal access token (classic). Please use a GitHub App, OAuth App, or a personal access token with fine-grained permissions.', documentationUrl: null, status: '403' },
    ],
    ['ledger github-api §8 server error', '{"message":"Server Error"}', { message: 'Server Error', documentationUrl: null, status: null }],
    ['numeric status tolerated', '{"message":"x","status":403}', { message: 'x', documentationUrl: null, status: '403' }],
    ['only documentation_url', '{"documentation_url":"https://docs.github.com/rest"}', { message: '', documentationUrl: 'https://docs.github.com/rest', status: null }],
    ['wrong field types ignored', '{"message":"x","documentation_url":7,"status":{}}', { message: 'x', documentationUrl: null, status: null }],
    ['control characters replaced', body({ message: 'a\u001b[31mb\nc' }), { message: 'a [31mb c', documentationUrl: null, status: null }],
    ['not JSON (HTML error page)', '<html>502 Bad Gateway</html>', null],
    ['empty', '', null],
    ['JSON array', '[{"message":"x"}]', null],
    ['JSON string', '"Bad credentials"', null],
    ['null', 'null', null],
    ['object without the fields', '{"error":"x"}', null],
    ['message not a string', '{"message":42}', null],
  ])('%s', (_case, text, want) => {
    expect(parseGitHubError(text)).toEqual(want);
  });

  it('caps the message at 500 characters', () => {
    const parsed = parseGitHubError(body({ message: 'x'.repeat(10_000) }));
    expect(parsed?.message.length).toBe(500);
    expect(parsed?.message.endsWith('…')).toBe(true);
  });

  it('does not split a surrogate pair when capping', () => {
    const parsed = parseGitHubError(body({ message: `${'x'.repeat(498)}😀😀` }));
    expect(parsed?.message).toBe(`${'x'.repeat(498)}…`);
  });
});

describe('properties', () => {
  const envelope = fc
    .record({ message: fc.oneof(fc.string(), fc.string({ unit: 'binary', maxLength: 800 })), documentation_url: fc.string(), status: fc.string() }, { requiredKeys: [] })
    .map((value) => JSON.stringify(value));

  it('never throws and returns the documented shape', () => {
    fc.assert(
      fc.property(fc.oneof(anyString, envelope, fc.json()), (text) => {
        const parsed = parseGitHubError(text);
        if (parsed === null) return;
        expect(parsed.message.length).toBeLessThanOrEqual(500);
        expect(parsed.message).not.toMatch(/[\x00-\x1f\x7f]/);
        expect(parsed.documentationUrl === null || typeof parsed.documentationUrl === 'string').toBe(true);
        expect(parsed.status === null || typeof parsed.status === 'string').toBe(true);
      }),
      runs(200),
    );
  });
});

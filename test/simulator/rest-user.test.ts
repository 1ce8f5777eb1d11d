import { describe, expect, it } from 'vitest';
import { REST_MESSAGES, tokenValue } from '../../src/simulator/index.js';
import { api, useSimulator } from './helpers.js';

const RATE_HEADERS = ['x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset', 'x-ratelimit-used', 'x-ratelimit-resource'];

describe('GET /user (ledger github-api §2)', () => {
  const sim = useSimulator();

  it('valid classic PAT: 200, x-oauth-scopes normalized and ", "-joined, x-accepted-oauth-scopes empty (ledger github-api §10)', async () => {
    const res = await api(sim(), '/user', 'octocat-classic-push');
    expect(res.status).toBe(200);
    expect(res.headers.get('x-oauth-scopes')).toBe('repo, write:packages');
    expect(res.headers.get('x-accepted-oauth-scopes')).toBe('');
    expect(((await res.json()) as { login: string }).login).toBe('octocat');
  });

  it('classic PAT with no scopes: x-oauth-scopes present but empty (ledger github-api §2.3)', async () => {
    const res = await api(sim(), '/user', 'octocat-classic-no-scopes');
    expect(res.status).toBe(200);
    expect(res.headers.get('x-oauth-scopes')).toBe('');
  });

  it('OAuth token: scopes and x-oauth-client-id are reported (ledger github-api §2.3)', async () => {
    const res = await api(sim(), '/user', 'octocat-oauth-gh-cli');
    expect(res.headers.get('x-oauth-scopes')).toBe('gist, read:org, repo');
    expect(res.headers.get('x-oauth-client-id')).toMatch(/^[0-9a-f]{20}$/);
  });

  it('fine-grained PAT: 200 with no x-oauth-scopes (ledger github-api §2.3, §10; absent chosen, open question 3)', async () => {
    const res = await api(sim(), '/user', 'octocat-fine-grained');
    expect(res.status).toBe(200);
    expect(res.headers.has('x-oauth-scopes')).toBe(false);
  });

  it('expiring token: github-authentication-token-expiration is "YYYY-MM-DD HH:MM:SS UTC" (ledger github-api §2.3)', async () => {
    const res = await api(sim(), '/user', 'octocat-classic-expiring-soon');
    const header = res.headers.get('github-authentication-token-expiration') ?? '';
    expect(header).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC$/);
    const expiresAt = sim().world.tokens.find((t) => t.label === 'octocat-classic-expiring-soon')?.expiresAt;
    expect(new Date(header.replace(' UTC', 'Z').replace(' ', 'T')).getTime()).toBe(Math.floor((expiresAt?.getTime() ?? 0) / 1000) * 1000);
  });

  it('non-expiring token: no expiration header (ledger github-api §2.3, §9.11)', async () => {
    const res = await api(sim(), '/user', 'octocat-classic-no-expiry');
    expect(res.headers.has('github-authentication-token-expiration')).toBe(false);
  });

  it.each(['octocat-classic-expired', 'octocat-classic-revoked', 'octocat-classic-mistyped', 'never-issued-classic'])(
    '401 Bad credentials for %s, documentation_url https://docs.github.com/rest, status "401" (ledger github-api §2.4)',
    async (label) => {
      const res = await api(sim(), '/user', label);
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({ message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest', status: '401' });
    },
  );

  it('401 Bad credentials carries no x-ratelimit headers (ledger github-api §2.4)', async () => {
    const res = await api(sim(), '/user', 'octocat-classic-revoked');
    expect(res.status).toBe(401);
    for (const name of RATE_HEADERS) expect(res.headers.has(name)).toBe(false);
  });

  it('no token: 401 Requires authentication with the route anchor and 5 anonymous x-ratelimit headers, limit 60 (ledger github-api §2.4, §10)', async () => {
    const res = await api(sim(), '/user', null);
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({
      message: 'Requires authentication',
      documentation_url: 'https://docs.github.com/rest/users/users#get-the-authenticated-user',
      status: '401',
    });
    for (const name of RATE_HEADERS) expect(res.headers.has(name)).toBe(true);
    expect(res.headers.get('x-ratelimit-limit')).toBe('60');
  });

  it('ghs_ installation token: 403 Resource not accessible by integration (ledger github-api §2.2)', async () => {
    const res = await api(sim(), '/user', 'acme-app-installation');
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({
      message: REST_MESSAGES.notAccessibleByIntegration,
      documentation_url: 'https://docs.github.com/rest/users/users#get-the-authenticated-user',
      status: '403',
    });
    expect(res.headers.get('x-ratelimit-limit')).toBe('5000');
  });

  it('"token X" and "Bearer X" both work, scheme case-insensitive (ledger github-api §2.1)', async () => {
    const value = tokenValue(sim().world, 'octocat-classic-push');
    for (const authorization of [`token ${value}`, `Bearer ${value}`, `BEARER ${value}`, `Token ${value}`]) {
      const res = await fetch(`${sim().apiUrl}/user`, { headers: { authorization } });
      expect(res.status, authorization.split(' ')[0]).toBe(200);
    }
  });
});

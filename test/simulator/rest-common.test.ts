import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { api, useSimulator } from './helpers.js';

/** A GET without any User-Agent (fetch always sends one). */
function getWithoutUserAgent(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'GET' }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('headers and envelope on every api.github.com response (ledger github-api §2.3, §10)', () => {
  const sim = useSimulator();

  it.each([
    ['octocat-classic-push', '/user'],
    ['octocat-classic-revoked', '/user'],
    [null, '/repos/octocat/secret-lab'],
    ['octocat-classic-push', '/nope'],
  ])('%s %s: content-type, x-github-request-id, x-github-media-type, x-github-api-version-selected', async (label, path) => {
    const res = await api(sim(), path, label);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(res.headers.get('x-github-request-id')).toMatch(/^[0-9A-F]{4}:[0-9A-F]{6}:[0-9A-F]{7}:[0-9A-F]{7}:[0-9A-F]{8}$/);
    expect(res.headers.get('x-github-media-type')).toBe('github.v3; format=json');
    expect(res.headers.get('x-github-api-version-selected')).toBe('2022-11-28');
  });

  it('x-github-api-version-selected echoes a supported X-GitHub-Api-Version (ledger github-api §2.1)', async () => {
    const res = await api(sim(), '/user', 'octocat-classic-push', { headers: { 'x-github-api-version': '2026-03-10' } });
    expect(res.headers.get('x-github-api-version-selected')).toBe('2026-03-10');
  });

  it('a request without User-Agent gets 403 "Request forbidden by administrative rules…" (ledger github-api §2.1)', async () => {
    const { status, body } = await getWithoutUserAgent(`${sim().apiUrl}/user`);
    expect(status).toBe(403);
    expect(JSON.parse(body)).toMatchObject({
      message: 'Request forbidden by administrative rules. Please make sure your request has a User-Agent header.',
      status: '403',
    });
  });

  it('unknown routes and trailing slashes: 404 Not Found, docs root (ledger github-api §3)', async () => {
    for (const path of ['/nope', '/repos/octocat/hello-world/']) {
      const res = await api(sim(), path, 'octocat-classic-push');
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual({ message: 'Not Found', documentation_url: 'https://docs.github.com/rest', status: '404' });
    }
  });
});

describe('primary rate limit headers (ledger github-api §8)', () => {
  const sim = useSimulator();

  it('five x-ratelimit-* headers, limit 5000, resource core, remaining decreasing per user across that user\'s tokens', async () => {
    const first = await api(sim(), '/user', 'octocat-classic-push');
    const second = await api(sim(), '/repos/octocat/hello-world', 'octocat-classic-repo-only');
    const other = await api(sim(), '/user', 'monalisa-classic-push');
    expect(first.headers.get('x-ratelimit-limit')).toBe('5000');
    expect(first.headers.get('x-ratelimit-resource')).toBe('core');
    expect(first.headers.get('x-ratelimit-remaining')).toBe('4999');
    expect(first.headers.get('x-ratelimit-used')).toBe('1');
    expect(second.headers.get('x-ratelimit-remaining')).toBe('4998');
    expect(other.headers.get('x-ratelimit-remaining')).toBe('4999');
    const reset = Number(first.headers.get('x-ratelimit-reset'));
    expect(reset).toBeGreaterThan(Date.now() / 1000);
    expect(reset).toBeLessThanOrEqual(Date.now() / 1000 + 3600);
  });

  it('a Bad credentials 401 is not counted (ledger github-api §2.4)', async () => {
    const before = await api(sim(), '/user', 'monalisa-classic-push');
    await api(sim(), '/user', 'octocat-classic-expired');
    const after = await api(sim(), '/user', 'monalisa-classic-push');
    expect(Number(before.headers.get('x-ratelimit-remaining')) - Number(after.headers.get('x-ratelimit-remaining'))).toBe(1);
  });
});

describe('GET /users/{login}', () => {
  const sim = useSimulator();

  it('answers a user with type User and an org with type Organization, without auth', async () => {
    const user = (await (await api(sim(), '/users/octocat', null)).json()) as { type: string; id: number };
    const org = (await (await api(sim(), '/users/sso-corp', null)).json()) as { type: string };
    expect(user).toMatchObject({ type: 'User', id: 583231 });
    expect(org.type).toBe('Organization');
  });

  it('unknown login: 404 Not Found', async () => {
    const res = await api(sim(), '/users/nobody-here', null);
    expect(res.status).toBe(404);
    expect(((await res.json()) as { message: string }).message).toBe('Not Found');
  });
});

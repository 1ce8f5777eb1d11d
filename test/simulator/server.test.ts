import { request as httpsRequest } from 'node:https';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, tokenValue } from '../../src/simulator/index.js';
import { generateTestCerts, type TestCerts } from '../rig/certs.js';
import { api, basic, useSimulator } from './helpers.js';

describe('listeners and request log', () => {
  const sim = useSimulator();

  it('two loopback listeners on different ports, like two hosts', () => {
    const { apiUrl, registryUrl, registryHost } = sim();
    expect(apiUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(registryUrl).toBe(`http://${registryHost}`);
    expect(new URL(apiUrl).port).not.toBe(new URL(registryUrl).port);
  });

  it('records every request with the authorization value reduced to its scheme + [REDACTED]', async () => {
    const value = tokenValue(sim().world, 'octocat-classic-push');
    await api(sim(), '/user', 'octocat-classic-push');
    await fetch(`${sim().registryUrl}/token?service=ghcr.io`, { headers: { authorization: basic(value) } });
    const [first, second] = sim().requests.slice(-2);
    expect(first).toMatchObject({ server: 'api', method: 'GET', path: '/user' });
    expect(first?.headers['authorization']).toBe('Bearer [REDACTED]');
    expect(second).toMatchObject({ server: 'registry', path: '/token?service=ghcr.io' });
    expect(second?.headers['authorization']).toBe('Basic [REDACTED]');
    expect(JSON.stringify(sim().requests)).not.toContain(value);
  });
});

describe('fault injection (status and delay)', () => {
  const sim = useSimulator();

  it('answers a status on a matching path until removed', async () => {
    const remove = sim().inject({ server: 'api', path: '/user', status: 503, body: { message: 'Server Error' } });
    expect((await api(sim(), '/user', 'octocat-classic-push')).status).toBe(503);
    expect((await api(sim(), '/repos/octocat/hello-world', 'octocat-classic-push')).status).toBe(200);
    remove();
    expect((await api(sim(), '/user', 'octocat-classic-push')).status).toBe(200);
  });

  it('`times` limits how often a fault fires; a RegExp path matches the registry too', async () => {
    sim().inject({ server: 'registry', method: 'POST', path: /\/blobs\/uploads\/$/, status: 429, times: 1 });
    const post = () => fetch(`${sim().registryUrl}/v2/octocat/hello-world/blobs/uploads/`, { method: 'POST' });
    expect((await post()).status).toBe(429);
    expect((await post()).status).toBe(401);
  });

  it('delays a request, then runs the real route', async () => {
    const remove = sim().inject({ path: '/users/octocat', delayMs: 150 });
    const started = Date.now();
    const res = await api(sim(), '/users/octocat', null);
    expect(res.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    remove();
  });
});

describe('clock', () => {
  it('expiry is decided with the injected clock', async () => {
    let now = new Date('2026-01-01T00:00:00Z');
    const sim = await startSimulator({ now: () => now });
    try {
      expect((await api(sim, '/user', 'octocat-classic-expiring-soon')).status).toBe(200);
      now = new Date('2026-01-05T00:00:00Z');
      expect((await api(sim, '/user', 'octocat-classic-expiring-soon')).status).toBe(401);
    } finally {
      await sim.close();
    }
  });
});

describe('TLS', () => {
  let certs: TestCerts;
  beforeAll(async () => {
    certs = await generateTestCerts();
  });
  afterAll(async () => {
    await certs?.remove();
  });

  it('both listeners speak HTTPS with the given key and certificate', async () => {
    const sim = await startSimulator({ tls: { key: certs.server.keyPem, cert: certs.server.certPem } });
    try {
      expect(sim.apiUrl.startsWith('https://')).toBe(true);
      const get = (url: string) =>
        new Promise<number>((resolve, reject) => {
          const req = httpsRequest(url, { ca: certs.ca.certPem, headers: { 'user-agent': 'test' } }, (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
          });
          req.on('error', reject);
          req.end();
        });
      expect(await get(`${sim.apiUrl}/users/octocat`)).toBe(200);
      expect(await get(`${sim.registryUrl}/v2/`)).toBe(401);
    } finally {
      await sim.close();
    }
  });
});

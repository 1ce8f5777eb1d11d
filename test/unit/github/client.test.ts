import { afterEach, describe, expect, it } from 'vitest';
import { createApiRequest } from '../../../src/github/client.js';
import { startServer } from '../../helpers/http-server.js';

interface Seen {
  method: string;
  url: string;
  contentType: string | undefined;
  body: string;
}

let close: (() => Promise<void>) | null = null;
afterEach(async () => {
  await close?.();
  close = null;
});

/** A server that records each request and answers 422 with GitHub's validation message. */
async function server(): Promise<{ url: string; seen: Seen[] }> {
  const seen: Seen[] = [];
  const s = await startServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', contentType: req.headers['content-type'], body });
      res.writeHead(422, { 'content-type': 'application/json' }).end(JSON.stringify({ message: 'Invalid request.' }));
    });
  });
  close = s.close;
  return { url: s.url, seen };
}

describe('createApiRequest: POST for the capability probes', () => {
  it('sends `data` as the JSON body, an empty object as `{}` (not no body), and returns a 4xx as an answer', async () => {
    const { url, seen } = await server();
    const call = createApiRequest({ apiUrl: url, token: 'x', fetch: globalThis.fetch, userAgent: 'crpat-test' });
    const outcome = await call('POST', '/repos/acme/api/git/blobs', { data: {} });
    expect(outcome).toMatchObject({ kind: 'response', status: 422, body: { message: 'Invalid request.' } });
    expect(seen).toEqual([{ method: 'POST', url: '/repos/acme/api/git/blobs', contentType: 'application/json; charset=utf-8', body: '{}' }]);
  });

  it('keeps a query string written in the route', async () => {
    const { url, seen } = await server();
    const call = createApiRequest({ apiUrl: url, token: 'x', fetch: globalThis.fetch, userAgent: 'crpat-test' });
    await call('GET', '/repos/acme/api/commits?per_page=1', {});
    expect(seen[0]?.url).toBe('/repos/acme/api/commits?per_page=1');
  });
});

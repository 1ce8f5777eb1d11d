import { afterEach, describe, expect, it } from 'vitest';
import { createGuardedFetch } from '../../../src/http/guarded-fetch.js';
import { FLAG_WORDS } from '../../../src/cli/setting-words.js';
import { NetError, netAdvice, toNetError } from '../../../src/http/net-error.js';
import { RETRY_HEADER } from '../../../src/http/retry.js';
import { startServer } from '../../helpers/http-server.js';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

async function server(handler: Parameters<typeof startServer>[0]) {
  const s = await startServer(handler);
  closers.push(s.close);
  return s;
}

function guarded(extra: Partial<Parameters<typeof createGuardedFetch>[0]> = {}) {
  return createGuardedFetch({ fetch: globalThis.fetch, credentialOrigins: [], timeoutMs: 2000, ...extra });
}

async function failure(promise: Promise<unknown>): Promise<NetError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(NetError);
  return error as NetError;
}

describe('createGuardedFetch', () => {
  it('follows a same-host redirect and keeps the credential', async () => {
    const seen: (string | undefined)[] = [];
    const s = await server((req, res) => {
      seen.push(req.headers.authorization);
      if (req.url === '/old') res.writeHead(301, { location: '/new' }).end();
      else res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
    const response = await guarded({ credentialOrigins: [s.url] })(`${s.url}/old`, { headers: { authorization: 'Bearer secret' } });
    expect(await response.json()).toEqual({ ok: true });
    expect(seen).toEqual(['Bearer secret', 'Bearer secret']);
  });

  it('refuses a redirect to another port on the same address, even one allowed credentials, and sends nothing there', async () => {
    let otherHit = false;
    const other = await server((_req, res) => {
      otherHit = true;
      res.end();
    });
    const s = await server((_req, res) => res.writeHead(302, { location: `http://localhost:${other.port}/x` }).end());
    const error = await failure(guarded({ credentialOrigins: [s.url, other.url] })(`${s.url}/`, { headers: { authorization: 'Bearer secret' } }));
    expect(error.kind).toBe('redirect');
    expect(error.message).toBe(`127.0.0.1:${s.port} redirected to 127.0.0.1:${other.port}; crpat does not follow a redirect to another host, port or scheme`);
    expect(otherHit).toBe(false);
  });

  it('refuses a redirect from http to https on the same host and port (another origin)', async () => {
    const s = await server((_req, res) => res.writeHead(302, { location: `https://127.0.0.1:${s.port}/x` }).end());
    const error = await failure(guarded()(`${s.url}/`));
    expect(error.message).toBe(`127.0.0.1:${s.port} redirected to https://127.0.0.1:${s.port}; crpat does not follow a redirect to another host, port or scheme`);
  });

  it('sends the credential to another port on the same address only when that origin is allowed', async () => {
    const s = await server((_req, res) => res.end());
    const other = await server((_req, res) => res.end());
    const error = await failure(guarded({ credentialOrigins: [other.url] })(`${s.url}/`, { headers: { authorization: 'Bearer secret' } }));
    expect(error.kind).toBe('off-host');
    expect(error.message).toBe(`refused to send the token to http://127.0.0.1:${s.port}: it is neither the API's origin nor the registry's (scheme, host and port)`);
  });

  it('sends a request for localhost to 127.0.0.1 itself, without asking the resolver', async () => {
    const seen: (string | undefined)[] = [];
    const s = await server((req, res) => {
      seen.push(req.headers.host);
      res.end('{}');
    });
    // A fetch that would go wherever the resolver says: it must only ever be handed the literal address.
    const urls: string[] = [];
    const fetch: typeof globalThis.fetch = (input, init) => {
      urls.push(String(input));
      return globalThis.fetch(input, init);
    };
    await guarded({ fetch, credentialOrigins: [`http://localhost:${s.port}`] })(`http://localhost:${s.port}/x`, { headers: { authorization: 'Bearer secret' } });
    expect(urls).toEqual([`http://127.0.0.1:${s.port}/x`]);
    expect(seen).toEqual([`127.0.0.1:${s.port}`]);
  });

  it.each([['0', true], ['1', false], ['', false], ['false', false]])(
    'NODE_TLS_REJECT_UNAUTHORIZED=%j: refuses to send a credential over https: %s',
    async (value, refused) => {
      const fetch: typeof globalThis.fetch = () => Promise.resolve(new Response('{}'));
      const call = guarded({ fetch, env: { NODE_TLS_REJECT_UNAUTHORIZED: value }, credentialOrigins: ['https://api.github.com'] })('https://api.github.com/user', {
        headers: { authorization: 'Bearer secret' },
      });
      if (!refused) return void (await call);
      const error = await failure(call);
      expect(error.kind).toBe('unverified-tls');
      expect(error.message).toMatch(/^NODE_TLS_REJECT_UNAUTHORIZED=0 turns off TLS certificate checks, so crpat will not send the token over https/);
    },
  );

  it('names a redirect to something that is not a URL', async () => {
    const s = await server((_req, res) => res.writeHead(302, { location: 'http://[::1' }).end());
    const error = await failure(guarded()(`${s.url}/`));
    expect(error.kind).toBe('redirect');
    expect(error.message).toMatch(/^127\.0\.0\.1:\d+ redirected to an address that is not a URL$/);
  });

  it('stops a redirect loop', async () => {
    const s = await server((_req, res) => res.writeHead(302, { location: '/loop' }).end());
    expect((await failure(guarded()(`${s.url}/loop`))).kind).toBe('redirect');
  });

  it('refuses to send a credential to a host that is not allowed', async () => {
    const s = await server((_req, res) => res.end());
    const error = await failure(guarded({ credentialOrigins: ['https://api.github.com'] })(`${s.url}/`, { headers: { authorization: 'Bearer secret' } }));
    expect(error.kind).toBe('off-host');
    expect(error.message).not.toContain('secret');
  });

  it('refuses plain http to a host that is not loopback', async () => {
    expect((await failure(guarded()('http://example.invalid/'))).kind).toBe('insecure');
  });

  it('times out a server that never answers', async () => {
    const s = await server(() => undefined);
    const error = await failure(guarded({ timeoutMs: 200 })(`${s.url}/`));
    expect(error.kind).toBe('timeout');
  });

  it('refuses a body over the cap', async () => {
    const s = await server((_req, res) => res.end('x'.repeat(5000)));
    expect((await failure(guarded({ maxBodyBytes: 1000 })(`${s.url}/`))).kind).toBe('too-large');
  });

  it('names a refused connection', async () => {
    const s = await server((_req, res) => res.end());
    await s.close();
    closers.pop();
    expect((await failure(guarded()(`${s.url}/`))).kind).toBe('refused');
  });

  it('names a connection closed before any answer', async () => {
    const s = await server((req) => req.socket.destroy());
    expect((await failure(guarded()(`${s.url}/`))).kind).toBe('closed');
  });

  it('names a connection reset mid-body', async () => {
    let reset = (): void => {};
    const s = await server((_req, res) => {
      res.writeHead(200, { 'content-length': '5000' });
      res.write('{"login":');
      reset = () => res.socket?.resetAndDestroy();
    });
    // The reset is sent once fetch has handed over the first bytes, so it arrives on its own. Sent on a timer, a busy
    // moment of this process let the bytes and the reset arrive together, which reads as a close (node-fetch.ts).
    const resetAfterFirstBytes: typeof fetch = async (input, init) => {
      const response = await globalThis.fetch(input, init);
      const reader = response.body!.getReader();
      const body = new ReadableStream<Uint8Array>({
        async pull(controller) {
          const next = await reader.read();
          if (next.done) return controller.close();
          controller.enqueue(next.value);
          reset();
        },
      });
      return new Response(body, { status: response.status, headers: response.headers });
    };
    const error = await failure(guarded({ fetch: resetAfterFirstBytes })(`${s.url}/`));
    expect(error.kind).toBe('reset');
    expect(error.message).toMatch(/^the connection to 127\.0\.0\.1:\d+ was reset$/);
  });

  it('names a body cut short of its Content-Length', async () => {
    const s = await server((_req, res) => {
      res.writeHead(200, { 'content-length': '5000' });
      res.write('{"login":', () => setTimeout(() => res.socket?.destroy(), 20));
    });
    const error = await failure(guarded()(`${s.url}/`));
    expect(error.kind).toBe('closed');
    expect(error.message).toMatch(/closed the connection before the answer was complete$/);
  });

  it('refuses a body whose Content-Length already exceeds the cap, without reading it', async () => {
    const s = await server((_req, res) => res.writeHead(200, { 'content-length': String(4 * 1024 * 1024) }).end(Buffer.alloc(4 * 1024 * 1024)));
    const error = await failure(guarded()(`${s.url}/`));
    expect(error.kind).toBe('too-large');
    expect(error.message).toMatch(/larger than 1 MiB/);
  });

  it('says when the overall deadline, not the server, ended the exchange', async () => {
    const s = await server(() => undefined);
    const error = await failure(guarded({ timeoutMs: 5000, signal: AbortSignal.timeout(100) })(`${s.url}/`));
    expect(error.kind).toBe('timeout');
    expect(error.message).toMatch(/overall time limit ran out before 127\.0\.0\.1:\d+ answered/);
  });

  it('says when a cancel ended the exchange', async () => {
    const s = await server(() => undefined);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    expect((await failure(guarded({ signal: controller.signal })(`${s.url}/`))).kind).toBe('aborted');
  });

  it('says when https reaches a server that speaks plain http, instead of blaming a certificate', async () => {
    const s = await server((_req, res) => res.end('{}'));
    const error = await failure(guarded()(`https://127.0.0.1:${s.port}/`));
    expect(error.kind).toBe('not-tls');
    expect(error.message).toBe(`127.0.0.1:${s.port} does not speak TLS (https) on that port (ERR_SSL_WRONG_VERSION_NUMBER)`);
    expect(netAdvice(error, 'registry', FLAG_WORDS)).toBe('If it serves plain http (allowed only on a loopback host), pass --registry http://host:port.');
  });

  it("drops a retry note a server sends: only crpat's own retry layer may say how often it tried", async () => {
    const s = await server((_req, res) => res.writeHead(503, { [RETRY_HEADER]: 'attempts=9; waited-ms=0' }).end());
    expect((await guarded()(`${s.url}/`)).headers.get(RETRY_HEADER)).toBeNull();
  });

  it('reports each exchange to onHttp without headers', async () => {
    const events: unknown[] = [];
    const s = await server((_req, res) => res.writeHead(200, { 'x-github-request-id': 'AB:CD' }).end('{}'));
    await guarded({ credentialOrigins: [s.url], onHttp: (e) => events.push(e) })(`${s.url}/user`, { headers: { authorization: 'Bearer secret' } });
    expect(events).toMatchObject([{ method: 'GET', url: `${s.url}/user`, status: 200, requestId: 'AB:CD' }]);
    expect(JSON.stringify(events)).not.toContain('secret');
  });
});

describe('toNetError', () => {
  it('names the host, not host:port, that does not resolve', () => {
    const cause = Object.assign(new Error('getaddrinfo ENOTFOUND ghe.example.com'), { code: 'ENOTFOUND' });
    expect(toNetError(Object.assign(new TypeError('fetch failed'), { cause }), 'ghe.example.com:8443', 10_000).message).toBe(
      'the name ghe.example.com does not resolve',
    );
  });

  it.each(['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'DEPTH_ZERO_SELF_SIGNED_CERT', 'SELF_SIGNED_CERT_IN_CHAIN', 'CERT_HAS_EXPIRED', 'ERR_TLS_CERT_ALTNAME_INVALID'])(
    'names an untrusted certificate (%s) and the NODE_EXTRA_CA_CERTS way out',
    async (code) => {
      const cause = Object.assign(new Error('tls'), { code });
      const error = toNetError(Object.assign(new TypeError('fetch failed'), { cause }), 'ghcr.io', 10_000);
      expect(error.kind).toBe('tls');
      expect(error.message).toBe(`the TLS certificate of ghcr.io is not trusted by this machine (${code})`);
      expect(netAdvice(error, 'registry', FLAG_WORDS)).toMatch(/NODE_EXTRA_CA_CERTS/);
    },
  );
});

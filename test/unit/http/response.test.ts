import { describe, expect, it } from 'vitest';
import { HttpHeaders, HttpResponse, urlOf } from '../../../src/http/response.js';

// crpat's own Headers and Response (http/response.ts) read like the standard ones: each case compares with Node's own.
const INPUTS: [string, ConstructorParameters<typeof HttpHeaders>[0]][] = [
  ['pairs with repeats and mixed case', [['Set-Cookie', 'a=1'], ['X-Thing', ' yes '], ['set-cookie', 'b=2'], ['Accept', 'a'], ['accept', 'b']]],
  ['a record', { 'Content-Type': 'application/json', 'x-github-request-id': 'AB:CD' }],
  ['another Headers', new Headers([['b', '2'], ['a', '1']])],
];

describe('HttpHeaders', () => {
  it.each(INPUTS)('reads %s as fetch’s Headers does: get, has, iteration order, set-cookie', (_, init) => {
    const ours = new HttpHeaders(init);
    const standard = new Headers(init as ConstructorParameters<typeof Headers>[0]);
    expect([...ours]).toEqual([...standard]);
    expect([...ours.keys()]).toEqual([...standard.keys()]);
    expect([...ours.values()]).toEqual([...standard.values()]);
    for (const name of ['set-cookie', 'SET-COOKIE', 'x-thing', 'accept', 'content-type', 'missing']) {
      expect(ours.get(name)).toBe(standard.get(name));
      expect(ours.has(name)).toBe(standard.has(name));
    }
    expect(ours.getSetCookie()).toEqual(standard.getSetCookie());
    const seen: string[] = [];
    ours.forEach((value, key, parent) => seen.push(`${key}=${value}:${parent === ours}`));
    expect(seen).toEqual([...standard].map(([key, value]) => `${key}=${value}:true`));
  });

  it('sets, appends and deletes by name, whatever its case', () => {
    const headers = new HttpHeaders({ 'X-Crpat-Retries': 'attempts=2' });
    headers.append('x-crpat-retries', 'attempts=3');
    expect(headers.get('X-CRPAT-RETRIES')).toBe('attempts=2, attempts=3');
    headers.set('X-Crpat-Retries', 'attempts=4');
    expect(headers.get('x-crpat-retries')).toBe('attempts=4');
    headers.delete('X-CRPAT-RETRIES');
    expect(headers.has('x-crpat-retries')).toBe(false);
  });

  it('refuses a header that is not a name and a value, as fetch does', () => {
    expect(() => new HttpHeaders([['a', 'b', 'c']])).toThrow(TypeError);
  });
});

describe('HttpResponse', () => {
  it('reads a body in memory as text, JSON, bytes and a Blob, once', async () => {
    const body = new TextEncoder().encode('\uFEFF{"ok":true}');
    expect(await new HttpResponse(body, { status: 200 }).text()).toBe('{"ok":true}'); // a BOM dropped, as fetch's text()
    expect(await new HttpResponse(body, { status: 200 }).json()).toEqual({ ok: true });
    expect(new Uint8Array(await new HttpResponse(body, { status: 200 }).arrayBuffer())).toEqual(body);
    const blob = await new HttpResponse(body, { status: 200, headers: { 'content-type': 'application/json' } }).blob();
    expect(blob.type).toBe('application/json');
    const once = new HttpResponse(body, { status: 200 });
    await once.text();
    expect(once.bodyUsed).toBe(true);
    await expect(once.text()).rejects.toThrow(TypeError);
  });

  it('has the status, ok and headers of its init', () => {
    const response = new HttpResponse(null, { status: 404, statusText: 'Not Found', headers: [['X-Thing', 'yes']] });
    expect(response).toMatchObject({ status: 404, statusText: 'Not Found', ok: false, body: null, url: '', redirected: false, type: 'basic' });
    expect(response.headers.get('x-thing')).toBe('yes');
    expect(new HttpResponse(null, { status: 204 }).ok).toBe(true);
  });

  it('streams a body still arriving, and stops its source when the reader leaves early', async () => {
    let cancelled = 0;
    async function* source(): AsyncGenerator<Uint8Array> {
      yield Buffer.from('ab');
      yield Buffer.from('cd');
    }
    const whole = new HttpResponse(source(), { status: 200 }, () => cancelled++);
    expect(await whole.text()).toBe('abcd');
    expect(cancelled).toBe(0);
    const left = new HttpResponse(source(), { status: 200 }, () => cancelled++);
    for await (const chunk of left.chunks()) {
      expect(Buffer.from(chunk).toString()).toBe('ab');
      break;
    }
    expect(cancelled).toBe(1);
    const unread = new HttpResponse(source(), { status: 200 }, () => cancelled++);
    await unread.cancel();
    expect(cancelled).toBe(2);
  });

  it('gives its body as a web stream when asked, the same one each time', async () => {
    const response = new HttpResponse(Buffer.from('hello'), { status: 200 });
    expect(response.body).toBe(response.body);
    expect(await new Response(response.body).text()).toBe('hello');
  });

  it('clones an unread answer in memory, and hands formData to Node’s Response', async () => {
    const response = new HttpResponse(Buffer.from('a=1&b=2'), { status: 200, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    const copy = response.clone();
    expect(await copy.text()).toBe('a=1&b=2');
    expect((await response.formData()).get('b')).toBe('2');
    expect(() => response.clone()).toThrow(TypeError);
  });
});

describe('urlOf', () => {
  it('names the URL of a string, a URL or a request-like input', () => {
    expect(urlOf('https://api.github.com/user')).toBe('https://api.github.com/user');
    expect(urlOf(new URL('https://ghcr.io/v2/'))).toBe('https://ghcr.io/v2/');
    expect(urlOf({ url: 'https://ghcr.io/token' })).toBe('https://ghcr.io/token');
  });
});

describe('HttpResponse body stream', () => {
  it('stops the source when its unread web stream is cancelled', async () => {
    let cancelled = 0;
    async function* source(): AsyncGenerator<Uint8Array> {
      yield Buffer.from('ab');
    }
    await new HttpResponse(source(), { status: 200 }, () => cancelled++).body?.cancel();
    expect(cancelled).toBe(1);
  });
});

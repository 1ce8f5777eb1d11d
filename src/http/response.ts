/**
 * crpat's own `Headers` and `Response`: complete implementations of the standard interfaces, for the answers of its
 * HTTP transport (node-fetch.ts) and of the guarded fetch, so a check never touches Node's global `Headers`,
 * `Response` or `Request`. In Node 20 the first touch of any of them loads undici's whole fetch module (~40 ms of CPU
 * before the first request, measured by `npm run bench`, README "Performance"); a check needs none of it.
 * Hand-written: they are the small part of the Fetch standard (https://fetch.spec.whatwg.org/#headers-class,
 * #response-class) a buffered answer needs. `formData()`, which crpat never calls, is handed to Node's own `Response`,
 * which loads undici then and only then.
 */

/** The URL a fetch `input` names, without touching the global `Request` (which would load undici). */
export function urlOf(input: string | URL | { url: string }): string {
  return typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
}

type Source = Uint8Array | AsyncIterable<Uint8Array> | null;
type HeaderInput = Iterable<readonly string[]> | Record<string, string | readonly string[]>;

/** Names lower-case; repeated fields kept in order and joined with ", " by `get`, as fetch's Headers does. */
export class HttpHeaders implements Headers {
  readonly #fields = new Map<string, string[]>();

  constructor(init?: HeaderInput) {
    if (!init) return;
    if (Symbol.iterator in init) {
      for (const pair of init as Iterable<readonly string[]>) {
        if (pair.length !== 2) throw new TypeError('a header must be a [name, value] pair');
        this.append(pair[0] as string, pair[1] as string);
      }
      return;
    }
    for (const [name, value] of Object.entries(init)) {
      for (const one of typeof value === 'string' ? [value] : value) this.append(name, one);
    }
  }

  append(name: string, value: string): void {
    const key = name.toLowerCase();
    const values = this.#fields.get(key);
    if (values) values.push(value.trim());
    else this.#fields.set(key, [value.trim()]);
  }

  set(name: string, value: string): void {
    this.#fields.set(name.toLowerCase(), [value.trim()]);
  }

  delete(name: string): void {
    this.#fields.delete(name.toLowerCase());
  }

  get(name: string): string | null {
    return this.#fields.get(name.toLowerCase())?.join(', ') ?? null;
  }

  has(name: string): boolean {
    return this.#fields.has(name.toLowerCase());
  }

  getSetCookie(): string[] {
    return [...(this.#fields.get('set-cookie') ?? [])];
  }

  forEach(callback: (value: string, key: string, parent: Headers) => void, thisArg?: unknown): void {
    for (const [key, value] of this) callback.call(thisArg, value, key, this);
  }

  /** Sorted by name, repeated fields joined, each `set-cookie` on its own (the standard's iteration order). */
  *entries(): IterableIterator<[string, string]> {
    for (const key of [...this.#fields.keys()].sort()) {
      const values = this.#fields.get(key) ?? [];
      if (key === 'set-cookie') for (const value of values) yield [key, value];
      else yield [key, values.join(', ')];
    }
  }

  *keys(): IterableIterator<string> {
    for (const [key] of this.entries()) yield key;
  }

  *values(): IterableIterator<string> {
    for (const [, value] of this.entries()) yield value;
  }

  [Symbol.iterator](): IterableIterator<[string, string]> {
    return this.entries();
  }
}

export interface HttpResponseInit {
  status: number;
  statusText?: string;
  headers?: HeaderInput;
}

/**
 * An answer whose body is either in memory or still arriving (`chunks`, with `cancel` to stop it). Reading it
 * (`text`, `json`, `arrayBuffer`, `chunks()`) uses it up, as with fetch.
 */
export class HttpResponse implements Response {
  readonly status: number;
  readonly statusText: string;
  readonly headers: HttpHeaders;
  readonly ok: boolean;
  readonly url = '';
  readonly redirected = false;
  readonly type = 'basic' as const;
  #source: Source;
  #used = false;
  #stream: ReadableStream<Uint8Array> | null = null;
  readonly #cancel: () => void;

  constructor(body: Source, init: HttpResponseInit, cancel: () => void = () => undefined) {
    this.status = init.status;
    this.statusText = init.statusText ?? '';
    this.headers = new HttpHeaders(init.headers);
    this.ok = init.status >= 200 && init.status < 300;
    this.#source = body;
    this.#cancel = cancel;
  }

  get bodyUsed(): boolean {
    return this.#used;
  }

  /** Whether the answer has a body at all, without making the web stream `body` would. */
  get hasBody(): boolean {
    return this.#source !== null;
  }

  /** The body as a web stream, made only when asked for (crpat itself reads `chunks()`). */
  get body(): ReadableStream<Uint8Array> | null {
    if (this.#source === null) return null;
    if (this.#stream) return this.#stream;
    const chunks = this.chunks();
    return (this.#stream = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const { value, done } = await chunks.next();
        if (done) controller.close();
        else controller.enqueue(value);
      },
      cancel: async () => {
        if (this.#used) await chunks.return(undefined);
        else await this.cancel();
      },
    }));
  }

  /** The body's bytes as they arrive. Leaving the loop early (break, throw) stops the transfer. */
  async *chunks(): AsyncGenerator<Uint8Array, void, undefined> {
    if (this.#used) throw new TypeError('the body of this answer was already read');
    this.#used = true;
    const source = this.#source;
    if (source === null) return;
    if (source instanceof Uint8Array) {
      yield source;
      return;
    }
    let finished = false;
    try {
      for await (const chunk of source) yield chunk;
      finished = true;
    } finally {
      if (!finished) this.#cancel();
    }
  }

  /** Stops a body that is still arriving, unread (a generator never started would not run its clean-up). */
  async cancel(): Promise<void> {
    if (this.#used) return;
    this.#used = true;
    if (this.#source !== null && !(this.#source instanceof Uint8Array)) this.#cancel();
  }

  async bytes(): Promise<Uint8Array> {
    if (this.#source instanceof Uint8Array && !this.#used) {
      this.#used = true;
      return this.#source;
    }
    const parts: Uint8Array[] = [];
    for await (const chunk of this.chunks()) parts.push(chunk);
    return Buffer.concat(parts);
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    const bytes = await this.bytes();
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  }

  async text(): Promise<string> {
    return new TextDecoder().decode(await this.bytes()); // UTF-8, a BOM dropped, as fetch's text()
  }

  async json(): Promise<unknown> {
    return JSON.parse(await this.text());
  }

  async blob(): Promise<Blob> {
    return new Blob([await this.bytes()], { type: this.headers.get('content-type') ?? '' });
  }

  async formData(): Promise<FormData> {
    return this.#standard().formData();
  }

  /** A copy of an answer in memory; an answer still arriving cannot be copied (crpat never needs it). */
  clone(): Response {
    if (this.#used || !(this.#source === null || this.#source instanceof Uint8Array)) {
      throw new TypeError('only an unread answer held in memory can be cloned');
    }
    return new HttpResponse(this.#source && this.#source.slice(), this);
  }

  /** Node's own Response over this body (loads undici): for what crpat never needs itself. */
  #standard(): Response {
    return new Response(this.body, { status: this.status, statusText: this.statusText, headers: [...this.headers] });
  }
}

import { HttpHeaders, HttpResponse, urlOf } from './response.js';

/**
 * One exchange as it crossed the wire below the guarded fetch: each redirect hop and each retry is its own exchange.
 * Unredacted and held in memory only; `trace/document.ts` redacts it before anything is written.
 */
export interface WireExchange {
  /** `performance.now()` when the request left, to put exchanges back in the order they were sent. */
  startedAt: number;
  method: string;
  url: string;
  requestHeaders: Headers;
  /** null when no answer came (a network error before the headers). */
  status: number | null;
  responseHeaders: Headers | null;
  /** The body as far as it was read, up to the recorder's cap. */
  body: Uint8Array;
  /** Every byte of the body that was read, including those beyond the cap. */
  bodyBytes: number;
  /** The reader stopped before the end of the body (the guarded fetch's size cap). */
  cancelled: boolean;
  /** What broke the exchange, and whether before the answer's headers or while its body was read. */
  failure: { phase: 'headers' | 'body'; error: unknown } | null;
  /** From sending the request to the end of the body (or the failure). */
  ms: number;
}

export type ExchangeSink = (exchange: WireExchange) => void;

// Statuses that never carry a body: the guarded fetch does not read one, so nothing is waited for.
const NULL_BODY = new Set([101, 103, 204, 205, 304]);

/**
 * Wraps `fetch` so every exchange is told to `sink` once it is over: the request as sent and the answer as received,
 * its body captured while the caller reads it (a pass-through of its chunks, so the caller's own size cap and timeout still
 * decide when reading stops). Hand-written: the recording must sit exactly where the guarded fetch meets the
 * transport, and no library records there.
 */
export function recordExchanges(fetch: typeof globalThis.fetch, sink: ExchangeSink, maxBodyBytes = 1024 * 1024): typeof globalThis.fetch {
  return async (input, init = {}) => {
    const startedAt = performance.now();
    const request = {
      startedAt,
      method: (init.method ?? 'GET').toUpperCase(),
      url: urlOf(input),
      requestHeaders: new HttpHeaders(init.headers),
    };
    const elapsed = () => Math.round(performance.now() - startedAt);
    let response: Response;
    try {
      response = await fetch(input, init);
    } catch (error) {
      sink({ ...request, status: null, responseHeaders: null, body: new Uint8Array(), bodyBytes: 0, cancelled: false, failure: { phase: 'headers', error }, ms: elapsed() });
      throw error;
    }
    const answer = { ...request, status: response.status, responseHeaders: new HttpHeaders(response.headers) };
    const empty = response instanceof HttpResponse ? !response.hasBody : response.body === null;
    if (empty || NULL_BODY.has(response.status)) {
      sink({ ...answer, body: new Uint8Array(), bodyBytes: 0, cancelled: false, failure: null, ms: elapsed() });
      return response;
    }
    const chunks: Uint8Array[] = [];
    let kept = 0;
    let bodyBytes = 0;
    let told = false;
    const tell = (end: { cancelled?: boolean; failure?: WireExchange['failure'] }): void => {
      if (told) return;
      told = true;
      sink({ ...answer, body: Buffer.concat(chunks), bodyBytes, cancelled: end.cancelled ?? false, failure: end.failure ?? null, ms: elapsed() });
    };
    async function* recorded(source: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
      let finished = false;
      try {
        for await (const value of source) {
          bodyBytes += value.byteLength;
          if (kept < maxBodyBytes) {
            const part = value.subarray(0, maxBodyBytes - kept);
            chunks.push(part);
            kept += part.byteLength;
          }
          yield value;
        }
        finished = true;
        tell({});
      } catch (error) {
        tell({ failure: { phase: 'body', error } });
        throw error;
      } finally {
        // The reader left early (the guarded fetch's size cap): the source is cancelled by leaving its loop.
        if (!finished) tell({ cancelled: true });
      }
    }
    const source = response instanceof HttpResponse ? response.chunks() : (response.body as unknown as AsyncIterable<Uint8Array>);
    return new HttpResponse(recorded(source), { status: response.status, statusText: response.statusText, headers: response.headers });
  };
}

import { request as httpRequest, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';

/** A buffered upstream answer. */
export interface UpstreamAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade', 'host', 'te', 'trailer']);

/** Copies end-to-end headers (RFC 9110 §7.6.1), dropping hop-by-hop ones and `content-length` when asked. */
export function endToEnd(headers: IncomingHttpHeaders, dropLength = false): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || HOP_BY_HOP.has(name) || (dropLength && name === 'content-length')) continue;
    out[name] = value;
  }
  return out;
}

/** Sends `incoming` (method, headers incl. Authorization, streamed body) to `target` and buffers the answer. */
export function forward(incoming: IncomingMessage, method: string, target: URL): Promise<UpstreamAnswer> {
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const headers = { ...endToEnd(incoming.headers), host: target.host };
    const outgoing = send(target, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.once('error', reject);
      res.once('end', () => resolve({ status: res.statusCode ?? 502, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    outgoing.once('error', reject);
    incoming.pipe(outgoing);
  });
}

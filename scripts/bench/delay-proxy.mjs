import { createServer, connect } from 'node:net';

/**
 * A TCP proxy on 127.0.0.1 that makes loopback behave like a network with round-trip time `rttMs`: the first bytes
 * of each connection wait one extra round trip (TCP's handshake), and every chunk takes half a round trip in each
 * direction, in order. TLS passes through untouched, so a handshake costs on loopback what it costs on a network.
 * With `rttMs: 0` it only counts: connections opened, bytes each way.
 *
 * @param {{ targetPort: number, targetHost?: string, rttMs: number }} options
 * @returns {Promise<{ port: number, url: (scheme: string) => string, stats: { connections: number }, close: () => Promise<void> }>}
 */
export async function startDelayProxy({ targetPort, targetHost = '127.0.0.1', rttMs }) {
  const stats = { connections: 0 };
  const sockets = new Set();
  const server = createServer((client) => {
    stats.connections += 1;
    const upstream = connect(targetPort, targetHost);
    for (const socket of [client, upstream]) {
      socket.setNoDelay(true);
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    relay(client, upstream, rttMs / 2, rttMs);
    relay(upstream, client, rttMs / 2, 0);
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  return {
    port,
    url: (scheme) => `${scheme}://127.0.0.1:${port}`,
    stats,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Copies `from` → `to`, each chunk `delayMs` later (the first `firstExtraMs` more), never reordered. */
function relay(from, to, delayMs, firstExtraMs) {
  let last = 0;
  let first = true;
  let pending = 0;
  let ended = false;
  from.on('data', (chunk) => {
    const now = performance.now();
    const at = Math.max(now + delayMs + (first ? firstExtraMs : 0), last);
    first = false;
    last = at;
    pending += 1;
    const deliver = () => {
      pending -= 1;
      if (!to.destroyed) to.write(chunk);
      if (ended && pending === 0) to.end();
    };
    if (at - now <= 0) deliver();
    else setTimeout(deliver, at - now);
  });
  from.on('end', () => {
    ended = true;
    if (pending === 0) to.end();
  });
}

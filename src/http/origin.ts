/**
 * Where a credential may go is decided by origin, not host name: scheme, host and port (RFC 6454 §4), the default port
 * of the scheme dropped (WHATWG URL does that). Another port on the same machine is another service, and `http://` is
 * another origin than `https://`. `localhost` is read as 127.0.0.1 here and on the wire (see `onLoopbackLiteral`), so
 * a name the resolver could map anywhere never decides where the token goes. Pure.
 */

/** `https://api.github.com`, `http://127.0.0.1:5000`; `localhost` becomes 127.0.0.1. */
export function originOf(url: URL | string): string {
  return onLoopbackLiteral(typeof url === 'string' ? new URL(url) : url).origin;
}

/** Whether `url` is on one of `origins` (each compared through `originOf`). */
export function isOnOrigin(url: URL | string, origins: readonly string[]): boolean {
  const origin = originOf(url);
  return origins.some((allowed) => originOf(allowed) === origin);
}

/**
 * `url` with the host `localhost` replaced by the literal 127.0.0.1: crpat resolves `localhost` itself instead of
 * asking the resolver (which /etc/hosts or a DNS server could point elsewhere). Other URLs are returned as they are.
 */
export function onLoopbackLiteral(url: URL): URL {
  if (url.hostname.toLowerCase() !== 'localhost') return url;
  const literal = new URL(url.href);
  literal.hostname = '127.0.0.1';
  return literal;
}

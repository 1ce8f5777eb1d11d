import { err, ok, type Result } from '../result.js';
import { trimOuter } from './parse.js';
import { unsafeTextReason } from './unsafe-text.js';

/**
 * Where the REST API and the container registry live for a GitHub host, and validation of the
 * `--api-url` / `--registry` overrides. Plain http is allowed only towards this machine (test rigs).
 */

const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//;
const GHE_COM = /^([a-z0-9-]+)\.ghe\.com$/;

/** True for `localhost`, 127.0.0.0/8 and `::1` (bracketed or not). The hostname must not carry a port. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  if (host === 'localhost' || host === '::1' || host === '0:0:0:0:0:0:0:1') return true;
  const v4 = /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  return v4 !== null && v4.slice(1).every((octet) => Number(octet) <= 255);
}

/** `--api-url`: https (http only for loopback), no credentials, query or fragment; a trailing `/` is dropped. */
export function parseApiUrl(input: string): Result<URL> {
  const url = parseHttpUrl(input, 'API URL', 'https://api.github.com');
  if (!url.ok) return url;
  url.value.pathname = url.value.pathname.replace(/\/+$/, '') || '/';
  return url;
}

/**
 * `--registry`: `ghcr.io`, `host:port`, `https://host[:port]`, or `http://host:port` for a loopback host.
 * `origin` is e.g. `https://ghcr.io`; `host` is `ghcr.io` or `127.0.0.1:5000` (default port dropped).
 */
export function parseRegistry(input: string): Result<{ origin: string; host: string }> {
  const text = trimOuter(input);
  const url = parseHttpUrl(SCHEME.test(text) ? text : `https://${text}`, 'registry', 'ghcr.io');
  if (!url.ok) return text === '' ? err('The registry is empty; pass a host such as ghcr.io.') : url;
  if (url.value.pathname !== '/') return err('Pass only the registry host, e.g. ghcr.io, not an image path.');
  return ok({ origin: url.value.origin, host: url.value.host });
}

/**
 * Default API URL and registry for a GitHub host (docs/github-behaviour.md; github/docs reusables
 * `container-registry-hostname`): github.com → api.github.com + ghcr.io; SUB.ghe.com → api.SUB.ghe.com +
 * containers.SUB.ghe.com; a GitHub Enterprise Server → https://HOST/api/v3 + containers.HOST. Whether a host may be
 * treated as one is destination/trust.ts's decision, never this function's.
 */
export function defaultEndpoints(host: string): { apiUrl: string; registry: string } {
  const h = host.toLowerCase();
  if (h === 'github.com') return { apiUrl: 'https://api.github.com', registry: 'ghcr.io' };
  const sub = GHE_COM.exec(h);
  if (sub) return { apiUrl: `https://api.${sub[1]}.ghe.com`, registry: `containers.${sub[1]}.ghe.com` };
  return { apiUrl: `https://${h}/api/v3`, registry: `containers.${h}` };
}

function parseHttpUrl(input: string, what: string, example: string): Result<URL> {
  const text = trimOuter(input);
  const unsafe = unsafeTextReason(text, what, `pass a URL such as ${example}`);
  if (unsafe !== null) return err(unsafe);
  const scheme = SCHEME.exec(text)?.[1]?.toLowerCase();
  if (scheme !== 'https' && scheme !== 'http') return err(`The ${what} must start with https://, e.g. ${example}.`);
  if (/[?#]/.test(text)) return err(`The ${what} must not have a query string or fragment.`);
  if (text.includes('%')) return err(`The ${what} must not contain percent-encoding (%).`);
  const url = tryUrl(text);
  if (url === null) return err(`The ${what} is not a valid URL; pass one such as ${example}.`);
  if (url.username !== '' || url.password !== '') return err(`Credentials must not be in the ${what}; remove the user:password@ part.`);
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    return err(`The ${what} must use https:// (http:// is allowed only for a loopback host: localhost, 127.0.0.0/8, ::1).`);
  }
  return ok(url);
}

/** `new URL(text)`, or null where that throws (Node 20 has no `URL.parse`). */
export function tryUrl(text: string): URL | null {
  try {
    return new URL(text);
  } catch {
    return null;
  }
}

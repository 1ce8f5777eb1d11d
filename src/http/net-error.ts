import type { Setting, SettingWords } from '../settings.js';

/** Why an HTTP exchange produced no answer. Each kind gets its own advice; none means "bad token". */
export type NetErrorKind =
  | 'timeout'
  | 'dns'
  | 'refused'
  | 'reset'
  | 'closed'
  | 'tls'
  | 'not-tls'
  | 'redirect'
  | 'off-host'
  | 'insecure'
  | 'unverified-tls'
  | 'too-large'
  | 'aborted'
  | 'network';

/**
 * A failed exchange. Built from a host or URL and a cause, never from request headers, so it cannot hold the token.
 * `attempts` counts the tries behind it when the request was retried.
 */
export class NetError extends Error {
  override readonly name = 'NetError';
  constructor(
    readonly kind: NetErrorKind,
    message: string,
    readonly attempts = 1,
  ) {
    super(message);
  }
}

const CODE_KINDS: Record<string, NetErrorKind> = {
  ENOTFOUND: 'dns',
  EAI_AGAIN: 'dns',
  EAI_NONAME: 'dns',
  ECONNREFUSED: 'refused',
  ECONNRESET: 'reset',
  EPIPE: 'reset',
  // undici: the peer closed the socket (FIN) before the answer was complete, e.g. short of its Content-Length.
  UND_ERR_SOCKET: 'closed',
  UND_ERR_CLOSED: 'closed',
  // crpat's transport (http/node-fetch.ts), with Node's code for the same thing.
  ERR_STREAM_PREMATURE_CLOSE: 'closed',
  UND_ERR_CONNECT_TIMEOUT: 'timeout',
  UND_ERR_HEADERS_TIMEOUT: 'timeout',
  UND_ERR_BODY_TIMEOUT: 'timeout',
  ETIMEDOUT: 'timeout',
  // Answer headers over Node's limit (16 KiB by default): the same answer comes again, so it is not retried.
  // undici names it UND_ERR_HEADERS_OVERFLOW; node:http's parser (crpat's transport, http/node-fetch.ts)
  // HPE_HEADER_OVERFLOW.
  UND_ERR_HEADERS_OVERFLOW: 'too-large',
  HPE_HEADER_OVERFLOW: 'too-large',
};

function errorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current instanceof Error; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** `host:port` or `[::1]:port` → the name alone. */
function hostname(host: string): string {
  return host.replace(/:\d+$/, '');
}

/** Turns whatever `fetch` threw into a NetError that names what happened to `host`. */
export function toNetError(error: unknown, host: string, timeoutMs: number): NetError {
  if (error instanceof NetError) return error;
  const name = error instanceof Error ? error.name : '';
  if (name === 'TimeoutError') return new NetError('timeout', `${host} did not answer within ${timeoutMs / 1000} s`);
  if (name === 'AbortError') return new NetError('aborted', `the request to ${host} was cancelled`);
  const code = errorCode(error) ?? '';
  // OpenSSL's answer when the peer's first bytes are not a TLS record: plain http on that port, or another protocol.
  if (/^ERR_SSL_(WRONG_VERSION_NUMBER|PACKET_LENGTH_TOO_LONG|HTTP_REQUEST)$/.test(code)) {
    return new NetError('not-tls', `${host} does not speak TLS (https) on that port (${code})`);
  }
  // OpenSSL's verify codes (UNABLE_TO_VERIFY_LEAF_SIGNATURE, SELF_SIGNED_CERT_IN_CHAIN, ...) and Node's ERR_TLS_*.
  if (/CERT|SIGNATURE|ISSUER|SELF_SIGNED|^ERR_TLS|^ERR_SSL|HOSTNAME/.test(code)) {
    return new NetError('tls', `the TLS certificate of ${host} is not trusted by this machine (${code})`);
  }
  const kind = CODE_KINDS[code] ?? 'network';
  const said: Partial<Record<NetErrorKind, string>> = {
    dns: `the name ${hostname(host)} does not resolve`,
    refused: `${host} refused the connection`,
    reset: `the connection to ${host} was reset`,
    closed: `${host} closed the connection before the answer was complete`,
    timeout: `${host} did not answer within ${timeoutMs / 1000} s`,
    'too-large': `${host} sent answer headers larger than Node.js accepts (${code})`,
  };
  return new NetError(kind, said[kind] ?? `could not reach ${host}${code ? ` (${code})` : ''}`);
}

/** Which host an exchange went to, named by the setting that chose it: the one to check when it fails. */
export type Endpoint = Extract<Setting, 'apiUrl' | 'registry'>;

/**
 * What to try after `error`, in one sentence ('' when there is nothing to add). `endpoint` is the setting that chose
 * the host; `words` names it as the shell that asked offers it (a flag, an input, an option).
 */
export function netAdvice(error: NetError, endpoint: Endpoint, words: SettingWords): string {
  const service = endpoint === 'apiUrl' ? "GitHub's REST API" : 'a container registry';
  const setting = words.names[endpoint];
  switch (error.kind) {
    case 'timeout':
      return words.names.timeout === null ? 'Try again.' : `Try again; on a slow network or behind a proxy, raise ${words.names.timeout}.`;
    case 'dns':
      return `Check the host name (${setting}) and this machine's network and DNS.`;
    case 'refused':
      return `Check the host and port (${setting}): nothing accepts connections there.`;
    case 'reset':
    case 'closed':
      return 'Try again; if it keeps happening, a proxy, VPN or firewall on the way may be cutting connections.';
    case 'tls':
      return 'If this network uses a private CA or a TLS-inspecting proxy, point NODE_EXTRA_CA_CERTS at its certificate file.';
    case 'not-tls':
      return `If it serves plain http (allowed only on a loopback host), ${words.give(setting, 'http://host:port')}.`;
    case 'redirect':
      return `Check ${setting}: pass the address that answers directly, not one that redirects.`;
    case 'off-host':
    case 'insecure':
      return `Check ${setting}: the token goes only to the API's and the registry's origin, over https.`;
    case 'unverified-tls':
      return ''; // the message says what to change
    case 'too-large':
      return `Check that ${setting} points at ${service}: something else answered.`;
    case 'aborted':
      return ''; // cancelled on purpose (Ctrl-C) or not sent for a reason the message gives
    case 'network':
      return 'Check the network connection, then try again.';
  }
}

/** `the connection to x was reset (3 attempts)`: the message, and how often it was tried when more than once. */
export function describeNetError(error: NetError): string {
  return error.attempts > 1 ? `${error.message} (${error.attempts} attempts)` : error.message;
}

/** `<message>. <advice>`: the failure as a sentence followed by what to try, for a finding's summary. */
export function netSentence(error: NetError, endpoint: Endpoint, words: SettingWords): string {
  const advice = netAdvice(error, endpoint, words);
  return `${describeNetError(error)}.${advice ? ` ${advice}` : ''}`;
}

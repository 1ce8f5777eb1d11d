/** Why an HTTP exchange produced no answer. Each kind gets its own advice; none means "bad token". */
export type NetErrorKind =
  | 'timeout'
  | 'dns'
  | 'refused'
  | 'reset'
  | 'tls'
  | 'redirect'
  | 'off-host'
  | 'insecure'
  | 'too-large'
  | 'aborted'
  | 'network';

/** A failed exchange. Built from a URL and a cause, never from request headers, so it cannot hold the token. */
export class NetError extends Error {
  override readonly name = 'NetError';
  constructor(
    readonly kind: NetErrorKind,
    message: string,
  ) {
    super(message);
  }
}

const CODE_KINDS: Record<string, NetErrorKind> = {
  ENOTFOUND: 'dns',
  EAI_AGAIN: 'dns',
  ECONNREFUSED: 'refused',
  ECONNRESET: 'reset',
  EPIPE: 'reset',
  UND_ERR_SOCKET: 'reset',
  UND_ERR_CLOSED: 'reset',
  UND_ERR_CONNECT_TIMEOUT: 'timeout',
  UND_ERR_HEADERS_TIMEOUT: 'timeout',
  UND_ERR_BODY_TIMEOUT: 'timeout',
  ETIMEDOUT: 'timeout',
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

/** Turns whatever `fetch` threw into a NetError that names what happened to `host`. */
export function toNetError(error: unknown, host: string, timeoutMs: number): NetError {
  if (error instanceof NetError) return error;
  const name = error instanceof Error ? error.name : '';
  if (name === 'TimeoutError') return new NetError('timeout', `${host} did not answer within ${timeoutMs / 1000} s`);
  if (name === 'AbortError') return new NetError('aborted', `the request to ${host} was cancelled`);
  const code = errorCode(error) ?? '';
  // OpenSSL's verify codes (UNABLE_TO_VERIFY_LEAF_SIGNATURE, SELF_SIGNED_CERT_IN_CHAIN, ...) and Node's ERR_TLS_*.
  if (/CERT|SIGNATURE|ISSUER|SELF_SIGNED|^ERR_TLS|^ERR_SSL|HOSTNAME/.test(code)) {
    return new NetError('tls', `the TLS certificate of ${host} is not trusted (${code}); for a private CA set NODE_EXTRA_CA_CERTS`);
  }
  const kind = CODE_KINDS[code] ?? 'network';
  const said: Record<NetErrorKind, string> = {
    dns: `the name ${host} does not resolve`,
    refused: `${host} refused the connection`,
    reset: `the connection to ${host} was reset`,
    timeout: `${host} did not answer within ${timeoutMs / 1000} s`,
    network: `could not reach ${host}${code ? ` (${code})` : ''}`,
    tls: '',
    redirect: '',
    'off-host': '',
    insecure: '',
    'too-large': '',
    aborted: '',
  };
  return new NetError(kind, said[kind]);
}

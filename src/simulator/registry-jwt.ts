import { createPrivateKey, randomBytes, sign, X509Certificate } from 'node:crypto';

/** One `access` entry of a registry token: the actions granted on one repository (ledger github-api §7.1). */
export interface RegistryAccess {
  type: 'repository';
  /** Repository name as the registry routes it, e.g. `octo-org/my-app` (lower case). */
  name: string;
  /** Granted actions, e.g. `['pull', 'push']`; `delete` is what distribution 2.8.2 needs to cancel an upload. */
  actions: string[];
}

/** What the token service decides per request; everything else comes from the signer's options. */
export interface RegistryTokenClaims {
  /** Subject (the user); the token spec uses an empty string for anonymous. */
  sub: string;
  access: RegistryAccess[];
}

export interface RegistryTokenSignerOptions {
  /** PEM private key (P-256) that signs tokens; must belong to the first certificate in `certPem`. */
  keyPem: string;
  /**
   * PEM certificate(s) for `keyPem`, leaf first. Sent as the `x5c` header; the registry verifies the chain against
   * its `auth.token.rootcertbundle`, so that bundle must contain this certificate (or its issuer).
   */
  certPem: string;
  /** `iss`; must equal the registry's `auth.token.issuer`. */
  issuer: string;
  /** `aud`; must equal the registry's `auth.token.service` (e.g. `ghcr.io`). */
  service: string;
  /** Clock in milliseconds since the epoch. @default Date.now */
  now?: () => number;
  /** Lifetime of each token (`exp - iat`). @default 300 */
  ttlSeconds?: number;
}

/** Signs one registry bearer token. */
export type RegistryTokenSigner = (claims: RegistryTokenClaims) => string;

/**
 * Builds a signer for Docker Registry v2 bearer tokens that distribution 2.8.2 accepts (ledger github-api §7.2):
 * ES256 JWT, header `{alg, typ, x5c}`, claims `iss, sub, aud, exp, nbf, iat, jti, access`, `aud` a JSON string
 * (2.8.2 cannot parse an array), signature raw r||s. Key and certificate are checked once, here.
 *
 * @example
 * const signToken = createRegistryTokenSigner({ keyPem, certPem, issuer: 'crpat-simulator', service: 'ghcr.io' });
 * const token = signToken({
 *   sub: 'octocat',
 *   access: [{ type: 'repository', name: 'octo-org/my-app', actions: ['pull', 'push'] }],
 * });
 */
export function createRegistryTokenSigner(options: RegistryTokenSignerOptions): RegistryTokenSigner {
  const { issuer, service, now = Date.now, ttlSeconds = 300 } = options;
  if (!Number.isInteger(ttlSeconds) || ttlSeconds <= 0) {
    throw new RangeError(`ttlSeconds must be a positive integer, got ${ttlSeconds}`);
  }
  const key = createPrivateKey(options.keyPem);
  if (key.asymmetricKeyType !== 'ec' || key.asymmetricKeyDetails?.namedCurve !== 'prime256v1') {
    throw new TypeError('keyPem must be an EC P-256 private key (ES256)');
  }
  const chain = pemCertificates(options.certPem);
  const [leaf] = chain;
  if (leaf === undefined) throw new TypeError('certPem contains no certificate');
  if (!leaf.checkPrivateKey(key)) throw new TypeError('keyPem does not belong to the first certificate in certPem');

  const x5c = chain.map((cert) => cert.raw.toString('base64'));
  const header = base64url(JSON.stringify({ alg: 'ES256', typ: 'JWT', x5c }));

  return ({ sub, access }) => {
    const iat = Math.floor(now() / 1000);
    const payload = base64url(
      JSON.stringify({
        iss: issuer,
        sub,
        aud: service,
        exp: iat + ttlSeconds,
        nbf: iat,
        iat,
        jti: randomBytes(16).toString('hex'),
        access: access.map(({ type, name, actions }) => ({ type, name, actions })),
      }),
    );
    const signingInput = `${header}.${payload}`;
    // JWS wants ECDSA signatures as fixed-size r||s, not the DER that crypto.sign produces by default.
    const signature = sign('sha256', Buffer.from(signingInput), { key, dsaEncoding: 'ieee-p1363' });
    return `${signingInput}.${signature.toString('base64url')}`;
  };
}

function base64url(text: string): string {
  return Buffer.from(text).toString('base64url');
}

function pemCertificates(pem: string): X509Certificate[] {
  const blocks = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  return blocks.map((block) => new X509Certificate(block));
}

import { generateKeyPairSync, verify, X509Certificate } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRegistryTokenSigner } from '../../src/simulator/registry-jwt.js';
import { generateTestCerts, type TestCerts } from './certs.js';

// The token's shape, offline. That docker-registry 2.8.2 accepts it is proven in registry.test.ts.

const NOW = Date.UTC(2026, 10, 26, 12, 0, 0);
const ACCESS = [{ type: 'repository' as const, name: 'octo-org/my-app', actions: ['pull', 'push'] }];

let certs: TestCerts;

beforeAll(async () => {
  certs = await generateTestCerts();
});

afterAll(async () => {
  await certs?.remove();
});

function decode(part: string | undefined): unknown {
  return JSON.parse(Buffer.from(part ?? '', 'base64url').toString('utf8'));
}

describe('createRegistryTokenSigner', () => {
  const signer = () =>
    createRegistryTokenSigner({
      keyPem: certs.signing.keyPem,
      certPem: certs.signing.certPem,
      issuer: 'crpat-simulator',
      service: 'ghcr.io',
      now: () => NOW,
      ttlSeconds: 120,
    });

  it('§7.1 header: ES256, typ JWT, x5c = [base64 DER of the certificate]', () => {
    const [header] = signer()({ sub: 'octocat', access: ACCESS }).split('.');
    const der = new X509Certificate(certs.signing.certPem).raw.toString('base64');
    expect(decode(header)).toEqual({ alg: 'ES256', typ: 'JWT', x5c: [der] });
  });

  it('§7.1/§7.2 claims: iss, sub, aud as a string, exp = iat + ttl, nbf = iat, random jti, access', () => {
    const sign = signer();
    const first = decode(sign({ sub: 'octocat', access: ACCESS }).split('.')[1]);
    const second = decode(sign({ sub: 'octocat', access: ACCESS }).split('.')[1]);
    const iat = NOW / 1000;
    expect(first).toEqual({
      iss: 'crpat-simulator',
      sub: 'octocat',
      aud: 'ghcr.io',
      exp: iat + 120,
      nbf: iat,
      iat,
      jti: expect.stringMatching(/^[0-9a-f]{32}$/),
      access: ACCESS,
    });
    expect(Object.keys(first as object)).toEqual(['iss', 'sub', 'aud', 'exp', 'nbf', 'iat', 'jti', 'access']);
    expect((first as { jti: string }).jti).not.toBe((second as { jti: string }).jti);
  });

  it('§7.2 signature: 64-byte raw r||s over header.payload, verifiable with the certificate key', () => {
    const token = signer()({ sub: '', access: [] });
    const [header, payload, signature] = token.split('.');
    const raw = Buffer.from(signature ?? '', 'base64url');
    expect(raw).toHaveLength(64);
    const key = new X509Certificate(certs.signing.certPem).publicKey;
    expect(verify('sha256', Buffer.from(`${header}.${payload}`), { key, dsaEncoding: 'ieee-p1363' }, raw)).toBe(true);
  });

  it('refuses a key that does not belong to the certificate', () => {
    const options = { certPem: certs.signing.certPem, issuer: 'i', service: 's' };
    expect(() => createRegistryTokenSigner({ ...options, keyPem: certs.ca.keyPem })).toThrow(/does not belong/);
  });

  it('refuses a key that is not P-256', () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const keyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    expect(() =>
      createRegistryTokenSigner({ keyPem, certPem: certs.signing.certPem, issuer: 'i', service: 's' }),
    ).toThrow(/P-256/);
  });

  it('refuses a certPem without a certificate and a ttl that is not a positive integer', () => {
    const options = { keyPem: certs.signing.keyPem, issuer: 'i', service: 's' };
    expect(() => createRegistryTokenSigner({ ...options, certPem: '' })).toThrow(/no certificate/);
    expect(() => createRegistryTokenSigner({ ...options, certPem: certs.signing.certPem, ttlSeconds: 0 })).toThrow(
      RangeError,
    );
  });
});

import sodium from 'libsodium-wrappers';
import { beforeAll, describe, expect, it } from 'vitest';
import { sealSecret } from '../../../src/secrets/seal.js';

beforeAll(async () => {
  await sodium.ready;
});

describe('sealSecret', () => {
  it('makes a sealed box the key pair opens, in standard padded base64 (the OpenAPI pattern)', async () => {
    const pair = sodium.crypto_box_keypair();
    const value = 'ghp_ünïcode and more';
    const sealed = await sealSecret(value, sodium.to_base64(pair.publicKey, sodium.base64_variants.ORIGINAL));
    expect(sealed).toMatch(/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=|[A-Za-z0-9+/]{4})$/);
    const opened = sodium.crypto_box_seal_open(Buffer.from(sealed, 'base64'), pair.publicKey, pair.privateKey);
    expect(Buffer.from(opened).toString('utf8')).toBe(value);
  });

  it('is randomised: the same value seals differently each time', async () => {
    const key = sodium.to_base64(sodium.crypto_box_keypair().publicKey, sodium.base64_variants.ORIGINAL);
    expect(await sealSecret('x', key)).not.toBe(await sealSecret('x', key));
  });

  it.each([
    ['not base64 at all!', /not base64/],
    [Buffer.alloc(16).toString('base64'), /16 bytes, not 32/],
  ])('refuses a malformed key %s', async (key, message) => {
    await expect(sealSecret('x', key)).rejects.toThrow(message);
  });
});

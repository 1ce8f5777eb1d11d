import { loadSodium } from './sodium.js';

/** A public key GitHub gave for encrypting Actions secrets (`GET …/actions/secrets/public-key`). */
export interface SecretsPublicKey {
  keyId: string;
  /** Base64 (standard alphabet) Curve25519 public key, 32 bytes. */
  key: string;
}

const KEY_BYTES = 32;

/**
 * Encrypts `value` (UTF-8) for GitHub as a libsodium sealed box (`crypto_box_seal`) with the repository's or
 * organization's public key, and returns it in standard padded base64, as the secrets API requires
 * (ledger github-api §7; github/docs "Encrypting secrets for the REST API"). Throws a TypeError on a malformed key.
 */
export async function sealSecret(value: string, publicKeyBase64: string): Promise<string> {
  const sodium = await loadSodium();
  let key: Uint8Array;
  try {
    key = sodium.from_base64(publicKeyBase64, sodium.base64_variants.ORIGINAL);
  } catch {
    throw new TypeError('the public key GitHub returned is not base64');
  }
  if (key.length !== KEY_BYTES) throw new TypeError(`the public key GitHub returned is ${key.length} bytes, not ${KEY_BYTES}`);
  const sealed = sodium.crypto_box_seal(sodium.from_string(value), key);
  return sodium.to_base64(sealed, sodium.base64_variants.ORIGINAL);
}

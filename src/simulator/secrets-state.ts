import { randomInt } from 'node:crypto';
import { loadSodium } from '../secrets/sodium.js';

/** An Actions secret as GitHub stores it, decrypted: the simulator keeps the plaintext so tests can read it. */
export interface SimSecret {
  /** A repository secret or an organization secret. */
  level: 'repository' | 'organization';
  /** Repository owner or organization login. */
  owner: string;
  /** Repository name; null for an organization secret. */
  repo: string | null;
  /** Upper-cased: secret names are case-insensitive (ledger github-api §7), shown in upper case [inferred]. */
  name: string;
  /** The decrypted value. */
  value: string;
  /** Organization secrets only; null for repository secrets. */
  visibility: 'all' | 'private' | 'selected' | null;
  selectedRepositoryIds: number[];
  createdAt: Date;
  updatedAt: Date;
}

/** A Curve25519 key pair as `crypto_box_keypair` makes it, with GitHub's key id. */
export interface SecretsKeyPair {
  keyId: string;
  publicKey: Uint8Array;
  privateKey: Uint8Array;
}

/** Keys and secrets per repository (`repo:<id>`) or organization (`org:<id>`), created on first use. */
export interface SecretsState {
  keys: Map<string, SecretsKeyPair>;
  secrets: Map<string, SimSecret>;
}

export function newSecretsState(): SecretsState {
  return { keys: new Map(), secrets: new Map() };
}

/** The key pair of a repository or organization; generated once, with a numeric 18-digit id like GitHub's example. */
export async function keyPairFor(state: SecretsState, holder: string): Promise<SecretsKeyPair> {
  const existing = state.keys.get(holder);
  if (existing) return existing;
  const sodium = await loadSodium();
  const { publicKey, privateKey } = sodium.crypto_box_keypair();
  const pair = state.keys.get(holder) ?? { keyId: digits(18), publicKey, privateKey };
  state.keys.set(holder, pair);
  return pair;
}

export async function publicKeyBase64(pair: SecretsKeyPair): Promise<string> {
  const sodium = await loadSodium();
  return sodium.to_base64(pair.publicKey, sodium.base64_variants.ORIGINAL);
}

/** Opens a sealed box sent as standard base64; null when it is not one for this key (wrong key, tampered, not UTF-8). */
export async function openSealed(pair: SecretsKeyPair, encrypted: string): Promise<string | null> {
  const sodium = await loadSodium();
  try {
    const bytes = sodium.from_base64(encrypted, sodium.base64_variants.ORIGINAL);
    const plain = sodium.crypto_box_seal_open(bytes, pair.publicKey, pair.privateKey);
    return new TextDecoder('utf-8', { fatal: true }).decode(plain);
  } catch {
    return null;
  }
}

export function secretKey(holder: string, name: string): string {
  return `${holder}\n${name.toUpperCase()}`;
}

/** Every stored secret, copied, in creation order. */
export function listSecrets(state: SecretsState): SimSecret[] {
  return [...state.secrets.values()].map((secret) => ({ ...secret, selectedRepositoryIds: [...secret.selectedRepositoryIds] }));
}

function digits(count: number): string {
  let out = '';
  while (out.length < count) out += String(randomInt(0, 10));
  return out;
}

import type Sodium from 'libsodium-wrappers';

export type SodiumLib = typeof Sodium;

let loading: Promise<SodiumLib> | undefined;

/**
 * libsodium, loaded on first use: a dynamic import keeps its WebAssembly out of the bundles that never encrypt
 * (`crpat check`, the Action), and `ready` is awaited once.
 */
export function loadSodium(): Promise<SodiumLib> {
  loading ??= import('libsodium-wrappers').then(async (module) => {
    const sodium = module.default;
    await sodium.ready;
    return sodium;
  });
  return loading;
}

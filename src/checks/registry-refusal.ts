import type { RegistryRefusal } from '../registry/types.js';

/** `403 DENIED: permission_denied: write_package`: status, then the registry's own code and message, quoted as sent. */
export function describeRefusal(refusal: RegistryRefusal): string {
  const first = refusal.errors[0];
  const error = first ? ` ${first.code}: ${first.message}` : '';
  const challenge = refusal.challengeError ? ` (${refusal.challengeError})` : '';
  return `HTTP ${refusal.status}${error}${challenge}`;
}

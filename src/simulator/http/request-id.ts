import { randomBytes } from 'node:crypto';

/**
 * An `x-github-request-id` like `5498:3F219F:18172B2:275A386:66084DC8` (ledger github-api §2.3): four random hex
 * groups and the epoch seconds in hex.
 */
export function newRequestId(now: Date): string {
  const hex = (bytes: number, length: number) => randomBytes(bytes).toString('hex').toUpperCase().slice(0, length);
  const epoch = Math.floor(now.getTime() / 1000).toString(16).toUpperCase().padStart(8, '0');
  return `${hex(2, 4)}:${hex(3, 6)}:${hex(4, 7)}:${hex(4, 7)}:${epoch}`;
}

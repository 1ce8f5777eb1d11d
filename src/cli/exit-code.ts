import { CancelledError, InconclusiveError, UsageError } from '../errors.js';
import type { Verdict } from '../types.js';

/** The one table of exit codes (README "Exit codes"). */
export const EXIT_CODES = {
  /** The token can push. */
  pass: 0,
  /** The token cannot push. */
  fail: 1,
  /** Bad input or cancelled: nothing was decided. */
  usage: 2,
  cancelled: 2,
  /** A check could not be completed (network, timeout, 5xx, rate limit), or crpat itself failed. */
  inconclusive: 3,
  internal: 3,
} as const;

export type ExitCode = (typeof EXIT_CODES)[keyof typeof EXIT_CODES];

/** pass → 0, fail → 1, inconclusive → 3. */
export function exitCodeForVerdict(verdict: Verdict): ExitCode {
  return EXIT_CODES[verdict];
}

/** UsageError → 2, CancelledError → 2, InconclusiveError → 3, anything else → 3 (an internal error decides nothing). */
export function exitCodeForError(error: unknown): ExitCode {
  if (error instanceof UsageError) return EXIT_CODES.usage;
  if (error instanceof CancelledError) return EXIT_CODES.cancelled;
  if (error instanceof InconclusiveError) return EXIT_CODES.inconclusive;
  return EXIT_CODES.internal;
}

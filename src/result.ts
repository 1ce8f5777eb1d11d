/**
 * The outcome of a pure parser: a value, or one short sentence the user can act on.
 * Parsers return this instead of throwing, so any string (even hostile) has a defined answer.
 */
export type Result<T> = { ok: true; value: T } | { ok: false; reason: string };

/** A success carrying `value`. */
export function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

/** A failure; `reason` is one sentence that says what to change. */
export function err(reason: string): { ok: false; reason: string } {
  return { ok: false, reason };
}

import type { Writable } from 'node:stream';
import { eraseAbove } from './progress.js';

/** Lines written while work goes on (one per repository decided, a retry note), erasable when the report arrives. */
export interface TransientLines {
  write(line: string): void;
  /** Erases every line written so far (when `transient`); later writes start a new set. Idempotent. */
  clear(): void;
}

export interface TransientLinesOptions {
  stream: Writable;
  /** Erase on `clear()`: only on a terminal whose screen the report then fills. */
  transient: boolean;
  /** Terminal width, to count the rows a long line takes. 0: unknown (every line one row). */
  columns: number;
}

const SGR = /\u001b\[[0-9;]*m/g; // eslint-disable-line no-control-regex

/** Counts the terminal rows of what it writes, so `clear()` can erase exactly them. */
export function createTransientLines(options: TransientLinesOptions): TransientLines {
  let rows = 0;
  return {
    write(line) {
      options.stream.write(`${line}\n`);
      for (const part of line.split('\n')) {
        const width = part.replace(SGR, '').length;
        rows += options.columns > 0 ? Math.max(1, Math.ceil(width / options.columns)) : 1;
      }
    },
    clear() {
      if (options.transient && rows > 0) options.stream.write(eraseAbove(rows));
      rows = 0;
    },
  };
}

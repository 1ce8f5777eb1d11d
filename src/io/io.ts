import { isatty } from 'node:tty';
import type { Readable, Writable } from 'node:stream';

/** The three standard streams and what they are connected to. Everything the CLI reads or writes goes through one. */
export interface IO {
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
  isStdinTTY: boolean;
  isStdoutTTY: boolean;
  isStderrTTY: boolean;
  /** Width of the terminal on stdout (else stderr); 0 when neither is a terminal (no wrapping). */
  columns: number;
  /** Prompts read stdin and draw on stderr, so both must be terminals. */
  canPrompt(): boolean;
}

/** Parts of an {@link IO}; `canPrompt` is derived. */
export type IOParts = Omit<IO, 'canPrompt'>;

/** Builds an IO from its parts. */
export function createIO(parts: IOParts): IO {
  return { ...parts, canPrompt: () => parts.isStdinTTY && parts.isStderrTTY };
}

/**
 * The process's own streams. stdin and stderr are opened only when first used (opening a stream costs a few
 * milliseconds at start; `crpat --version` needs only stdout). What each is connected to comes from `isatty`, which
 * opens nothing. The width is stdout's when it is a terminal, else stderr's, else 0.
 */
export function createProcessIO(): IO {
  const isStdinTTY = isatty(0);
  const isStdoutTTY = isatty(1);
  const isStderrTTY = isatty(2);
  const columns = (isStdoutTTY ? process.stdout.columns : undefined) ?? (isStderrTTY ? process.stderr.columns : undefined) ?? 0;
  return {
    get stdin() {
      return process.stdin;
    },
    get stdout() {
      return process.stdout;
    },
    get stderr() {
      return process.stderr;
    },
    isStdinTTY,
    isStdoutTTY,
    isStderrTTY,
    columns,
    canPrompt: () => isStdinTTY && isStderrTTY,
  };
}

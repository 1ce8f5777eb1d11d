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

interface MaybeTTY {
  isTTY?: boolean;
  columns?: number;
}

/** The process's own streams. */
export function createProcessIO(proc: Pick<NodeJS.Process, 'stdin' | 'stdout' | 'stderr'> = process): IO {
  const stdin = proc.stdin as Readable & MaybeTTY;
  const stdout = proc.stdout as Writable & MaybeTTY;
  const stderr = proc.stderr as Writable & MaybeTTY;
  const isStdoutTTY = stdout.isTTY === true;
  const isStderrTTY = stderr.isTTY === true;
  const columns = (isStdoutTTY ? stdout.columns : undefined) ?? (isStderrTTY ? stderr.columns : undefined) ?? 0;
  return createIO({
    stdin,
    stdout,
    stderr,
    isStdinTTY: stdin.isTTY === true,
    isStdoutTTY,
    isStderrTTY,
    columns,
  });
}

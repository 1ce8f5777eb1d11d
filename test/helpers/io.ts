import { Readable, Writable } from 'node:stream';
import { createIO, type IO } from '../../src/io/io.js';

/** A Writable that keeps what was written. */
export class BufferStream extends Writable {
  readonly chunks: string[] = [];
  isTTY: boolean;
  columns: number;
  constructor(isTTY = false, columns = 80) {
    super();
    this.isTTY = isTTY;
    this.columns = columns;
  }
  override _write(chunk: Buffer | string, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    this.chunks.push(typeof chunk === 'string' ? chunk : chunk.toString('utf8'));
    callback();
  }
  text(): string {
    return this.chunks.join('');
  }
}

export interface TestIOOptions {
  stdinTTY?: boolean;
  stdoutTTY?: boolean;
  stderrTTY?: boolean;
  /** What standard input holds (ends after it). */
  stdin?: string;
  /** Terminal width. @default 80 */
  columns?: number;
}

export interface TestIO {
  io: IO;
  stdin: Readable;
  stdout: BufferStream;
  stderr: BufferStream;
  /** Everything written to stdout so far. */
  out(): string;
  /** Everything written to stderr so far. */
  err(): string;
}

/** Streams backed by buffers, with per-test TTY switches (gh's iostreams.Test()). All default to not a terminal. */
export function testIO(options: TestIOOptions = {}): TestIO {
  const columns = options.columns ?? 80;
  const stdin = Readable.from(options.stdin === undefined ? [] : [Buffer.from(options.stdin)]);
  const stdout = new BufferStream(options.stdoutTTY ?? false, columns);
  const stderr = new BufferStream(options.stderrTTY ?? false, columns);
  const io = createIO({
    stdin,
    stdout,
    stderr,
    isStdinTTY: options.stdinTTY ?? false,
    isStdoutTTY: options.stdoutTTY ?? false,
    isStderrTTY: options.stderrTTY ?? false,
    columns: (options.stdoutTTY ?? false) || (options.stderrTTY ?? false) ? columns : 0,
  });
  return { io, stdin, stdout, stderr, out: () => stdout.text(), err: () => stderr.text() };
}

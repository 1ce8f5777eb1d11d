import { Readable, Writable } from 'node:stream';
import { isatty } from 'node:tty';
import { describe, expect, it } from 'vitest';
import { createIO, createProcessIO } from '../../../src/io/io.js';
import { testIO } from '../../helpers/io.js';

const sink = (isTTY: boolean, columns?: number) => Object.assign(new Writable({ write: (_c, _e, cb) => cb() }), { isTTY, columns });

describe('IO', () => {
  it.each([
    [true, true, true],
    [true, false, false],
    [false, true, false],
    [false, false, false],
  ])('canPrompt with stdin TTY %s and stderr TTY %s: %s', (stdinTTY, stderrTTY, want) => {
    expect(testIO({ stdinTTY, stderrTTY, stdoutTTY: false }).io.canPrompt()).toBe(want);
  });

  it('createIO keeps the parts', () => {
    const parts = {
      stdin: Readable.from([]),
      stdout: sink(false),
      stderr: sink(false),
      isStdinTTY: false,
      isStdoutTTY: false,
      isStderrTTY: true,
      columns: 0,
    };
    expect(createIO(parts)).toMatchObject(parts);
  });

  it('createProcessIO: the process streams, connected as isatty says, opened only when used', () => {
    const io = createProcessIO();
    expect(io.stdout).toBe(process.stdout);
    expect(io.stderr).toBe(process.stderr);
    expect(io).toMatchObject({ isStdinTTY: isatty(0), isStdoutTTY: isatty(1), isStderrTTY: isatty(2) });
    expect(io.canPrompt()).toBe(isatty(0) && isatty(2));
  });

  it('testIO collects what was written and feeds stdin', async () => {
    const t = testIO({ stdin: 'hello' });
    t.io.stdout.write('out');
    t.io.stderr.write('err');
    const chunks: Buffer[] = [];
    for await (const chunk of t.io.stdin) chunks.push(chunk as Buffer);
    expect([t.out(), t.err(), Buffer.concat(chunks).toString()]).toEqual(['out', 'err', 'hello']);
  });
});

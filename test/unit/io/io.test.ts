import { Readable, Writable } from 'node:stream';
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

  it('createProcessIO reads TTY flags and the width (stdout first, then stderr, else 0)', () => {
    const stdin = Object.assign(Readable.from([]), { isTTY: true });
    const both = createProcessIO({ stdin, stdout: sink(true, 120), stderr: sink(true, 100) } as never);
    expect(both).toMatchObject({ isStdinTTY: true, isStdoutTTY: true, isStderrTTY: true, columns: 120 });
    expect(both.canPrompt()).toBe(true);
    expect(createProcessIO({ stdin, stdout: sink(false), stderr: sink(true, 100) } as never).columns).toBe(100);
    const piped = createProcessIO({ stdin: Readable.from([]), stdout: sink(false), stderr: sink(false) } as never);
    expect(piped).toMatchObject({ isStdinTTY: false, isStdoutTTY: false, isStderrTTY: false, columns: 0 });
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

import { describe, expect, it } from 'vitest';
import { EXIT_CODES, exitCodeForError, exitCodeForVerdict } from '../../../src/cli/exit-code.js';
import { CancelledError, UsageError } from '../../../src/errors.js';
import type { Verdict } from '../../../src/types.js';

describe('exit codes', () => {
  it.each<[Verdict, number]>([
    ['pass', 0],
    ['fail', 1],
    ['inconclusive', 3],
  ])('verdict %s → %i', (verdict, code) => {
    expect(exitCodeForVerdict(verdict)).toBe(code);
  });

  it.each<[string, unknown, number]>([
    ['UsageError', new UsageError('bad'), 2],
    ['CancelledError', new CancelledError(), 2],
    ['an unexpected Error', new Error('boom'), 3],
    ['a thrown string', 'boom', 3],
  ])('%s → %i', (_name, error, code) => {
    expect(exitCodeForError(error)).toBe(code);
  });

  it('is the table the help text documents', () => {
    expect(EXIT_CODES).toEqual({ pass: 0, fail: 1, usage: 2, cancelled: 2, inconclusive: 3, internal: 3 });
  });
});

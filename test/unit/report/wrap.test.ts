import { describe, expect, it } from 'vitest';
import { wrap } from '../../../src/report/wrap.js';

describe('wrap', () => {
  it('leaves text alone without a width (not a terminal) or on a very narrow one', () => {
    const text = 'a '.repeat(100).trim();
    expect(wrap(text, 0, 0, '  ')).toBe(text);
    expect(wrap(text, 10, 0, '  ')).toBe(text);
  });

  it('breaks at spaces, counting the first line’s prefix, and indents the rest', () => {
    expect(wrap('one two three four five six seven eight nine ten', 30, 10, '    ')).toBe(
      'one two three four\n    five six seven eight nine\n    ten',
    );
  });

  it('keeps a word longer than the line whole', () => {
    const url = `https://github.com/${'x'.repeat(60)}`;
    expect(wrap(`see ${url} now`, 40, 0, '  ')).toBe(`see\n  ${url}\n  now`);
  });

  it('keeps line breaks in the text, indenting what follows', () => {
    expect(wrap('first\nsecond', 40, 0, '  ')).toBe('first\n  second');
  });
});

import { describe, expect, it } from 'vitest';
import { wrap, wrapLines } from '../../../src/report/wrap.js';

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
    const word = `ghcr.io/${'x'.repeat(60)}`;
    expect(wrap(`see ${word} now`, 40, 0, '  ')).toBe(`see\n  ${word}\n  now`);
  });

  // Issue 14: a link longer than an indented line was printed after the indent, and the terminal cut it in the
  // middle; it now starts at the first column, so only the terminal's own wrap continues it (one line to copy).
  it('puts a link too long for an indented line on a line of its own, from the first column', () => {
    const url = `https://github.com/settings/tokens/new?scopes=write:packages&description=${'x'.repeat(60)}`;
    expect(wrap(`Use a classic token: ${url}. Then authorize it.`, 80, 10, '          ')).toBe(`Use a classic token:\n${url}.\n          Then authorize it.`);
    expect(wrap(`create one: ${url}`, 80, 10, '          ')).toBe(`create one:\n${url}`);
    // A link that fits an indented line is only moved to the next line, indented like the rest.
    const short = 'https://github.com/settings/tokens/new?scopes=write:packages';
    expect(wrap(`Edit the token and tick write:packages, or create one: ${short}`, 80, 10, '          ')).toBe(
      `Edit the token and tick write:packages, or create one:\n          ${short}`,
    );
  });

  it('counts only the columns a word shows: its colour escapes take none, so a coloured line is as full as a plain one', () => {
    const cyan = (text: string): string => `\u001b[36m${text}\u001b[39m`;
    const plain = 'Open the token page, click Configure SSO next to the token, and Authorize next to the organization.';
    const coloured = plain.replace('Configure SSO', cyan('Configure SSO')).replace('Authorize', cyan('Authorize')).replace('token,', cyan('token,'));
    expect(wrap(coloured, 40, 0, '   ').replace(/\u001b\[[0-9;]*m/g, '')).toBe(wrap(plain, 40, 0, '   '));
    // A coloured link too long for an indented line still starts at the first column.
    const link = `https://github.com/settings/tokens/new?scopes=write:packages&description=${'x'.repeat(20)}`;
    expect(wrap(`Create one: ${cyan(link)}`, 60, 4, '    ')).toBe(`Create one:\n${cyan(link)}`);
  });

  it('keeps line breaks in the text, indenting what follows', () => {
    expect(wrap('first\nsecond', 40, 0, '  ')).toBe('first\n  second');
  });

  it('wrapLines: only the lines wider than the terminal, continued two columns in; colour does not count', () => {
    const long = 'Writing CR_PAT on acme/api (readable by the workflows of acme/api only) with the token being stored.';
    const fits = '\u001b[32m✔ This token can push to ghcr.io/acme/api: it fits in 60\u001b[39m';
    expect(wrapLines(`${fits}\n${long}\n`, 60)).toBe(
      `${fits}\nWriting CR_PAT on acme/api (readable by the workflows of\n  acme/api only) with the token being stored.\n`,
    );
    expect(wrapLines(long, 0)).toBe(long);
    expect(wrapLines(`    ${long}`, 60)).toBe('    Writing CR_PAT on acme/api (readable by the workflows of\n      acme/api only) with the token being stored.');
    expect(wrapLines(`    CR_PAT=${'x'.repeat(70)}`, 60)).toBe(`    CR_PAT=${'x'.repeat(70)}`);
  });
});

import { describe, expect, it } from 'vitest';
import { ASCII_SYMBOLS, supportsUnicode, symbols, UNICODE_SYMBOLS } from '../../../src/report/symbols.js';

describe('symbols', () => {
  it('picks the set once', () => {
    expect(symbols(true)).toBe(UNICODE_SYMBOLS);
    expect(symbols(false)).toBe(ASCII_SYMBOLS);
  });

  it('has the ASCII fallback of the contract', () => {
    expect(ASCII_SYMBOLS.status).toEqual({ pass: '[ok]', fail: '[x]', warn: '[!]', skip: '[-]', error: '[?]' });
    expect([...Object.values(ASCII_SYMBOLS.status), ...ASCII_SYMBOLS.spinner, ASCII_SYMBOLS.dash, ASCII_SYMBOLS.arrow, ASCII_SYMBOLS.ellipsis].join('')).toMatch(
      /^[\x20-\x7e]*$/,
    );
  });

  it.each<[string, Record<string, string>, string, boolean]>([
    ['a Unix terminal', { TERM: 'xterm-256color' }, 'linux', true],
    ['the Linux console', { TERM: 'linux' }, 'linux', false],
    ['a dumb terminal', { TERM: 'dumb' }, 'darwin', false],
    ['the old Windows console', {}, 'win32', false],
    ['Windows Terminal', { WT_SESSION: 'abc' }, 'win32', true],
    ['VS Code on Windows', { TERM_PROGRAM: 'vscode' }, 'win32', true],
  ])('unicode on %s: %s', (_name, env, platform, want) => {
    expect(supportsUnicode(env, platform)).toBe(want);
  });
});

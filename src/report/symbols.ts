import type { CheckStatus } from '../types.js';

/** The glyphs the report and the progress lines use, picked once for the terminal (clack's `unicodeOr`). */
export interface Symbols {
  status: Record<CheckStatus, string>;
  /** Verdict line: pass, fail, inconclusive. */
  verdict: { pass: string; fail: string; inconclusive: string };
  /** Spinner frames for a running check. */
  spinner: readonly string[];
  dash: string;
  arrow: string;
  ellipsis: string;
}

export const UNICODE_SYMBOLS: Symbols = {
  status: { pass: '✔', fail: '✖', warn: '⚠', skip: '-', error: '?' },
  verdict: { pass: '✔', fail: '✖', inconclusive: '?' },
  spinner: ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'],
  dash: '—',
  arrow: '→',
  ellipsis: '…',
};

export const ASCII_SYMBOLS: Symbols = {
  status: { pass: '[ok]', fail: '[x]', warn: '[!]', skip: '[-]', error: '[?]' },
  verdict: { pass: '[ok]', fail: '[x]', inconclusive: '[?]' },
  spinner: ['|', '/', '-', '\\'],
  dash: '-',
  arrow: '->',
  ellipsis: '...',
};

/** The symbol set for `unicode` (decided once, in the CLI's options). */
export function symbols(unicode: boolean): Symbols {
  return unicode ? UNICODE_SYMBOLS : ASCII_SYMBOLS;
}

/**
 * Whether the terminal can draw the Unicode symbols: the Linux console (TERM=linux) and `dumb` terminals cannot;
 * on Windows only the modern terminals can (same rule as the `is-unicode-supported` package clack uses).
 */
export function supportsUnicode(env: Readonly<Record<string, string | undefined>>, platform: string): boolean {
  if (platform !== 'win32') return env['TERM'] !== 'linux' && env['TERM'] !== 'dumb';
  return (
    Boolean(env['WT_SESSION']) ||
    Boolean(env['TERMINUS_SUBLIME']) ||
    env['ConEmuTask'] === '{cmd::Cmder}' ||
    env['TERM_PROGRAM'] === 'Terminus-Sublime' ||
    env['TERM_PROGRAM'] === 'vscode' ||
    env['TERM'] === 'xterm-256color' ||
    env['TERM'] === 'alacritty' ||
    env['TERMINAL_EMULATOR'] === 'JetBrains-JediTerm'
  );
}

import { styleText } from 'node:util';

type Format = Parameters<typeof styleText>[0];

/** Applies a text style, or returns the text unchanged when colour is off. */
export type Style = (format: Format, text: string) => string;

/**
 * A styler for one output stream. Colour is decided once by the caller (TTY, NO_COLOR, FORCE_COLOR, --no-color);
 * `validateStream: false` stops Node from second-guessing that decision from `process.stdout`.
 */
export function createStyle(color: boolean): Style {
  if (!color) return (_format, text) => text;
  return (format, text) => styleText(format, text, { validateStream: false });
}

/** Below this many columns wrapping does more harm than good; the text is left to the terminal. */
const MIN_WIDTH = 30;

/**
 * Wraps `text` at spaces so that each line, with its indent, fits in `width` columns. The first line starts after
 * `firstIndent` visible columns (already written by the caller); the others are prefixed with `indent`. A word longer
 * than a line (a URL) is never broken. `width` 0 (not a terminal) disables wrapping.
 */
export function wrap(text: string, width: number, firstIndent: number, indent: string): string {
  return text
    .split('\n')
    .map((paragraph, i) => wrapLine(paragraph, width, i === 0 ? firstIndent : indent.length, indent))
    .join(`\n${indent}`);
}

function wrapLine(text: string, width: number, firstIndent: number, indent: string): string {
  if (width < MIN_WIDTH) return text;
  const words = text.split(' ').filter((word, i) => word !== '' || i === 0);
  const lines: string[] = [];
  let line = '';
  let room = width - firstIndent;
  for (const word of words) {
    if (line === '') {
      line = word;
    } else if (line.length + 1 + word.length <= room) {
      line += ` ${word}`;
    } else {
      lines.push(line);
      line = word;
      room = width - indent.length;
    }
  }
  lines.push(line);
  return lines.join(`\n${indent}`);
}

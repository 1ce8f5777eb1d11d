/** Below this many columns wrapping does more harm than good; the text is left to the terminal. */
const MIN_WIDTH = 30;

/**
 * Wraps `text` at spaces so that each line, with its indent, fits in `width` columns. The first line starts after
 * `firstIndent` visible columns (already written by the caller); the others are prefixed with `indent`. A word longer
 * than a line is never broken. A link is never split: one that does not fit where it stands starts a line of its own,
 * and one too long for an indented line starts at the first column, so that the terminal, not an indent, is all that
 * wraps it (one line to copy or click, issue 14). `width` 0 (not a terminal) disables wrapping.
 */
export function wrap(text: string, width: number, firstIndent: number, indent: string): string {
  return text
    .split('\n')
    .map((paragraph, i) => wrapLine(paragraph, width, i === 0 ? firstIndent : indent.length, indent))
    .join(`\n${indent}`);
}

/** A link as it appears in crpat's text: `https://…`, possibly in parentheses. */
const LINK = /^\(?https?:\/\//;

// eslint-disable-next-line no-control-regex
const SGR = /\u001b\[[0-9;]*m/g;

/** Columns `text` takes on a terminal: colour escapes take none (the guide's code and bold words, workflow ids). */
export const visible = (text: string): number => text.replace(SGR, '').length;

function wrapLine(text: string, width: number, firstIndent: number, indent: string): string {
  if (width < MIN_WIDTH) return text;
  const words = unbreakable(text.split(' ')).filter((word, i) => word !== '' || i === 0);
  let out = '';
  let line = '';
  let room = width - firstIndent;
  /** Ends the current line; the next starts with `prefix`. */
  const breakLine = (prefix: string): void => {
    out += `${line}\n${prefix}`;
    line = '';
    room = width - prefix.length;
  };
  let afterLink = false;
  for (const word of words) {
    const unindented = LINK.test(word.replace(SGR, '')) && indent.length + visible(word) > width;
    if (line === '') {
      line = word;
    } else if (!afterLink && visible(line) + 1 + visible(word) <= room) {
      line += ` ${word}`;
    } else {
      breakLine(unindented ? '' : indent);
      line = word;
    }
    // A link on a line of its own from the first column: what follows it goes on the next, indented line.
    afterLink = unindented && line === word && out !== '';
  }
  return `${out}${line}`;
}

/**
 * Words → the same, with a GitHub Actions expression (`${{ github.repository }}`) kept as one word: broken after `${{`
 * it no longer reads as one (issue 14, `crpat workflow` on 60 columns). An expression left open is left as it was.
 */
function unbreakable(words: readonly string[]): string[] {
  const out: string[] = [];
  let open: string[] | null = null;
  for (const word of words) {
    if (open !== null) {
      open.push(word);
      if (word.includes('}}')) {
        out.push(open.join(' '));
        open = null;
      }
    } else if (word.includes('${{') && !word.slice(word.lastIndexOf('${{')).includes('}}')) {
      open = [word];
    } else {
      out.push(word);
    }
  }
  return open === null ? out : [...out, ...open];
}

/**
 * Text of whole lines (messages, a report already wrapped) → each line wider than `width` wrapped at spaces, its
 * continuation indented two more than the line; lines that fit, colour included, are left as they are. `width` 0: unchanged.
 */
export function wrapLines(text: string, width: number): string {
  if (width < MIN_WIDTH) return text;
  return text
    .split('\n')
    .map((line) => {
      if (visible(line) <= width) return line;
      const lead = /^ */.exec(line)?.[0] ?? '';
      return `${lead}${wrap(line.slice(lead.length), width, lead.length, `${lead}  `)}`;
    })
    .join('\n');
}

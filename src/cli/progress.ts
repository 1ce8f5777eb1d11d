import type { Writable } from 'node:stream';
import type { ProgressEvent } from '../pipeline/options.js';
import { createStyle, type Style } from '../report/style.js';
import { symbols, type Symbols } from '../report/symbols.js';
import { wrap } from '../report/wrap.js';
import type { CheckId, Finding } from '../types.js';

/** Live progress on stderr while the checks run. */
export interface Progress {
  onProgress(event: ProgressEvent): void;
  /** Writes a line (an HTTP trace) without disturbing the progress lines; on a terminal, wrapped to its width. */
  log(line: string): void;
  /** Draws the final state, gives the cursor back and leaves a blank line before what follows. Idempotent. */
  stop(): void;
  /**
   * Ctrl-C: stops without redrawing (the terminal has echoed `^C`, and a prompt library may have moved the cursor, so
   * the block's position is no longer known), clears the current line and gives the cursor back. Idempotent.
   */
  interrupt(): void;
}

export interface ProgressOptions {
  stream: Writable;
  /** A terminal: spinner and redraws. Else one plain line per finished check. */
  tty: boolean;
  color: boolean;
  unicode: boolean;
  /** Terminal width; lines are cut to fit so that redrawing stays exact. 0: unknown. */
  columns: number;
  /** Spinner frame interval; 0 turns the timer off (frames advance only on events). @default 80 */
  intervalMs?: number;
  /** Width of the id column: the longest id the run reports. @default the longest of the ten checks' ids */
  idWidth?: number;
  /**
   * On a terminal: the block is erased when the checks end, because the report that follows on the same terminal
   * lists every finding again (issue 14: each finding once on the final screen). Off when the report goes elsewhere
   * (`crpat > report.txt`): the block is then all the terminal shows. @default false
   */
  transient?: boolean;
}

export const HIDE_CURSOR = '\u001b[?25l';
export const SHOW_CURSOR = '\u001b[?25h';
const CLEAR_LINE = '\u001b[2K';
const up = (lines: number): string => `\u001b[${lines}A`;

/**
 * Erases the `lines` lines above the cursor and leaves it on the first of them. Line by line (clear line, cursor
 * down) rather than "erase below": from the top-left corner, "erase below" clears the whole screen, which tmux
 * (scroll-on-clear) and some terminals answer by pushing the screen into the scrollback, where the erased lines
 * would stay. Cursor-down never scrolls.
 */
export function eraseAbove(lines: number): string {
  if (lines <= 0) return '';
  return `\r${up(lines)}${`${CLEAR_LINE}\u001b[1B`.repeat(lines)}${up(lines)}`;
}

/** Longest id of the ten checks, so summaries line up (`--for deploy` adds a longer one: `idWidth`). */
const ID_WIDTH = 'registry.login'.length;
/** Continuation indent of a wrapped trace line. */
const LOG_INDENT = '  ';

export function createProgress(options: ProgressOptions): Progress {
  const style = createStyle(options.color);
  const sym = symbols(options.unicode);
  const idWidth = options.idWidth ?? ID_WIDTH;
  return options.tty ? liveProgress(options, style, sym, idWidth) : plainProgress(options.stream, style, sym, idWidth);
}

/** One line per finished check, nothing else: for CI logs and pipes. */
function plainProgress(stream: Writable, style: Style, sym: Symbols, idWidth: number): Progress {
  return {
    onProgress(event) {
      if (event.type === 'finish') stream.write(`${finishedLine(event.finding, style, sym, 0, idWidth)}\n`);
    },
    log(line) {
      stream.write(`${line}\n`);
    },
    stop() {},
    interrupt() {},
  };
}

interface Row {
  id: CheckId;
  title: string;
  finding: Finding | null;
}

/** A block of one line per check, redrawn in place: a spinner while running, then symbol and summary. */
function liveProgress(options: ProgressOptions, style: Style, sym: Symbols, idWidth: number): Progress {
  const { stream, columns } = options;
  const rows: Row[] = [];
  let drawn = 0;
  let frame = 0;
  let started = false;
  let stopped = false;
  let timer: ReturnType<typeof setInterval> | undefined;

  const lineOf = (row: Row): string =>
    row.finding
      ? finishedLine(row.finding, style, sym, columns, idWidth)
      : `${style('cyan', sym.spinner[frame % sym.spinner.length] ?? '')} ${fit(row.title, columns, 2, sym.ellipsis)}`;

  const erase = (): void => {
    if (drawn > 0) stream.write(eraseAbove(drawn));
    drawn = 0;
  };
  const draw = (): void => {
    if (stopped) return;
    if (!started) {
      stream.write(HIDE_CURSOR);
      started = true;
    }
    let out = drawn > 0 ? `\r${up(drawn)}` : '';
    for (const row of rows) out += `${CLEAR_LINE}${lineOf(row)}\n`;
    stream.write(out);
    drawn = rows.length;
  };
  const tick = (): void => {
    frame += 1;
    draw();
  };
  const ensureTimer = (): void => {
    const interval = options.intervalMs ?? 80;
    if (timer !== undefined || interval <= 0) return;
    timer = setInterval(tick, interval);
    timer.unref();
  };

  return {
    onProgress(event) {
      if (stopped) return;
      if (event.type === 'start') {
        rows.push({ id: event.id, title: event.title, finding: null });
        ensureTimer();
      } else {
        const row = rows.find((r) => r.id === event.finding.id);
        if (row) row.finding = event.finding;
        else rows.push({ id: event.finding.id, title: event.finding.id, finding: event.finding });
      }
      draw();
    },
    log(line) {
      // Lines above the block may wrap (the block's own lines never do): they are not redrawn.
      const text = `${wrap(line, columns, 0, LOG_INDENT)}\n`;
      if (stopped) {
        stream.write(text);
        return;
      }
      erase();
      stream.write(text);
      draw();
    },
    stop() {
      if (stopped) return;
      if (timer !== undefined) clearInterval(timer);
      if (started && options.transient === true) {
        // The report takes the block's place.
        erase();
        stream.write(SHOW_CURSOR);
      } else if (started) {
        draw();
        // The report follows on stdout: a blank line sets it apart from the progress block.
        stream.write(`${SHOW_CURSOR}\n`);
      }
      stopped = true;
    },
    interrupt() {
      if (stopped) return;
      if (timer !== undefined) clearInterval(timer);
      if (started) stream.write(`\r${CLEAR_LINE}${SHOW_CURSOR}`);
      stopped = true;
    },
  };
}

function finishedLine(finding: Finding, style: Style, sym: Symbols, columns: number, idWidth: number): string {
  // ASCII symbols differ in width (`[ok]`, `[x]`): pad them so every summary starts in the same column.
  const symbolWidth = Math.max(...Object.values(sym.status).map((text) => text.length));
  const symbol = sym.status[finding.status];
  const padding = ' '.repeat(symbolWidth - symbol.length);
  const head = `${symbol}${padding} ${finding.id.padEnd(idWidth)}  `;
  const summary = fit(finding.summary, columns, head.length, sym.ellipsis);
  const colour = finding.status === 'pass' ? 'green' : finding.status === 'fail' ? 'red' : finding.status === 'skip' ? 'gray' : 'yellow';
  return `${style(colour, symbol)}${padding} ${finding.id.padEnd(idWidth)}  ${summary}`;
}

/** Cuts `text` so that `used + text` fits in one line of `columns` (a wrapped line would break the redraw). */
function fit(text: string, columns: number, used: number, ellipsis: string): string {
  if (columns <= 0) return text;
  const room = columns - used - 1;
  if (text.length <= room) return text;
  if (room <= ellipsis.length) return '';
  return `${text.slice(0, room - ellipsis.length)}${ellipsis}`;
}

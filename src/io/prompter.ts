import type { Writable } from 'node:stream';
import { wrap } from '../report/wrap.js';
import type { IO } from './io.js';

/** What a prompt resolves to when the user pressed Ctrl-C or Escape. A value, not an exception (as in clack). */
export const CANCELLED: unique symbol = Symbol('crpat.cancelled');
export type Cancelled = typeof CANCELLED;

/** True when a prompt was cancelled. */
export function isCancelled(value: unknown): value is Cancelled {
  return value === CANCELLED;
}

/** Returns a message to show and ask again, or `undefined` to accept. */
export type Validate = (value: string) => string | undefined;

/** The prompts crpat asks. Prompts draw on stderr; stdout is kept for the report. */
export interface Prompter {
  /** A yes/no question; `initial` is what Enter picks. */
  confirm(message: string, initial: boolean): Promise<boolean | Cancelled>;
  /** One line of text, asked again while `validate` returns a message. */
  text(message: string, validate: Validate): Promise<string | Cancelled>;
  /** Hidden input: nothing is echoed, not even one mask character per key (that would reveal the length). */
  password(message: string, validate?: Validate): Promise<string | Cancelled>;
  /**
   * Colour in what the prompts draw, as the CLI decided for stderr (`--no-color`, NO_COLOR, FORCE_COLOR, terminal).
   * Until called, the prompt library decides alone, and it knows nothing of `--no-color`.
   */
  setColor?(color: boolean): void;
}

/**
 * The clack-backed prompter, reading `io.stdin` and drawing on `io.stderr`. An aborted `signal` (Ctrl-C outside raw
 * mode) closes the open prompt as cancelled, leaving the terminal as it was.
 */
export function createClackPrompter(io: Pick<IO, 'stdin' | 'stderr'>, signal?: AbortSignal): Prompter {
  const streams = { input: io.stdin, output: io.stderr };
  // clack loads on the first prompt, not with the CLI: most runs (CR_PAT and --repo set) never ask anything.
  let loaded: Promise<typeof import('@clack/prompts')> | undefined;
  const lib = () => (loaded ??= import('@clack/prompts'));
  // clack prints a validation message on one line after `└  `; wrapped here at spaces, each line under the first.
  const checked = (validate: Validate) => (value: string | undefined) => {
    const message = validate(value ?? '');
    return message === undefined ? undefined : wrap(message, columnsOf(io.stderr), MESSAGE_INDENT.length, MESSAGE_INDENT);
  };
  // clack wraps a confirm's question under its bar, but prints a text or password prompt's on one line, which a narrow
  // terminal then cuts: wrapped here at spaces, each line under the first.
  const titled = (message: string) => wrap(message, columnsOf(io.stderr), MESSAGE_INDENT.length, MESSAGE_INDENT);
  const settle = async <T>(value: T): Promise<Exclude<T, symbol> | Cancelled> =>
    (await lib()).isCancel(value) ? CANCELLED : (value as Exclude<T, symbol>);
  return {
    setColor(color) {
      streams.output = color ? io.stderr : withoutColor(io.stderr);
    },
    confirm: (message, initial) =>
      whileOpen(signal, async (own) => settle(await (await lib()).confirm({ ...streams, ...own, message, initialValue: initial }))),
    text: (message, validate) =>
      whileOpen(signal, async (own) =>
        settle(await (await lib()).text({ ...streams, ...own, message: titled(message), validate: checked(validate) })),
      ),
    password: (message, validate) =>
      // clack's mask replaces every character with `mask`; an empty mask draws nothing at all.
      whileOpen(signal, async (own) =>
        settle(
          await (await lib()).password({
            ...streams,
            ...own,
            message: titled(message),
            mask: '',
            ...(validate ? { validate: checked(validate) } : {}),
          }),
        ),
      ),
  };
}

/** Where clack starts a prompt's question (after `◆  `) and a validation message (after `└  `). */
const MESSAGE_INDENT = '   ';

/** The terminal's width, or 0 (no wrapping) when the stream is not a terminal. */
function columnsOf(stream: Writable): number {
  const { isTTY, columns } = stream as Writable & { isTTY?: boolean; columns?: number };
  return isTTY === true && typeof columns === 'number' ? columns : 0;
}

/** SGR sequences (colour, bold, dim, inverse...), not the cursor movements a prompt redraws with. */
// eslint-disable-next-line no-control-regex
const SGR = /\u001b\[[0-9;]*m/g;

/**
 * `stream` with colour taken out of what is written to it. clack colours through `util.styleText`, which looks at
 * process.stdout and the environment only, so `--no-color` cannot reach it any other way. Everything else (columns,
 * rows, `resize` events clack redraws on) is the stream's own.
 */
function withoutColor(stream: Writable): Writable {
  return new Proxy(stream, {
    get(target, property) {
      if (property === 'write') {
        return (chunk: unknown, ...rest: unknown[]) =>
          (target.write as (...args: unknown[]) => boolean)(typeof chunk === 'string' ? chunk.replace(SGR, '') : chunk, ...rest);
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/**
 * Gives one prompt a signal of its own that follows `signal` only while the prompt is open: clack never removes its
 * abort listener, so a prompt answered long ago would otherwise "close" again on Ctrl-C and write to the terminal.
 */
async function whileOpen<T>(signal: AbortSignal | undefined, ask: (own: { signal?: AbortSignal }) => Promise<T>): Promise<T> {
  if (!signal) return ask({});
  const own = new AbortController();
  const follow = (): void => own.abort();
  if (signal.aborted) own.abort();
  signal.addEventListener('abort', follow, { once: true });
  try {
    return await ask({ signal: own.signal });
  } finally {
    signal.removeEventListener('abort', follow);
  }
}

import type { Readable } from 'node:stream';
import { CancelledError, UsageError } from '../errors.js';
import type { IO } from '../io/io.js';
import { isCancelled, type Prompter } from '../io/prompter.js';
import { maskToken } from '../token/mask.js';
import { recognizeToken, type TokenShape } from '../token/recognize.js';
import { aOrAn } from '../a-or-an.js';

/** No token is this long; a larger stdin is a wrong file, not a token. */
export const STDIN_LIMIT_BYTES = 64 * 1024;

export interface TokenSourceOptions {
  /** `--token-stdin`. */
  tokenStdin: boolean;
  /** `CR_PAT` as set, or null. */
  envToken: string | null;
  /** Say which kind of token was recognised before any network call (on a terminal, not with --json). */
  announce: boolean;
  /** `--quiet`: announce only a token that looks wrong (a problem is worth a line; a sound token is not). */
  quiet?: boolean;
}

export interface TokenSourceDeps {
  io: IO;
  prompter: Prompter;
  /** Writes one line for the user on stderr. */
  note: (line: string) => void;
}

const PROMPT = 'Paste the token (nothing is shown while you type or paste)';

/**
 * The token, from `--token-stdin`, else `CR_PAT`, else a hidden prompt on a terminal; trimmed. Throws `UsageError`
 * when there is none or it is empty, `CancelledError` when a prompt is cancelled.
 */
export async function readToken(options: TokenSourceOptions, deps: TokenSourceDeps): Promise<string> {
  return (await readRecognisedToken(options, deps)).token;
}

/** A token as the CLI read it, trimmed, with what it is: recognised once, where it enters, then passed along. */
export interface ReadToken {
  token: string;
  shape: TokenShape;
}

/** `readToken`, with the token's shape (announcing it on a terminal needed it already; the report shows its label). */
export async function readRecognisedToken(options: TokenSourceOptions, deps: TokenSourceDeps): Promise<ReadToken> {
  let token = await firstToken(options, deps);
  let shape = recognizeToken(token);
  // On a terminal the user hears what was recognised and, when it looks wrong, may paste it again.
  while (options.announce) {
    if (shape.problem === null) {
      if (options.quiet !== true) deps.note(`Recognised ${aOrAn(shape.label)} (${maskToken(token)}).`);
      break;
    }
    // No way to paste it again (`--token-stdin < file`): the token.format check reports the problem, once; said here
    // too it would show twice on the final screen (issue 14).
    if (!deps.io.canPrompt()) break;
    // Nothing was recognised in an unknown shape: the problem alone says what it is not.
    if (shape.kind !== 'unknown') deps.note(`Recognised ${aOrAn(shape.label)} (${maskToken(token)}).`);
    deps.note(shape.problem.message);
    const again = await deps.prompter.confirm('Paste the token again?', true);
    if (isCancelled(again)) throw new CancelledError();
    if (!again) break;
    token = await promptToken(deps.prompter);
    shape = recognizeToken(token);
  }
  return { token, shape };
}

async function firstToken(options: TokenSourceOptions, deps: TokenSourceDeps): Promise<string> {
  const { io } = deps;
  if (options.tokenStdin) {
    if (io.isStdinTTY) {
      // Typing into a terminal's standard input would echo the token: ask without echo instead.
      if (io.canPrompt()) return promptToken(deps.prompter);
      throw new UsageError('--token-stdin: standard input is a terminal; pipe the token in (e.g. < token.txt)');
    }
    const token = (await readStdin(io.stdin)).trim();
    if (token === '') throw new UsageError('--token-stdin: standard input is empty; pipe the token in');
    return token;
  }
  if (options.envToken !== null) {
    const token = options.envToken.trim();
    if (token === '') {
      throw new UsageError('CR_PAT is set but empty (in GitHub Actions, a secret that does not exist reads as empty)');
    }
    return token;
  }
  if (io.canPrompt()) return promptToken(deps.prompter);
  throw new UsageError('no token: set CR_PAT, pass --token-stdin, or run in a terminal');
}

async function promptToken(prompter: Prompter): Promise<string> {
  const answer = await prompter.password(PROMPT, (value) =>
    value.trim() === '' ? 'Nothing was pasted: paste the token, or press Ctrl-C to stop' : undefined,
  );
  if (isCancelled(answer)) throw new CancelledError();
  const token = answer.trim();
  if (token === '') throw new UsageError('no token was pasted');
  return token;
}

/** All of `stream` as UTF-8; more than `limit` bytes is a usage error (that is not a token). */
export async function readStdin(stream: Readable, limit = STDIN_LIMIT_BYTES): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buffer.length;
    if (size > limit) {
      stream.destroy();
      throw new UsageError(`--token-stdin: standard input holds more than ${limit / 1024} KiB; that is not a token`);
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

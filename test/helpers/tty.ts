import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN } from './cli.js';

/**
 * The built `crpat` binary in a real pseudo-terminal: a detached tmux session of a fixed size, driven with
 * `send-keys`/`paste-buffer` and read with `capture-pane`, as a person at a terminal would use it.
 *
 * - Each session has its own tmux server on a socket inside a private temp directory (`-S`, not a shared `-L` name
 *   under /tmp/tmux-UID), started with `-f /dev/null` so no user configuration applies; `close()` kills it and
 *   removes the directory.
 * - The environment is explicit: the program sees PATH, HOME (the private directory), LANG, SHELL, TERM and
 *   `options.env`, nothing inherited from the test runner (no CR_PAT, FORCE_COLOR, CI...).
 * - A secret never enters any process's argv (visible in `ps` and /proc to every user): `token` reaches CR_PAT
 *   through a file read by the shell's `read` builtin, and `paste()` goes through `load-buffer <file>` and
 *   `paste-buffer`, which is also how a terminal delivers a paste. (`send-keys -l <token>` would put it in tmux's argv.)
 * - A wrapper script records the exit code and `stty -a` right after the program ends, then runs `cat`, so typing
 *   after the exit shows whether the terminal echoes again.
 */
export interface TtyOptions {
  /** Arguments after `crpat`. */
  args?: readonly string[];
  /** Extra environment for the program (besides PATH, HOME, LANG, SHELL, TERM). */
  env?: Record<string, string>;
  /** Put into CR_PAT without ever appearing in argv. */
  token?: string;
  cwd?: string;
  /** @default 100 */
  columns?: number;
  /** @default 30 */
  rows?: number;
  /** @default 'xterm-256color' */
  term?: string;
  /** Send stdout to a file (`crpat > file` on a terminal); read it with `stdoutFile()`. */
  redirectStdout?: boolean;
  /**
   * Run this shell command line instead of crpat (e.g. an interactive bash that has `crpat` on its PATH, for
   * completion). `args` and `redirectStdout` then do not apply.
   */
  shellCommand?: string;
}

export interface CaptureOptions {
  /** Keep the colour and attribute escapes (`capture-pane -e`). */
  escapes?: boolean;
  /** From the start of the scrollback, not only the visible screen (`-S -`). */
  history?: boolean;
  /** Join lines the terminal wrapped, so each line is one line as written (`-J`). */
  join?: boolean;
}

export interface WaitOptions extends CaptureOptions {
  /** @default 10000 */
  timeoutMs?: number;
  /** Give up as soon as the program has ended without showing it; false to wait for what the terminal itself echoes. @default true */
  stopAtExit?: boolean;
}

export interface TtySession {
  /** What is on the screen, trailing blank lines dropped. */
  capture(options?: CaptureOptions): Promise<string>;
  /**
   * Polls every 50 ms until `pattern` is on the screen and returns the screen; throws, with the screen, at the
   * deadline or as soon as the program has ended without showing it.
   */
  waitFor(pattern: string | RegExp, options?: WaitOptions): Promise<string>;
  /** Types literal text (never a secret: it would be in tmux's argv). */
  type(text: string): Promise<void>;
  /** Presses keys by tmux name: 'Enter', 'C-c', 'C-u', 'y'. */
  press(...keys: string[]): Promise<void>;
  /**
   * Pastes `text` as a terminal does: LF becomes CR (Enter). `raw` sends the bytes unchanged (a CR LF stays CR LF).
   * Through a private file and a tmux buffer, never argv; both are gone when this resolves.
   */
  paste(text: string, options?: { raw?: boolean }): Promise<void>;
  /** The program's exit code, once it has ended. */
  exitCode(options?: { timeoutMs?: number }): Promise<number>;
  /** `stty -a` as recorded right after the program ended. */
  sttyAfterExit(): Promise<string>;
  /** Whether the terminal shows its cursor now. */
  cursorVisible(): Promise<boolean>;
  /** What the program wrote on stdout when `redirectStdout` was set. */
  stdoutFile(): Promise<string>;
  /** Names of the tmux paste buffers still held by the server. */
  buffers(): Promise<string[]>;
  /**
   * Every argv that can be seen in `ps` on behalf of this session: each tmux command this helper ran, and now the tmux
   * server with everything below it (the pane's shell, crpat, cat).
   */
  visibleArgv(): Promise<string[]>;
  /** Kills the tmux server (and with it anything still running in the pane) and removes the private directory. */
  close(): Promise<void>;
}

const POLL_MS = 50;
const SESSION = 'crpat';

/** Starts `node bin/crpat.js …args` in a new terminal. Always `close()` it (e.g. in `onTestFinished`). */
export async function startTty(options: TtyOptions = {}): Promise<TtySession> {
  const dir = await mkdtemp(join(tmpdir(), 'crpat-tty-'));
  const socket = join(dir, 'tmux.sock');
  const files = { script: join(dir, 'run.sh'), token: join(dir, 'token'), exit: join(dir, 'exit'), stty: join(dir, 'stty'), stdout: join(dir, 'stdout') };
  /** Every argv this session shows in `ps`: the tmux commands, crpat's command line. */
  const issued: string[] = [];
  const serverEnv = { PATH: process.env['PATH'] ?? '/usr/bin:/bin', HOME: dir, LANG: 'C.UTF-8', SHELL: '/bin/sh' };
  const tmux = (...args: string[]): Promise<string> =>
    new Promise((resolve, reject) => {
      issued.push(['tmux', '-S', socket, ...args].join(' '));
      execFile('tmux', ['-S', socket, ...args], { env: serverEnv, timeout: 10_000 }, (error, stdout, stderr) => {
        if ((error as NodeJS.ErrnoException | null)?.code === 'ENOENT') {
          reject(new Error('tmux is not installed: the terminal tests need it (apt-get install tmux; see scripts/check-test-deps.sh)'));
        } else if (error) reject(new Error(`tmux ${args[0] ?? ''}: ${stderr.trim() || error.message}`));
        else resolve(stdout);
      });
    });

  const env: Record<string, string> = { TERM: options.term ?? 'xterm-256color', ...options.env };
  const lines = [
    '#!/bin/sh',
    // Ctrl-C reaches the whole foreground process group: this shell must outlive crpat to record its exit code.
    // A handler, not `trap '' INT`: an ignored signal would stay ignored in crpat.
    'trap : INT',
    // tmux adds these to every pane; the program should see only what the test chose.
    'unset TMUX TMUX_PANE',
    ...Object.entries(env).map(([key, value]) => `export ${key}=${quote(value)}`),
  ];
  if (options.token !== undefined) {
    await writeFile(files.token, `${options.token}\n`, { mode: 0o600 });
    lines.push(`IFS= read -r CR_PAT < ${quote(files.token)}; export CR_PAT; rm -f ${quote(files.token)}`);
  }
  const command = options.shellCommand ?? [process.execPath, BIN, ...(options.args ?? [])].map(quote).join(' ');
  issued.push(`pane: ${command}`); // crpat's own argv
  lines.push(
    `${command}${options.redirectStdout && options.shellCommand === undefined ? ` > ${quote(files.stdout)}` : ''}`,
    `code=$?`,
    `stty -a > ${quote(files.stty)} 2>&1`,
    `printf '%s\\n' "$code" > ${quote(files.exit)}.tmp && mv ${quote(files.exit)}.tmp ${quote(files.exit)}`,
    // Canonical mode with echo shows what is typed now; a terminal left raw or without echo shows nothing.
    'exec cat',
  );
  await writeFile(files.script, `${lines.join('\n')}\n`, { mode: 0o700 });

  const columns = String(options.columns ?? 100);
  const rows = String(options.rows ?? 30);
  const cwd = options.cwd ?? dir;
  try {
    // One command queue: the pane is kept after its command ends (for a last capture) even if that is at once.
    // The default 2000 lines of scrollback are plenty.
    await tmux('-f', '/dev/null', 'new-session', '-d', '-s', SESSION, '-x', columns, '-y', rows, '-c', cwd, `/bin/sh ${quote(files.script)}`,
      ';', 'set-option', '-t', SESSION, 'remain-on-exit', 'on');
  } catch (error) {
    await tmux('kill-server').catch(() => {});
    await rm(dir, { recursive: true, force: true });
    throw error;
  }

  let closed = false;
  const capture = async (c: CaptureOptions = {}): Promise<string> => {
    const args = ['capture-pane', '-p', '-t', SESSION];
    if (c.escapes) args.push('-e');
    if (c.join) args.push('-J');
    if (c.history) args.push('-S', '-');
    return (await tmux(...args)).replace(/\s+$/, '');
  };
  const exited = async (): Promise<number | undefined> => {
    const text = await readFile(files.exit, 'utf8').catch(() => '');
    return /^\d+\n$/.test(text) ? Number(text) : undefined;
  };
  /** Polls `probe`; gives up at the deadline, or at once when `untilExit` and the program has ended without it. */
  const poll = async <T>(what: string, probe: () => Promise<T | undefined>, timeoutMs: number, untilExit = false): Promise<T> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const code = untilExit ? await exited() : undefined;
      const value = await probe();
      if (value !== undefined) return value;
      if (code !== undefined || Date.now() > deadline) {
        const screen = await capture({ history: true }).catch((error: unknown) => `(no screen: ${String(error)})`);
        const why = code !== undefined ? `the program exited (${code}) without it` : `timed out after ${timeoutMs} ms`;
        throw new Error(`${why} waiting for ${what}; the screen:\n${screen}`);
      }
      await sleep(POLL_MS);
    }
  };
  let pastes = 0;

  return {
    capture,
    waitFor(pattern, w = {}) {
      return poll(
        String(pattern),
        async () => {
          const screen = await capture(w);
          return (typeof pattern === 'string' ? screen.includes(pattern) : pattern.test(screen)) ? screen : undefined;
        },
        w.timeoutMs ?? 10_000,
        w.stopAtExit ?? true,
      );
    },
    async type(text) {
      // `--`: text that starts with a dash (a flag being typed) is not an option of send-keys.
      await tmux('send-keys', '-t', SESSION, '-l', '--', text);
    },
    async press(...keys) {
      await tmux('send-keys', '-t', SESSION, ...keys);
    },
    async paste(text, p = {}) {
      pastes += 1;
      const file = join(dir, `paste-${pastes}`);
      const buffer = `crpat-paste-${pastes}`;
      await writeFile(file, text, { mode: 0o600 });
      try {
        await tmux('load-buffer', '-b', buffer, file);
      } finally {
        await rm(file, { force: true });
      }
      await tmux('paste-buffer', '-d', '-b', buffer, '-t', SESSION, ...(p.raw ? ['-r'] : []));
    },
    exitCode(e = {}) {
      return poll('the program to exit', exited, e.timeoutMs ?? 15_000);
    },
    sttyAfterExit: () => readFile(files.stty, 'utf8'),
    async cursorVisible() {
      return (await tmux('display-message', '-p', '-t', SESSION, '#{cursor_flag}')).trim() === '1';
    },
    stdoutFile: () => readFile(files.stdout, 'utf8'),
    async buffers() {
      return (await tmux('list-buffers', '-F', '#{buffer_name}')).split('\n').filter((name) => name !== '');
    },
    async visibleArgv() {
      const server = Number((await tmux('display-message', '-p', '-t', SESSION, '#{pid}')).trim());
      return [...issued, ...(await processTreeArgv(server))];
    },
    async close() {
      if (closed) return;
      closed = true;
      await tmux('kill-server').catch(() => {});
      // The tmux server removes its socket as it exits, which can race the removal: retry.
      await rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
    },
  };
}

/** Single-quoted for sh. */
function quote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Every escape sequence (CSI, OSC, single-character) in `text`. */
// eslint-disable-next-line no-control-regex
export const ESCAPE = /\u001b(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007]*\u0007|[@-Z\\-_])/g;

/** `text` without escape sequences. */
export function stripEscapes(text: string): string {
  return text.replace(ESCAPE, '');
}

/**
 * Whether any part of `secret` long enough to matter (12 characters) appears in `text`: catches the whole token and a
 * cut one, also across lines the terminal wrapped when `text` was captured with `join`.
 */
export function containsSecret(text: string, secret: string, window = 12): boolean {
  if (secret.length <= window) return text.includes(secret);
  for (let i = 0; i + window <= secret.length; i += 1) if (text.includes(secret.slice(i, i + window))) return true;
  return false;
}

/**
 * The argv of `root` and of every process below it, from /proc (empty where there is none). Only this tree: other
 * tests running at the same time may put the same (deterministic) simulator token in argv on purpose.
 */
async function processTreeArgv(root: number): Promise<string[]> {
  if (!existsSync('/proc')) return [];
  const children = new Map<number, number[]>();
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '');
    // `pid (comm) state ppid ...`; comm may hold spaces and parentheses, so read after the last ')'.
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (Number.isInteger(ppid)) children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
  }
  const argv: string[] = [];
  const queue = [root];
  for (let pid = queue.shift(); pid !== undefined; pid = queue.shift()) {
    const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
    if (cmdline !== '') argv.push(`${pid}: ${cmdline.split('\0').join(' ').trim()}`);
    queue.push(...(children.get(pid) ?? []));
  }
  return argv;
}

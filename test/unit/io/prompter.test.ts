import { Readable } from 'node:stream';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { CANCELLED, createClackPrompter, isCancelled } from '../../../src/io/prompter.js';
import { BufferStream } from '../../helpers/io.js';

/** A keyboard: clack listens for keypress events on its input (as in clack's own MockReadable tests). */
class Keyboard extends Readable {
  isTTY = false;
  override _read(): void {}
  type(text: string): void {
    for (const char of text) this.emit('keypress', char, { name: char, sequence: char });
  }
  press(name: string, extra: Record<string, unknown> = {}): void {
    this.emit('keypress', undefined, { name, ...extra });
  }
}

function setup() {
  const stdin = new Keyboard();
  const stderr = new BufferStream(false, 80);
  const prompter = createClackPrompter({ stdin, stderr });
  // clack attaches its listeners on the next tick
  const tick = () => new Promise((resolve) => setImmediate(resolve));
  return { stdin, stderr, prompter, tick };
}

const SECRET = 'ghp_NotARealTokenButSecretEnough0123456789';

// The prompter loads clack on first use; load it once here so keys typed after one tick reach the prompt.
beforeAll(async () => {
  await import('@clack/prompts');
});

describe('createClackPrompter', () => {
  it('password: returns what was typed and draws nothing of it, not even a mask per character', async () => {
    const { stdin, stderr, prompter, tick } = setup();
    const answer = prompter.password('Paste the token');
    await tick();
    stdin.type(SECRET);
    stdin.press('return');
    expect(await answer).toBe(SECRET);
    const drawn = stderr.text();
    expect(drawn).toContain('Paste the token');
    expect(drawn).not.toContain('ghp_');
    expect(drawn).not.toMatch(/[•▪*]{3,}/);
  });

  it('password: validate refuses and the prompt stays open', async () => {
    const { stdin, stderr, prompter, tick } = setup();
    const answer = prompter.password('Paste the token', (v) => (v.trim() === '' ? 'Nothing was pasted' : undefined));
    await tick();
    stdin.press('return');
    await tick();
    expect(stderr.text()).toContain('Nothing was pasted');
    stdin.type('x');
    stdin.press('return');
    expect(await answer).toBe('x');
  });

  // Issue 14: on a 60-column terminal clack printed the message on one line after `└  `, and the terminal cut it
  // mid-word. The prompter wraps it at spaces, under the message's own start.
  it('text: the question and a validation message are wrapped at spaces to the terminal, under their first line', async () => {
    const stdin = new Keyboard();
    const stderr = new BufferStream(true, 60);
    const prompter = createClackPrompter({ stdin, stderr });
    const message = 'A repository is owner/name (e.g. octocat/hello-world) or its URL.';
    const answer = prompter.text('Repository URL, or owner/name of the repository whose images the token pushes', (v) => (v === 'ok' ? undefined : message));
    await new Promise((resolve) => setImmediate(resolve));
    stdin.type('not a url');
    stdin.press('return');
    await new Promise((resolve) => setTimeout(resolve, 50));
    // eslint-disable-next-line no-control-regex
    const drawn = stderr.text().replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '');
    expect(drawn).toContain('◆  Repository URL, or owner/name of the repository whose\n   images the token pushes\n');
    const frame = drawn.slice(drawn.lastIndexOf('▲'));
    expect(frame).toContain('└  A repository is owner/name (e.g. octocat/hello-world) or\n   its URL.\n');
    for (const line of frame.split('\n')) expect(line.length, line).toBeLessThanOrEqual(60);
    for (let i = 0; i < 9; i++) stdin.press('backspace');
    stdin.type('ok');
    stdin.press('return');
    expect(await answer).toBe('ok');
  });

  it('confirm: Enter takes the default (No here)', async () => {
    const { stdin, stderr, prompter, tick } = setup();
    const answer = prompter.confirm('Use this repository? [y/N]', false);
    await tick();
    stdin.press('return');
    expect(await answer).toBe(false);
    expect(stderr.text()).toContain('Use this repository? [y/N]');
  });

  it('confirm: y answers yes', async () => {
    const { stdin, prompter, tick } = setup();
    const answer = prompter.confirm('Use this repository? [y/N]', false);
    await tick();
    stdin.type('y');
    expect(await answer).toBe(true);
  });

  it('text: validates and returns the value', async () => {
    const { stdin, stderr, prompter, tick } = setup();
    const answer = prompter.text('Repository', (v) => (v.includes('/') ? undefined : 'Type owner/name'));
    await tick();
    stdin.type('acme');
    stdin.press('return');
    await tick();
    expect(stderr.text()).toContain('Type owner/name');
    stdin.type('/api');
    stdin.press('return');
    expect(await answer).toBe('acme/api');
  });

  it('Ctrl-C is a value, not an exception', async () => {
    const { stdin, prompter, tick } = setup();
    const answer = prompter.text('Repository', () => undefined);
    await tick();
    stdin.press('c', { ctrl: true, sequence: '\u0003' });
    const value = await answer;
    expect(value).toBe(CANCELLED);
    expect(isCancelled(value)).toBe(true);
    expect(isCancelled('x')).toBe(false);
  });

  it('an aborted signal closes the open prompt as cancelled', async () => {
    const stdin = new Keyboard();
    const controller = new AbortController();
    const prompter = createClackPrompter({ stdin, stderr: new BufferStream() }, controller.signal);
    const answer = prompter.confirm('Use this repository? [y/N]', false);
    await new Promise((resolve) => setImmediate(resolve));
    controller.abort();
    expect(await answer).toBe(CANCELLED);
  });
});

describe('createClackPrompter and Ctrl-C later on', () => {
  it('an answered prompt writes nothing when the signal aborts afterwards', async () => {
    const stdin = new Keyboard();
    const stderr = new BufferStream();
    const controller = new AbortController();
    const prompter = createClackPrompter({ stdin, stderr }, controller.signal);
    const answer = prompter.confirm('Use this repository? [y/N]', false);
    await new Promise((resolve) => setImmediate(resolve));
    stdin.type('y');
    expect(await answer).toBe(true);
    const before = stderr.text();
    controller.abort();
    expect(stderr.text()).toBe(before);
  });
});

describe('createClackPrompter colour', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });
  // clack colours by process.stdout and the environment; FORCE_COLOR makes it colour here, as on a terminal.
  const SGR = /\u001b\[[0-9;]*m/; // eslint-disable-line no-control-regex

  it('colours by default, and setColor(false) (--no-color) draws without colour but keeps cursor control', async () => {
    vi.stubEnv('FORCE_COLOR', '1');
    for (const color of [true, false]) {
      const stdin = new Keyboard();
      const stderr = new BufferStream(true, 80);
      const prompter = createClackPrompter({ stdin, stderr });
      if (!color) prompter.setColor?.(false);
      const answer = prompter.confirm('Use this repository? [y/N]', false);
      await new Promise((resolve) => setImmediate(resolve));
      stdin.press('return');
      expect(await answer).toBe(false);
      expect(SGR.test(stderr.text()), `colour ${color}`).toBe(color);
      expect(stderr.text()).toContain('\u001b[?25l');
      expect(stderr.text()).toContain('Use this repository? [y/N]');
    }
  });
});

import { describe, expect, it } from 'vitest';
import { formatHttpTrace } from '../../../src/cli/http-trace-line.js';
import { createProgress, eraseAbove, HIDE_CURSOR, SHOW_CURSOR } from '../../../src/cli/progress.js';
import type { Finding } from '../../../src/types.js';
import { BufferStream } from '../../helpers/io.js';

const finding = (id: Finding['id'], status: Finding['status'], summary: string): Finding => ({ id, status, summary, fix: null, details: [] });

/** Replays what was written on a minimal terminal: \r, \n, cursor up, clear line, clear below, cursor show/hide. */
function screen(output: string): { lines: string[]; cursorVisible: boolean } {
  const lines: string[] = [''];
  let row = 0;
  let col = 0;
  let cursorVisible = true;
  // eslint-disable-next-line no-control-regex
  const tokens = output.match(/\u001b\[\?25[lh]|\u001b\[\d*[ABJK]|\u001b\[2K|\r|\n|[^\u001b\r\n]/gu) ?? [];
  for (const token of tokens) {
    if (token === HIDE_CURSOR) cursorVisible = false;
    else if (token === SHOW_CURSOR) cursorVisible = true;
    else if (token === '\r') col = 0;
    else if (token === '\n') {
      row += 1;
      col = 0;
      if (lines.length <= row) lines.push('');
    } else if (token === '\u001b[2K') lines[row] = '';
    else if (token === '\u001b[J') {
      lines[row] = (lines[row] ?? '').slice(0, col);
      lines.length = row + 1;
    } else if (token.startsWith('\u001b[') && token.endsWith('A')) row = Math.max(0, row - Number(token.slice(2, -1) || '1'));
    else if (token.startsWith('\u001b[') && token.endsWith('B')) row = Math.min(lines.length - 1, row + Number(token.slice(2, -1) || '1'));
    else {
      const line = (lines[row] ?? '').padEnd(col);
      lines[row] = line.slice(0, col) + token + line.slice(col + 1);
      col += 1;
    }
  }
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return { lines, cursorVisible };
}

describe('progress without a terminal', () => {
  it('one plain line per finished check, nothing for starts, no escape codes', () => {
    const stream = new BufferStream();
    const progress = createProgress({ stream, tty: false, color: false, unicode: true, columns: 0 });
    progress.onProgress({ type: 'start', id: 'token.valid', title: 'Token accepted by GitHub' });
    progress.onProgress({ type: 'finish', finding: finding('token.format', 'pass', 'Recognised a classic token.') });
    progress.onProgress({ type: 'finish', finding: finding('token.valid', 'fail', 'Bad credentials.') });
    progress.onProgress({ type: 'finish', finding: finding('repo.push', 'skip', 'Skipped.') });
    progress.stop();
    expect(stream.text()).toBe(
      ['✔ token.format    Recognised a classic token.', '✖ token.valid     Bad credentials.', '- repo.push       Skipped.', ''].join('\n'),
    );
  });

  it('ASCII symbols, padded so that every summary starts in the same column', () => {
    const stream = new BufferStream();
    const progress = createProgress({ stream, tty: false, color: false, unicode: false, columns: 0 });
    for (const status of ['pass', 'fail', 'warn', 'skip', 'error'] as const) {
      progress.onProgress({ type: 'finish', finding: finding('token.valid', status, status) });
    }
    expect(stream.text()).toBe(
      [
        '[ok] token.valid     pass',
        '[x]  token.valid     fail',
        '[!]  token.valid     warn',
        '[-]  token.valid     skip',
        '[?]  token.valid     error',
        '',
      ].join('\n'),
    );
  });
});

describe('progress on a terminal', () => {
  it('draws a spinner line per running check, then replaces each with its result, and gives the cursor back', () => {
    const stream = new BufferStream(true, 60);
    const progress = createProgress({ stream, tty: true, color: false, unicode: true, columns: 60, intervalMs: 0 });
    progress.onProgress({ type: 'start', id: 'token.valid', title: 'Token accepted by GitHub' });
    progress.onProgress({ type: 'start', id: 'registry.login', title: 'Registry login' });
    expect(screen(stream.text())).toEqual({ lines: ['⠋ Token accepted by GitHub', '⠋ Registry login'], cursorVisible: false });

    progress.onProgress({ type: 'finish', finding: finding('registry.login', 'pass', 'ghcr.io accepts the credentials.') });
    progress.log('→ GET https://api.github.com/user 200 (12 ms)');
    progress.onProgress({
      type: 'finish',
      finding: finding('token.valid', 'fail', 'GitHub answered 401 Bad credentials: the token is expired, revoked or wrong.'),
    });
    progress.stop();
    progress.stop();
    const { lines, cursorVisible } = screen(stream.text());
    expect(lines).toEqual([
      '→ GET https://api.github.com/user 200 (12 ms)',
      '✖ token.valid     GitHub answered 401 Bad credentials: the…',
      '✔ registry.login  ghcr.io accepts the credentials.',
    ]);
    // Then a blank line, between the progress block and the report that follows on stdout.
    expect(stream.text().endsWith(`${SHOW_CURSOR}\n`)).toBe(true);
    expect(cursorVisible).toBe(true);
    for (const line of lines) expect(line.length).toBeLessThan(60);
  });

  it('transient (the report follows on the same terminal): the block is erased, the lines above it stay', () => {
    const stream = new BufferStream(true, 60);
    stream.write('a line written before\n');
    const progress = createProgress({ stream, tty: true, color: true, unicode: true, columns: 60, intervalMs: 0, transient: true });
    progress.onProgress({ type: 'start', id: 'token.valid', title: 'Token accepted by GitHub' });
    progress.log('→ GET https://api.github.com/user 200 (12 ms)');
    progress.onProgress({ type: 'finish', finding: finding('token.valid', 'pass', 'GitHub accepts the token.') });
    progress.onProgress({ type: 'finish', finding: finding('registry.login', 'pass', 'ghcr.io accepts the credentials.') });
    progress.stop();
    expect(screen(stream.text())).toEqual({ lines: ['a line written before', '→ GET https://api.github.com/user 200 (12 ms)'], cursorVisible: true });
    // No blank line either: the report starts where the block was. Line by line, never "erase below" (see eraseAbove).
    expect(stream.text().endsWith(`${eraseAbove(2)}${SHOW_CURSOR}`)).toBe(true);
    expect(stream.text()).not.toContain('\u001b[J');
  });

  it('interrupt (Ctrl-C): no redraw, clears the line where ^C was echoed, shows the cursor', () => {
    const stream = new BufferStream(true);
    const progress = createProgress({ stream, tty: true, color: false, unicode: true, columns: 80, intervalMs: 0 });
    progress.onProgress({ type: 'start', id: 'token.valid', title: 'Token' });
    const before = stream.text();
    progress.interrupt();
    progress.stop();
    progress.onProgress({ type: 'finish', finding: finding('token.valid', 'pass', 'ok') });
    expect(stream.text()).toBe(`${before}\r\u001b[2K${SHOW_CURSOR}`);
  });

  it('wraps a trace line to the width at spaces, continuing indented, and redraws the block below it', () => {
    const stream = new BufferStream(true, 40);
    const progress = createProgress({ stream, tty: true, color: false, unicode: true, columns: 40, intervalMs: 0 });
    progress.onProgress({ type: 'start', id: 'token.valid', title: 'Token accepted by GitHub' });
    progress.log('→ GET https://api.github.com/user 200 (12 ms, request-id C0DE:1234:5678:9ABC)');
    progress.stop();
    expect(screen(stream.text()).lines).toEqual([
      '→ GET https://api.github.com/user 200',
      '  (12 ms, request-id',
      '  C0DE:1234:5678:9ABC)',
      '⠋ Token accepted by GitHub',
    ]);
  });

  it('ASCII: summaries line up whatever the width of the symbol', () => {
    const stream = new BufferStream(true);
    const progress = createProgress({ stream, tty: true, color: false, unicode: false, columns: 80, intervalMs: 0 });
    progress.onProgress({ type: 'finish', finding: finding('token.format', 'pass', 'ok') });
    progress.onProgress({ type: 'finish', finding: finding('token.scopes', 'fail', 'missing') });
    progress.stop();
    expect(screen(stream.text()).lines).toEqual(['[ok] token.format    ok', '[x]  token.scopes    missing']);
  });

  it('writes nothing (not even cursor codes) when no check ran', () => {
    const stream = new BufferStream(true);
    const progress = createProgress({ stream, tty: true, color: false, unicode: true, columns: 80, intervalMs: 0 });
    progress.stop();
    expect(stream.text()).toBe('');
  });

  it('advances the spinner on a timer', async () => {
    const stream = new BufferStream(true);
    const progress = createProgress({ stream, tty: true, color: false, unicode: false, columns: 80, intervalMs: 5 });
    progress.onProgress({ type: 'start', id: 'token.valid', title: 'Token' });
    await new Promise((resolve) => setTimeout(resolve, 40));
    progress.stop();
    expect(stream.text()).toContain('/ Token');
  });
});

describe('formatHttpTrace', () => {
  it.each([
    [
      { method: 'GET', url: 'https://api.github.com/user', status: 200, requestId: 'C0DE:1234:5678', ms: 123.4 },
      true,
      '→ GET https://api.github.com/user 200 (123 ms, request-id C0DE:1234:5678)',
    ],
    [{ method: 'POST', url: 'https://ghcr.io/v2/acme/api/blobs/uploads/', status: 403, requestId: null, ms: 80 }, false, '-> POST https://ghcr.io/v2/acme/api/blobs/uploads/ 403 (80 ms)'],
    [
      { method: 'GET', url: 'https://api.github.com/user', status: null, requestId: null, ms: 10000, error: 'timeout after 10 s' },
      true,
      '→ GET https://api.github.com/user failed: timeout after 10 s (10000 ms)',
    ],
  ])('%j', (event, unicode, want) => {
    expect(formatHttpTrace(event, unicode)).toBe(want);
  });

  it("cleans control bytes out of the server's request id (a C1 CSI got through; issue 11)", () => {
    const event = { method: 'GET', url: 'https://api.github.com/user', status: 200, requestId: 'C0DE\u009b2J\u001b]0;x\u0007', ms: 5 };
    const line = formatHttpTrace(event, true);
    expect(line).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
    expect(line).toBe('→ GET https://api.github.com/user 200 (5 ms, request-id C0DE 2J ]0;x )');
  });
});

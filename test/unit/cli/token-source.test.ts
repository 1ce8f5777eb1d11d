import { describe, expect, it } from 'vitest';
import { readStdin, readToken, STDIN_LIMIT_BYTES, type TokenSourceOptions } from '../../../src/cli/token-source.js';
import { CancelledError, UsageError } from '../../../src/errors.js';
import { tokenChecksum } from '../../../src/token/checksum.js';
import { testIO, type TestIOOptions } from '../../helpers/io.js';
import { FakePrompter } from '../../helpers/prompter.js';

// Synthetic tokens with GitHub's checksum (never real ones).
const BODY = 'Zx81TestOnlyBody0000aaaabbbbcc';
const GOOD = `ghp_${BODY}${tokenChecksum(BODY)}`;
const OTHER_BODY = 'Zx81TestOnlyBody0000ddddeeeeff';
const GOOD_2 = `ghp_${OTHER_BODY}${tokenChecksum(OTHER_BODY)}`;
const MISTYPED = `${GOOD.slice(0, -1)}${GOOD.endsWith('A') ? 'B' : 'A'}`;
const PROMPT = /^Paste the token/;

const options = (over: Partial<TokenSourceOptions> = {}): TokenSourceOptions => ({
  tokenStdin: false,
  envToken: null,
  announce: false,
  ...over,
});

function setup(io: TestIOOptions = {}) {
  const t = testIO(io);
  const prompter = new FakePrompter();
  const notes: string[] = [];
  return { t, prompter, notes, deps: { io: t.io, prompter, note: (line: string) => notes.push(line) } };
}

const TERMINAL = { stdinTTY: true, stderrTTY: true };

describe('readToken: where the token comes from', () => {
  it.each([
    ['a trailing newline', `${GOOD}\n`],
    ['a Windows line ending', `${GOOD}\r\n`],
    ['surrounding blanks', `  \t${GOOD}  \n`],
  ])('--token-stdin trims %s', async (_name, stdin) => {
    const { deps, prompter } = setup({ stdin });
    expect(await readToken(options({ tokenStdin: true }), deps)).toBe(GOOD);
    prompter.verify();
  });

  it('--token-stdin wins over CR_PAT', async () => {
    const { deps } = setup({ stdin: GOOD });
    expect(await readToken(options({ tokenStdin: true, envToken: GOOD_2 }), deps)).toBe(GOOD);
  });

  it('--token-stdin with an empty stdin is a usage error', async () => {
    const { deps } = setup({ stdin: ' \r\n' });
    await expect(readToken(options({ tokenStdin: true }), deps)).rejects.toThrow(
      new UsageError('--token-stdin: standard input is empty; pipe the token in'),
    );
  });

  it('--token-stdin with more than 64 KiB is a usage error', async () => {
    const { deps } = setup({ stdin: 'a'.repeat(STDIN_LIMIT_BYTES + 1) });
    await expect(readToken(options({ tokenStdin: true }), deps)).rejects.toThrow(
      new UsageError('--token-stdin: standard input holds more than 64 KiB; that is not a token'),
    );
  });

  it('--token-stdin when stdin is a terminal asks without echo instead of reading typed (echoed) input', async () => {
    const { deps, prompter } = setup(TERMINAL);
    prompter.expectPassword(PROMPT, `${GOOD}\n`);
    expect(await readToken(options({ tokenStdin: true }), deps)).toBe(GOOD);
    prompter.verify();
  });

  it('--token-stdin when stdin is a terminal but nothing can prompt is a usage error', async () => {
    const { deps } = setup({ stdinTTY: true });
    await expect(readToken(options({ tokenStdin: true }), deps)).rejects.toThrow(UsageError);
  });

  it('CR_PAT, trimmed, without a prompt even on a terminal', async () => {
    const { deps, prompter } = setup(TERMINAL);
    expect(await readToken(options({ envToken: ` ${GOOD}\r\n` }), deps)).toBe(GOOD);
    prompter.verify();
  });

  it('an empty CR_PAT is named, not skipped', async () => {
    const { deps } = setup(TERMINAL);
    await expect(readToken(options({ envToken: '  ' }), deps)).rejects.toThrow(
      new UsageError('CR_PAT is set but empty (in GitHub Actions, a secret that does not exist reads as empty)'),
    );
  });

  it('on a terminal without a token: a hidden prompt, trimmed', async () => {
    const { deps, prompter } = setup(TERMINAL);
    prompter.expectPassword(PROMPT, `${GOOD}\r\n`);
    expect(await readToken(options(), deps)).toBe(GOOD);
    prompter.verify();
  });

  it('the prompt refuses an empty paste and asks again', async () => {
    const { deps, prompter } = setup(TERMINAL);
    prompter.expectPassword(PROMPT, '  ', GOOD);
    expect(await readToken(options(), deps)).toBe(GOOD);
    expect(prompter.calls[0]?.rejected).toEqual(['Nothing was pasted: paste the token, or press Ctrl-C to stop']);
  });

  it('Ctrl-C at the prompt is a CancelledError', async () => {
    const { deps, prompter } = setup(TERMINAL);
    prompter.expectPassword(PROMPT, 'cancel');
    await expect(readToken(options(), deps)).rejects.toThrow(CancelledError);
  });

  it.each<[string, TestIOOptions]>([
    ['nothing is a terminal', {}],
    ['only stdin is a terminal', { stdinTTY: true }],
    ['only stderr is a terminal', { stderrTTY: true }],
  ])('no token and %s: usage error', async (_name, io) => {
    const { deps } = setup(io);
    await expect(readToken(options(), deps)).rejects.toThrow(
      new UsageError('no token: set CR_PAT, pass --token-stdin, or run in a terminal'),
    );
  });
});

describe('readToken: what was recognised, before any network call', () => {
  it('names the kind, masked', async () => {
    const { deps, notes } = setup(TERMINAL);
    await readToken(options({ envToken: GOOD, announce: true }), deps);
    expect(notes).toEqual(['Recognised a classic personal access token (ghp_****).']);
    expect(notes.join('\n')).not.toContain(GOOD);
  });

  it('says nothing when not asked to (not a terminal, or --json)', async () => {
    const { deps, notes } = setup(TERMINAL);
    await readToken(options({ envToken: GOOD }), deps);
    expect(notes).toEqual([]);
  });

  it('--quiet: a sound token is not announced; a checksum problem still is, with the chance to paste again', async () => {
    const sound = setup(TERMINAL);
    await readToken(options({ envToken: GOOD, announce: true, quiet: true }), sound.deps);
    expect(sound.notes).toEqual([]);

    const { deps, notes, prompter } = setup(TERMINAL);
    prompter.expectPassword(PROMPT, MISTYPED);
    prompter.expectConfirm('Paste the token again?', true, true);
    prompter.expectPassword(PROMPT, GOOD);
    expect(await readToken(options({ announce: true, quiet: true }), deps)).toBe(GOOD);
    prompter.verify();
    expect(notes).toEqual([
      'Recognised a classic personal access token (ghp_****).',
      'The token fails its checksum: it was mistyped or cut; copy it again from GitHub.',
    ]);
  });

  it('a checksum problem on a terminal: reported, and the user pastes again', async () => {
    const { deps, notes, prompter } = setup(TERMINAL);
    prompter.expectPassword(PROMPT, MISTYPED);
    prompter.expectConfirm('Paste the token again?', true, true);
    prompter.expectPassword(PROMPT, GOOD);
    expect(await readToken(options({ announce: true }), deps)).toBe(GOOD);
    prompter.verify();
    expect(notes).toEqual([
      'Recognised a classic personal access token (ghp_****).',
      'The token fails its checksum: it was mistyped or cut; copy it again from GitHub.',
      'Recognised a classic personal access token (ghp_****).',
    ]);
  });

  it('a checksum problem, and the user keeps the token: the checks report it', async () => {
    const { deps, prompter } = setup(TERMINAL);
    prompter.expectConfirm('Paste the token again?', false);
    expect(await readToken(options({ envToken: MISTYPED, announce: true }), deps)).toBe(MISTYPED);
    prompter.verify();
  });

  it('a checksum problem and Ctrl-C at the question: cancelled', async () => {
    const { deps, prompter } = setup(TERMINAL);
    prompter.expectConfirm('Paste the token again?', 'cancel');
    await expect(readToken(options({ envToken: MISTYPED, announce: true }), deps)).rejects.toThrow(CancelledError);
  });

  it.each([
    ['an OAuth app token', `gho_${GOOD.slice(4)}`, 'Recognised an OAuth app token (gho_****).'],
    ['a legacy token', 'a'.repeat(40), 'Recognised a legacy 40-character token (****).'],
  ])('uses the right article: %s', async (_name, token, note) => {
    const { deps, notes } = setup(TERMINAL);
    await readToken(options({ envToken: token, announce: true }), deps);
    expect(notes[0]).toBe(note);
  });

  it('something that is not a GitHub token is not "recognised": only what is wrong is said (issue 14)', async () => {
    const { deps, notes, prompter } = setup(TERMINAL);
    prompter.expectConfirm('Paste the token again?', false);
    await readToken(options({ envToken: 'hunter2-not-a-token', announce: true }), deps);
    prompter.verify();
    expect(notes).toEqual(['This is not a GitHub token: GitHub tokens start with ghp_, github_pat_, gho_, ghu_, ghs_ or ghr_.']);
  });

  it('a checksum problem without a way to prompt: nothing said here, the token.format check reports it once', async () => {
    const { deps, notes, prompter } = setup({ stderrTTY: true, stdin: MISTYPED });
    expect(await readToken(options({ tokenStdin: true, announce: true }), deps)).toBe(MISTYPED);
    prompter.verify();
    expect(notes).toEqual([]);
  });
});

describe('readStdin', () => {
  it('joins chunks as UTF-8', async () => {
    const { t } = setup({ stdin: 'héllo' });
    expect(await readStdin(t.io.stdin)).toBe('héllo');
  });

  it('accepts exactly the limit', async () => {
    const { t } = setup({ stdin: 'a'.repeat(16) });
    expect(await readStdin(t.io.stdin, 16)).toHaveLength(16);
  });
});

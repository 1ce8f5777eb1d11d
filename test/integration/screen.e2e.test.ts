import { execFile } from 'node:child_process';
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { type Simulator, startSimulator, tokenValue } from '../../src/simulator/index.js';
import { CHECK_IDS } from '../../src/types.js';
import { BIN } from '../helpers/cli.js';
import { startTty, stripEscapes, type TtyOptions, type TtySession } from '../helpers/tty.js';

// Issue 14, in a real terminal (tmux) with the built binary: what a person sees once a command has finished. The
// live progress gives way to the report (each finding once on the final screen, scrollback included); every
// command's help; the guide; shell completion in a real bash and a real zsh.

const execFileAsync = promisify(execFile);

let sim: Simulator;
let bin: string;
beforeAll(async () => {
  sim = await startSimulator();
  // `crpat` on PATH for the shell tests: the built binary.
  bin = await mkdtemp(join(tmpdir(), 'crpat-bin-'));
  await writeFile(join(bin, 'crpat'), `#!/bin/sh\nexec '${process.execPath}' '${BIN}' "$@"\n`);
  await chmod(join(bin, 'crpat'), 0o755);
});
afterAll(async () => {
  await sim.close();
  await rm(bin, { recursive: true, force: true });
});

async function terminal(options: TtyOptions): Promise<TtySession> {
  const tty = await startTty({ rows: 60, ...options });
  onTestFinished(() => tty.close());
  return tty;
}

/** How many lines of `screen` start (after the symbol) with the check id: one per time the finding was shown. */
function timesShown(screen: string, id: string): number {
  return screen.split('\n').filter((line) => new RegExp(`^\\S+\\s+${id.replace('.', '\\.')}\\s`).test(line)).length;
}

describe('each finding once on the final screen', () => {
  it.each([
    { name: '80 columns, colour', columns: 80, env: {} },
    { name: '60 columns, no colour', columns: 60, env: { NO_COLOR: '1' } },
  ])('$name: a failing check', async ({ columns, env }) => {
    const tty = await terminal({
      columns,
      env,
      token: tokenValue(sim.world, 'octocat-classic-repo-only'),
      args: ['--repo', 'octocat/hello-world', '--api-url', sim.apiUrl, '--registry', sim.registryUrl],
    });
    expect(await tty.exitCode()).toBe(1);
    const screen = await tty.capture({ history: true });
    expect(screen).toContain('✖ This token cannot push');
    for (const id of CHECK_IDS) expect(timesShown(screen, id), id).toBe(1);
    // The one-row capability table for push repeats token.scopes and registry.push: not shown.
    expect(screen).not.toContain('Capabilities for push');
    // Issue 14: the guide is opened with a command, not a path that exists only in a clone.
    expect(screen).toContain('Guide: crpat guide create-token');
    const coloured = await tty.capture({ history: true, escapes: true });
    expect(coloured !== screen, 'colour as asked').toBe(Object.keys(env).length === 0);
    for (const line of screen.split('\n')) expect(stripEscapes(line).length).toBeLessThanOrEqual(columns);
  });

  it('a passing check: ten checks once, no capability table', async () => {
    const tty = await terminal({
      columns: 80,
      token: tokenValue(sim.world, 'octocat-classic-push'),
      args: ['--repo', 'octocat/hello-world', '--api-url', sim.apiUrl, '--registry', sim.registryUrl],
    });
    expect(await tty.exitCode()).toBe(0);
    const screen = await tty.capture({ history: true });
    for (const id of CHECK_IDS) expect(timesShown(screen, id), id).toBe(1);
    expect(screen).not.toContain('Capabilities for');
    expect(screen).not.toContain('Recognised a classic personal access token (ghp_****)');
  });

  it('a mistyped token from a file (--token-stdin < file): its problem once, in the report', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'crpat-screen-'));
    onTestFinished(() => rm(dir, { recursive: true, force: true }));
    const good = tokenValue(sim.world, 'octocat-classic-push');
    // The last character changed: the checksum no longer matches.
    await writeFile(join(dir, 'token.txt'), `${good.slice(0, -1)}${good.endsWith('a') ? 'b' : 'a'}\n`, { mode: 0o600 });
    const args = ['--repo', 'octocat/hello-world', '--token-stdin', '--api-url', sim.apiUrl, '--registry', sim.registryUrl];
    const tty = await terminal({ columns: 80, shellCommand: `${[process.execPath, BIN, ...args].map((a) => `'${a}'`).join(' ')} < '${join(dir, 'token.txt')}'` });
    expect(await tty.exitCode()).toBe(1);
    const screen = await tty.capture({ history: true });
    expect(timesShown(screen, 'token.format')).toBe(1);
    expect(screen.split('checksum').length - 1, screen).toBe(1);
    expect(screen).not.toContain('Recognised');
  });

  it('--for deploy: each probe\'s answer once, in the capability table, not again under token.capabilities', async () => {
    const tty = await terminal({
      columns: 80,
      token: tokenValue(sim.world, 'octocat-fine-grained'),
      args: ['--repo', 'acme/private-app', '--for', 'deploy', '--api-url', sim.apiUrl, '--registry', sim.registryUrl],
    });
    expect(await tty.exitCode()).toBe(1);
    const screen = await tty.capture({ history: true, join: true });
    expect(timesShown(screen, 'token.capabilities')).toBe(1);
    expect(screen).toContain('Capabilities for deploy:');
    // Lines wrapped in the table's column, read as one text.
    const text = screen.replace(/\s+/g, ' ');
    expect(text.split('POST /repos/{owner}/{repo}/deployments answered 403').length - 1, screen).toBe(1);
    expect(text).toContain('How each was established: the capability table below.');
  });

  it('several repositories: one verdict line each, once', async () => {
    const tty = await terminal({
      columns: 80,
      token: tokenValue(sim.world, 'octocat-classic-push'),
      args: ['--repo', 'octocat/hello-world', '--repo', 'acme/private-app', '--api-url', sim.apiUrl, '--registry', sim.registryUrl],
    });
    await tty.exitCode();
    const screen = await tty.capture({ history: true });
    expect(screen.split('octocat/hello-world').length - 1).toBe(1);
  });

  it('with the report sent to a file, the progress stays on the terminal (it is all the terminal shows)', async () => {
    const tty = await terminal({
      columns: 80,
      token: tokenValue(sim.world, 'octocat-classic-push'),
      args: ['--repo', 'octocat/hello-world', '--api-url', sim.apiUrl, '--registry', sim.registryUrl],
      redirectStdout: true,
    });
    expect(await tty.exitCode()).toBe(0);
    const screen = await tty.capture({ history: true });
    for (const id of CHECK_IDS) expect(timesShown(screen, id), id).toBe(1);
    expect(await tty.stdoutFile()).toContain('This token can push');
  });
});

describe('every line wrapped at spaces on a 60-column terminal (issue 14)', () => {
  /** Lines of the screen as the program wrote them (soft-wrapped rows joined): none may be wider than the terminal. */
  async function joinedLines(tty: TtySession): Promise<string[]> {
    return (await tty.capture({ history: true, join: true })).split('\n');
  }

  it('crpat secret set: its messages and the check, nothing cut mid-word', async () => {
    const tty = await terminal({
      columns: 60,
      env: { NO_COLOR: '1' },
      token: tokenValue(sim.world, 'octocat-classic-push'),
      args: ['secret', 'set', '--repo', 'octocat/hello-world', '--api-url', sim.apiUrl, '--registry', sim.registryUrl],
    });
    expect(await tty.exitCode()).toBe(0);
    const lines = await joinedLines(tty);
    expect(lines.join('\n')).toContain('Actions secret CR_PAT');
    for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(60);
  });

  it('crpat secret set in a clone: the git remote it offers, its link whole on a line of its own', async () => {
    const cwd = await mkdtemp(join(tmpdir(), 'crpat-screen-'));
    onTestFinished(() => rm(cwd, { recursive: true, force: true }));
    await execFileAsync('git', ['init', '-q', cwd]);
    await execFileAsync('git', ['-C', cwd, 'remote', 'add', 'origin', 'https://github.com/octocat/hello-world.git']);
    const tty = await terminal({
      columns: 60,
      env: { NO_COLOR: '1' },
      args: ['secret', 'set', '--api-url', sim.apiUrl, '--registry', sim.registryUrl],
      cwd,
    });
    await tty.waitFor('Use this repository?', { join: true });
    const lines = await joinedLines(tty);
    expect(lines).toContain('  https://github.com/octocat/hello-world.git');
    for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(60);
    await tty.press('C-c');
    expect(await tty.exitCode()).toBe(2);
  });

  it.each([
    ['crpat guide: the list of steps', ['guide'], 0],
    ['crpat guide nope: the error', ['guide', 'nope'], 2],
    ['crpat check acme/api: the usage error', ['check', 'acme/api'], 2],
    ['crpat workflow init: what it wrote', ['workflow', 'init'], 0],
  ])('%s', async (_name, args, code) => {
    const cwd = await mkdtemp(join(tmpdir(), 'crpat-screen-'));
    onTestFinished(() => rm(cwd, { recursive: true, force: true }));
    const tty = await terminal({ columns: 60, env: { NO_COLOR: '1' }, args, cwd });
    expect(await tty.exitCode()).toBe(code);
    const lines = await joinedLines(tty);
    expect(lines.join('').trim()).not.toBe('');
    for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(60);
  });

  it('crpat simulator: its sentences wrapped; a token, one word, is left whole', async () => {
    const tty = await terminal({ columns: 60, env: { NO_COLOR: '1' }, args: ['simulator'] });
    await tty.waitFor(/These tokens are synthetic/, { history: true, join: true });
    const lines = await joinedLines(tty);
    for (const line of lines) if (!/^ {4}CR_PAT=\S+$/.test(line)) expect(line.length, line).toBeLessThanOrEqual(60);
    await tty.press('C-c');
    expect(await tty.exitCode()).toBe(0);
  });

  it('crpat demo: the scenarios, without the ledger references meant for maintainers', async () => {
    const tty = await terminal({ columns: 60, env: { NO_COLOR: '1' }, args: ['demo'] });
    expect(await tty.exitCode()).toBe(0);
    const lines = await joinedLines(tty);
    expect(lines.join('\n')).toContain('scenarios gave their expected verdict');
    expect(lines.join('\n')).not.toMatch(/ledger|§/);
    // A link longer than the terminal is the one thing the terminal wraps: it starts a line of its own.
    for (const line of lines) if (line.length > 60) expect(line, line).toMatch(/^https?:\/\/\S+$/);
  });
});

describe('colour takes no room: a line wraps at the same column with colour as without', () => {
  const WORKFLOW = [
    'on: [push]',
    'jobs:',
    '  image:',
    '    runs-on: ubuntu-latest',
    '    steps:',
    '      - uses: actions/checkout@v4',
    '      - run: echo ${{ secrets.CR_PAT }} | docker login ghcr.io -u ${{ github.actor }} --password-stdin',
    '      - run: docker build -t ghcr.io/acme/api:latest . && docker push ghcr.io/acme/api:latest',
    '',
  ].join('\n');

  it('crpat workflow on 60 columns: the same screen in colour and without', async () => {
    const cwd = await mkdtemp(join(tmpdir(), 'crpat-screen-'));
    onTestFinished(() => rm(cwd, { recursive: true, force: true }));
    await mkdir(join(cwd, '.github/workflows'), { recursive: true });
    await writeFile(join(cwd, '.github/workflows/build.yml'), WORKFLOW);
    const screens: string[] = [];
    for (const env of [{}, { NO_COLOR: '1' }]) {
      const tty = await terminal({ columns: 60, env, args: ['workflow', '--repo', 'acme/api'], cwd });
      expect(await tty.exitCode()).toBe(0);
      screens.push(await tty.capture({ history: true }));
    }
    expect(screens[0]).toContain('action.runtime');
    expect(screens[0]).toBe(screens[1]);
  });

  it('crpat guide sso on 60 columns, in colour: each line of a paragraph as full as the next word allows', async () => {
    const tty = await terminal({ columns: 60, args: ['guide', 'sso'] });
    expect(await tty.exitCode()).toBe(0);
    expect(await tty.capture({ escapes: true })).not.toBe(await tty.capture());
    const prose = ((await tty.capture({ history: true })).split('\nLinks:\n')[0] ?? '').split('\n');
    for (const [i, line] of prose.entries()) {
      const next = prose[i + 1]?.trimStart() ?? '';
      // The next line continues this paragraph or list item (not a blank line, a new item or a link of its own).
      if (line === '' || next === '' || /^(\d+\.|-) /.test(next) || next.startsWith('https://')) continue;
      expect(line.length + 1 + (next.split(' ')[0] ?? '').length, `${line}\n${next}`).toBeGreaterThan(60);
    }
  });
});

describe('help per command', () => {
  it.each([
    [['--help'], /^Usage: crpat \[command\] \[options\]/],
    [['check', '--help'], /^Usage: crpat check \[options\]/],
    [['secret', 'set', '--help'], /^Usage: crpat secret set \[options\]/],
    [['link', '--help'], /^Usage: crpat link \[options\]/],
    [['demo', '--help'], /^Usage: crpat demo \[options\]/],
    [['simulator', '--help'], /^Usage: crpat simulator \[options\]/],
    [['guide', '--help'], /^Usage: crpat guide \[options\] \[step\]/],
    [['workflow', '--help'], /^Usage: crpat workflow \[options\] \[command\] \[files\.\.\.\]/],
    [['workflow', 'init', '--help'], /^Usage: crpat workflow init \[options\]/],
    [['completion', '--help'], /^Usage: crpat completion \[options\] <shell>/],
    [['help', '--help'], /^Usage: crpat help \[options\] \[command\.\.\.\]/],
  ])('crpat %j on 60 columns: its own usage, examples, nothing wider', async (args, usage) => {
    const tty = await terminal({ columns: 60, args });
    expect(await tty.exitCode()).toBe(0);
    const screen = await tty.capture({ history: true, join: true });
    expect(screen).toMatch(usage);
    if (args[0] !== '--help') expect(screen).toContain('Examples:');
    // Only an example's command, one line to copy, may be wider; a comment after it would be cut mid-word.
    for (const line of screen.split('\n').filter((l) => !/^ {2}\$ [^#]*$/.test(l))) expect(line.length, line).toBeLessThanOrEqual(60);
  });

  it('crpat --help lists the commands', async () => {
    const tty = await terminal({ columns: 80, args: ['--help'] });
    await tty.exitCode();
    const screen = await tty.capture({ history: true });
    for (const command of ['check', 'secret set', 'workflow', 'link', 'guide', 'demo', 'simulator', 'completion', 'help']) {
      expect(screen).toMatch(new RegExp(`\\n  ${command} `));
    }
  });
});

describe('crpat guide', () => {
  it('without a step: the list of steps and how to open one', async () => {
    const tty = await terminal({ columns: 80, args: ['guide'] });
    expect(await tty.exitCode()).toBe(0);
    const screen = await tty.capture({ history: true });
    expect(screen).toMatch(/^Creating a CR_PAT/);
    expect(screen).toMatch(/\n {2}sso +5\. Authorize it for SAML single sign-on\n/);
    expect(screen).toContain('crpat guide <step>');
  });

  it('a step, wrapped to a 60-column terminal, its links listed at the end', async () => {
    const tty = await terminal({ columns: 60, args: ['guide', 'sso'] });
    expect(await tty.exitCode()).toBe(0);
    const screen = await tty.capture({ history: true });
    expect(screen).toMatch(/^5\. Authorize it for SAML single sign-on\n/);
    expect(screen).toContain('Links:');
    const prose = screen.split('\nLinks:\n')[0] ?? '';
    for (const line of prose.split('\n')) expect(line.length, line).toBeLessThanOrEqual(60);
  });

  it('an unknown step: one message, wrapped at spaces to the terminal, exit 2', async () => {
    const tty = await terminal({ columns: 80, args: ['guide', 'nope'] });
    expect(await tty.exitCode()).toBe(2);
    expect(await tty.capture({ join: true })).toBe('crpat: the guide has no such step; crpat guide lists them (e.g. crpat guide\n  create-token)');
  });
});

describe('shell completion in a real bash', () => {
  async function bash(): Promise<TtySession> {
    const rc = join(bin, 'bashrc');
    await writeFile(rc, `unset HISTFILE\nexport PATH='${bin}':"$PATH"\nPS1='$ '\nsource <(crpat completion bash)\n`);
    const tty = await terminal({ columns: 80, shellCommand: `bash --noprofile --rcfile '${rc}' -i` });
    await tty.waitFor(/^\$ ?$/m, { stopAtExit: false });
    return tty;
  }

  /** Two Tabs, apart: bash lists the candidates on the second (two at once may be read as one on a loaded machine). */
  async function doubleTab(tty: TtySession): Promise<void> {
    await tty.press('Tab');
    await new Promise((resolve) => setTimeout(resolve, 300));
    await tty.press('Tab');
  }

  it('completes a command, a guide step and the values of --for', async () => {
    const tty = await bash();
    await tty.type('crpat gui');
    await tty.press('Tab');
    await tty.waitFor(/^\$ crpat guide$/m, { stopAtExit: false });
    await tty.type('cre');
    await tty.press('Tab');
    await tty.waitFor(/^\$ crpat guide create-token$/m, { stopAtExit: false });
    await tty.press('C-u');
    await tty.type('crpat check --for ');
    await doubleTab(tty);
    await tty.waitFor(/deploy +push|push +deploy/, { stopAtExit: false });
    await tty.press('C-u');
    await tty.type('crpat secret s');
    await tty.press('Tab');
    await tty.waitFor(/^\$ crpat secret set$/m, { stopAtExit: false });
    await tty.type('--vis');
    await tty.press('Tab');
    await tty.waitFor(/^\$ crpat secret set --visibility$/m, { stopAtExit: false });
    await doubleTab(tty);
    await tty.waitFor(/all +private +selected/, { stopAtExit: false });
  });
});

describe('shell completion in a real zsh', () => {
  /** An interactive zsh with only this rc (no system-wide files): `_crpat` on fpath, compinit, a plain prompt. */
  async function zsh(): Promise<TtySession> {
    const home = join(bin, 'zdot');
    await mkdir(join(home, 'functions'), { recursive: true });
    const script = await new Promise<string>((resolve, reject) => {
      execFile(process.execPath, [BIN, 'completion', 'zsh'], (error, stdout) => (error ? reject(error) : resolve(stdout)));
    });
    await writeFile(join(home, 'functions', '_crpat'), script);
    await writeFile(join(home, '.zshenv'), 'unsetopt GLOBAL_RCS\n');
    await writeFile(
      join(home, '.zshrc'),
      `unset HISTFILE\nexport PATH='${bin}':"$PATH"\nPS1='$ '\nfpath=('${join(home, 'functions')}' $fpath)\nautoload -Uz compinit && compinit -u -D\n`,
    );
    const tty = await terminal({ columns: 80, env: { ZDOTDIR: home }, shellCommand: 'zsh -i' });
    await tty.waitFor(/^\$ ?$/m, { stopAtExit: false });
    return tty;
  }

  it('completes a command, a guide step, the values of --for and of --visibility', async () => {
    const tty = await zsh();
    await tty.type('crpat gui');
    await tty.press('Tab');
    // zsh ends a completed word with a space (the capture drops it at the end of the screen).
    await tty.waitFor(/^\$ crpat guide ?$/m, { stopAtExit: false });
    await tty.type('cre');
    await tty.press('Tab');
    await tty.waitFor(/^\$ crpat guide create-token ?$/m, { stopAtExit: false });
    await tty.press('C-u');
    await tty.type('crpat check --for ');
    await tty.press('Tab');
    await tty.waitFor(/deploy +push|push +deploy/, { stopAtExit: false });
    await tty.press('C-u');
    await tty.type('crpat secret s');
    await tty.press('Tab');
    await tty.waitFor(/^\$ crpat secret set ?$/m, { stopAtExit: false });
    await tty.type('--vis');
    await tty.press('Tab');
    await tty.waitFor(/^\$ crpat secret set --visibility ?$/m, { stopAtExit: false });
    await tty.press('Tab');
    await tty.waitFor(/all +private +selected/, { stopAtExit: false });
  });
});

import { describe, expect, it } from 'vitest';
import { ASK_REPOSITORY, CONFIRM_REMOTE, type Git, resolveRepository, type RepoSourceOptions } from '../../../src/cli/repo-source.js';
import { CancelledError, UsageError } from '../../../src/errors.js';
import { testIO, type TestIOOptions } from '../../helpers/io.js';
import { FakePrompter } from '../../helpers/prompter.js';

const TERMINAL = { stdinTTY: true, stderrTTY: true };
const ACME = { host: 'github.com', owner: 'acme', name: 'api' };

/** A git that answers `remote get-url origin` with `url`, or fails like git outside a checkout. */
function fakeGit(url: string | null): Git & { calls: Array<{ args: readonly string[]; cwd: string }> } {
  const calls: Array<{ args: readonly string[]; cwd: string }> = [];
  const git = async (args: readonly string[], cwd: string): Promise<string> => {
    calls.push({ args, cwd });
    if (url === null) throw new Error("error: No such remote 'origin'");
    return `${url}\n`;
  };
  return Object.assign(git, { calls });
}

function setup(io: TestIOOptions, remote: string | null) {
  const t = testIO(io);
  const prompter = new FakePrompter();
  const notes: string[] = [];
  const git = fakeGit(remote);
  return { prompter, notes, git, deps: { io: t.io, prompter, git, note: (line: string) => notes.push(line) } };
}

const opts = (over: Partial<RepoSourceOptions> = {}): RepoSourceOptions => ({ repo: null, yes: false, cwd: '/work/app', ...over });

describe('resolveRepository with --repo', () => {
  it('parses it and never runs git', async () => {
    const { deps, git } = setup(TERMINAL, 'git@github.com:other/thing.git');
    expect(await resolveRepository(opts({ repo: 'https://github.com/acme/api.git' }), deps)).toEqual({ target: ACME, source: 'flag' });
    expect(git.calls).toEqual([]);
  });

  it('a bad --repo is a usage error with the parser’s reason', async () => {
    const { deps } = setup(TERMINAL, null);
    await expect(resolveRepository(opts({ repo: 'acme' }), deps)).rejects.toThrow(
      new UsageError('--repo: The repository needs a name after the owner, e.g. octocat/hello-world.'),
    );
  });
});

describe('resolveRepository from the git remote, on a terminal', () => {
  it('shows the remote and accepts it on Yes (default offered: No)', async () => {
    const { deps, prompter, notes, git } = setup(TERMINAL, 'git@github.com:acme/api.git');
    prompter.expectConfirm(CONFIRM_REMOTE, true, false);
    expect(await resolveRepository(opts(), deps)).toEqual({ target: ACME, source: 'remote' });
    prompter.verify();
    expect(notes).toEqual(['acme/api (github.com) from git remote origin: git@github.com:acme/api.git']);
    expect(git.calls).toEqual([{ args: ['remote', 'get-url', 'origin'], cwd: '/work/app' }]);
  });

  it('shows a remote with credentials without them', async () => {
    const { deps, prompter, notes } = setup(TERMINAL, 'https://me:s3cr3t@github.com/acme/api.git');
    prompter.expectConfirm(CONFIRM_REMOTE, true);
    await resolveRepository(opts(), deps);
    expect(notes.join('\n')).not.toContain('s3cr3t');
  });

  it('on No asks for a URL', async () => {
    const { deps, prompter } = setup(TERMINAL, 'git@github.com:acme/api.git');
    prompter.expectConfirm(CONFIRM_REMOTE, false);
    prompter.expectText(ASK_REPOSITORY, 'https://github.com/octo/web/tree/main');
    expect(await resolveRepository(opts(), deps)).toEqual({
      target: { host: 'github.com', owner: 'octo', name: 'web' },
      source: 'prompt',
    });
    prompter.verify();
  });

  it('a bad URL is refused with the reason, and the next one accepted', async () => {
    const { deps, prompter } = setup(TERMINAL, 'git@github.com:acme/api.git');
    prompter.expectConfirm(CONFIRM_REMOTE, false);
    prompter.expectText(ASK_REPOSITORY, '', 'acme', ' octo/web ');
    expect((await resolveRepository(opts(), deps)).target).toEqual({ host: 'github.com', owner: 'octo', name: 'web' });
    expect(prompter.calls[1]?.rejected).toEqual([
      'Type owner/name or paste the repository URL',
      'The repository needs a name after the owner, e.g. octocat/hello-world.',
    ]);
  });

  it('--yes accepts the remote without asking', async () => {
    const { deps, prompter } = setup(TERMINAL, 'https://github.com/acme/api');
    expect(await resolveRepository(opts({ yes: true }), deps)).toEqual({ target: ACME, source: 'remote' });
    prompter.verify();
  });

  it('no remote: says so and asks for the URL directly', async () => {
    const { deps, prompter, notes } = setup(TERMINAL, null);
    prompter.expectText(ASK_REPOSITORY, 'acme/api');
    expect(await resolveRepository(opts(), deps)).toEqual({ target: ACME, source: 'prompt' });
    expect(notes).toEqual(['No git remote origin here.']);
  });

  it('a remote that is not a repository: says why and asks', async () => {
    const { deps, prompter, notes } = setup(TERMINAL, 'https://github.com/settings/tokens');
    prompter.expectText(ASK_REPOSITORY, 'acme/api');
    await resolveRepository(opts(), deps);
    expect(notes[0]).toMatch(/^The git remote origin is not a repository crpat can check: /);
  });

  it.each([
    ['the question', (p: FakePrompter) => p.expectConfirm(CONFIRM_REMOTE, 'cancel')],
    ['the URL', (p: FakePrompter) => p.expectConfirm(CONFIRM_REMOTE, false).expectText(ASK_REPOSITORY, 'cancel')],
  ])('Ctrl-C at %s: cancelled', async (_name, queue) => {
    const { deps, prompter } = setup(TERMINAL, 'git@github.com:acme/api.git');
    queue(prompter);
    await expect(resolveRepository(opts(), deps)).rejects.toThrow(CancelledError);
  });
});

describe('resolveRepository without a terminal', () => {
  it('a remote but no --yes: usage error asking for --repo', async () => {
    const { deps } = setup({}, 'git@github.com:acme/api.git');
    await expect(resolveRepository(opts(), deps)).rejects.toThrow(
      new UsageError('no --repo given and no terminal to confirm the git remote: pass --repo owner/name (or --yes to accept the remote)'),
    );
  });

  it('--yes accepts the remote', async () => {
    const { deps, notes } = setup({}, 'ssh://git@github.com/acme/api.git');
    expect(await resolveRepository(opts({ yes: true }), deps)).toEqual({ target: ACME, source: 'remote' });
    expect(notes).toEqual([]);
  });

  it('no remote (with or without --yes): usage error asking for --repo', async () => {
    for (const yes of [false, true]) {
      const { deps } = setup({}, null);
      await expect(resolveRepository(opts({ yes }), deps)).rejects.toThrow(
        new UsageError('no --repo given and no git remote origin here: pass --repo owner/name'),
      );
    }
  });

  it('a remote that is not a repository, even with --yes: usage error', async () => {
    const { deps } = setup({}, 'https://gitlab.example.com/');
    await expect(resolveRepository(opts({ yes: true }), deps)).rejects.toThrow(/^no --repo given, and the git remote origin is not a repository crpat can check \(/);
  });

  it('stdin piped but stderr a terminal is not enough to ask', async () => {
    const { deps } = setup({ stderrTTY: true }, 'git@github.com:acme/api.git');
    await expect(resolveRepository(opts(), deps)).rejects.toThrow(UsageError);
  });
});

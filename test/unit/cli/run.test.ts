import { describe, expect, it } from 'vitest';
import { eraseAbove } from '../../../src/cli/progress.js';
import { type CheckTokenFn, run, type RunDeps } from '../../../src/cli/run.js';
import type { CheckTokenDeps, CheckTokenOptions } from '../../../src/pipeline/options.js';
import { UsageError } from '../../../src/errors.js';
import { renderHuman } from '../../../src/report/human.js';
import { tokenChecksum } from '../../../src/token/checksum.js';
import type { Report } from '../../../src/types.js';
import { VERSION } from '../../../src/version.js';
import { testIO, type TestIOOptions } from '../../helpers/io.js';
import { FakePrompter } from '../../helpers/prompter.js';
import { FAIL_REPORT, INCONCLUSIVE_REPORT, PASS_REPORT } from '../report/fixtures.js';

const BODY = 'Zx81TestOnlyBody0000aaaabbbbcc';
const TOKEN = `ghp_${BODY}${tokenChecksum(BODY)}`;
const TERMINAL = { stdinTTY: true, stdoutTTY: true, stderrTTY: true };

interface Call {
  options: CheckTokenOptions;
  deps: CheckTokenDeps | undefined;
}

/** A checkToken that returns `report`, replaying its findings as progress, and records how it was called. */
function fakeCheck(report: Report | (() => Promise<Report>), http = false): CheckTokenFn & { calls: Call[] } {
  const calls: Call[] = [];
  const fn: CheckTokenFn = async (options, deps) => {
    calls.push({ options, deps });
    if (typeof report === 'function') return report();
    for (const finding of report.checks) {
      deps?.onProgress?.({ type: 'start', id: finding.id, title: finding.id });
      if (http) deps?.onHttp?.({ method: 'GET', url: 'https://api.github.com/user', status: 200, requestId: 'AB:CD', ms: 5 });
      deps?.onProgress?.({ type: 'finish', finding });
    }
    return report;
  };
  return Object.assign(fn, { calls });
}

function setup(io: TestIOOptions = {}, over: Partial<RunDeps> = {}) {
  const t = testIO(io);
  const prompter = new FakePrompter();
  const check = fakeCheck(PASS_REPORT);
  const deps: RunDeps = {
    io: t.io,
    env: {},
    cwd: '/work/app',
    platform: 'linux',
    prompter,
    git: async () => {
      throw new Error('not a git repository');
    },
    checkToken: check,
    loadSimulator: async () => {
      throw new Error('no simulator in this test');
    },
    spinnerIntervalMs: 0,
    ...over,
  };
  return { t, prompter, check, deps };
}

describe('run: crpat guide reads the shipped guide (docs/creating-a-cr-pat.md)', () => {
  it('without a step: the list of steps, each with the name crpat guide takes', async () => {
    const { t, deps } = setup();
    expect(await run(['guide'], deps)).toBe(0);
    expect(t.out()).toMatch(/^ {2}sso +5\. Authorize it for SAML single sign-on$/m);
    expect(t.out()).toMatch(/^ {4}renew-token +3\.1 When it expires or stops working$/m);
    expect(t.out()).toContain('crpat guide create-token');
    expect(t.err()).toBe('');
  });

  it('a step: its text, exit 0', async () => {
    const { t, deps } = setup();
    expect(await run(['guide', 'sso'], deps)).toBe(0);
    expect(t.out()).toMatch(/single sign-on/i);
    expect(t.out()).not.toContain('<a id=');
  });

  it('a step that does not exist: one line, exit 2', async () => {
    const { t, deps } = setup();
    expect(await run(['guide', 'nope'], deps)).toBe(2);
    expect(t.out()).toBe('');
    expect(t.err()).toBe('crpat: the guide has no such step; crpat guide lists them (e.g. crpat guide create-token)\n');
  });
});

describe('run: help and version', () => {
  it('--help prints the help on stdout, exit 0', async () => {
    const { t, deps } = setup();
    expect(await run(['--help'], deps)).toBe(0);
    expect(t.out()).toMatch(/^Usage: crpat \[command\] \[options\]\n/);
    expect(t.err()).toBe('');
  });

  it('--version prints the version, exit 0', async () => {
    const { t, deps } = setup();
    expect(await run(['--version'], deps)).toBe(0);
    expect(t.out()).toBe(`${VERSION}\n`);
  });
});

describe('run: usage errors are one line on stderr, exit 2, nothing checked', () => {
  it.each([
    [['--token', TOKEN], 'crpat: --token is refused: a token on the command line is visible to every user of this machine (ps) and lands in shell history. Use CR_PAT=... or --token-stdin.\n'],
    [[`--token=${TOKEN}`], 'crpat: --token is refused: a token on the command line is visible to every user of this machine (ps) and lands in shell history. Use CR_PAT=... or --token-stdin.\n'],
    [['--bogus'], "crpat: unknown option '--bogus' (see crpat check --help)\n"],
    [['--repo', 'a/b', 'extra'], 'crpat: unexpected argument: check takes no arguments; the repository goes after --repo (see crpat check --help)\n'],
    [['--repo', 'not a repo'], 'crpat: --repo: A repository is owner/name (e.g. octocat/hello-world) or its URL.\n'],
    [['--repo', 'a/b'], 'crpat: no token: set CR_PAT, pass --token-stdin, or run in a terminal\n'],
    [['--repo', 'a/b', '--timeout', '0'], 'crpat: --timeout must be a positive number of seconds, at most 3600\n'],
    [[], 'crpat: no --repo given and no git remote origin here: pass --repo owner/name\n'],
  ])('%j', async (argv, stderr) => {
    const { t, deps, check } = setup();
    expect(await run(argv, deps)).toBe(2);
    expect(t.err()).toBe(stderr);
    expect(t.out()).toBe('');
    expect(check.calls).toEqual([]);
    expect(t.err()).not.toContain(TOKEN);
  });

  it('a UsageError from checkToken (bad --image) is reported the same way', async () => {
    const { t, deps } = setup({}, { env: { CR_PAT: TOKEN }, checkToken: fakeCheck(async () => Promise.reject(new UsageError('"Bad Image" cannot be a container image name'))) });
    expect(await run(['--repo', 'a/b', '--image', 'Bad Image'], deps)).toBe(2);
    expect(t.err()).toBe('crpat: "Bad Image" cannot be a container image name\n');
  });
});

describe('run: a check without a terminal', () => {
  it.each<[string, Report, number]>([
    ['pass', PASS_REPORT, 0],
    ['fail', FAIL_REPORT, 1],
    ['inconclusive', INCONCLUSIVE_REPORT, 3],
  ])('%s: report on stdout, one plain line per check on stderr, exit %i', async (_name, report, code) => {
    const { t, deps } = setup({}, { env: { CR_PAT: `${TOKEN}\n` }, checkToken: fakeCheck(report) });
    expect(await run(['--repo', 'acme/api'], deps)).toBe(code);
    expect(t.out()).toBe(
      renderHuman(report, {
        color: false,
        unicode: true,
        quiet: false,
        width: 0,
        tokenDisplay: { masked: 'ghp_****', label: 'classic personal access token' },
      }),
    );
    expect(t.err().split('\n').filter(Boolean)).toHaveLength(report.checks.length);
    expect(t.err()).toContain(`✔ token.format    ${report.checks[0]?.summary}\n`);
    expect(t.err()).not.toContain('\u001b');
    expect(t.out() + t.err()).not.toContain(TOKEN);
  });

  it('passes the resolved options to checkToken: target, trimmed token, endpoints, timeout, image', async () => {
    const { deps, check } = setup(
      {},
      { env: { CR_PAT: ` ${TOKEN}\r\n`, GITHUB_API_URL: 'https://ghe.example.com/api/v3' } },
    );
    await run(['--repo', 'git@github.com:Acme/API.git', '--registry', 'containers.ghe.example.com', '--timeout', '3', '--image', 'web'], deps);
    expect(check.calls[0]?.options).toEqual({
      repository: { host: 'github.com', owner: 'Acme', name: 'API' },
      token: TOKEN,
      timeoutSeconds: 3,
      profile: 'push',
      image: 'web',
      apiUrl: 'https://ghe.example.com/api/v3',
      registry: 'containers.ghe.example.com',
    });
  });

  it('leaves the endpoints to checkToken when none is given (so a GHE.com host derives its own)', async () => {
    const { deps, check } = setup({}, { env: { CR_PAT: TOKEN } });
    await run(['--repo', 'acme.ghe.com/acme/api'], deps);
    expect(check.calls[0]?.options).toEqual({
      repository: { host: 'acme.ghe.com', owner: 'acme', name: 'api' },
      token: TOKEN,
      timeoutSeconds: 10,
      profile: 'push',
    });
  });

  it('an Enterprise Server named by GH_HOST: its API URL is passed to the check', async () => {
    const { deps, check } = setup({}, { env: { CR_PAT: TOKEN, GH_HOST: 'ghe.example.com' } });
    await run(['--repo', 'ghe.example.com/acme/api'], deps);
    expect(check.calls[0]?.options).toMatchObject({ repository: { host: 'ghe.example.com' }, apiUrl: 'https://ghe.example.com/api/v3' });
  });

  it('a host nobody named, without a terminal: exit 2 naming --api-url, no check, no token read', async () => {
    const { deps, check, t } = setup({}, { env: { CR_PAT: TOKEN } });
    expect(await run(['--repo', 'ghe.example.com/acme/api', '--yes'], deps)).toBe(2);
    expect(check.calls).toEqual([]);
    expect(t.err()).toBe(
      'crpat: ghe.example.com is not github.com or a GHE.com host, and crpat sent nothing there. If it is your GitHub Enterprise Server, pass --api-url https://ghe.example.com/api/v3 (or set GH_HOST=ghe.example.com)\n',
    );
  });

  it('passes --for and, inside GitHub Actions, the workflow repository (GITHUB_REPOSITORY) for the GITHUB_TOKEN advice', async () => {
    const { deps, check } = setup({}, { env: { CR_PAT: TOKEN, GITHUB_ACTIONS: 'true', GITHUB_REPOSITORY: 'acme/api' } });
    await run(['--repo', 'acme/api', '--for', 'deploy'], deps);
    expect(check.calls[0]?.options).toMatchObject({ profile: 'deploy', workflowRepository: 'acme/api' });
  });

  it('outside GitHub Actions GITHUB_REPOSITORY is not read', async () => {
    const { deps, check } = setup({}, { env: { CR_PAT: TOKEN, GITHUB_REPOSITORY: 'acme/api' } });
    await run(['--repo', 'acme/api'], deps);
    expect(check.calls[0]?.options).not.toHaveProperty('workflowRepository');
  });

  it('--for with an unknown profile: exit 2, one line naming the profiles, nothing checked', async () => {
    const { t, deps, check } = setup({}, { env: { CR_PAT: TOKEN } });
    expect(await run(['--repo', 'acme/api', '--for', 'nope'], deps)).toBe(2);
    expect(check.calls).toHaveLength(0);
    expect(t.err()).toBe("crpat: --for is one of push, deploy (push: push images; deploy: also a deployment's repository permissions)\n");
  });

  it('--token-stdin reads the piped token', async () => {
    const { deps, check } = setup({ stdin: `${TOKEN}\r\n` }, { env: { CR_PAT: 'ghp_other' } });
    expect(await run(['--repo', 'acme/api', '--token-stdin'], deps)).toBe(0);
    expect(check.calls[0]?.options.token).toBe(TOKEN);
  });

  it('--json: one JSON document on stdout, nothing on stderr', async () => {
    const { t, deps } = setup({}, { env: { CR_PAT: TOKEN }, checkToken: fakeCheck(FAIL_REPORT, true) });
    expect(await run(['--repo', 'acme/api', '--json'], deps)).toBe(1);
    expect(JSON.parse(t.out())).toEqual(FAIL_REPORT);
    expect(t.err()).toBe('');
  });

  it('--quiet: no progress, the short report', async () => {
    const { t, deps } = setup({}, { env: { CR_PAT: TOKEN }, checkToken: fakeCheck(FAIL_REPORT) });
    expect(await run(['--repo', 'acme/api', '--quiet'], deps)).toBe(1);
    expect(t.err()).toBe('');
    expect(t.out()).not.toContain('token.format');
  });

  it('--verbose: each HTTP exchange on stderr', async () => {
    const { t, deps } = setup({}, { env: { CR_PAT: TOKEN }, checkToken: fakeCheck(PASS_REPORT, true) });
    await run(['--repo', 'acme/api', '--verbose'], deps);
    expect(t.err()).toContain('→ GET https://api.github.com/user 200 (5 ms, request-id AB:CD)\n');
  });

  it('--verbose with --json: the trace still goes to stderr, stdout stays one document', async () => {
    const { t, deps } = setup({}, { env: { CR_PAT: TOKEN }, checkToken: fakeCheck(PASS_REPORT, true) });
    await run(['--repo', 'acme/api', '--verbose', '--json'], deps);
    expect(JSON.parse(t.out())).toEqual(PASS_REPORT);
    expect(t.err().split('\n').filter(Boolean).every((line) => line.startsWith('→ GET'))).toBe(true);
  });

  it('FORCE_COLOR colours a pipe; --no-color wins over it', async () => {
    const coloured = setup({}, { env: { CR_PAT: TOKEN, FORCE_COLOR: '1' } });
    await run(['--repo', 'acme/api'], coloured.deps);
    expect(coloured.t.out()).toContain('\u001b[');
    const plain = setup({}, { env: { CR_PAT: TOKEN, FORCE_COLOR: '1' } });
    await run(['--repo', 'acme/api', '--no-color'], plain.deps);
    expect(plain.t.out()).not.toContain('\u001b[');
  });

  it('--yes accepts the git remote', async () => {
    const { deps, check } = setup({}, { env: { CR_PAT: TOKEN }, git: async () => 'https://github.com/acme/api.git\n' });
    expect(await run(['--yes'], deps)).toBe(0);
    expect(check.calls[0]?.options.repository).toEqual({ host: 'github.com', owner: 'acme', name: 'api' });
  });
});

describe('run: errors', () => {
  it('an unexpected error is one line, exit 3, no stack, token redacted', async () => {
    const boom = fakeCheck(async () => Promise.reject(new Error(`boom near ${TOKEN}\n    at somewhere`)));
    const { t, deps } = setup({}, { env: { CR_PAT: TOKEN }, checkToken: boom });
    expect(await run(['--repo', 'acme/api'], deps)).toBe(3);
    expect(t.err()).toBe('crpat: internal error: boom near ****\n');
  });

  it('CRPAT_DEBUG=1 adds the stack', async () => {
    const boom = fakeCheck(async () => Promise.reject(new Error('boom')));
    const { t, deps } = setup({}, { env: { CR_PAT: TOKEN, CRPAT_DEBUG: '1' }, checkToken: boom });
    expect(await run(['--repo', 'acme/api'], deps)).toBe(3);
    expect(t.err()).toMatch(/^crpat: internal error: boom\nError: boom\n\s+at /);
  });

  it('Ctrl-C during the checks: "Cancelled.", exit 2, progress stopped and cursor shown', async () => {
    const controller = new AbortController();
    const hanging = fakeCheck(
      () =>
        new Promise<Report>(() => {
          setTimeout(() => controller.abort(), 5);
        }),
    );
    const wrapped: CheckTokenFn = async (options, deps) => {
      deps?.onProgress?.({ type: 'start', id: 'token.valid', title: 'Token accepted' });
      return hanging(options, deps);
    };
    const { t, deps } = setup({ stderrTTY: true }, { env: { CR_PAT: TOKEN }, checkToken: wrapped, signal: controller.signal });
    expect(await run(['--repo', 'acme/api'], deps)).toBe(2);
    expect(t.err().endsWith('\u001b[?25hCancelled.\n')).toBe(true);
    expect(t.out()).toBe('');
  });

  it('checks that notice the abort and return a report still end as cancelled', async () => {
    const controller = new AbortController();
    const check = fakeCheck(async () => {
      controller.abort();
      return INCONCLUSIVE_REPORT;
    });
    const { t, deps } = setup({}, { env: { CR_PAT: TOKEN }, checkToken: check, signal: controller.signal });
    expect(await run(['--repo', 'acme/api'], deps)).toBe(2);
    expect(t.err()).toBe('Cancelled.\n');
    expect(t.out()).toBe('');
  });
});

describe('run: the guided flow on a terminal', () => {
  it('confirms the remote, asks for the token, shows progress that the report then replaces', async () => {
    const { t, deps, prompter, check } = setup(TERMINAL, {
      git: async () => 'https://user:hunter2@github.com/acme/api.git\n',
      env: { TERM: 'xterm-256color' },
    });
    prompter.expectConfirm('Use this repository? [y/N]', true, false);
    prompter.expectPassword(/^Paste the token/, `${TOKEN}\r\n`);
    expect(await run([], deps)).toBe(0);
    prompter.verify();
    expect(check.calls[0]?.options.token).toBe(TOKEN);
    const err = t.err();
    expect(err).toContain('acme/api (github.com) from git remote origin: https://github.com/acme/api.git\n');
    // A sound token is not announced: the progress' token.format line says what it is.
    expect(err).not.toContain('Recognised a classic personal access token (ghp_****)');
    expect(err).toContain('\u001b[?25l');
    // Issue 14: the block is erased (up over its lines, erase down) so each finding shows once, in the report.
    expect(err.endsWith(`${eraseAbove(10)}\u001b[?25h`)).toBe(true);
    expect(t.out()).toContain('This token can push to ghcr.io/acme/api');
    expect(t.out()).toContain('\u001b[');
    expect(err + t.out()).not.toContain(TOKEN);
    expect(err + t.out()).not.toContain('hunter2');
  });

  it('Ctrl-C at the repository question: "Cancelled.", exit 2', async () => {
    const { t, deps, prompter, check } = setup(TERMINAL, { git: async () => 'git@github.com:acme/api.git' });
    prompter.expectConfirm('Use this repository? [y/N]', 'cancel');
    expect(await run([], deps)).toBe(2);
    expect(t.err().endsWith('Cancelled.\n')).toBe(true);
    expect(check.calls).toEqual([]);
  });

  it('Ctrl-C at the token prompt: "Cancelled.", exit 2', async () => {
    const { t, deps, prompter } = setup(TERMINAL);
    prompter.expectPassword(/^Paste the token/, 'cancel');
    expect(await run(['--repo', 'acme/api'], deps)).toBe(2);
    expect(t.err()).toBe('Cancelled.\n');
  });

  it('--json on a terminal: prompts still work, but no notes or progress', async () => {
    const { t, deps, prompter } = setup(TERMINAL, { git: async () => 'git@github.com:acme/api.git' });
    prompter.expectConfirm('Use this repository? [y/N]', true);
    prompter.expectPassword(/^Paste the token/, TOKEN);
    expect(await run(['--json'], deps)).toBe(0);
    expect(t.err()).toBe('');
    expect(JSON.parse(t.out())).toEqual(PASS_REPORT);
  });
});

describe('secret set: the writing credential is redacted like the token (issue 11)', () => {
  it('an internal error that carries GH_TOKEN prints **** in its place', async () => {
    const WRITER = `ghp_${'Wr1terOnlyBody0000aaaabbbbcc00'}${tokenChecksum('Wr1terOnlyBody0000aaaabbbbcc00')}`;
    const { t, deps } = setup(TERMINAL, {
      env: { CR_PAT: TOKEN, GH_TOKEN: WRITER },
      checkToken: async () => {
        throw new Error(`boom near ${WRITER}`);
      },
    });
    expect(await run(['secret', 'set', '--repo', 'acme/api'], deps)).not.toBe(0);
    expect(t.err()).toContain("boom near ****");
    expect(t.err()).not.toContain(WRITER);
  });
});

import { describe, expect, it } from 'vitest';
import type { CheckFlags } from '../../../src/cli/flags.js';
import { CHECK_DEFAULTS, decideColor, type Env, resolveCheckOptions, resolveDemoOptions } from '../../../src/cli/options.js';

const TTY = { isStdoutTTY: true, isStderrTTY: true, platform: 'linux' };
const PIPE = { isStdoutTTY: false, isStderrTTY: false, platform: 'linux' };

describe('resolveCheckOptions', () => {
  it('applies the defaults when nothing is given', () => {
    expect(resolveCheckOptions({}, {}, PIPE)).toEqual({
      ...CHECK_DEFAULTS,
      color: { stdout: false, stderr: false },
      unicode: true,
    });
    expect(CHECK_DEFAULTS.timeoutSeconds).toBe(10);
  });

  it.each<{ name: string; flags: CheckFlags; env: Env; want: Record<string, unknown> }>([
    { name: 'env sets the API URL', flags: {}, env: { GITHUB_API_URL: 'https://env/api' }, want: { apiUrl: 'https://env/api' } },
    {
      name: 'the flag beats env for the API URL',
      flags: { apiUrl: 'https://flag/api' },
      env: { GITHUB_API_URL: 'https://env/api' },
      want: { apiUrl: 'https://flag/api' },
    },
    { name: 'an empty GITHUB_API_URL is unset', flags: {}, env: { GITHUB_API_URL: '' }, want: { apiUrl: null } },
    { name: 'env sets the registry', flags: {}, env: { CRPAT_REGISTRY: 'reg.env' }, want: { registry: 'reg.env' } },
    {
      name: 'the flag beats env for the registry',
      flags: { registry: 'reg.flag' },
      env: { CRPAT_REGISTRY: 'reg.env' },
      want: { registry: 'reg.flag' },
    },
    { name: 'an empty CRPAT_REGISTRY is unset', flags: {}, env: { CRPAT_REGISTRY: '' }, want: { registry: null } },
    { name: 'CR_PAT is carried as set', flags: {}, env: { CR_PAT: ' ghp_x\n' }, want: { envToken: ' ghp_x\n' } },
    { name: 'an empty CR_PAT is kept (it is an error to name)', flags: {}, env: { CR_PAT: '' }, want: { envToken: '' } },
    {
      name: '--token-stdin does not erase CR_PAT (the reader picks stdin first)',
      flags: { tokenStdin: true },
      env: { CR_PAT: 'ghp_x' },
      want: { tokenStdin: true, envToken: 'ghp_x' },
    },
    { name: '--timeout', flags: { timeout: 2.5 }, env: {}, want: { timeoutSeconds: 2.5 } },
    { name: '--repo and --image', flags: { repo: ['a/b'], image: 'c' }, env: {}, want: { repos: ['a/b'], image: 'c' } },
    { name: '--repo twice and --repos-file', flags: { repo: ['a/b', 'c/d'], reposFile: 'list.txt' }, env: {}, want: { repos: ['a/b', 'c/d'], reposFile: 'list.txt' } },
    { name: 'no --repo: none, no file', flags: {}, env: {}, want: { repos: [], reposFile: null } },
    { name: 'no --for: the push profile', flags: {}, env: {}, want: { profile: 'push' } },
    { name: '--for deploy', flags: { for: 'deploy' }, env: {}, want: { profile: 'deploy' } },
    {
      name: 'inside GitHub Actions, GITHUB_REPOSITORY names the workflow repository (GITHUB_TOKEN advice)',
      flags: {},
      env: { GITHUB_ACTIONS: 'true', GITHUB_REPOSITORY: 'acme/api' },
      want: { workflowRepository: 'acme/api' },
    },
    { name: 'outside GitHub Actions it is not read', flags: {}, env: { GITHUB_REPOSITORY: 'acme/api' }, want: { workflowRepository: null } },
    { name: 'a GITHUB_REPOSITORY that is not owner/name is ignored', flags: {}, env: { GITHUB_ACTIONS: 'true', GITHUB_REPOSITORY: 'acme' }, want: { workflowRepository: null } },
    {
      name: 'switches',
      flags: { json: true, yes: true, quiet: true, verbose: true },
      env: {},
      want: { json: true, yes: true, quiet: true, verbose: true },
    },
  ])('$name', ({ flags, env, want }) => {
    expect(resolveCheckOptions(flags, env, PIPE)).toMatchObject(want);
  });

  it('colour follows each stream', () => {
    const terminal = { isStdoutTTY: false, isStderrTTY: true, platform: 'linux' };
    expect(resolveCheckOptions({}, {}, terminal).color).toEqual({ stdout: false, stderr: true });
  });

  it('unicode follows the terminal type', () => {
    expect(resolveCheckOptions({}, { TERM: 'linux' }, TTY).unicode).toBe(false);
    expect(resolveCheckOptions({}, { TERM: 'xterm-256color' }, TTY).unicode).toBe(true);
    expect(resolveCheckOptions({}, {}, { ...TTY, platform: 'win32' }).unicode).toBe(false);
    expect(resolveCheckOptions({}, { WT_SESSION: '1' }, { ...TTY, platform: 'win32' }).unicode).toBe(true);
  });

  it('demo has the output settings only', () => {
    expect(resolveDemoOptions({ color: false }, {}, TTY)).toEqual({ color: { stdout: false, stderr: false }, unicode: true });
  });
});

describe('decideColor: --no-color → FORCE_COLOR → NO_COLOR → terminal', () => {
  it.each<{ flag: boolean | undefined; env: Env; tty: boolean; want: boolean }>([
    { flag: undefined, env: {}, tty: true, want: true },
    { flag: undefined, env: {}, tty: false, want: false },
    { flag: false, env: {}, tty: true, want: false },
    { flag: false, env: { FORCE_COLOR: '1' }, tty: true, want: false },
    { flag: undefined, env: { NO_COLOR: '1' }, tty: true, want: false },
    { flag: undefined, env: { NO_COLOR: '' }, tty: true, want: true },
    { flag: undefined, env: { FORCE_COLOR: '1' }, tty: false, want: true },
    { flag: undefined, env: { FORCE_COLOR: '' }, tty: false, want: true },
    { flag: undefined, env: { FORCE_COLOR: '3' }, tty: false, want: true },
    { flag: undefined, env: { FORCE_COLOR: 'true' }, tty: false, want: true },
    { flag: undefined, env: { FORCE_COLOR: '0' }, tty: true, want: false },
    { flag: undefined, env: { FORCE_COLOR: 'false' }, tty: true, want: false },
    { flag: undefined, env: { FORCE_COLOR: '1', NO_COLOR: '1' }, tty: false, want: true },
    { flag: undefined, env: { TERM: 'dumb' }, tty: true, want: false },
  ])('flag $flag, env $env, tty $tty → $want', ({ flag, env, tty, want }) => {
    expect(decideColor(flag, env, tty)).toBe(want);
  });
});

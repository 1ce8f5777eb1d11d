import { describe, expect, it } from 'vitest';
import { parseArgs, TOKEN_REFUSED, type ParsedArgs } from '../../../src/cli/args.js';
import { HELP_TEXT } from '../../../src/cli/help.js';
import { UsageError } from '../../../src/errors.js';
import { VERSION } from '../../../src/version.js';

const SECRET = 'ghp_SuperSecretValue0123456789abcdefABCD';

function usageError(argv: string[]): UsageError {
  try {
    parseArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) return error;
    throw error;
  }
  throw new Error(`expected a UsageError for ${JSON.stringify(argv)}`);
}

describe('parseArgs: commands', () => {
  it.each<{ name: string; argv: string[]; want: ParsedArgs }>([
    { name: 'no arguments is check', argv: [], want: { command: 'check', flags: {} } },
    { name: 'explicit check', argv: ['check'], want: { command: 'check', flags: {} } },
    { name: 'demo', argv: ['demo'], want: { command: 'demo', flags: {} } },
    { name: 'demo --no-color', argv: ['demo', '--no-color'], want: { command: 'demo', flags: { color: false } } },
    { name: '--help', argv: ['--help'], want: { command: 'help', text: HELP_TEXT } },
    { name: '-h', argv: ['-h'], want: { command: 'help', text: HELP_TEXT } },
    { name: 'check --help', argv: ['check', '--help'], want: { command: 'help', text: HELP_TEXT } },
    { name: 'demo --help', argv: ['demo', '--help'], want: { command: 'help', text: HELP_TEXT } },
    { name: 'help', argv: ['help'], want: { command: 'help', text: HELP_TEXT } },
    { name: '--version', argv: ['--version'], want: { command: 'version', text: `${VERSION}\n` } },
    { name: '-V', argv: ['-V'], want: { command: 'version', text: `${VERSION}\n` } },
  ])('$name', ({ argv, want }) => {
    expect(parseArgs(argv)).toEqual(want);
  });
});

describe('parseArgs: guide', () => {
  it.each<[string[], ParsedArgs]>([
    [['guide'], { command: 'guide', flags: {} }],
    [['guide', 'sso'], { command: 'guide', flags: { step: 'sso' } }],
    [['guide', 'all'], { command: 'guide', flags: { step: 'all' } }],
    [['guide', 'sso', '--no-color'], { command: 'guide', flags: { step: 'sso', color: false } }],
  ])('%j', (argv, want) => {
    expect(parseArgs(argv)).toEqual(want);
  });

  it('takes one step at most', () => {
    expect(() => parseArgs(['guide', 'sso', 'create-token'])).toThrow(/^unexpected argument/);
  });
});

describe('parseArgs: check flags', () => {
  it.each<{ argv: string[]; flags: Record<string, unknown> }>([
    { argv: ['--repo', 'acme/api'], flags: { repo: ['acme/api'] } },
    { argv: ['--repo=https://github.com/acme/api'], flags: { repo: ['https://github.com/acme/api'] } },
    { argv: ['check', '--repo', 'acme/api'], flags: { repo: ['acme/api'] } },
    { argv: ['--repo', 'acme/api', '--repo', 'acme/web', '--repo=acme/docs'], flags: { repo: ['acme/api', 'acme/web', 'acme/docs'] } },
    { argv: ['--repos-file', 'repos.txt'], flags: { reposFile: 'repos.txt' } },
    { argv: ['--repos-file=repos.txt', '--repo', 'acme/api'], flags: { reposFile: 'repos.txt', repo: ['acme/api'] } },
    { argv: ['--image', 'web'], flags: { image: 'web' } },
    { argv: ['--token-stdin'], flags: { tokenStdin: true } },
    { argv: ['--api-url', 'https://ghe.example.com/api/v3'], flags: { apiUrl: 'https://ghe.example.com/api/v3' } },
    { argv: ['--registry', 'containers.ghe.example.com'], flags: { registry: 'containers.ghe.example.com' } },
    { argv: ['--timeout', '2.5'], flags: { timeout: 2.5 } },
    { argv: ['--timeout=30'], flags: { timeout: 30 } },
    { argv: ['--json'], flags: { json: true } },
    { argv: ['--yes'], flags: { yes: true } },
    { argv: ['--quiet'], flags: { quiet: true } },
    { argv: ['--verbose'], flags: { verbose: true } },
    { argv: ['--no-color'], flags: { color: false } },
    { argv: ['--for', 'deploy'], flags: { for: 'deploy' } },
    { argv: ['--for=push'], flags: { for: 'push' } },
  ])('$argv', ({ argv, flags }) => {
    expect(parseArgs(argv)).toEqual({ command: 'check', flags });
  });

  it('reports only the flags that were given (no defaults), all together', () => {
    const argv = ['--repo', 'a/b', '--image', 'i', '--token-stdin', '--api-url', 'u', '--registry', 'r', '--timeout', '5'];
    argv.push('--json', '--yes', '--quiet', '--verbose', '--no-color');
    expect(parseArgs(argv)).toEqual({
      command: 'check',
      flags: {
        repo: ['a/b'],
        image: 'i',
        tokenStdin: true,
        apiUrl: 'u',
        registry: 'r',
        timeout: 5,
        json: true,
        yes: true,
        quiet: true,
        verbose: true,
        color: false,
      },
    });
  });
});

describe('parseArgs: --token is refused in every form, without echoing the value', () => {
  it.each([
    ['--token', SECRET],
    [`--token=${SECRET}`],
    ['-t', SECRET],
    [`-t${SECRET}`],
    [`-t=${SECRET}`],
    [`-ht${SECRET}`],
    ['--repo', 'acme/api', '--token', SECRET],
    ['check', '--token', SECRET],
    ['demo', '--token', SECRET],
    ['--token'],
    ['--', '--token', SECRET],
  ])('%j', (...argv: string[]) => {
    const error = usageError(argv);
    expect(error.message).toBe(TOKEN_REFUSED);
    expect(error.message).not.toContain(SECRET);
  });

  it('says why and what to do instead', () => {
    expect(TOKEN_REFUSED).toBe(
      '--token is refused: a token on the command line is visible to every user of this machine (ps) and lands in ' +
        'shell history. Use CR_PAT=... or --token-stdin.',
    );
  });

  it.each([[SECRET], ['check', SECRET], [`--repo=${SECRET}`], ['github_pat_11ABCDEFG0123456789_abcdef']])(
    'a token-like argument %j is refused and not echoed',
    (...argv: string[]) => {
      const error = usageError(argv);
      expect(error.message).toMatch(/^a token as an argument is refused: /);
      expect(error.message).not.toContain(argv[argv.length - 1]?.replace(/^--repo=/, ''));
    },
  );
});

describe('parseArgs: usage errors are one line', () => {
  it.each<{ argv: string[]; message: string }>([
    { argv: ['--frobnicate'], message: "unknown option '--frobnicate' (see crpat --help)" },
    { argv: ['--frobnicate=secret-value'], message: "unknown option '--frobnicate' (see crpat --help)" },
    { argv: ['-x'], message: "unknown option '-x' (see crpat --help)" },
    { argv: ['-xsecret'], message: "unknown option '-x' (see crpat --help)" },
    { argv: ['--rep', 'acme/api'], message: "unknown option '--rep' (did you mean --repo?)" },
    { argv: ['--json=yes'], message: '--json takes no value (see crpat --help)' },
    { argv: ['--token-stdin=secret'], message: '--token-stdin takes no value (see crpat --help)' },
    { argv: ['demo', '--repo', 'acme/api'], message: "unknown option '--repo' (see crpat --help)" },
    { argv: ['--repo'], message: '--repo needs a value (see crpat --help)' },
    { argv: ['--timeout'], message: '--timeout needs a value (see crpat --help)' },
    { argv: ['--timeout', '0'], message: '--timeout must be a positive number of seconds' },
    { argv: ['--timeout', '-3'], message: '--timeout must be a positive number of seconds' },
    { argv: ['--timeout', 'ten'], message: '--timeout must be a positive number of seconds' },
    { argv: ['--timeout', 'Infinity'], message: '--timeout must be a positive number of seconds' },
    { argv: ['--for', 'nope'], message: "--for is one of push, deploy (push: push images; deploy: also the tutorial's repository permissions)" },
    { argv: ['--for=secret'], message: "--for is one of push, deploy (push: push images; deploy: also the tutorial's repository permissions)" },
    { argv: ['--for'], message: '--for needs a value (see crpat --help)' },
    {
      argv: ['extra'],
      message: 'unexpected argument: the commands are check, demo, link, secret set and simulator, and they take no arguments (workflow takes files) (see crpat --help)',
    },
    {
      argv: ['check', 'acme/api'],
      message: 'unexpected argument: the commands are check, demo, link, secret set and simulator, and they take no arguments (workflow takes files) (see crpat --help)',
    },
    {
      argv: ['demo', 'now'],
      message: 'unexpected argument: the commands are check, demo, link, secret set and simulator, and they take no arguments (workflow takes files) (see crpat --help)',
    },
  ])('$argv', ({ argv, message }) => {
    const error = usageError(argv);
    expect(error.message).toBe(message);
    expect(error.message).not.toContain('\n');
    // The value `secret` given in one row is never echoed (the command name `secret set` is not a value).
    expect(error.message.replace('secret set', '')).not.toContain('secret');
  });
});

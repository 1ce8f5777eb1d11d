import { describe, expect, it } from 'vitest';
import { parseArgs, TOKEN_REFUSED } from '../../../src/cli/args.js';
import type { ParsedArgs } from '../../../src/cli/flags.js';
import { buildProgram, commandPath, runnableCommands } from '../../../src/cli/program.js';
import { completionScript } from '../../../src/cli/completion.js';
import { guideText } from '../../helpers/guide.js';
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
    { name: '--version', argv: ['--version'], want: { command: 'version', text: `${VERSION}\n` } },
    { name: '-V', argv: ['-V'], want: { command: 'version', text: `${VERSION}\n` } },
  ])('$name', ({ argv, want }) => {
    expect(parseArgs(argv)).toEqual(want);
  });
});

describe('parseArgs: help, per command (issue 14)', () => {
  it.each<[string[], string]>([
    [['--help'], 'Usage: crpat [command] [options]\n'],
    [['-h'], 'Usage: crpat [command] [options]\n'],
    [['help'], 'Usage: crpat [command] [options]\n'],
    [['check', '--help'], 'Usage: crpat check [options]\n'],
    [['help', 'check'], 'Usage: crpat check [options]\n'],
    [['demo', '--help'], 'Usage: crpat demo [options]\n'],
    [['secret', 'set', '--help'], 'Usage: crpat secret set [options]\n'],
    [['help', 'secret', 'set'], 'Usage: crpat secret set [options]\n'],
    [['link', '-h'], 'Usage: crpat link [options]\n'],
    [['guide', '--help'], 'Usage: crpat guide [options] [step]\n'],
    [['workflow', '--help'], 'Usage: crpat workflow [options] [command] [files...]\n'],
    [['workflow', 'init', '--help'], 'Usage: crpat workflow init [options]\n'],
    [['simulator', '--help'], 'Usage: crpat simulator [options]\n'],
    [['completion', '--help'], 'Usage: crpat completion [options] <shell>\n'],
  ])('%j', (argv, first) => {
    const parsed = parseArgs(argv);
    expect(parsed.command).toBe('help');
    expect(parsed.command === 'help' ? parsed.text.slice(0, first.length) : '').toBe(first);
  });

  // README: "Each command has its own help (`crpat <command> --help`, or `crpat help <command>`)". `help <command>`
  // printed the usage and flags without the examples and closing lines that `--help` prints.
  it.each(['check', 'secret set', 'workflow init', 'link', 'guide', 'completion', 'help'].map((command) => ({ command })))('crpat help $command is crpat $command --help', ({ command }) => {
    const names = command.split(' ');
    const viaHelp = parseArgs(['help', ...names]);
    const viaFlag = parseArgs([...names, '--help']);
    expect(viaHelp.command === 'help' ? viaHelp.text : '').toBe(viaFlag.command === 'help' ? viaFlag.text : null);
  });

  // Every command a person runs (not `secret`, which only groups `set`): usage, each of its declared flags with a
  // description, two examples, nothing wider than 80 columns; and completion offers each of those flags, in every
  // shell. A command or flag added later is held to the same by this loop: help and completion cannot drift.
  const guide = guideText();
  const scripts = { bash: completionScript('bash', guide), zsh: completionScript('zsh', guide), fish: completionScript('fish', guide) };
  const runnable = runnableCommands(buildProgram());
  it('covers every command of today (check, secret set, workflow, workflow init, link, guide, demo, simulator, completion, help)', () => {
    expect(runnable.map(commandPath).sort()).toEqual(['check', 'completion', 'demo', 'guide', 'help', 'link', 'secret set', 'simulator', 'workflow', 'workflow init']);
  });
  it.each(runnable.map((command) => [commandPath(command), command] as const))('crpat %s: help shows usage, every flag, two examples, in 80 columns; completion offers every flag', (path, command) => {
    const parsed = parseArgs([...path.split(' '), '--help']);
    const text = parsed.command === 'help' ? parsed.text : '';
    expect(text).toMatch(new RegExp(`^Usage: crpat ${path} `));
    for (const option of command.options) {
      const long = option.long ?? '';
      expect(option.description, option.flags).not.toBe('');
      expect(text, long).toMatch(new RegExp(`^ {2}${long}\\b`, 'm'));
      expect(scripts.bash, `bash ${path} ${long}`).toMatch(new RegExp(`'${path}'\\) flags='[^']*${long}\\b`));
      expect(scripts.zsh, `zsh ${path} ${long}`).toMatch(new RegExp(`'${path}'\\) flags=\\([^\\n]*'${long}:`));
      expect(scripts.fish, `fish ${path} ${long}`).toMatch(new RegExp(`__fish_seen_subcommand_from ${path.split(' ').at(-1) ?? ''}\\b[^\\n]* -l ${long.slice(2)} `));
      for (const choice of option.argChoices ?? []) for (const script of Object.values(scripts)) expect(script, `${long} ${choice}`).toContain(choice);
    }
    if (path !== 'help') expect(text.split('\nExamples:\n')[1]?.match(/^ {2}\$ /gm)).toHaveLength(2);
    for (const line of text.split('\n')) expect(line.length, line).toBeLessThanOrEqual(80);
  });

  it('crpat --help lists every command with its summary, in 80 columns', () => {
    const parsed = parseArgs(['--help']);
    const text = parsed.command === 'help' ? parsed.text : '';
    for (const command of runnable.filter((c) => c.parent?.parent == null || c.parent.commands.length === 1)) {
      const path = commandPath(command);
      if (path === 'workflow init') continue;
      expect(text).toMatch(new RegExp(`\n {2}${path}\\b`));
    }
    for (const line of text.split('\n')) expect(line.length, line).toBeLessThanOrEqual(80);
  });

  it('help is wrapped to a narrower terminal', () => {
    for (const argv of [['--help'], ['check', '--help'], ['secret', 'set', '--help'], ['workflow', '--help'], ['guide', '--help'], ['link', '--help']]) {
      const parsed = parseArgs(argv, { columns: 60 });
      const text = parsed.command === 'help' ? parsed.text : '';
      // Only an example's command, one line to copy, may be wider: a comment goes above it rather than be cut.
      for (const line of text.split('\n').filter((l) => !/^ {2}\$ [^#]*$/.test(l))) expect(line.length, line).toBeLessThanOrEqual(60);
    }
  });

  it('a subcommand a group does not have: what it has, and its help', () => {
    expect(usageError(['secret', 'get']).message).toBe('unknown command: secret takes only set (see crpat secret --help)');
  });

  it('help for a command that does not exist is a usage error', () => {
    expect(usageError(['help', 'nope']).message).toBe('unknown command (see crpat --help)');
  });
});

describe('parseArgs: guide and completion', () => {
  it.each<[string[], ParsedArgs]>([
    [['guide'], { command: 'guide', flags: {} }],
    [['guide', 'sso'], { command: 'guide', flags: { step: 'sso' } }],
    [['guide', 'all'], { command: 'guide', flags: { step: 'all' } }],
    [['guide', 'sso', '--no-color'], { command: 'guide', flags: { step: 'sso', color: false } }],
    [['completion', 'bash'], { command: 'completion', flags: { shell: 'bash' } }],
    [['completion', 'fish'], { command: 'completion', flags: { shell: 'fish' } }],
  ])('%j', (argv, want) => {
    expect(parseArgs(argv)).toEqual(want);
  });

  it('guide takes one step at most', () => {
    expect(usageError(['guide', 'sso', 'create-token']).message).toBe('unexpected argument: guide takes only <step> (see crpat guide --help)');
  });

  it('completion needs a shell it knows', () => {
    expect(usageError(['completion']).message).toBe("missing required argument 'shell' (see crpat completion --help)");
    expect(usageError(['completion', 'tcsh']).message).toBe('the shell is one of bash, zsh, fish (see crpat completion --help)');
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
    { argv: ['--frobnicate'], message: "unknown option '--frobnicate' (see crpat check --help)" },
    { argv: ['--frobnicate=secret-value'], message: "unknown option '--frobnicate' (see crpat check --help)" },
    { argv: ['-x'], message: "unknown option '-x' (see crpat check --help)" },
    { argv: ['-xsecret'], message: "unknown option '-x' (see crpat check --help)" },
    { argv: ['--rep', 'acme/api'], message: "unknown option '--rep' (did you mean --repo?)" },
    { argv: ['--json=yes'], message: '--json takes no value (see crpat check --help)' },
    { argv: ['--token-stdin=secret'], message: '--token-stdin takes no value (see crpat check --help)' },
    { argv: ['demo', '--repo', 'acme/api'], message: "unknown option '--repo' (see crpat demo --help)" },
    { argv: ['workflow', 'init', '--frobnicate'], message: "unknown option '--frobnicate' (see crpat workflow init --help)" },
    { argv: ['link', '--repo'], message: '--repo needs a value (see crpat link --help)' },
    { argv: ['--repo'], message: '--repo needs a value (see crpat check --help)' },
    { argv: ['--timeout'], message: '--timeout needs a value (see crpat check --help)' },
    { argv: ['--timeout', '0'], message: '--timeout must be a positive number of seconds, at most 3600' },
    { argv: ['--timeout', '-3'], message: '--timeout must be a positive number of seconds, at most 3600' },
    { argv: ['--timeout', 'ten'], message: '--timeout must be a positive number of seconds, at most 3600' },
    { argv: ['--timeout', 'Infinity'], message: '--timeout must be a positive number of seconds, at most 3600' },
    { argv: ['--for', 'nope'], message: "--for is one of push, deploy (push: push images; deploy: also a deployment's repository permissions)" },
    { argv: ['--for=secret'], message: "--for is one of push, deploy (push: push images; deploy: also a deployment's repository permissions)" },
    { argv: ['--for'], message: '--for needs a value (see crpat check --help)' },
    {
      argv: ['extra'],
      message: 'unknown command: the commands are check, secret set, workflow, workflow init, link, guide, demo, simulator, completion and help (see crpat --help)',
    },
    {
      argv: ['check', 'acme/api'],
      message: 'unexpected argument: check takes no arguments; the repository goes after --repo (see crpat check --help)',
    },
    {
      argv: ['secret', 'set', 'acme/api'],
      message: 'unexpected argument: secret set takes no arguments; the repository goes after --repo (see crpat secret set --help)',
    },
    {
      argv: ['demo', 'now'],
      message: 'unexpected argument: demo takes no arguments (see crpat demo --help)',
    },
  ])('$argv', ({ argv, message }) => {
    const error = usageError(argv);
    expect(error.message).toBe(message);
    expect(error.message).not.toContain('\n');
    // The value `secret` given in one row is never echoed (the command name `secret set` is not a value).
    expect(error.message.replaceAll('secret set', '')).not.toContain('secret');
  });
});

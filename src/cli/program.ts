import { Argument, Command, InvalidArgumentError, Option } from 'commander';
import { PROFILE_IDS } from '../capabilities/profiles.js';
import { UsageError } from '../errors.js';
import { MAX_TIMEOUT_SECONDS } from '../settings.js';
import type { ProfileId } from '../types.js';
import { VERSION } from '../version.js';
import { wrap } from '../report/wrap.js';
import { type CheckFlags, type DemoFlags, type LinkFlags, type ParsedArgs, type SecretSetFlags, SHELLS, type Shell, type SimulatorFlags, type WorkflowFlags, type WorkflowInitFlags } from './flags.js';

/** Help is wrapped to the terminal, but never wider than this: long lines are hard to read. */
export const HELP_MAX_WIDTH = 80;

/**
 * Every command, its flags, their help and examples, declared once: the parser, `--help` and the shell completion
 * (`crpat completion`) all read this tree. A new command or flag needs only its declaration here (with a description;
 * a flag with fixed values declares them with `.choices()` or `withChoices`, and completion offers them).
 */
export function buildProgram(done: (parsed: ParsedArgs) => void = () => {}, width = HELP_MAX_WIDTH): Command {
  const program = new Command('crpat')
    .description('Can this GitHub token push container images to ghcr.io for this repository? If not, what to change.')
    .usage('[command] [options]')
    .version(VERSION, '-V, --version', 'show the version')
    .helpOption('-h, --help', 'show this help')
    .helpCommand(false)
    .addHelpText('after', () => after(width, [
      'With no command, crpat runs check: in a git checkout it offers the origin remote, then asks for the token without showing it.',
    ], [
      ['crpat --repo acme/api', 'check the token in CR_PAT for acme/api'],
      ['crpat guide', 'the steps to create a token that works'],
    ], ['Run crpat <command> --help for a command\'s flags and examples.']));

  program.commandsGroup('Check a token:');
  const check = program
    .command('check', { isDefault: true })
    .summary('check that a token can push images (the default)')
    .description('Check that a token can push container images for a repository, and say what to change when it cannot.')
    .option('--repo <target>', 'owner/name, a GitHub URL or a git remote URL; repeat it for several repositories (default: the git remote origin, after you confirm it)', collect)
    .option('--repos-file <path>', 'repositories to check, one per line (# starts a comment)')
    .addOption(withChoices(new Option('--for <profile>', 'what the token must do: push (the default: push images) or deploy (also a deployment\'s repository permissions)').argParser(parseProfile), PROFILE_IDS));
  withCheckOptions(check)
    .option('--yes', 'use the git remote origin without asking')
    .option('--json', 'print one JSON document on stdout and nothing else')
    .option('--quiet', 'print only the verdict and the problems')
    .option('--verbose', 'show each HTTP request on stderr (credentials redacted)')
    .option('--trace <file>', 'write every HTTP exchange and the report to a JSON file, redacted (never the token), to report a wrong verdict (--trace - writes it to stdout)')
    .option('--no-color', 'no colour')
    .addHelpText('after', () => after(width, [
      'The token comes from --token-stdin, else CR_PAT, else a prompt that does not echo. It is never an argument: --token is refused (ps and shell history).',
      'With several repositories the checks of the token itself run once and the report is grouped per repository under one verdict.',
      'Environment: CR_PAT (the token), GITHUB_API_URL (like --api-url), CRPAT_REGISTRY (like --registry), GITHUB_REPOSITORY (in Actions: whether GITHUB_TOKEN could do instead), NO_COLOR, FORCE_COLOR, CRPAT_DEBUG=1.',
      'Exit codes: 0 can push, 1 cannot (the report says what to change), 2 usage error or cancelled, 3 inconclusive (network, timeout, rate limit).',
    ], [
      ['CR_PAT="$TOKEN" crpat check --repo acme/api', 'one repository'],
      ['crpat check --repos-file repos.txt --token-stdin < token.txt --json', ''],
    ]))
    .action((_options: unknown, command: Command) => {
      done({ command: 'check', flags: givenFlags(command) as CheckFlags });
    });

  const secret = program
    .command('secret')
    .summary('check a token, then store it as an Actions secret')
    .description('Store a token as a GitHub Actions secret, after checking it.');
  const secretSet = secret
    .command('set')
    .summary('check the token, then store it as an Actions secret')
    .description('Check the token, then store it as an Actions secret of the repository (or of an organization with --org). Nothing is stored when the check fails, unless --force.')
    .option('--repo <target>', 'the repository whose secret it is, and which the check is for')
    .option('--org <org>', 'store an organization secret instead')
    .option('--name <name>', 'secret name (default: CR_PAT)')
    .addOption(new Option('--visibility <visibility>', 'all, private or selected: which repositories of the organization may read it (default: selected, with the checked repository)').choices(['all', 'private', 'selected']).argParser(parseVisibility))
    .option('--repos <names>', 'with --visibility selected: the repositories that may read it, comma-separated', (value: string) => value.split(',').map((name) => name.trim()).filter(Boolean));
  withCheckOptions(secretSet)
    .option('--yes', 'use the git remote origin without asking')
    .option('--overwrite', 'replace an existing secret without asking')
    .option('--force', 'store it even when the check did not pass')
    .option('--no-color', 'no colour')
    .addHelpText('after', () => after(width, [
      'Without a terminal, --repo is required: a token is never stored wherever a git remote points.',
      'The secret is written with GH_TOKEN or GITHUB_TOKEN when set, else with the token itself (it then needs the repo scope, or admin:org for --org).',
    ], [
      ['CR_PAT="$TOKEN" crpat secret set --repo acme/api', 'stores CR_PAT in acme/api'],
      ['crpat secret set --org acme --visibility selected --repos api,web', ''],
    ]))
    .action((_options: unknown, command: Command) => {
      done({ command: 'secret-set', flags: givenFlags(command) as SecretSetFlags });
    });

  const workflow = program
    .command('workflow')
    .summary('find pushes to ghcr.io in workflows, and risks')
    .description('Read GitHub Actions workflows, find the jobs that push to ghcr.io, and say what will break them (default: .github/workflows). With --check, also check the token for each image pushed with a secret.')
    .argument('[files...]', 'workflow files or folders (default: .github/workflows)')
    .option('--check', 'also check the token (CR_PAT or --token-stdin) for each image pushed with a secret, and that each secret named exists')
    .option('--repo <target>', 'the repository the workflows belong to (default: the git remote origin, without asking)')
    .option('--token-stdin', 'read the token from standard input (with --check)')
    .option('--api-url <url>', 'GitHub REST API URL (default: https://api.github.com)')
    .option('--registry <host>', 'registry host[:port], or http://host:port on a loopback host (default: ghcr.io)')
    .option('--timeout <seconds>', 'per-request timeout (default: 10)', parseTimeout)
    .option('--json', 'print one JSON document on stdout and nothing else')
    .option('--quiet', 'print only the problems')
    .option('--no-color', 'no colour')
    .addHelpText('after', () => after(width, [], [
      ['crpat workflow', 'the pushes in .github/workflows'],
      ['CR_PAT="$TOKEN" crpat workflow --check --repo acme/api', ''],
    ]))
    .action((files: string[], _options: unknown, command: Command) => {
      done({ command: 'workflow', flags: { ...(givenFlags(command) as WorkflowFlags), ...(files.length > 0 ? { files } : {}) } });
    });
  workflow
    .command('init')
    .summary('write a weekly workflow that checks CR_PAT')
    .description('Write .github/workflows/crpat-token-check.yml: a workflow that checks every week that the CR_PAT secret can still push, and fails before a release would.')
    .option('--force', 'replace the file if it exists')
    .addHelpText('after', () => after(width, [], [
      ['crpat workflow init', ''],
      ['crpat workflow init --force', 'replace the existing file'],
    ]))
    .action((_options: unknown, command: Command) => {
      done({ command: 'workflow-init', flags: givenFlags(command) as WorkflowInitFlags });
    });

  program.commandsGroup('Create a token and learn:');
  program
    .command('link')
    .summary('links that create a token with just what it needs')
    .description('Print the links that create a token with exactly what a profile needs. Checks nothing, needs no token, sends nothing.')
    .addOption(withChoices(new Option('--for <profile>', 'push (the default) or deploy').argParser(parseProfile), PROFILE_IDS))
    .option('--repo <target>', 'the repository the token is for: named in the token\'s note; an Enterprise host is used for the links')
    .option('--api-url <url>', 'without --repo: use this API\'s web host for the links')
    .option('--json', 'print {"profile","classic","fineGrained"} (fineGrained is null for push)')
    .addHelpText('after', () => after(width, [], [
      ['crpat link --repo acme/api', 'a token to create for acme/api'],
      ['crpat link --for deploy --json', ''],
    ]))
    .action((_options: unknown, command: Command) => {
      done({ command: 'link', flags: givenFlags(command) as LinkFlags });
    });
  program
    .command('guide')
    .summary('the step-by-step guide to a token that works')
    .description('Print a step of the guide to creating a token that can push to ghcr.io (the Guide: line of a failing check names the step). Without a step: the list of steps.')
    .argument('[step]', 'the step, e.g. sso or create-token')
    .option('--no-color', 'no colour')
    .addHelpText('after', () => after(width, [], [
      ['crpat guide', 'the list of steps'],
      ['crpat guide sso', 'authorize a token for SAML single sign-on'],
    ]))
    .action((step: string | undefined, _options: unknown, command: Command) => {
      done({ command: 'guide', flags: { ...(step !== undefined ? { step } : {}), ...(givenFlags(command) as { color?: boolean }) } });
    });
  program
    .command('demo')
    .summary('real checks against the built-in simulator')
    .description('Run real checks against the built-in simulator: a few telling cases, offline, with synthetic tokens.')
    .option('--no-color', 'no colour')
    .addHelpText('after', () => after(width, [], [
      ['crpat demo', ''],
      ['crpat demo --no-color | less', ''],
    ]))
    .action((_options: unknown, command: Command) => {
      done({ command: 'demo', flags: givenFlags(command) as DemoFlags });
    });

  program.commandsGroup('Tools:');
  program
    .command('simulator')
    .summary('serve a local fake GitHub API and registry')
    .description('Serve the built-in simulator (a fake GitHub API and ghcr.io registry on this machine) until Ctrl-C, and print a synthetic token for each scenario.')
    .option('--api-port <port>', 'port of the API (default: any free port)', parsePort)
    .option('--registry-port <port>', 'port of the registry (default: any free port)', parsePort)
    .option('--json', 'print the addresses, scenarios and tokens as one JSON line')
    .option('--replay <trace>', 'serve the answers a --trace file recorded instead of the simulated world')
    .addHelpText('after', () => after(width, [], [
      ['crpat simulator', 'prints a token and a command per scenario'],
      ['crpat simulator --replay trace.json', 'the answers of a recorded check'],
    ]))
    .action((_options: unknown, command: Command) => {
      done({ command: 'simulator', flags: givenFlags(command) as SimulatorFlags });
    });
  program
    .command('completion')
    .summary('print a shell completion script (bash, zsh, fish)')
    .description('Print the completion script for a shell: commands, flags and their values.')
    .addArgument(new Argument('<shell>', 'bash, zsh or fish').choices(SHELLS))
    .addHelpText('after', () => after(width, [], [
      ['source <(crpat completion bash)', 'in ~/.bashrc'],
      ['crpat completion fish > ~/.config/fish/completions/crpat.fish', ''],
    ], ['zsh: crpat completion zsh > "${fpath[1]}/_crpat", then start a new shell.']))
    .action((shell: Shell) => {
      done({ command: 'completion', flags: { shell } });
    });
  program
    .command('help')
    .summary('show help for a command')
    .description('Show help for a command: crpat help check is crpat check --help.')
    .argument('[command...]', 'the command, e.g. check or secret set')
    .addHelpText('after', () => after(width, [], [
      ['crpat help check', 'what crpat check --help prints'],
      ['crpat help secret set', ''],
    ]))
    .action((names: string[]) => {
      let target: Command = program;
      for (const name of names) {
        const next = target.commands.find((sub) => sub.name() === name);
        if (next === undefined) throw new UsageError(`unknown command ${HELP_HINT}`);
        target = next;
      }
      // help() prints what --help prints (the examples and closing lines too; helpInformation() has only the usage
      // and flags) into the captured output, and ends the parse as --help does.
      target.help();
    });
  return program;
}

/** The end of a command's help: paragraphs wrapped to `width`, the examples, closing lines (also wrapped). */
function after(width: number, paragraphs: readonly string[], list: ReadonlyArray<readonly [string, string]>, closing: readonly string[] = []): string {
  const text = (lines: readonly string[]): string[] => lines.flatMap((line) => ['', wrap(line, width, 0, '')]);
  return [...text(paragraphs), '', ...examples(list, width), ...text(closing)].join('\n');
}

/**
 * `Examples:` and one line per example, `  $ command`, comments lined up after the commands; when a comment would not
 * fit in `width` columns (the help's: the terminal's, at most 80), comments go on the line above their command. A
 * command is never wrapped: it is one line to copy.
 */
function examples(list: ReadonlyArray<readonly [string, string]>, width: number): string[] {
  const longest = Math.max(...list.map(([command]) => command.length));
  const fits = list.every(([, comment]) => comment === '' || 4 + longest + 4 + comment.length <= width);
  return [
    'Examples:',
    ...list.flatMap(([command, comment]) => {
      if (comment === '') return [`  $ ${command}`];
      return fits ? [`  $ ${command.padEnd(longest)}  # ${comment}`] : [`  # ${comment}`, `  $ ${command}`];
    }),
  ];
}

/** The values a flag takes, for help and completion, while its own parser keeps our messages (no value echoed). */
function withChoices(option: Option, choices: readonly string[]): Option {
  option.argChoices = [...choices];
  return option;
}

/** The program and every command below it. */
export function allCommands(command: Command): Command[] {
  return [command, ...command.commands.flatMap((sub) => allCommands(sub))];
}

/** The options of everything that checks a token: where it comes from, where it goes, how long to wait. */
function withCheckOptions(command: Command): Command {
  return command
    .option('--image <name>', 'container package to probe (default: the repository name)')
    .option('--token-stdin', 'read the token from standard input')
    .option('--api-url <url>', 'GitHub REST API URL (default: https://api.github.com)')
    .option('--registry <host>', 'registry host[:port], or http://host:port on a loopback host (default: ghcr.io)')
    .option('--timeout <seconds>', 'per-request timeout (default: 10)', parseTimeout);
}

/** Only the options the user typed (source `cli`), so defaults can be applied in one place later. */
export function givenFlags(command: Command): Record<string, unknown> {
  const values = command.opts();
  const given: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    if (command.getOptionValueSource(key) === 'cli') given[key] = value;
  }
  return given;
}

/** A repeatable option: each occurrence is kept, in order. */
function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

function parseTimeout(value: string): number {
  const seconds = Number(value);
  if (value.trim() === '' || !Number.isFinite(seconds) || seconds <= 0 || seconds > MAX_TIMEOUT_SECONDS) {
    throw new InvalidArgumentError(`--timeout must be a positive number of seconds, at most ${MAX_TIMEOUT_SECONDS}`);
  }
  return seconds;
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) throw new InvalidArgumentError('a port is a whole number from 0 to 65535');
  return port;
}

function parseProfile(value: string): ProfileId {
  const found = PROFILE_IDS.find((id) => id === value);
  if (found) return found;
  // The value is not repeated: whatever was typed after --for stays out of the message (it could be a pasted token).
  throw new InvalidArgumentError(`--for is one of ${PROFILE_IDS.join(', ')} (push: push images; deploy: also a deployment's repository permissions)`);
}

function parseVisibility(value: string): 'all' | 'private' | 'selected' {
  if (value === 'all' || value === 'private' || value === 'selected') return value;
  throw new InvalidArgumentError('--visibility is one of all, private, selected');
}

/** Every command a person runs, in the order of `crpat --help`: `check`, `secret set`, `workflow`, `workflow init`... */
export function runnableCommands(program: Command): Command[] {
  return allCommands(program).filter((command) => command !== program && !isGroup(command));
}

/** `secret set` for the command `set` under `secret`: the words typed after `crpat`. */
export function commandPath(command: Command): string {
  const names: string[] = [];
  for (let at: Command | null = command; at?.parent; at = at.parent) names.unshift(at.name());
  return names.join(' ');
}

/** A command that only groups others and does nothing itself (`secret`): no flags, no arguments of its own. */
export function isGroup(command: Command): boolean {
  return command.commands.length > 0 && command.options.length === 0 && command.registeredArguments.length === 0;
}

export const HELP_HINT = '(see crpat --help)';

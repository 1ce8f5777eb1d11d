import { Argument, Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { PROFILE_IDS } from '../capabilities/profiles.js';
import { UsageError } from '../errors.js';
import { MAX_TIMEOUT_SECONDS } from '../settings.js';
import { looksLikeToken } from '../token/looks-like-token.js';
import type { ProfileId } from '../types.js';
import { VERSION } from '../version.js';
import { wrap } from '../report/wrap.js';

/** Flags of `crpat check`, only those given on the command line (no defaults: see options.ts). */
export interface CheckFlags {
  /** Every `--repo` given, in order (the flag may be repeated). */
  repo?: string[];
  /** `--repos-file <path>`: one repository per line. */
  reposFile?: string;
  image?: string;
  tokenStdin?: boolean;
  apiUrl?: string;
  registry?: string;
  timeout?: number;
  json?: boolean;
  yes?: boolean;
  quiet?: boolean;
  verbose?: boolean;
  /** `false` for `--no-color`; absent otherwise. */
  color?: boolean;
  /** `--for <profile>`: what the token must be able to do. */
  for?: ProfileId;
  /** `--trace <file|->`: write the redacted record of every HTTP exchange and the report. */
  trace?: string;
}

/** Flags of `crpat demo`. */
export interface DemoFlags {
  color?: boolean;
}

/** Flags of `crpat secret set`, only those given. */
export interface SecretSetFlags {
  repo?: string;
  org?: string;
  name?: string;
  visibility?: 'all' | 'private' | 'selected';
  /** `--repos a,b`: repositories of the organization that may read the secret. */
  repos?: string[];
  image?: string;
  tokenStdin?: boolean;
  apiUrl?: string;
  registry?: string;
  timeout?: number;
  /** `--yes`: accept the git remote `origin` without asking (as for check); nothing more. */
  yes?: boolean;
  /** `--overwrite`: replace an existing secret without asking. */
  overwrite?: boolean;
  force?: boolean;
  color?: boolean;
}

/** Flags of `crpat link`, only those given. It reads no token: none of the token flags exist here. */
export interface LinkFlags {
  /** `--for <profile>`: the profile whose scopes and permissions the links pre-select. */
  for?: ProfileId;
  /** `--repo <target>`: the repository the token is for (its host, owner and name; one only). */
  repo?: string;
  /** `--api-url <url>`: without `--repo`, the links use this API's web host (GitHub Enterprise). Nothing is sent. */
  apiUrl?: string;
  json?: boolean;
}

/** Flags of `crpat simulator`. */
export interface SimulatorFlags {
  apiPort?: number;
  registryPort?: number;
  json?: boolean;
  /** `--replay <trace>`: serve the answers a `--trace` file recorded instead of the simulated world. */
  replay?: string;
}

/** Flags of `crpat workflow [files…]`, only those given. */
export interface WorkflowFlags {
  /** Workflow files or folders given as arguments; none: `.github/workflows` of the current directory. */
  files?: string[];
  json?: boolean;
  quiet?: boolean;
  /** `--check`: also check the token for each pushed image, and that the named secrets exist. */
  check?: boolean;
  /** `--repo <target>`: the repository the workflows belong to (default: the `origin` remote, if any). */
  repo?: string;
  tokenStdin?: boolean;
  apiUrl?: string;
  registry?: string;
  timeout?: number;
  color?: boolean;
}

/** Flags of `crpat guide`: the step to print (an anchor of the guide); none: the list of steps. */
export interface GuideFlags {
  step?: string;
  color?: boolean;
}

/** Flags of `crpat workflow init`. */
export interface WorkflowInitFlags {
  force?: boolean;
}

/** `crpat completion <shell>`. */
export interface CompletionFlags {
  shell: Shell;
}

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

export type ParsedArgs =
  | { command: 'check'; flags: CheckFlags }
  | { command: 'workflow'; flags: WorkflowFlags }
  | { command: 'workflow-init'; flags: WorkflowInitFlags }
  | { command: 'demo'; flags: DemoFlags }
  | { command: 'secret-set'; flags: SecretSetFlags }
  | { command: 'simulator'; flags: SimulatorFlags }
  | { command: 'link'; flags: LinkFlags }
  | { command: 'guide'; flags: GuideFlags }
  | { command: 'completion'; flags: CompletionFlags }
  | { command: 'help'; text: string }
  | { command: 'version'; text: string };

const WHY_NOT_ARGV =
  'a token on the command line is visible to every user of this machine (ps) and lands in shell history. ' +
  'Use CR_PAT=... or --token-stdin.';

/** The message for `--token`, `--token=X`, `-t X`, `-tX`: it never repeats the value. */
export const TOKEN_REFUSED = `--token is refused: ${WHY_NOT_ARGV}`;
const TOKEN_ARGUMENT_REFUSED = `a token as an argument is refused: ${WHY_NOT_ARGV}`;

const HELP_HINT = '(see crpat --help)';
/** Help is wrapped to the terminal, but never wider than this: long lines are hard to read. */
const HELP_MAX_WIDTH = 80;

export interface ParseOptions {
  /** Terminal width for help text; 0 or absent: 80. */
  columns?: number;
}

/**
 * argv (without `node` and the script) → the command and its flags. Throws `UsageError` with a one-line message for
 * `--token` in any form, unknown options, missing values and extra arguments; commander itself prints nothing.
 * `--help` (on any command) and `help [command]` return that command's help.
 */
export function parseArgs(argv: readonly string[], options: ParseOptions = {}): ParsedArgs {
  refuseTokenArguments(argv);
  let parsed: ParsedArgs | undefined;
  const output: string[] = [];
  const width = Math.min(options.columns && options.columns > 0 ? options.columns : HELP_MAX_WIDTH, HELP_MAX_WIDTH);
  const program = buildProgram((result) => {
    parsed = result;
  }, width);
  for (const command of allCommands(program)) configure(command, output, width);

  try {
    program.parse([...argv], { from: 'user' });
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.help') {
      return { command: 'help', text: output.join('') };
    }
    if (error.code === 'commander.version') return { command: 'version', text: `${VERSION}\n` };
    throw new UsageError(usageMessage(error, program, argv));
  }
  if (parsed === undefined) throw new UsageError(`nothing to do ${HELP_HINT}`);
  return parsed;
}

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
    .action((names: string[]) => {
      let target: Command = program;
      for (const name of names) {
        const next = target.commands.find((sub) => sub.name() === name);
        if (next === undefined) throw new UsageError(`unknown command ${HELP_HINT}`);
        target = next;
      }
      done({ command: 'help', text: target.helpInformation() });
    });
  return program;
}

/** The end of a command's help: paragraphs wrapped to `width`, the examples, closing lines (also wrapped). */
function after(width: number, paragraphs: readonly string[], list: ReadonlyArray<readonly [string, string]>, closing: readonly string[] = []): string {
  const text = (lines: readonly string[]): string[] => lines.flatMap((line) => ['', wrap(line, width, 0, '')]);
  return [...text(paragraphs), '', ...examples(list), ...text(closing)].join('\n');
}

/**
 * `Examples:` and one line per example, `  $ command`, comments lined up after the commands; a comment that would
 * not fit in 80 columns goes on the line above its command.
 */
function examples(list: ReadonlyArray<readonly [string, string]>): string[] {
  const width = Math.max(...list.map(([command]) => command.length));
  const fits = list.every(([, comment]) => comment === '' || 4 + width + 4 + comment.length <= HELP_MAX_WIDTH);
  return [
    'Examples:',
    ...list.flatMap(([command, comment]) => {
      if (comment === '') return [`  $ ${command}`];
      return fits ? [`  $ ${command.padEnd(width)}  # ${comment}`] : [`  # ${comment}`, `  $ ${command}`];
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

/** Output captured, errors thrown (not printed, no process.exit), help wrapped to `width`. */
function configure(command: Command, output: string[], width: number): Command {
  command.exitOverride();
  command.helpOption('-h, --help', 'show this help');
  // `crpat help <command>` is declared once, on crpat itself (not an implicit one per command).
  command.helpCommand(false);
  command.configureOutput({
    writeOut: (text) => output.push(text),
    writeErr: (text) => output.push(text),
    outputError: () => {},
    getOutHelpWidth: () => width,
    getErrHelpWidth: () => width,
  });
  command.configureHelp({
    helpWidth: width,
    // Commander stops wrapping below 40 columns for descriptions; a 60-column terminal leaves them about 35.
    minWidthToWrap: 20,
    sortOptions: false,
    showGlobalOptions: false,
    // Our descriptions say the values and defaults in words; commander's `(choices: "push", "deploy")` would repeat them.
    optionDescription: (option) => option.description,
    argumentDescription: (argument) => argument.description,
    // A command that only groups others (`secret`) is listed as what people type: `secret set [options]`.
    subcommandTerm: (sub) => (isGroup(sub) && sub.commands.length === 1 && sub.commands[0] ? `${sub.name()} ${sub.commands[0].name()} [options]` : defaultTerm(sub)),
  });
  return command;
}

/** Commander's own listing of a subcommand: `name [options] <args>`. */
function defaultTerm(command: Command): string {
  const args = command.registeredArguments.map((argument) => (argument.required ? `<${argument.name()}>` : `[${argument.name()}]`));
  return [command.name(), ...(command.options.length > 0 ? ['[options]'] : []), ...args].join(' ');
}

/** Only the options the user typed (source `cli`), so defaults can be applied in one place later. */
function givenFlags(command: Command): Record<string, unknown> {
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

function refuseTokenArguments(argv: readonly string[]): void {
  for (const arg of argv) {
    if (arg === '--token' || arg.startsWith('--token=')) throw new UsageError(TOKEN_REFUSED);
    // -t, -tVALUE, -t=VALUE, and -t after the short flags crpat has (-h, -V), as in -ht.
    if (/^-[hV]*t/.test(arg)) throw new UsageError(TOKEN_REFUSED);
    if (looksLikeToken(arg) || looksLikeToken(arg.slice(arg.indexOf('=') + 1))) {
      throw new UsageError(TOKEN_ARGUMENT_REFUSED);
    }
  }
}

/** Commander's error → our one line; option values are never repeated (one might be a token). */
function usageMessage(error: CommanderError, program: Command, argv: readonly string[]): string {
  const quoted = /'([^']*)'/.exec(error.message)?.[1] ?? '';
  switch (error.code) {
    case 'commander.unknownOption': {
      const name = quoted.startsWith('--') ? (quoted.split('=')[0] ?? quoted) : quoted.slice(0, 2);
      // `--json=yes`: a flag crpat has, given a value. A known flag without one is unknown to this command (`link --yes`).
      if (quoted.includes('=') && booleanFlags(program).has(name)) return `${name} takes no value ${HELP_HINT}`;
      const suggestion = /\(Did you mean (--[a-z-]+)\?\)/.exec(error.message)?.[1];
      return `unknown option '${name}' ${suggestion ? `(did you mean ${suggestion}?)` : HELP_HINT}`;
    }
    case 'commander.optionMissingArgument':
      return `${quoted.split(' ')[0] ?? quoted} needs a value ${HELP_HINT}`;
    case 'commander.invalidArgument': {
      // A positional value outside its choices (`completion tcsh`): the choices, not the value (never echoed).
      const argument = /^error: command-argument value '.*' is invalid for argument '([a-z]+)'\. Allowed choices are (.*)\.$/s.exec(error.message);
      if (argument) return `the ${argument[1] ?? ''} is one of ${argument[2] ?? ''} ${HELP_HINT}`;
      return error.message.replace(/^error: .*? is invalid\. /, '');
    }
    case 'commander.excessArguments': {
      // "too many arguments for 'set'": the command is named, the argument is not (it could be a pasted secret).
      const last = /for '([a-z]+)'/.exec(error.message)?.[1] ?? 'check';
      const command = allCommands(program).find((candidate) => candidate !== program && candidate.name() === last);
      const name = command ? commandPath(command) : last;
      const first = argv[0] ?? '';
      // `crpat chek`: a mistyped command reaches check (the default command) as an argument.
      if (name === 'check' && first !== 'check' && !first.startsWith('-')) return `unknown command: the commands are ${commandNames(program)} ${HELP_HINT}`;
      const repository = command?.options.some((option) => option.long === '--repo') ? '; the repository goes after --repo' : '';
      const takes = command && command.registeredArguments.length > 0 ? `only ${command.registeredArguments.map((argument) => `<${argument.name()}>`).join(' ')}` : 'no arguments';
      return `unexpected argument: ${name} takes ${takes}${repository} (see crpat ${name} --help)`;
    }
    case 'commander.unknownCommand':
      return `unknown command ${HELP_HINT}`;
    default:
      return `${error.message.replace(/^error: /, '')} ${HELP_HINT}`;
  }
}

/** Every flag that takes no value, of any command. */
function booleanFlags(program: Command): Set<string> {
  const names = allCommands(program).flatMap((command) => command.options.filter((o) => !o.required && !o.optional).map((o) => o.long ?? ''));
  return new Set([...names, '--help', '--version']);
}

/** `check, secret set, ... and help`: the commands people type (a group such as `secret` by its subcommands). */
function commandNames(program: Command): string {
  const names = runnableCommands(program).map(commandPath);
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1) ?? ''}` : (names[0] ?? '');
}

/** A command that only groups others and does nothing itself (`secret`): no flags, no arguments of its own. */
function isGroup(command: Command): boolean {
  return command.commands.length > 0 && command.options.length === 0 && command.registeredArguments.length === 0;
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

import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { PROFILE_IDS } from '../capabilities/profiles.js';
import { UsageError } from '../errors.js';
import { looksLikeToken } from '../token/recognize.js';
import type { ProfileId } from '../types.js';
import { HELP_TEXT } from './help.js';
import { VERSION } from '../version.js';

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

export type ParsedArgs =
  | { command: 'check'; flags: CheckFlags }
  | { command: 'workflow'; flags: WorkflowFlags }
  | { command: 'workflow-init'; flags: WorkflowInitFlags }
  | { command: 'demo'; flags: DemoFlags }
  | { command: 'secret-set'; flags: SecretSetFlags }
  | { command: 'simulator'; flags: SimulatorFlags }
  | { command: 'link'; flags: LinkFlags }
  | { command: 'guide'; flags: GuideFlags }
  | { command: 'help'; text: string }
  | { command: 'version'; text: string };

const WHY_NOT_ARGV =
  'a token on the command line is visible to every user of this machine (ps) and lands in shell history. ' +
  'Use CR_PAT=... or --token-stdin.';

/** The message for `--token`, `--token=X`, `-t X`, `-tX`: it never repeats the value. */
export const TOKEN_REFUSED = `--token is refused: ${WHY_NOT_ARGV}`;
const TOKEN_ARGUMENT_REFUSED = `a token as an argument is refused: ${WHY_NOT_ARGV}`;

const HELP_HINT = '(see crpat --help)';
const BOOLEAN_FLAGS = new Set(['--token-stdin', '--json', '--yes', '--overwrite', '--force', '--quiet', '--verbose', '--no-color', '--help', '--version']);

/**
 * argv (without `node` and the script) → the command and its flags. Throws `UsageError` with a one-line message for
 * `--token` in any form, unknown options, missing values and extra arguments; commander itself prints nothing.
 */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  refuseTokenArguments(argv);
  let parsed: ParsedArgs | undefined;
  const output: string[] = [];
  const program = configure(new Command('crpat'), output);
  program.version(VERSION, '-V, --version');
  const check = program.command('check', { isDefault: true });
  check
    .option('--repo <target>', '', collect)
    .option('--repos-file <path>');
  withCheckOptions(check)
    .option('--json')
    .option('--yes')
    .option('--quiet')
    .option('--verbose')
    .option('--no-color')
    .option('--for <profile>', '', parseProfile)
    .option('--trace <file>')
    .action((_options: unknown, command: Command) => {
      parsed = { command: 'check', flags: givenFlags(command) as CheckFlags };
    });
  program
    .command('demo')
    .option('--no-color')
    .action((_options: unknown, command: Command) => {
      parsed = { command: 'demo', flags: givenFlags(command) as DemoFlags };
    });
  const secret = program.command('secret');
  const secretSet = secret.command('set');
  secretSet
    .option('--repo <target>')
    .option('--org <org>')
    .option('--name <name>')
    .option('--visibility <visibility>', '', parseVisibility)
    .option('--repos <names>', '', (value: string) => value.split(',').map((name) => name.trim()).filter(Boolean));
  withCheckOptions(secretSet)
    .option('--yes')
    .option('--overwrite')
    .option('--force')
    .option('--no-color')
    .action((_options: unknown, command: Command) => {
      parsed = { command: 'secret-set', flags: givenFlags(command) as SecretSetFlags };
    });
  program
    .command('simulator')
    .option('--api-port <port>', '', parsePort)
    .option('--registry-port <port>', '', parsePort)
    .option('--json')
    .option('--replay <trace>')
    .action((_options: unknown, command: Command) => {
      parsed = { command: 'simulator', flags: givenFlags(command) as SimulatorFlags };
    });
  program
    .command('link')
    .option('--for <profile>', '', parseProfile)
    .option('--repo <target>')
    .option('--api-url <url>')
    .option('--json')
    .action((_options: unknown, command: Command) => {
      parsed = { command: 'link', flags: givenFlags(command) as LinkFlags };
    });
  program
    .command('guide')
    .argument('[step]')
    .option('--no-color')
    .action((step: string | undefined, _options: unknown, command: Command) => {
      parsed = { command: 'guide', flags: { ...(step !== undefined ? { step } : {}), ...(givenFlags(command) as GuideFlags) } };
    });
  const workflow = program.command('workflow').argument('[files...]');
  workflow
    .option('--json')
    .option('--quiet')
    .option('--check')
    .option('--repo <target>')
    .option('--token-stdin')
    .option('--api-url <url>')
    .option('--registry <host>')
    .option('--timeout <seconds>', '', parseTimeout)
    .option('--no-color')
    .action((files: string[], _options: unknown, command: Command) => {
      parsed = { command: 'workflow', flags: { ...(givenFlags(command) as WorkflowFlags), ...(files.length > 0 ? { files } : {}) } };
    });
  workflow
    .command('init')
    .option('--force')
    .action((_options: unknown, command: Command) => {
      parsed = { command: 'workflow-init', flags: givenFlags(command) as WorkflowInitFlags };
    });
  for (const command of [program, ...program.commands, ...secret.commands, ...workflow.commands]) configure(command, output);

  try {
    program.parse([...argv], { from: 'user' });
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.help') {
      return { command: 'help', text: HELP_TEXT };
    }
    if (error.code === 'commander.version') return { command: 'version', text: `${VERSION}\n` };
    throw new UsageError(usageMessage(error));
  }
  if (parsed === undefined) throw new UsageError(`nothing to do ${HELP_HINT}`);
  return parsed;
}

/** The options of everything that checks a token: where it comes from, where it goes, how long to wait. */
function withCheckOptions(command: Command): Command {
  return command
    .option('--image <name>')
    .option('--token-stdin')
    .option('--api-url <url>')
    .option('--registry <host>')
    .option('--timeout <seconds>', '', parseTimeout);
}

/** Output captured, errors thrown (not printed, no process.exit), and our help text instead of commander's. */
function configure(command: Command, output: string[]): Command {
  command.exitOverride();
  command.configureOutput({
    writeOut: (text) => output.push(text),
    writeErr: (text) => output.push(text),
    outputError: () => {},
  });
  command.helpOption('-h, --help');
  command.helpInformation = () => HELP_TEXT;
  return command;
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
  if (value.trim() === '' || !Number.isFinite(seconds) || seconds <= 0) {
    throw new InvalidArgumentError('--timeout must be a positive number of seconds');
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
  throw new InvalidArgumentError(`--for is one of ${PROFILE_IDS.join(', ')} (push: push images; deploy: also the tutorial's repository permissions)`);
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
function usageMessage(error: CommanderError): string {
  const quoted = /'([^']*)'/.exec(error.message)?.[1] ?? '';
  switch (error.code) {
    case 'commander.unknownOption': {
      const name = quoted.startsWith('--') ? (quoted.split('=')[0] ?? quoted) : quoted.slice(0, 2);
      // `--json=yes`: a flag crpat has, given a value. A known flag without one is unknown to this command (`link --yes`).
      if (quoted.includes('=') && BOOLEAN_FLAGS.has(name)) return `${name} takes no value ${HELP_HINT}`;
      const suggestion = /\(Did you mean (--[a-z-]+)\?\)/.exec(error.message)?.[1];
      return `unknown option '${name}' ${suggestion ? `(did you mean ${suggestion}?)` : HELP_HINT}`;
    }
    case 'commander.optionMissingArgument':
      return `${quoted.split(' ')[0] ?? quoted} needs a value ${HELP_HINT}`;
    case 'commander.invalidArgument':
      return error.message.replace(/^error: .*? is invalid\. /, '');
    case 'commander.excessArguments':
      return `unexpected argument: the commands are check, demo, link, secret set and simulator, and they take no arguments (workflow takes files) ${HELP_HINT}`;
    case 'commander.unknownCommand':
      return `unknown command ${HELP_HINT}`;
    default:
      return `${error.message.replace(/^error: /, '')} ${HELP_HINT}`;
  }
}

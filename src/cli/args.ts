import { Command, CommanderError } from 'commander';
import { UsageError } from '../errors.js';
import { looksLikeToken } from '../token/looks-like-token.js';
import { VERSION } from '../version.js';
import type { ParsedArgs } from './flags.js';
import { allCommands, buildProgram, commandPath, HELP_HINT as PROGRAM_HELP_HINT, HELP_MAX_WIDTH, isGroup, runnableCommands } from './program.js';

const WHY_NOT_ARGV =
  'a token on the command line is visible to every user of this machine (ps) and lands in shell history. ' +
  'Use CR_PAT=... or --token-stdin.';

/** The message for `--token`, `--token=X`, `-t X`, `-tX`: it never repeats the value. */
export const TOKEN_REFUSED = `--token is refused: ${WHY_NOT_ARGV}`;

const TOKEN_ARGUMENT_REFUSED = `a token as an argument is refused: ${WHY_NOT_ARGV}`;


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
  /** The command whose parse failed: its own help is the one that lists what it takes. */
  const failed: { command: Command } = { command: program };
  for (const command of allCommands(program)) configure(command, output, width, failed);

  try {
    program.parse([...argv], { from: 'user' });
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.help') {
      return { command: 'help', text: output.join('') };
    }
    if (error.code === 'commander.version') return { command: 'version', text: `${VERSION}\n` };
    throw new UsageError(usageMessage(error, program, argv, failed.command));
  }
  if (parsed === undefined) throw new UsageError(`nothing to do ${PROGRAM_HELP_HINT}`);
  return parsed;
}

/** Output captured, errors thrown (not printed, no process.exit), help wrapped to `width`. */
function configure(command: Command, output: string[], width: number, failed: { command: Command }): Command {
  command.exitOverride((error) => {
    failed.command = command;
    throw error;
  });
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

/**
 * Commander's error → our one line; option values are never repeated (one might be a token). The hint names the help
 * of the command that refused (`crpat check --help` lists check's flags; `crpat --help` lists only the commands).
 */
function usageMessage(error: CommanderError, program: Command, argv: readonly string[], failed: Command): string {
  const hint = failed === program ? PROGRAM_HELP_HINT : `(see crpat ${commandPath(failed)} --help)`;
  const quoted = /'([^']*)'/.exec(error.message)?.[1] ?? '';
  switch (error.code) {
    case 'commander.unknownOption': {
      const name = quoted.startsWith('--') ? (quoted.split('=')[0] ?? quoted) : quoted.slice(0, 2);
      // `--json=yes`: a flag crpat has, given a value. A known flag without one is unknown to this command (`link --yes`).
      if (quoted.includes('=') && booleanFlags(program).has(name)) return `${name} takes no value ${hint}`;
      const suggestion = /\(Did you mean (--[a-z-]+)\?\)/.exec(error.message)?.[1];
      return `unknown option '${name}' ${suggestion ? `(did you mean ${suggestion}?)` : hint}`;
    }
    case 'commander.optionMissingArgument':
      return `${quoted.split(' ')[0] ?? quoted} needs a value ${hint}`;
    case 'commander.invalidArgument': {
      // A positional value outside its choices (`completion tcsh`): the choices, not the value (never echoed).
      const argument = /^error: command-argument value '.*' is invalid for argument '([a-z]+)'\. Allowed choices are (.*)\.$/s.exec(error.message);
      if (argument) return `the ${argument[1] ?? ''} is one of ${argument[2] ?? ''} ${hint}`;
      return error.message.replace(/^error: .*? is invalid\. /, '');
    }
    case 'commander.excessArguments': {
      // "too many arguments for 'set'": the command is named, the argument is not (it could be a pasted secret).
      const last = /for '([a-z]+)'/.exec(error.message)?.[1] ?? 'check';
      const command = allCommands(program).find((candidate) => candidate !== program && candidate.name() === last);
      const name = command ? commandPath(command) : last;
      const first = argv[0] ?? '';
      // `crpat chek`: a mistyped command reaches check (the default command) as an argument.
      if (name === 'check' && first !== 'check' && !first.startsWith('-')) return `unknown command: the commands are ${commandNames(program)} ${PROGRAM_HELP_HINT}`;
      const repository = command?.options.some((option) => option.long === '--repo') ? '; the repository goes after --repo' : '';
      const takes = command && command.registeredArguments.length > 0 ? `only ${command.registeredArguments.map((argument) => `<${argument.name()}>`).join(' ')}` : 'no arguments';
      return `unexpected argument: ${name} takes ${takes}${repository} (see crpat ${name} --help)`;
    }
    case 'commander.unknownCommand': {
      // `crpat secret get`: what the group has.
      const names = failed.commands.map((sub) => sub.name());
      if (failed === program || names.length === 0) return `unknown command ${hint}`;
      const list = names.length > 1 ? `${names.slice(0, -1).join(', ')} or ${names.at(-1) ?? ''}` : `only ${names[0] ?? ''}`;
      return `unknown command: ${commandPath(failed)} takes ${list} ${hint}`;
    }
    default:
      return `${error.message.replace(/^error: /, '')} ${hint}`;
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


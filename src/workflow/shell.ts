import { type EnvChain, LOWER_CASING, lookup } from './expressions.js';
import { commands, logicalLines, PIPED, tokenize } from './shell-words.js';

/** A value read from a script, with whether the script lower-cased it on the way. */
export interface ShellValue {
  text: string;
  /** How it was lower-cased (`${IMAGE,,}`, "IMAGE is lower-cased where it is set"), or null. */
  lowercasedBy: string | null;
}

export interface ShellLogin {
  line: number;
  tool: string;
  /** The server argument; null for the tool's default (Docker Hub). */
  registry: ShellValue | null;
  /** Where the password comes from, variables resolved: the `-p` value, or the command piped in; null when neither. */
  password: ShellValue | null;
  /** Whether `password` is the `-p`/`--password` value (else the piped source: `cat file` is not a literal password). */
  passwordFlag: boolean;
}

export interface ShellPush {
  line: number;
  /** `docker push`, `docker buildx build --push`, ... */
  command: string;
  images: ShellValue[];
}

/** What a `run:` script does with registries, read line by line (no shell is run). */
export interface ShellFacts {
  logins: ShellLogin[];
  pushes: ShellPush[];
  /** Variables written to `$GITHUB_ENV` / `$GITHUB_OUTPUT`, with whether they were lower-cased. */
  envWrites: Map<string, ShellValue>;
  outputWrites: Map<string, ShellValue>;
}

const TOOLS = /^(docker|podman|buildah|skopeo|oras|crane)$/;

/**
 * Reads a `run:` script. `firstLine` is the workflow line of the script's first line. Variables come from earlier
 * assignments in the script, then from the step's, job's and workflow's `env`.
 */
export function readScript(script: string, firstLine: number, chain: EnvChain): ShellFacts {
  const facts: ShellFacts = { logins: [], pushes: [], envWrites: new Map(), outputWrites: new Map() };
  const vars = new Map<string, ShellValue>();
  for (const { text, line } of logicalLines(script, firstLine)) {
    for (const command of commands(text)) {
      const assignment = assignmentOf(command);
      if (assignment) {
        vars.set(assignment.name, expand(assignment.value, vars, chain, LOWER_CASING.test(assignment.value) ? `${assignment.name} is lower-cased where it is set` : null));
        continue;
      }
      recordWrite(command, vars, chain, facts);
      const words = tokenize(command);
      readCommand(words[0] === 'sudo' ? words.slice(1) : words, line, vars, chain, facts);
    }
  }
  return facts;
}

function readCommand(words: string[], line: number, vars: Map<string, ShellValue>, chain: EnvChain, facts: ShellFacts): void {
  const tool = words[0] ?? '';
  if (!TOOLS.test(tool)) return;
  const args = words.slice(1);
  const sub = args[0] ?? '';
  const value = (word: string): ShellValue => expand(word, vars, chain, null);
  if (sub === 'login' || (sub === 'registry' && args[1] === 'login')) {
    const rest = args.slice(sub === 'login' ? 1 : 2);
    const positional = positionals(rest, ['-u', '--username', '-p', '--password', '--authfile', '--cert-dir', '--creds']);
    const flagged = optionValues(rest, ['-p', '--password'])[0];
    const piped = rest.indexOf(PIPED) >= 0 ? rest.slice(rest.indexOf(PIPED) + 1).join(' ') : null;
    facts.logins.push({
      line,
      tool: `${tool} login`,
      registry: positional[0] === undefined ? null : value(positional[0]),
      password: flagged !== undefined ? value(flagged) : piped !== null ? value(piped) : null,
      passwordFlag: flagged !== undefined,
    });
    return;
  }
  const push = (command: string, refs: string[]): void => {
    if (refs.length > 0) facts.pushes.push({ line, command, images: refs.map(value) });
  };
  if (sub === 'push' || (sub === 'image' && args[1] === 'push') || (sub === 'manifest' && args[1] === 'push')) {
    const rest = args.slice(sub === 'push' ? 1 : 2);
    const positional = positionals(rest, ['--authfile', '--format', '-f', '--creds', '--digestfile', '--sign-by', '--cert-dir']);
    // podman/buildah push SOURCE [DESTINATION]: the destination is what is pushed to.
    const target = tool === 'docker' ? positional[0] : (positional[1] ?? positional[0]);
    push(`${tool} ${sub === 'push' ? 'push' : `${sub} push`}`, target === undefined ? [] : [stripTransport(target)]);
    return;
  }
  const building = sub === 'build' || (sub === 'buildx' && (args[1] === 'build' || args[1] === 'b'));
  if (building && (args.includes('--push') || args.some((a) => /type=registry|push=true/.test(a)))) {
    push(`${tool} ${sub === 'buildx' ? 'buildx build' : 'build'} --push`, optionValues(args, ['-t', '--tag']));
    return;
  }
  if (sub === 'buildx' && args[1] === 'imagetools' && args[2] === 'create') {
    push(`${tool} buildx imagetools create`, optionValues(args, ['-t', '--tag']));
    return;
  }
  if (tool === 'skopeo' && (sub === 'copy' || sub === 'sync')) {
    const positional = positionals(args.slice(1), ['--authfile', '--dest-creds', '--src-creds', '--format', '-f']);
    const target = positional[1];
    if (target?.startsWith('docker://')) push(`skopeo ${sub}`, [stripTransport(target)]);
    return;
  }
  if ((tool === 'oras' || tool === 'crane') && (sub === 'push' || sub === 'copy' || sub === 'cp')) {
    const positional = positionals(args.slice(1), ['-u', '--username', '-p', '--password']);
    const target = sub === 'push' ? (tool === 'crane' ? positional[1] : positional[0]) : positional[1];
    push(`${tool} ${sub}`, target === undefined ? [] : [target]);
  }
}

/** `echo "NAME=value" >> "$GITHUB_ENV"` (or GITHUB_OUTPUT): the variable is visible to later steps. */
function recordWrite(command: string, vars: Map<string, ShellValue>, chain: EnvChain, facts: ShellFacts): void {
  const target = /GITHUB_ENV\b/.test(command) ? facts.envWrites : /GITHUB_OUTPUT\b/.test(command) ? facts.outputWrites : null;
  if (!target || !/>>/.test(command)) return;
  const match = /\b([A-Za-z_][A-Za-z0-9_-]*)=(.*?)(?:["']?\s*>>)/.exec(command);
  if (!match?.[1]) return;
  const raw = (match[2] ?? '').replace(/^["']/, '');
  const lowered = LOWER_CASING.test(command) ? `${match[1]} is lower-cased where it is written` : null;
  target.set(match[1], expand(raw, vars, chain, lowered));
}

/** `$X`, `${X}`, `${X,,}` replaced by what the script or the env set; a lower-casing on the way is remembered. */
function expand(word: string, vars: Map<string, ShellValue>, chain: EnvChain, lowercasedBy: string | null): ShellValue {
  let by = lowercasedBy;
  const text = word.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)(,,|@L|\^\^)?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (whole, braced: string | undefined, op: string | undefined, bare: string | undefined) => {
    const name = braced ?? bare ?? '';
    if (op === ',,' || op === '@L') by ??= `\${${name}${op}}`;
    const known = vars.get(name);
    if (known) {
      by ??= known.lowercasedBy;
      return known.text;
    }
    const fromEnv = lookup(chain, name);
    return fromEnv ?? whole;
  });
  return { text, lowercasedBy: by };
}

/** `NAME=value`, `export NAME="value"`, `NAME=$(... | tr ...)`: a variable set for the lines below. */
function assignmentOf(command: string): { name: string; value: string } | null {
  const match = /^(?:(?:export|local|declare(?:\s+-\w+)?)\s+)?([A-Za-z_][A-Za-z0-9_]*)=(\S.*|)$/s.exec(command);
  if (match?.[1] === undefined) return null;
  const raw = (match[2] ?? '').trim();
  // `NAME=value command args`: an environment for one command, not an assignment.
  if (/^[^"'$(`\s]+\s+\S/.test(raw)) return null;
  return { name: match[1], value: raw.replace(/^"(.*)"$/s, '$1').replace(/^'(.*)'$/s, '$1') };
}

/** Arguments that are not options nor the values of `valued` options. */
function positionals(args: string[], valued: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] ?? '';
    if (arg === PIPED) break;
    if (valued.includes(arg)) {
      i += 1;
      continue;
    }
    if (arg.startsWith('-')) continue;
    out.push(arg);
  }
  return out;
}

function optionValues(args: string[], names: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] ?? '';
    if (arg === PIPED) break;
    if (names.includes(arg) && args[i + 1] !== undefined) out.push(args[i + 1] ?? '');
    for (const name of names) if (name.startsWith('--') && arg.startsWith(`${name}=`)) out.push(arg.slice(name.length + 1));
  }
  return out;
}

function stripTransport(ref: string): string {
  return ref.replace(/^docker:\/\//, '');
}

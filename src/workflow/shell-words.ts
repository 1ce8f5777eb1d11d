/**
 * A run step's script as words: lines joined across `\` continuations, split into commands at `|`, `&&`, `||` and
 * `;` outside quotes, and each command into words with its quotes removed. No globbing, no expansion: shell.ts
 * reads meaning into the words.
 */

/** Lines joined across `\` continuations, each with the workflow line it starts on. */
export function logicalLines(script: string, firstLine: number): { text: string; line: number }[] {
  const out: { text: string; line: number }[] = [];
  const lines = script.split('\n');
  let current = '';
  let start = firstLine;
  lines.forEach((raw, i) => {
    if (current === '') start = firstLine + i;
    const line = raw.replace(/^\s*#.*$/, '');
    if (/\\\s*$/.test(line)) {
      current += `${line.replace(/\\\s*$/, '')} `;
      return;
    }
    current += line;
    if (current.trim() !== '') out.push({ text: current.trim(), line: start });
    current = '';
  });
  if (current.trim() !== '') out.push({ text: current.trim(), line: start });
  return out;
}

/** A logical line → its commands (split at `|`, `&&`, `||`, `;` outside quotes). The pipe's left side stays with the right (the password source). */
export function commands(line: string): string[] {
  const out: string[] = [];
  let current = '';
  let quote: string | null = null;
  let depth = 0;
  for (let i = 0; i < line.length; i += 1) {
    const c = line[i] ?? '';
    if (quote === "'") {
      if (c === quote) quote = null;
      current += c;
      continue;
    }
    // Inside `$( )` or backticks nothing splits: `IMAGE=$(echo $X | tr A-Z a-z)` is one assignment.
    if (c === '$' && line[i + 1] === '(') depth += 1;
    else if (c === ')' && depth > 0) depth -= 1;
    else if (c === '`') depth = depth > 0 ? depth - 1 : depth + 1;
    if (quote === '"') {
      if (c === quote) quote = null;
      current += c;
      continue;
    }
    if (c === '"' || c === "'") {
      quote = c;
      current += c;
      continue;
    }
    if (depth > 0) {
      current += c;
      continue;
    }
    const two = line.slice(i, i + 2);
    if (two === '&&' || two === '||' || c === ';') {
      out.push(current);
      current = '';
      if (two === '&&' || two === '||') i += 1;
      continue;
    }
    if (c === '|') {
      // `echo $PW | docker login ...`: keep the source visible to the login, as a prefix the tokenizer skips.
      out.push(current);
      current = `${current.trim()} |PIPE| `;
      continue;
    }
    current += c;
  }
  out.push(current);
  return out.map((c) => c.trim()).filter((c) => c !== '').map((c) => reorderPipe(c));
}

/** Marks where a command's own arguments end and its piped source begins. */
export const PIPED = '--crpat-piped-from';

/** `echo X |PIPE| docker login ...` → `docker login ... --crpat-piped-from echo X`: the command first, its source after. */
function reorderPipe(command: string): string {
  const at = command.lastIndexOf('|PIPE|');
  if (at < 0) return command;
  return `${command.slice(at + 6).trim()} ${PIPED} ${command.slice(0, at).replace(/\|PIPE\|/g, ' ').trim()}`;
}

/** Words of a command, quotes removed (no globbing, no nested substitutions). */
export function tokenize(command: string): string[] {
  const words: string[] = [];
  let current = '';
  let quote: string | null = null;
  let any = false;
  let expression = false;
  for (let i = 0; i < command.length; i += 1) {
    const c = command[i] ?? '';
    // `${{ github.repository_owner }}` is one word: GitHub replaces it before the shell runs.
    if (!expression && command.startsWith('${{', i)) expression = true;
    else if (expression && command.startsWith('}}', i)) {
      expression = false;
      current += '}}';
      i += 1;
      continue;
    }
    if (expression) {
      current += c;
      continue;
    }
    if (quote) {
      if (c === quote) quote = null;
      else current += c;
      continue;
    }
    if (c === '"' || c === "'") {
      quote = c;
      any = true;
      continue;
    }
    if (/\s/.test(c)) {
      if (current !== '' || any) words.push(current);
      current = '';
      any = false;
      continue;
    }
    current += c;
  }
  if (current !== '' || any) words.push(current);
  return words;
}

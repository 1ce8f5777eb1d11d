/**
 * The runner's workflow-command protocol, written by hand: @actions/core would bring its HTTP client and more into
 * dist/action.js for a few string formats. Escaping as the runner's own toolkit does it (actions/toolkit
 * packages/core/src/command.ts): data escapes `%`, `\r`, `\n`; property values also `:` and `,`.
 */

export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** `::name key=value,key=value::message` and a newline. */
export function workflowCommand(name: string, properties: Record<string, string>, message: string): string {
  const props = Object.entries(properties)
    .map(([key, value]) => `${key}=${escapeProperty(value)}`)
    .join(',');
  return `::${name}${props ? ` ${props}` : ''}::${escapeData(message)}\n`;
}

/**
 * `text` with workflow commands switched off around it: `::stop-commands::TOKEN`, the text, then `::TOKEN::` to
 * switch them back on. Text that came from a server (a registry message, a login) can then hold `::error::`,
 * `::stop-commands::` or `##[set-output …]` without the runner acting on it, so it can neither forge annotations or
 * outputs nor hide crpat's own. `token` must be unguessable (random), as GitHub's documentation says:
 * https://docs.github.com/en/actions/writing-workflows/choosing-what-your-workflow-does/workflow-commands-for-github-actions#stopping-and-starting-workflow-commands
 * (and the actions/toolkit repository's workflow-command guide, "Stopping and Starting Workflow Commands")
 */
export function verbatim(text: string, token: string): string {
  if (!/^[A-Za-z0-9_-]{16,}$/.test(token)) throw new Error('the stop-commands token must be 16+ random letters or digits');
  // The text cannot end the block early: it would have to contain the random token.
  if (text.includes(token)) throw new Error('the text contains the stop-commands token');
  const body = text.endsWith('\n') ? text : `${text}\n`;
  return `::stop-commands::${token}\n${body}::${token}::\n`;
}

/**
 * `::add-mask::` for a secret: the runner replaces it with `***` in every later log line. A value spanning lines is
 * also masked line by line, since a log line can show just one of them.
 */
export function addMask(secret: string): string {
  const lines = secret.split(/\r?\n/).filter((line) => line.trim() !== '');
  const values = lines.length > 1 ? [secret, ...lines] : [secret];
  return values.map((value) => workflowCommand('add-mask', {}, value)).join('');
}

export type AnnotationLevel = 'error' | 'warning' | 'notice';

export function annotation(level: AnnotationLevel, title: string, message: string): string {
  return workflowCommand(level, { title }, message);
}

/**
 * One entry for the `GITHUB_OUTPUT` file: `name=value` for one line, the heredoc form `name<<DELIM` for several
 * (the runner's file-command format). `delimiter` must be unpredictable (a UUID), so a value cannot end the heredoc.
 */
export function outputEntry(name: string, value: string, delimiter: string): string {
  if (!/[\r\n]/.test(value)) return `${name}=${value}\n`;
  if (value.includes(delimiter)) throw new Error(`the value of output ${name} contains its delimiter`);
  return `${name}<<${delimiter}\n${value}\n${delimiter}\n`;
}

/** Typed input refused without being echoed back: a terminal escape, a look-alike letter or a token stays unprinted. */

/**
 * A name that is a token, refused without being repeated: lower-cased into an image name, the runner's mask would no
 * longer hide it, and it would be printed in the log, the job summary and the JSON report.
 */
export function tokenAsName(what: string): string {
  return `the ${what} looks like a token, not a name; pass the token as the token, never as a name (and revoke it if it was shared)`;
}

/**
 * Why `text` is unusable as a name or URL typed by a person, or null: empty, control characters, white space,
 * non-ASCII (look-alike letters such as Cyrillic "а"). `what` names the input; `hint` says what to pass instead.
 */
export function unsafeTextReason(text: string, what: string, hint: string): string | null {
  if (text === '') return `The ${what} is empty; ${hint}.`;
  if (/[\x00-\x1f\x7f]/.test(text)) return `The ${what} contains a control character; retype it on one line.`;
  if (/\s/.test(text)) return `The ${what} contains white space; remove the spaces.`;
  const foreign = /[^\x00-\x7f]/u.exec(text);
  if (foreign) {
    const code = (foreign[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
    return `The ${what} contains the non-ASCII character U+${code} (a look-alike letter?); retype it in plain ASCII.`;
  }
  return null;
}

/**
 * Text a server sent, made safe to print on a terminal: control characters (escape sequences included) become
 * spaces, and it is cut at `max` characters with `…`.
 */
export function terminalSafe(text: string, max: number): string {
  const plain = text.replace(/[\x00-\x1f\x7f-\x9f]/g, ' ');
  if (plain.length <= max) return plain;
  const cut = /[\ud800-\udbff]/.test(plain[max - 2] ?? '') ? max - 2 : max - 1;
  return `${plain.slice(0, cut)}…`;
}

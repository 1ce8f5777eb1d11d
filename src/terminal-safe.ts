/** Control characters → spaces (the text reaches a terminal); cut at `max` characters with `…`. */
export function clean(text: string, max: number): string {
  const plain = text.replace(/[\x00-\x1f\x7f-\x9f]/g, ' ');
  if (plain.length <= max) return plain;
  const cut = /[\ud800-\udbff]/.test(plain[max - 2] ?? '') ? max - 2 : max - 1;
  return `${plain.slice(0, cut)}…`;
}

/** `a` or `an` before `noun`, by its first letter: "an OAuth app token", "a classic personal access token". */
export function aOrAn(noun: string): string {
  return `${/^[aeiou]/i.test(noun) ? 'an' : 'a'} ${noun}`;
}

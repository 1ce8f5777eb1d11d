/** `a` or `an` before `noun`, by its first letter: "an OAuth app token", "a classic personal access token". */
export function aOrAn(noun: string): string {
  return `${/^[aeiou]/i.test(noun) ? 'an' : 'a'} ${noun}`;
}

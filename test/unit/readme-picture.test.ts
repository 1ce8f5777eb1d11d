import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';

// The README's terminal picture and its text version come from one run of scripts/terminal-picture.mjs (npm run
// picture): the text block in the README, docs/images/failing-report.txt and the SVG's text must be the same screen.
const read = (path: string): string => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

it('README text version, the .txt and the SVG show the same screen', () => {
  const text = read('docs/images/failing-report.txt');
  const block = /<!-- failing-report:start -->\n```text\n([\s\S]*?)```\n<!-- failing-report:end -->/.exec(read('README.md'))?.[1];
  expect(block).toBe(text);
  const svgLines = [...read('docs/images/failing-report.svg').matchAll(/<text [^>]*>(.*)<\/text>/g)].map((m) =>
    (m[1] ?? '').replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&').trimEnd(),
  );
  // The text joins the rows the terminal wrapped (a link longer than the terminal): the same characters.
  expect(svgLines.join('').replace(/\s+/g, '')).toBe(text.replace(/\s+/g, ''));
  expect(svgLines.every((line) => line.length <= 80)).toBe(true);
  expect(text).toMatch(/^\$ crpat --repo octocat\/hello-world\n✖ This token cannot push/);
});

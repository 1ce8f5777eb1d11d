import { describe, expect, it } from 'vitest';
import { parseGuide, renderSections, stepSections } from '../../../src/guide/markdown.js';
import { createStyle } from '../../../src/report/style.js';
import { guideAnchors, guideText } from '../../helpers/guide.js';

const DOC = `# The title

Intro that belongs to no step.

## <a id="one"></a>1. First

A paragraph with \`code\`, **bold** and a [link](https://example.com/a) and
[another step](#two), then the [same link](https://example.com/a).

- an item that goes on and on and on and on and on and on and on and on and wraps
  with a continuation line
- a second item

\`\`\`sh
crpat --repo acme/api   # kept as written, never wrapped even when it is longer than the terminal is wide
\`\`\`

| id | what |
| --- | --- |
| \`a\` | first |

## <a id="two"></a>2. Second

### <a id="two-a"></a>2.1 Below

Text.
`;

const PLAIN = { width: 60, style: createStyle(false), color: false, stepCommand: (id: string) => `crpat guide ${id}` };

describe('parseGuide', () => {
  it('the title, and every anchored heading as a step with its level and body', () => {
    const guide = parseGuide(DOC);
    expect(guide.title).toBe('The title');
    expect(guide.steps.map((s) => [s.id, s.title, s.level])).toEqual([
      ['one', '1. First', 2],
      ['two', '2. Second', 2],
      ['two-a', '2.1 Below', 3],
    ]);
  });

  it('finds every anchor of the real guide', () => {
    expect(parseGuide(guideText()).steps.map((s) => s.id)).toEqual(guideAnchors());
  });
});

describe('stepSections', () => {
  it('a step with text of its own is printed alone; an empty one with its sub-steps; an unknown one is null', () => {
    const guide = parseGuide(DOC);
    expect(stepSections(guide, 'one')?.map((s) => s.id)).toEqual(['one']);
    expect(stepSections(guide, 'two')?.map((s) => s.id)).toEqual(['two', 'two-a']);
    expect(stepSections(guide, 'nope')).toBeNull();
  });
});

describe('renderSections', () => {
  it('wraps prose and list items, keeps code, numbers the links once, names other steps by their command', () => {
    const guide = parseGuide(DOC);
    expect(renderSections(stepSections(guide, 'one') ?? [], PLAIN)).toBe(`1. First

A paragraph with \`code\`, bold and a link[1] and another step
(crpat guide two), then the same link[1].

- an item that goes on and on and on and on and on and on
  and on and on and wraps with a continuation line
- a second item

    crpat --repo acme/api   # kept as written, never wrapped even when it is longer than the terminal is wide

id | what
  - \`a\`: first

Links:
  [1] https://example.com/a
`);
  });

  it('every line of every step of the real guide fits in 80 columns, except code and the link list', () => {
    const guide = parseGuide(guideText());
    const text = renderSections(guide.steps, { ...PLAIN, width: 80 });
    const prose = text.split('\nLinks:\n')[0] ?? '';
    const long = prose.split('\n').filter((line) => line.length > 80 && !line.startsWith('    ') && !/^\S+$/.test(line.trim()));
    // A single word longer than the line (a URL) may stick out; nothing else.
    for (const line of long) expect(line.trim().split(' ').some((word) => word.length > 40), line).toBe(true);
  });
});

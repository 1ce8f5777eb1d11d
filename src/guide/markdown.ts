import type { Style } from '../report/style.js';
import { wrap } from '../report/wrap.js';

/**
 * The guide (docs/creating-a-cr-pat.md) for a terminal: its steps, and one step as wrapped text with its links listed
 * at the end. Hand-written rather than a Markdown library: it reads one document whose markup this repository controls
 * (headings with explicit anchors, paragraphs, lists, fenced code, one table), and terminal renderers such as
 * marked-terminal would add several runtime dependencies to a package that has none to spare. Pure.
 */

export interface GuideStep {
  /** The heading's explicit anchor (`<a id="sso"></a>`): what `crpat guide <step>` takes. */
  id: string;
  /** The heading without its anchor, e.g. `5. Authorize it for SAML single sign-on`. */
  title: string;
  /** 2 for `##`, 3 for `###`. */
  level: number;
  /** Lines of the document from the heading (excluded) to the next heading. */
  body: string[];
}

export interface Guide {
  title: string;
  steps: GuideStep[];
}

const HEADING = /^(#{1,6})\s+(?:<a id="([^"]+)"><\/a>)?\s*(.*)$/;

/** Splits the document into its title and its anchored steps, in order. */
export function parseGuide(markdown: string): Guide {
  const lines = markdown.split(/\r?\n/);
  let title = '';
  const steps: GuideStep[] = [];
  let current: GuideStep | null = null;
  let fenced = false;
  for (const line of lines) {
    if (/^\s*```/.test(line)) fenced = !fenced;
    const heading = fenced ? null : HEADING.exec(line);
    if (heading) {
      const level = heading[1]?.length ?? 1;
      if (level === 1 && title === '') title = heading[3] ?? '';
      current = heading[2] ? { id: heading[2], title: heading[3] ?? '', level, body: [] } : null;
      if (current) steps.push(current);
      continue;
    }
    current?.body.push(line);
  }
  return { title, steps };
}

/**
 * The lines of `step` to print: its own text and, when it has none of its own (6: "Give the user write access"), its
 * sub-steps. A step's sub-steps otherwise have their own `crpat guide` names and are listed at its end.
 */
export function stepSections(guide: Guide, id: string): GuideStep[] | null {
  const index = guide.steps.findIndex((step) => step.id === id);
  const step = guide.steps[index];
  if (step === undefined) return null;
  const children: GuideStep[] = [];
  for (const next of guide.steps.slice(index + 1)) {
    if (next.level <= step.level) break;
    children.push(next);
  }
  const empty = step.body.every((line) => line.trim() === '');
  return empty ? [step, ...children] : [step];
}

export interface RenderOptions {
  /** Columns to wrap to (0: 80). */
  width: number;
  style: Style;
  /** Colour is on: code shows in colour; else between backticks, as written. */
  color: boolean;
  /** How a link to another step reads, e.g. `crpat guide sso`. */
  stepCommand: (id: string) => string;
}

/** One or more sections as terminal text: headings, wrapped paragraphs and lists, indented code, links at the end. */
export function renderSections(sections: readonly GuideStep[], options: RenderOptions): string {
  const width = options.width > 0 ? options.width : 80;
  const links: string[] = [];
  const inline = (text: string): string => renderInline(text, options, links);
  const out: string[] = [];
  for (const section of sections) {
    if (out.length > 0) out.push('');
    out.push(options.style('bold', inline(section.title)), '');
    out.push(...renderBlocks(section.body, width, options.style, inline));
  }
  while (out.at(-1) === '') out.pop();
  if (links.length > 0) {
    out.push('', options.style('dim', 'Links:'));
    links.forEach((url, i) => out.push(`  [${i + 1}] ${url}`));
  }
  return `${out.join('\n')}\n`;
}

type Inline = (text: string) => string;

function renderBlocks(body: readonly string[], width: number, style: Style, inline: Inline): string[] {
  const out: string[] = [];
  let paragraph: string[] = [];
  let item: { marker: string; indent: number; text: string[] } | null = null;
  let fence: { indent: number; lines: string[] } | null = null;
  let table: string[][] = [];
  let inTable = false;

  const flush = (): void => {
    if (paragraph.length > 0) out.push(wrap(inline(paragraph.join(' ')), width, 0, ''), '');
    paragraph = [];
    if (item) {
      const lead = `${' '.repeat(item.indent)}${item.marker} `;
      const hanging = ' '.repeat(lead.length);
      out.push(`${lead}${wrap(inline(item.text.join(' ')), width, lead.length, hanging)}`);
    }
    item = null;
    if (table.length > 0) {
      for (const row of table) {
        const [first = '', ...rest] = row;
        const lead = '  - ';
        out.push(`${lead}${wrap(inline(`${first}: ${rest.join('; ')}`), width, lead.length, '    ')}`);
      }
      out.push('');
    }
    table = [];
  };

  for (const raw of body) {
    if (fence) {
      if (/^\s*```/.test(raw)) {
        out.push(...fence.lines.map((line) => style('cyan', `    ${line.slice(Math.min(fence?.indent ?? 0, line.length - line.trimStart().length))}`)), '');
        fence = null;
      } else fence.lines.push(raw);
      continue;
    }
    const fenceStart = /^(\s*)```/.exec(raw);
    if (fenceStart) {
      const wasItem = item !== null;
      flush();
      if (wasItem) out.push('');
      fence = { indent: fenceStart[1]?.length ?? 0, lines: [] };
      continue;
    }
    if (raw.trim() === '') {
      inTable = false;
      const wasItem = item !== null;
      flush();
      if (wasItem && out.at(-1) !== '') out.push('');
      continue;
    }
    if (/^\s*---+\s*$/.test(raw)) {
      flush();
      continue;
    }
    if (/^\s*\|/.test(raw)) {
      if (paragraph.length > 0 || item) flush();
      if (/^\s*\|[\s:|-]+\|\s*$/.test(raw)) continue; // the separator row
      const cells = raw.trim().replace(/^\||\|$/g, '').split('|').map((cell) => cell.trim());
      // The header row names the columns; each data row becomes one line.
      if (!inTable) out.push(style('dim', cells.join(' | ')));
      else table.push(cells);
      inTable = true;
      continue;
    }
    inTable = false;
    const listItem = /^(\s*)([-*]|\d+\.)\s+(.*)$/.exec(raw);
    if (listItem) {
      flush();
      item = { marker: listItem[2] === '*' ? '-' : (listItem[2] ?? '-'), indent: listItem[1]?.length ?? 0, text: [listItem[3] ?? ''] };
      continue;
    }
    if (item) item.text.push(raw.trim());
    else paragraph.push(raw.trim());
  }
  flush();
  while (out.at(-1) === '') out.pop();
  return out;
}

/** Inline markup: links (`text[1]`, or the step command for `#anchor`), `**bold**`, `` `code` ``. */
function renderInline(text: string, options: RenderOptions, links: string[]): string {
  const { style } = options;
  let result = text.replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, (_all, label: string, url: string) => {
    if (url.startsWith('#')) return `${label} (${options.stepCommand(url.slice(1))})`;
    const target = url.replace(/^(\.\.\/)+/, '');
    let number = links.indexOf(target) + 1;
    if (number === 0) number = links.push(target);
    return `${label}[${number}]`;
  });
  const code = (text: string): string => (options.color ? style('cyan', text) : `\`${text}\``);
  result = result.replace(/``\s?(.+?)\s?``/g, (_all, text: string) => code(text));
  result = result.replace(/(?<!`)`([^`]+)`(?!`)/g, (_all, text: string) => code(text));
  result = result.replace(/\*\*([^*]+)\*\*/g, (_all, strong: string) => style('bold', strong));
  return result;
}

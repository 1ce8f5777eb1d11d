import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { GUIDE, guideCommand } from '../checks/guide.js';
import { UsageError } from '../errors.js';
import { type Guide, type GuideStep, parseGuide, renderSections, stepSections } from '../guide/markdown.js';
import { wrap } from '../report/wrap.js';
import type { IO } from '../io/io.js';
import { createStyle } from '../report/style.js';
import type { GuideFlags } from './flags.js';
import { type Env, resolveDemoOptions } from './options.js';

export interface GuideDeps {
  io: IO;
  env: Env;
  platform: string;
  /** Reads the guide shipped in the package. @default {@link readShippedGuide} */
  readGuide?: () => Promise<string>;
}

/** `crpat guide all` prints every step in order. */
const ALL = 'all';

/**
 * `crpat guide [step]`: a step of docs/creating-a-cr-pat.md (the guide ships in the npm package), or the list of
 * steps. The `Guide:` line of a failing check names the step (`crpat guide sso`).
 */
export async function runGuide(flags: GuideFlags, deps: GuideDeps): Promise<number> {
  const guide = parseGuide(await (deps.readGuide ?? readShippedGuide)());
  const { color } = resolveDemoOptions(flags, deps.env, { isStdoutTTY: deps.io.isStdoutTTY, isStderrTTY: deps.io.isStderrTTY, platform: deps.platform });
  const style = createStyle(color.stdout);
  const width = Math.min(deps.io.isStdoutTTY && deps.io.columns > 0 ? deps.io.columns : 80, 80);
  if (flags.step === undefined) {
    deps.io.stdout.write(stepList(guide, style, width));
    return 0;
  }
  const sections = flags.step === ALL ? guide.steps : stepSections(guide, flags.step);
  if (sections === null) throw new UsageError(`the guide has no such step; crpat guide lists them (e.g. ${guideCommand('create-token')})`);
  let text = renderSections(sections, { width, style, color: color.stdout, stepCommand: guideCommand });
  const more = flags.step === ALL ? [] : subSteps(guide, flags.step).filter((step) => !sections.includes(step));
  if (more.length > 0) {
    const pad = Math.max(...more.map((step) => guideCommand(step.id).length));
    text += `\n${style('bold', 'More on this step:')}\n${more.map((step) => `  ${guideCommand(step.id).padEnd(pad)}  ${step.title.replace(/`/g, '')}`).join('\n')}\n`;
  }
  deps.io.stdout.write(text);
  return 0;
}

/** The steps below `id` (3.1 and 3.2 below 3). */
function subSteps(guide: Guide, id: string): GuideStep[] {
  const index = guide.steps.findIndex((step) => step.id === id);
  const level = guide.steps[index]?.level ?? 0;
  const below: GuideStep[] = [];
  for (const step of guide.steps.slice(index + 1)) {
    if (step.level <= level) break;
    below.push(step);
  }
  return below;
}

/** The title, then one line per step: its name for `crpat guide <step>` and its heading, sub-steps indented. */
export function stepList(guide: Guide, style: ReturnType<typeof createStyle>, width = 80): string {
  const nameWidth = Math.max(...guide.steps.map((step) => step.id.length + (step.level - 2) * 2));
  const lines = [style('bold', guide.title), ''];
  for (const step of guide.steps) {
    const indent = '  '.repeat(Math.max(0, step.level - 2));
    // The titles start in one column and continue under it on a narrow terminal.
    const title = wrap(step.title.replace(/`/g, ''), width, nameWidth + 4, ' '.repeat(nameWidth + 4));
    lines.push(`  ${indent}${style('cyan', step.id)}${' '.repeat(nameWidth - indent.length - step.id.length + 2)}${title}`);
  }
  lines.push('', wrap(`Read a step: ${guideCommand('<step>')}, e.g. ${guideCommand('create-token')}; the whole guide: ${guideCommand(ALL)}. The same text is ${GUIDE} in the crpat package and repository.`, width, 0, ''));
  return `${lines.join('\n')}\n`;
}

/** The guide next to the code that reads it: `docs/` at the package root (dist/x.js and src/cli/x.ts alike). */
export async function readShippedGuide(): Promise<string> {
  const candidates = [`../${GUIDE}`, `../../${GUIDE}`].map((path) => fileURLToPath(new URL(path, import.meta.url)));
  for (const path of candidates) {
    try {
      return await readFile(path, 'utf8');
    } catch {
      // try the next place
    }
  }
  throw new Error(`the guide ${GUIDE} is missing from this installation of crpat`);
}

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// action.yml is the Action's contract with the runner; keep it in step with what src/action reads and writes.
const yml = readFileSync(join(import.meta.dirname, '../../../action.yml'), 'utf8');
const readme = readFileSync(join(import.meta.dirname, '../../../README.md'), 'utf8');

/** The first column of the one Markdown table whose header row starts `| <first> |`: its rows up to the first non-row line. */
function tableKeys(first: string): string[] {
  const table = readme.split(new RegExp(`^\\| ${first} \\|.*\\n\\|[- |]+\\|\\n`, 'm'))[1]?.split(/^(?!\|)/m)[0] ?? '';
  return [...table.matchAll(/^\| `([a-z-]+)` \|/gm)].map((match) => match[1] ?? '');
}

/** The keys indented by two spaces under a top-level `section:`. */
function keysOf(section: string): string[] {
  const body = yml.split(new RegExp(`^${section}:\\n`, 'm'))[1]?.split(/^\S/m)[0] ?? '';
  return [...body.matchAll(/^ {2}([a-z-]+):/gm)].map((match) => match[1] ?? '');
}

describe('action.yml', () => {
  // Node.js 20 was removed from GitHub's runners on 2026-09-16 (changelog 2025-09-19, "Deprecation of Node 20 on
  // GitHub Actions runners"); an action declaring node20 no longer runs there.
  it('runs the bundle on node24', () => {
    expect(yml).toMatch(/^runs:\n {2}using: node24\n {2}main: dist\/action\.js\n/m);
  });

  it('declares the inputs and outputs the code uses', () => {
    expect(keysOf('inputs')).toEqual(['token', 'repository', 'image', 'registry', 'api-url', 'for', 'fail-on', 'warn-days', 'trace']);
    expect(keysOf('outputs')).toEqual(['verdict', 'login', 'expires-at', 'days-left', 'json']);
  });

  // A paragraph inside the inputs table cut it in two: for, fail-on, warn-days and trace rendered as loose text.
  it('the README documents every input and output in one table each', () => {
    expect(tableKeys('input')).toEqual(keysOf('inputs'));
    expect(tableKeys('output')).toEqual(keysOf('outputs'));
  });

  it('defaults to the workflow\'s repository and API URL; the registry is derived, not fixed', () => {
    expect(yml).toContain('default: ${{ github.repository }}');
    expect(yml).toContain('default: ${{ github.api_url }}');
    expect(yml).toMatch(/^ {2}token:\n(?: {4}.*\n)*? {4}required: true$/m);
    expect(yml).not.toMatch(/^ {2}registry:\n(?: {4}.*\n)*? {4}default:/m);
  });
});

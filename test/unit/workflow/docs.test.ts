import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { INIT_WORKFLOW } from '../../../src/workflow/init.js';

// The README and the guide show exactly what `crpat workflow init` writes.
it.each(['README.md', 'docs/creating-a-cr-pat.md'])('%s shows the workflow init writes, verbatim', (path) => {
  const text = readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8');
  expect(text).toContain(`\`\`\`yaml\n${INIT_WORKFLOW}\`\`\``);
});

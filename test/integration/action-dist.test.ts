import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

// A workflow runs the Action straight from the checked-out repository (action.yml → dist/action.js); no npm runs.
// So dist/action.js is committed, and it must be the build of the committed sources: `npm test` rebuilds it first,
// and this compares that build with what HEAD holds. Fix: npm run build, then commit dist/action.js.
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

describe('dist/action.js', () => {
  it('is self-contained: it imports only Node built-ins', async () => {
    const bundle = await readFile(`${ROOT}dist/action.js`, 'utf8');
    const imports = [...bundle.matchAll(/^import .* from "([^"]+)";$/gm)].map((m) => m[1]);
    expect(imports.filter((name) => !/^(node:)?[a-z_/]+$/.test(name ?? '') || name?.startsWith('.'))).toEqual([]);
    expect(bundle).not.toMatch(/import\(["']\.\//);
  });

  it('as committed is the build of the committed sources', async () => {
    const built = await readFile(`${ROOT}dist/action.js`, 'utf8');
    const { stdout: committed } = await promisify(execFile)('git', ['show', 'HEAD:dist/action.js'], { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 });
    expect(built === committed, 'dist/action.js is stale: run npm run build and commit dist/action.js').toBe(true);
  });
});

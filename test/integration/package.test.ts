import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Simulator, startSimulator, tokenValue } from '../../src/simulator/index.js';
import { VERSION } from '../../src/version.js';

// The package exactly as a user gets it: `npm pack` (the built dist/ of this checkout), installed from the tarball
// into an empty folder with no network and no other package, then run from there: `npx crpat`, `import 'crpat'`,
// `import 'crpat/simulator'`, and the type declarations compiled by a consumer's tsc.
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const run = promisify(execFile);
/** Installed size budget (issue 17): what `npx crpat` downloads and unpacks. */
const INSTALLED_BUDGET_BYTES = 3 * 1024 * 1024;

let work: string;
let app: string;
let tarball: { path: string; size: number; unpackedSize: number; files: string[] };
let sim: Simulator;

beforeAll(async () => {
  sim = await startSimulator();
  work = await mkdtemp(join(tmpdir(), 'crpat-pack-'));
  const { stdout } = await run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work], { cwd: ROOT });
  const [packed] = JSON.parse(stdout) as { filename: string; size: number; unpackedSize: number; files: { path: string }[] }[];
  if (!packed) throw new Error('npm pack printed no package');
  tarball = { path: join(work, packed.filename), size: packed.size, unpackedSize: packed.unpackedSize, files: packed.files.map((f) => f.path) };
  app = join(work, 'app');
  await run('mkdir', [app]);
  await writeFile(join(app, 'package.json'), '{ "name": "consumer", "private": true, "type": "module" }\n');
  // --offline: a package with no dependencies installs from its tarball alone.
  await run('npm', ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', tarball.path], { cwd: app });
}, 120_000);
afterAll(async () => {
  await sim.close();
  await rm(work, { recursive: true, force: true });
});

async function sizeOf(path: string): Promise<number> {
  const info = await stat(path);
  if (!info.isDirectory()) return info.size;
  let total = 0;
  for (const entry of await readdir(path)) total += await sizeOf(join(path, entry));
  return total;
}

async function listFiles(dir: string, root = dir): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await listFiles(path, root)));
    else out.push(relative(root, path));
  }
  return out;
}

describe('the published package', () => {
  it('keeps src/version.ts equal to package.json', async () => {
    const pkg = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(VERSION).toBe(pkg.version);
  });

  it('has no runtime dependencies: the install holds crpat alone, within the size budget', async () => {
    const pkg = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as Record<string, unknown>;
    for (const field of ['dependencies', 'optionalDependencies', 'peerDependencies', 'bundleDependencies']) {
      expect(pkg[field], field).toBeUndefined();
    }
    const installed = (await readdir(join(app, 'node_modules'))).filter((name) => !name.startsWith('.'));
    expect(installed).toEqual(['crpat']);
    const bytes = await sizeOf(join(app, 'node_modules', 'crpat'));
    const kb = (n: number) => `${(n / 1024).toFixed(0)} KiB`;
    console.log(
      `package size: tarball ${kb(tarball.size)}, installed ${kb(bytes)} ` +
        `(budget ${kb(INSTALLED_BUDGET_BYTES)}, ${((100 * bytes) / INSTALLED_BUDGET_BYTES).toFixed(0)}% used), ${tarball.files.length} files`,
    );
    expect(bytes).toBeLessThanOrEqual(INSTALLED_BUDGET_BYTES);
  });

  it('contains only what a user needs: the bundle, its types, the docs the CLI links to, no tests or sources', async () => {
    const files = tarball.files;
    for (const file of files) {
      expect(file, file).toMatch(/^(bin\/crpat\.js|dist\/[\w.-]+\.(js|d\.ts)|docs\/[\w-]+\.md|(README|SECURITY|CHANGELOG)\.md|LICENSE|package\.json)$/);
    }
    expect(files).not.toContain('dist/action.js'); // the Action runs from the repository, never from npm
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
    // Every doc the sources name (`Guide: docs/…#step`, "see docs/…") ships, so the path printed is there to open.
    const sources = await listFiles(join(ROOT, 'src'));
    const named = new Set<string>();
    for (const file of sources) {
      for (const match of (await readFile(join(ROOT, 'src', file), 'utf8')).matchAll(/\bdocs\/[\w-]+\.md\b/g)) named.add(match[0]);
    }
    const existing = [...named].filter((doc) => existsSync(join(ROOT, doc)));
    expect(existing).toContain('docs/creating-a-cr-pat.md');
    for (const doc of existing) expect(files, doc).toContain(doc);
  });

  it('runs `npx crpat --version` and a full check against the simulator from the installed package', async () => {
    const env = { ...process.env, CR_PAT: tokenValue(sim.world, 'octocat-classic-push'), NO_COLOR: '1' };
    const version = await run('npx', ['--no-install', 'crpat', '--version'], { cwd: app, env });
    expect(version.stdout.trim()).toBe(VERSION);
    const check = await run('npx', ['--no-install', 'crpat', '--repo', 'octocat/hello-world', '--api-url', sim.apiUrl, '--registry', sim.registryUrl, '--json'], {
      cwd: app,
      env,
    });
    expect(JSON.parse(check.stdout)).toMatchObject({ verdict: 'pass' });
  }, 120_000); // npx resolves the package before it runs it: seconds on a loaded machine

  it("runs the README's library example through the exports map", async () => {
    const script = join(app, 'check.mjs');
    await writeFile(
      script,
      `import { checkToken, CHECK_IDS } from 'crpat';
const report = await checkToken({ repository: 'octocat/hello-world', token: process.env.CR_PAT, apiUrl: process.env.API, registry: process.env.REG });
console.log(JSON.stringify({ verdict: report.verdict, ids: report.checks.map((c) => c.id).join() === CHECK_IDS.join() }));`,
    );
    const env = { ...process.env, CR_PAT: tokenValue(sim.world, 'octocat-classic-push'), API: sim.apiUrl, REG: sim.registryUrl };
    const { stdout } = await run(process.execPath, [script], { cwd: app, env });
    expect(JSON.parse(stdout)).toEqual({ verdict: 'pass', ids: true });
  });

  it("exports the simulator as crpat/simulator (README 'The simulator')", async () => {
    const script = join(app, 'sim.mjs');
    await writeFile(
      script,
      `import { startSimulator, SCENARIOS, tokenValue } from 'crpat/simulator';
const sim = await startSimulator();
console.log(JSON.stringify({ api: sim.apiUrl.startsWith('http://127.0.0.1:'), scenarios: SCENARIOS.length > 0, token: tokenValue(sim.world, SCENARIOS[0].tokenLabel).length > 0 }));
await sim.close();`,
    );
    const { stdout } = await run(process.execPath, [script], { cwd: app });
    expect(JSON.parse(stdout)).toEqual({ api: true, scenarios: true, token: true });
  });

  it('ships self-contained type declarations: a strict consumer compiles against them with nothing else installed', async () => {
    await writeFile(
      join(app, 'consumer.ts'),
      `import { checkToken, type Report, type Verdict } from 'crpat';
import { startSimulator, SCENARIOS, type Simulator } from 'crpat/simulator';
export async function verdictOf(sim: Simulator, token: string): Promise<Verdict> {
  const report: Report = await checkToken({ repository: 'octocat/hello-world', token, apiUrl: sim.apiUrl, registry: sim.registryUrl });
  return report.verdict;
}
export const first: string = SCENARIOS[0]?.tokenLabel ?? '';
export const start: typeof startSimulator = startSimulator;
`,
    );
    // Nothing but Node's own types (fetch, AbortSignal: what any Node consumer has): the declarations must not lean on
    // a package the install does not have (@octokit/types, commander...).
    const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    const compilerOptions = { noEmit: true, strict: true, module: 'node16', moduleResolution: 'node16', target: 'es2022', lib: ['es2023'], typeRoots: [join(ROOT, 'node_modules', '@types')], types: ['node'] };
    await writeFile(join(app, 'tsconfig.json'), JSON.stringify({ compilerOptions, files: ['consumer.ts'] }));
    const result = await run(process.execPath, [tsc, '-p', app], { cwd: app }).catch((error: { stdout: string }) => ({ stdout: error.stdout }));
    expect(result.stdout).toBe('');
  }, 120_000); // tsc on a loaded two-core machine
});

import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRegistryTokenSigner, type Simulator, startSimulator, tokenValue } from '../../src/simulator/index.js';
import type { Report } from '../../src/types.js';
import { generateTestCerts, type TestCerts } from '../rig/certs.js';
import { type RunningRegistry, startRegistry } from '../rig/registry.js';

// The Action as the runner runs it: `node dist/action.js` with the inputs as INPUT_* variables, GITHUB_OUTPUT and
// GITHUB_STEP_SUMMARY files, GITHUB_API_URL and GITHUB_REPOSITORY; against the simulator and a real docker-registry.
// Needs the build (`npx tsup`, part of `npm test`).

const ACTION = join(import.meta.dirname, '../../dist/action.js');

let sim: Simulator;
let certs: TestCerts;
let registry: RunningRegistry;
let dir: string;

beforeAll(async () => {
  if (!existsSync(ACTION)) throw new Error(`${ACTION} is missing: run npx tsup first`);
  dir = await mkdtemp(join(tmpdir(), 'crpat-action-'));
  certs = await generateTestCerts();
  const tokenSigner = createRegistryTokenSigner({ keyPem: certs.signing.keyPem, certPem: certs.signing.certPem, issuer: 'crpat-simulator', service: 'ghcr.io' });
  sim = await startSimulator({ tokenSigner });
  registry = await startRegistry({ realm: `${sim.apiUrl}/token`, rootCertPath: certs.signing.certPath });
});

afterAll(async () => {
  await sim?.close();
  await registry?.stop();
  await certs?.remove();
  if (dir) await rm(dir, { recursive: true, force: true });
});

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  output: string;
  summary: string;
  outputs: Record<string, string>;
}

let runs = 0;

/** Runs the Action with these inputs (`INPUT_<NAME>`) and extra environment, as the runner would. */
async function runAction(inputs: Record<string, string>, env: Record<string, string> = {}): Promise<Run> {
  const n = ++runs;
  const outputPath = join(dir, `output-${n}`);
  const summaryPath = join(dir, `summary-${n}`);
  await Promise.all([writeFile(outputPath, ''), writeFile(summaryPath, '')]);
  const inputVars = Object.fromEntries(Object.entries(inputs).map(([name, value]) => [`INPUT_${name.replace(/ /g, '_').toUpperCase()}`, value]));
  const childEnv = {
    PATH: process.env['PATH'] ?? '',
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_REPOSITORY: 'octocat/hello-world',
    GITHUB_API_URL: sim.apiUrl,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_EVENT_NAME: 'push',
    GITHUB_ACTOR: 'octocat',
    GITHUB_OUTPUT: outputPath,
    GITHUB_STEP_SUMMARY: summaryPath,
    'INPUT_FAIL-ON': 'fail',
    INPUT_FOR: 'push',
    ...inputVars,
    ...env,
  };
  const { code, stdout, stderr } = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, [ACTION], { env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.once('error', reject);
    child.once('close', (exit) => resolve({ code: exit, stdout: out, stderr: err }));
  });
  const output = await readFile(outputPath, 'utf8');
  return { code, stdout, stderr, output, summary: await readFile(summaryPath, 'utf8'), outputs: parseOutputFile(output) };
}

/** The runner's reading of GITHUB_OUTPUT: `name=value` lines and `name<<DELIMITER` heredocs. */
function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line === '') continue;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc?.[1] && heredoc[2]) {
      const end = lines.indexOf(heredoc[2], i + 1);
      if (end < 0) throw new Error(`unterminated heredoc for ${heredoc[1]}`);
      outputs[heredoc[1]] = lines.slice(i + 1, end).join('\n');
      i = end;
      continue;
    }
    const eq = line.indexOf('=');
    if (eq < 0) throw new Error(`bad GITHUB_OUTPUT line: ${line}`);
    outputs[line.slice(0, eq)] = line.slice(eq + 1);
  }
  return outputs;
}

/** The mask comes first, and the token is nowhere else: not in the log, stderr, outputs or summary. */
function expectMaskedOnly(run: Run, token: string): void {
  const [first, ...rest] = run.stdout.split('\n');
  expect(first).toBe(`::add-mask::${token}`);
  for (const text of [rest.join('\n'), run.stderr, run.output, run.summary]) expect(text).not.toContain(token);
}

const annotations = (run: Run, level: 'error' | 'warning') =>
  run.stdout.split('\n').filter((line) => line.startsWith(`::${level} `)).map((line) => /title=([^:]+)::/.exec(line)?.[1]);

describe('the Action against the simulator', () => {
  it('passing: exit 0, outputs, a summary table, no annotations', async () => {
    const token = tokenValue(sim.world, 'octocat-classic-push');
    const run = await runAction({ token, registry: sim.registryUrl });
    expect(run.code).toBe(0);
    expectMaskedOnly(run, token);
    expect(run.stdout).toContain(`✔ This token can push to ${sim.registryHost}/octocat/hello-world`);
    expect(annotations(run, 'error')).toEqual([]);
    expect(annotations(run, 'warning')).toEqual([]);
    expect(run.outputs).toMatchObject({ verdict: 'pass', login: 'octocat', 'expires-at': expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
    const json = JSON.parse(run.outputs['json'] ?? '') as Report;
    expect(json).toMatchObject({ schemaVersion: 1, verdict: 'pass', target: { repository: 'octocat/hello-world', apiUrl: sim.apiUrl } });
    expect(run.output).toMatch(/^json<<ghadelimiter_[0-9a-f-]{36}$/m);
    expect(run.summary).toMatch(/^### crpat: ✅ This token can push to/);
    expect(run.summary).toContain('| `registry.push` | ✅ pass |');
    expect(run.stderr).toBe('');
  });

  it('failing: exit 1, one ::error per failing check with its fix', async () => {
    const token = tokenValue(sim.world, 'octocat-classic-repo-only');
    const run = await runAction({ token, registry: sim.registryUrl });
    expect(run.code).toBe(1);
    expectMaskedOnly(run, token);
    expect(annotations(run, 'error')).toEqual(['token.scopes', 'registry.push']);
    expect(run.stdout).toMatch(/^::error title=token.scopes::The token lacks write:packages.* — Edit the token at https:\/\/github.com\/settings\/tokens/m);
    // The guide step, on a line of its own, in the same words in the annotation and in the log's report (issue 14).
    expect(run.stdout).toMatch(/^::error title=token.scopes::.*%0AGuide: npx crpat guide create-token$/m);
    expect(run.stdout).toMatch(/^ {4}Guide: npx crpat guide create-token$/m);
    expect(run.stdout).not.toMatch(/Guide: crpat guide/);
    expect(run.outputs).toMatchObject({ verdict: 'fail', login: 'octocat', 'expires-at': '' });
    expect(run.summary).toContain('| `token.scopes` | ❌ fail |');
  });

  it('warning: a ::warning; the step passes with fail-on fail and fails with fail-on warn', async () => {
    const token = tokenValue(sim.world, 'octocat-classic-expiring-soon');
    const lenient = await runAction({ token, registry: sim.registryUrl });
    expect(lenient.code).toBe(0);
    expect(annotations(lenient, 'warning')).toEqual(['token.expiry']);
    expect(annotations(lenient, 'error')).toEqual([]);
    const strict = await runAction({ token, registry: sim.registryUrl, 'fail-on': 'warn' });
    expect(strict.code).toBe(1);
    expectMaskedOnly(strict, token);
    expect(annotations(strict, 'warning')).toEqual(['token.expiry']);
    expect(annotations(strict, 'error')).toEqual(['fail-on%3A warn']);
    expect(strict.outputs['verdict']).toBe('pass');
    expect(strict.summary).toContain('| `token.expiry` | ⚠️ warn |');
  });

  it('warn-days sets the expiry threshold; days-left says how many whole days remain', async () => {
    const token = tokenValue(sim.world, 'octocat-classic-expiring-soon'); // expires in 3 days
    const relaxed = await runAction({ token, registry: sim.registryUrl, 'fail-on': 'warn', 'warn-days': '2' });
    expect(relaxed.code).toBe(0);
    expect(annotations(relaxed, 'warning')).toEqual([]);
    expect(relaxed.outputs['days-left']).toMatch(/^[23]$/);
    const weekly = await runAction({ token, registry: sim.registryUrl, 'fail-on': 'warn', 'warn-days': '14' });
    expect(weekly.code).toBe(1);
    expect(annotations(weekly, 'warning')).toEqual(['token.expiry']);
    const bad = await runAction({ token, registry: sim.registryUrl, 'warn-days': 'soon' });
    expect(bad.code).toBe(1);
    expect(annotations(bad, 'error')).toEqual(['crpat']);
  });

  it('empty token on a pull request from a fork: its own diagnosis, not "bad credentials"', async () => {
    const eventPath = join(dir, 'fork-event.json');
    await writeFile(eventPath, JSON.stringify({ pull_request: { head: { repo: { full_name: 'someone/hello-world', fork: true } }, base: { repo: { full_name: 'octocat/hello-world' } } } }));
    const requests = sim.requests.length;
    const run = await runAction({ token: '' }, { GITHUB_EVENT_NAME: 'pull_request', GITHUB_ACTOR: 'someone', GITHUB_EVENT_PATH: eventPath });
    expect(run.code).toBe(1);
    expect(run.stdout).not.toContain('::add-mask::');
    expect(run.stdout).toMatch(/^::error title=token::The token input is empty: this pull_request run is for a pull request from a fork, GitHub gives it no secrets/);
    expect(run.stdout).not.toMatch(/Bad credentials/i);
    expect(run.outputs['verdict']).toBe('fail');
    expect(run.summary).toMatch(/^### crpat: ❌ The token input is empty/);
    expect(sim.requests.length).toBe(requests);
  });

  it('empty token in a Dependabot run: says Dependabot secrets', async () => {
    const run = await runAction({ token: '  ' }, { GITHUB_EVENT_NAME: 'pull_request', GITHUB_ACTOR: 'dependabot[bot]' });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^::error title=token::The token input is empty: this run was triggered by Dependabot \(pull_request\), and such runs get no Actions secrets, only Dependabot secrets/);
  });

  it('an unknown profile fails with a clear message, after masking', async () => {
    const token = tokenValue(sim.world, 'octocat-classic-push');
    const run = await runAction({ token, for: 'pull' });
    expect(run.code).toBe(1);
    expectMaskedOnly(run, token);
    expect(run.stdout).toContain('::error title=crpat::Unknown value for the input "for": use one of push, deploy.');
  });
});

describe('the Action against a real docker-registry', () => {
  it('passes a token that may push, and leaves no upload behind', async () => {
    const token = tokenValue(sim.world, 'octocat-classic-push');
    const run = await runAction({ token, registry: registry.url });
    expect(run.code).toBe(0);
    expectMaskedOnly(run, token);
    expect(run.outputs['verdict']).toBe('pass');
    expect(JSON.parse(run.outputs['json'] ?? '')).toMatchObject({ target: { registry: registry.host } });
    expect(await registry.listUploads()).toEqual([]);
  });

  it('fails registry.push on the registry\'s own refusal (401 insufficient_scope)', async () => {
    const token = tokenValue(sim.world, 'octocat-classic-repo-only');
    const run = await runAction({ token, registry: registry.url });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^::error title=registry.push::.*insufficient_scope/m);
  });
});

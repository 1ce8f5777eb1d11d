import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Fault, SCENARIOS, type Simulator, startSimulator, tokenValue } from '../../src/simulator/index.js';
import { startReplay } from '../../src/simulator/replay.js';
import { checkToken } from '../../src/pipeline/check-token.js';
import { checkTokenMany } from '../../src/pipeline/check-token-many.js';
import { parseTrace } from '../../src/trace/parse.js';
import type { TraceDocument } from '../../src/trace/format.js';
import type { ManyReport, Report } from '../../src/types.js';
import { BIN, runCli } from '../helpers/cli.js';
import { startServer } from '../helpers/http-server.js';

// The loop of issue 13 end to end, through the built binary: `crpat check --trace` against the simulator (every
// scenario, every kind of fault), then `crpat check` against `startReplay(trace)` with the synthetic token it prints.
// The replayed report must have the recorded verdict and the recorded status for every check.

let root: string;
let sim: Simulator;
let foreign: { port: number; close(): Promise<void> };

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'crpat-trace-'));
  sim = await startSimulator();
  foreign = await startServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"token":"foreign"}'));
});
afterAll(async () => {
  await Promise.all([sim?.close(), foreign?.close()]);
  if (root) await rm(root, { recursive: true, force: true });
});

/** verdict + `id:status` of each check, for one report or each report of several. */
function statuses(report: Report | ManyReport): string[] {
  const one = (r: Report) => `${r.target.repository} ${r.verdict}: ${r.checks.map((c) => `${c.id}:${c.status}`).join(' ')}`;
  return 'results' in report ? [report.verdict, ...report.results.map(one)] : [one(report)];
}

let counter = 0;

/** Records a run with --trace, replays it, runs the same check against the replay; returns both reports. */
async function recordAndReplay(token: string, args: string[]): Promise<{ trace: TraceDocument; recorded: Report | ManyReport; replayed: Report | ManyReport }> {
  const file = join(root, `trace-${counter++}.json`);
  const recordedRun = await runCli([...args, '--api-url', sim.apiUrl, '--registry', sim.registryUrl, '--json', '--trace', file], { env: { CR_PAT: token } });
  expect(recordedRun.stderr).toBe('');
  const recorded = JSON.parse(recordedRun.stdout) as Report | ManyReport;
  const parsed = parseTrace(await readFile(file, 'utf8'));
  if (!parsed.ok) throw new Error(parsed.reason);
  const trace = parsed.value;
  // The report in the trace is the one printed, redacted (an SSO link's code, for one).
  expect(statuses(trace.report)).toEqual(statuses(recorded));
  const replay = await startReplay(trace);
  try {
    // The replay is checked in process (the recording went through the binary); one test below runs both as a user.
    const common = { token: replay.token, apiUrl: replay.apiUrl, registry: replay.registryUrl, profile: trace.options.profile, timeoutSeconds: trace.options.timeoutSeconds };
    const replayed =
      trace.options.repositories.length > 1
        ? await checkTokenMany({ ...common, repositories: trace.options.repositories })
        : await checkToken({ ...common, repository: trace.options.repositories[0]!, ...(trace.options.image ? { image: trace.options.image } : {}) });
    // With several repositories, which target reaches the one shared cancel first is a race (registry/memo.ts): the
    // replay may be asked to cancel another upload than the run did, which changes no status.
    if (trace.options.repositories.length === 1) expect(replay.unmatched).toEqual([]);
    return { trace, recorded, replayed };
  } finally {
    await replay.close();
  }
}

describe('every scenario replays to the same report', { timeout: 120_000 }, () => {
  it.each(SCENARIOS.map((s) => [s.name, s] as const))('%s', async (_name, scenario) => {
    const token = tokenValue(sim.world, scenario.tokenLabel);
    const image = scenario.image ? ['--image', scenario.image] : [];
    const { trace, recorded, replayed } = await recordAndReplay(token, ['--repo', scenario.repository, ...image]);
    expect(statuses(replayed)).toEqual(statuses(recorded));
    expect(trace.token.masked).not.toContain(token.slice(4));
  });

  it('a deploy profile (capability probes) and several repositories', async () => {
    const token = tokenValue(sim.world, 'octocat-classic-push');
    const deploy = await recordAndReplay(token, ['--repo', 'octocat/hello-world', '--for', 'deploy']);
    expect(statuses(deploy.replayed)).toEqual(statuses(deploy.recorded));
    const many = await recordAndReplay(token, ['--repo', 'octocat/hello-world', '--repo', 'acme/private-app', '--repo', 'sso-corp/internal-tools']);
    expect(statuses(many.replayed)).toEqual(statuses(many.recorded));
    expect(many.trace.options.repositories).toEqual(['octocat/hello-world', 'acme/private-app', 'sso-corp/internal-tools']);
  });
});

describe('every fault replays to the same report', { timeout: 120_000 }, () => {
  const rateLimit = { message: 'API rate limit exceeded for user ID 583231.', documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api' };
  const faults: [string, () => Fault[], string[]?][] = [
    ['hang (timeout)', () => [{ server: 'api', path: '/user', kind: 'hang' }], ['--timeout', '1']],
    ['reset mid-body', () => [{ server: 'api', path: '/user', kind: 'reset' }]],
    ['truncated body', () => [{ server: 'api', path: '/user', kind: 'truncate' }]],
    ['huge body', () => [{ server: 'api', path: /^\/repos\//, kind: 'huge' }]],
    ['malformed JSON', () => [{ server: 'api', path: /^\/repos\//, kind: 'malformed-json' }]],
    ['redirect loop', () => [{ server: 'api', path: '/user', kind: 'redirect' }]],
    ['redirect to another host', () => [{ server: 'api', path: '/user', kind: 'redirect', location: `http://localhost:${foreign.port}/user` }]],
    ['502 on every try', () => [{ server: 'api', path: '/user', status: 502, body: { message: 'Server Error' } }]],
    ['503 once, then the answer', () => [{ server: 'api', path: '/user', status: 503, times: 1 }]],
    ['429 with a short Retry-After, once', () => [{ server: 'api', path: '/user', status: 429, headers: { 'retry-after': '1' }, body: rateLimit, times: 1 }]],
    [
      'primary rate limit used up',
      () => [
        {
          server: 'api',
          path: /^\/(user|repos\/)/,
          status: 403,
          headers: { 'x-ratelimit-limit': '5000', 'x-ratelimit-remaining': '0', 'x-ratelimit-used': '5000', 'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 600) },
          body: rateLimit,
        },
      ],
    ],
    ['token service 503', () => [{ server: 'registry', path: '/token', status: 503 }]],
    ['token service redirect to another host', () => [{ server: 'registry', path: '/token', kind: 'redirect', status: 307, location: `http://localhost:${foreign.port}/token` }]],
    ['foreign token realm', () => [{ server: 'registry', path: '/v2/', status: 401, headers: { 'www-authenticate': `Bearer realm="http://localhost:${foreign.port}/token",service="ghcr.io"` } }]],
    ['upload 500', () => [{ server: 'registry', method: 'POST', path: /\/blobs\/uploads\/$/, status: 500 }]],
    ['upload reset', () => [{ server: 'registry', method: 'POST', path: /\/blobs\/uploads\/$/, kind: 'reset' }]],
  ];
  it.each(faults)('%s', async (_name, make, extra = []) => {
    const removers = make().map((fault) => sim.inject(fault));
    let result: Awaited<ReturnType<typeof recordAndReplay>>;
    try {
      result = await recordAndReplay(tokenValue(sim.world, 'octocat-classic-push'), ['--repo', 'octocat/hello-world', ...extra]);
    } finally {
      for (const remove of removers) remove();
    }
    expect(statuses(result.replayed)).toEqual(statuses(result.recorded));
  });
});

describe('the trace file', { timeout: 120_000 }, () => {
  it('--trace - writes the trace to stdout and the report to stderr', async () => {
    const token = tokenValue(sim.world, 'octocat-classic-push');
    const run = await runCli(['--repo', 'octocat/hello-world', '--api-url', sim.apiUrl, '--registry', sim.registryUrl, '--json', '--trace', '-'], { env: { CR_PAT: token } });
    expect(run.code).toBe(0);
    const trace = JSON.parse(run.stdout) as TraceDocument;
    expect(Object.keys(trace).slice(0, 2)).toEqual(['crpatTrace', 'redacted']);
    expect(trace.exchanges.map((e) => `${e.method} ${new URL(e.url).pathname}`)).toContain('GET /user');
    expect((JSON.parse(run.stderr) as Report).verdict).toBe('pass');
    expect(run.stdout).not.toContain(token);
  });

  it('a --trace path that cannot be written is a usage error before anything is sent', async () => {
    const before = sim.requests.length;
    const run = await runCli(['--repo', 'octocat/hello-world', '--api-url', sim.apiUrl, '--registry', sim.registryUrl, '--trace', join(root, 'no', 'such', 'dir', 't.json')], {
      env: { CR_PAT: tokenValue(sim.world, 'octocat-classic-push') },
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^crpat: --trace .*: its folder does not exist\n$/);
    expect(sim.requests.length).toBe(before);
  });

  // A full disk once the check is done: the report still prints and the exit code stays the verdict's, with one line
  // on what happened to the trace (was "crpat: internal error: ENOSPC: no space left on device, write", exit 3).
  it.runIf(existsSync('/dev/full'))('a trace that cannot be written at the end is one line; the report and its exit code stand', async () => {
    const run = await runCli(['--repo', 'octocat/hello-world', '--api-url', sim.apiUrl, '--registry', sim.registryUrl, '--json', '--trace', '/dev/full'], {
      env: { CR_PAT: tokenValue(sim.world, 'octocat-classic-push') },
    });
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as Report).verdict).toBe('pass');
    expect(run.stderr).toBe('crpat: --trace /dev/full: the trace could not be written (no space left on the device)\n');
  });

  it('as a user: check --trace, then crpat simulator --replay --json, then check against what it printed', async () => {
    const token = tokenValue(sim.world, 'octocat-classic-push');
    const file = join(root, 'user.json');
    const first = await runCli(['--repo', 'sso-corp/internal-tools', '--api-url', sim.apiUrl, '--registry', sim.registryUrl, '--json', '--trace', file], { env: { CR_PAT: token } });
    expect(first.code).toBe(1);
    const child = spawn(process.execPath, [BIN, 'simulator', '--replay', file, '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const line = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          if (out.includes('\n')) resolve(out.split('\n')[0]!);
        });
        child.on('exit', () => reject(new Error(`the replay ended early: ${out}`)));
      });
      const printed = JSON.parse(line) as { apiUrl: string; registryUrl: string; repository: string; token: string; tokenKind: string; expectedVerdict: string };
      expect(printed).toMatchObject({ repository: 'sso-corp/internal-tools', tokenKind: 'classic', expectedVerdict: 'fail' });
      expect(printed.token).not.toBe(token);
      // Any other token is refused, and leaves the recorded answers for the one it printed.
      expect((await fetch(`${printed.apiUrl}/user`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(401);
      const again = await runCli(['--repo', printed.repository, '--api-url', printed.apiUrl, '--registry', printed.registryUrl, '--json'], { env: { CR_PAT: printed.token } });
      expect(again.code).toBe(1);
      expect(statuses(JSON.parse(again.stdout) as Report)).toEqual(statuses(JSON.parse(first.stdout) as Report));
    } finally {
      child.kill('SIGTERM');
    }
  });

  it('crpat simulator --replay refuses a file that is not a trace, in one line', async () => {
    const file = join(root, 'not-a-trace.json');
    await writeFile(file, '{"hello":1}');
    const run = await runCli(['simulator', '--replay', file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`crpat: --replay ${file}: it is not a crpat trace (no "crpatTrace": 1 at its top)\n`);
  });
});

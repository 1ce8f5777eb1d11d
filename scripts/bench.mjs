#!/usr/bin/env node
// `npm run bench`: how fast crpat is, in ratios a reader can carry to another machine (README "Performance").
//
// Set-up, all on loopback and torn down at the end: the bundled simulator (dist/simulator.js) of api.github.com and
// ghcr.io serves HTTPS with a throwaway CA made by `openssl` in a temp dir; each of its two ports sits behind a TCP
// delay proxy (scripts/bench/delay-proxy.mjs) that holds a connection's first bytes one round trip (TCP's handshake)
// and every chunk half a round trip each way, so a TLS handshake costs what it costs on a network. The built crpat
// runs as a fresh process with NODE_EXTRA_CA_CERTS pointing at that CA. Every figure is the median of a few runs.
//
// Printed, per round-trip time (25 and 50 ms): wall time ÷ RTT ("round trips"), requests the simulator received and
// connections the proxies accepted, for
//   - crpat, registry by address: `crpat --repo … --registry https://127.0.0.1:port`, a registry crpat meets for the
//     first time in the run, so it reads the /v2/ challenge and tries the cancel (ghcr.io's plan needs neither);
//   - crpat, ghcr.io plan: the library in a fresh Node process (scripts/bench/ghcr-run.mjs), run as against
//     api.github.com and ghcr.io with those origins sent to the proxies: known token service, no cancel;
//   - the seed script, replayed with curl: is_valid_crpat.sh, from the tutorial crpat grew from, the
//     script crpat replaces: it reads the token in clear text, logs in with `docker login ghcr.io` (GET /v2/ → 401
//     challenge, then GET /token with Basic credentials; docker asks for no scope), reads the repository twice with
//     `gh api repos/OWNER/REPO` (to see that it exists, then its permissions through jq), then `gh api -i user` and
//     greps X-OAuth-Scopes. Here each of those five requests is one `curl` process, so one fresh connection, in that
//     order, the token passed on stdin (curl -K -), not argv. The real script also started gh and docker, and its
//     verdict never depended on a push; neither cost is counted here.
// Then cold start (`crpat --version` ÷ `node -e 0`), and 1, 10 and 100 repositories (growth of wall time and requests).
// Then CPU (user + system of the whole process, scripts/bench/cpu-report.mjs) of `crpat --version` and of a full check
// against the simulator, each ÷ that of `node -e 0`, and the package as npm would publish it: tarball and installed
// size, runtime dependencies (issue 17).
// Bounded loops; exits by itself; exit code 0 even when a target is missed (the table says which), 1 if a check failed.

import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { makeCerts } from './bench/certs.mjs';
import { startDelayProxy } from './bench/delay-proxy.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'bin', 'crpat.js');
const RTTS_MS = [25, 50];
const REPEAT = 5;
const SIZE_REPEAT = 3;
const COLD_RUNS = 15;
const CPU_RUNS = 9;
const CPU_REPORT = join(ROOT, 'scripts', 'bench', 'cpu-report.mjs');
const INSTALLED_BUDGET = 3 * 1024 * 1024;
const SIZES = [1, 10, 100];
const TOKEN_LABEL = 'octocat-classic-push';

if (!existsSync(join(ROOT, 'dist', 'cli.js')) || !existsSync(join(ROOT, 'dist', 'simulator.js'))) {
  console.error('crpat bench: dist/ is missing; run `npm run build` first (npm run bench does).');
  process.exit(2);
}
const { startSimulator, createDefaultWorld, tokenValue } = await import('../dist/simulator.js');

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const fixed = (value, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : '—');

/** Runs a command to its end; resolves with its wall time (spawn → exit), exit code and output. */
function timed(command, args, { env, input } = {}) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (err += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ ms: performance.now() - started, code, out, err });
    });
    child.stdin.end(input ?? '');
  });
}

async function hasCurl() {
  try {
    return (await timed('curl', ['--version'], { env: { PATH: process.env.PATH ?? '' } })).code === 0;
  } catch {
    return false;
  }
}

const certs = await makeCerts();
const repoCount = Math.max(...SIZES);
const world = createDefaultWorld();
const repos = [];
for (let i = 1; i <= repoCount; i++) {
  const name = `svc-${String(i).padStart(3, '0')}`;
  world.repositories.push({ owner: 'acme', name, id: 8_000_000 + i, private: false, collaborators: { octocat: 'admin' } });
  repos.push(`acme/${name}`);
}
const sim = await startSimulator({ world, tls: { key: certs.key, cert: certs.cert } });
const token = tokenValue(sim.world, TOKEN_LABEL);
const work = await mkdtemp(join(os.tmpdir(), 'crpat-bench-repos-'));
const curl = await hasCurl();
const baseEnv = { PATH: process.env.PATH ?? '', NODE_EXTRA_CA_CERTS: certs.caPath };
let failures = 0;

/** Runs `fn` `times` times behind `proxies`; medians of wall time ÷ RTT, requests received and connections opened. */
async function measure(label, proxies, rttMs, times, fn) {
  const walls = [];
  const requests = [];
  const connections = [];
  const cpu = [];
  const phases = { load: [], requests: [], after: [] };
  let failed = false;
  for (let i = 0; i < times; i++) {
    const before = { requests: sim.requests.length, connections: proxies.api.stats.connections + proxies.registry.stats.connections };
    const result = await fn();
    if (!result.ok) {
      failures += 1;
      failed = true;
      const lines = result.detail.split('\n').filter((line) => line.trim() !== '');
      console.error(`crpat bench: ${label} did not pass (exit ${result.code}): ${lines.slice(0, 4).join(' | ')}`);
    }
    if (result.cpuMs !== undefined) cpu.push(result.cpuMs);
    if (result.marks) {
      phases.load.push(result.marks.firstRequestMs);
      phases.requests.push(result.marks.lastAnswerMs - result.marks.firstRequestMs);
      phases.after.push(result.ms - result.marks.lastAnswerMs);
    }
    walls.push(result.ms);
    requests.push(sim.requests.length - before.requests);
    connections.push(proxies.api.stats.connections + proxies.registry.stats.connections - before.connections);
  }
  // A run that did not pass measured something else: its row says so instead of a figure.
  const ms = failed ? Number.NaN : median(walls);
  return { label, ms, rtts: ms / rttMs, requests: failed ? Number.NaN : median(requests), connections: failed ? Number.NaN : median(connections), cpuMs: cpu.length ? median(cpu) : undefined,
    phases: phases.load.length && !failed ? { load: median(phases.load), requests: median(phases.requests), after: median(phases.after) } : undefined };
}

const cliRun = (proxies, targets) => async () => {
  const endpoints = ['--api-url', proxies.api.url('https'), '--registry', proxies.registry.url('https'), '--json'];
  let args;
  if (targets.length === 1) args = ['--repo', targets[0], ...endpoints];
  else {
    const file = join(work, `repos-${targets.length}.txt`);
    await writeFile(file, `${targets.join('\n')}\n`);
    args = ['--repos-file', file, ...endpoints];
  }
  const result = await timed(process.execPath, [BIN, ...args], { env: { ...baseEnv, CR_PAT: token } });
  return { ms: result.ms, ok: result.code === 0, code: result.code, detail: result.out + result.err };
};

const ghcrRun = (proxies, targets) => async () => {
  const env = { ...baseEnv, CR_PAT: token, BENCH_API: proxies.api.url('https'), BENCH_REGISTRY: proxies.registry.url('https'), BENCH_REPOS: targets.join(',') };
  const result = await timed(process.execPath, [join(ROOT, 'scripts', 'bench', 'ghcr-run.mjs')], { env });
  let cpuMs;
  let marks;
  try {
    const said = JSON.parse(result.out);
    cpuMs = said.cpuMs;
    if (typeof said.firstRequestMs === 'number' && typeof said.lastAnswerMs === 'number') marks = said;
  } catch {
    cpuMs = undefined;
  }
  return { ms: result.ms, ok: result.code === 0, code: result.code, detail: result.out + result.err, cpuMs, marks };
};

const seedRun = (proxies, repo) => async () => {
  const api = proxies.api.url('https');
  const registry = proxies.registry.url('https');
  const base = ['-sS', '-o', '/dev/null', '-w', '%{http_code} ', '--cacert', certs.caPath, '-K', '-'];
  const auth = { input: `header = "Authorization: token ${token}"\n` };
  const steps = [
    [[...base, `${registry}/v2/`], { input: '' }], // docker login ghcr.io: the challenge
    [[...base, `${registry}/token?account=user&client_id=docker&offline_token=true&service=ghcr.io`], { input: `user = "user:${token}"\n` }],
    [[...base, `${api}/repos/${repo}`], auth], // gh api repos/OWNER/REPO: does it exist?
    [[...base, `${api}/repos/${repo}`], auth], // gh api repos/OWNER/REPO | jq .permissions
    [[...base, `${api}/user`], auth], // gh api -i user | grep X-OAuth-Scopes
  ];
  const started = performance.now();
  let statuses = '';
  for (const [args, options] of steps) statuses += (await timed('curl', args, { env: baseEnv, ...options })).out;
  const ok = statuses.trim() === '401 200 200 200 200';
  return { ms: performance.now() - started, ok, code: ok ? 0 : 1, detail: `statuses ${statuses}` };
};

/** The bench's proxy is the registry's public address: its /v2/ challenge must name the token service there too. */
function challengeAt(registryUrl) {
  const body = { errors: [{ code: 'UNAUTHORIZED', message: 'authentication required' }] };
  const header = `Bearer realm="${registryUrl}/token",service="ghcr.io",scope="repository:user/image:pull"`;
  return sim.inject({ server: 'registry', method: 'GET', path: '/v2/', status: 401, body, headers: { 'www-authenticate': header } });
}

const single = [];
const growth = [];
try {
  for (const rttMs of RTTS_MS) {
    const api = await startDelayProxy({ targetPort: Number(new URL(sim.apiUrl).port), rttMs });
    const registry = await startDelayProxy({ targetPort: Number(new URL(sim.registryUrl).port), rttMs });
    const proxies = { api, registry };
    const removeChallenge = challengeAt(registry.url('https'));
    try {
      const rows = [
        await measure('crpat, registry by address', proxies, rttMs, REPEAT, cliRun(proxies, [repos[0]])),
        await measure('crpat, ghcr.io plan', proxies, rttMs, REPEAT, ghcrRun(proxies, [repos[0]])),
      ];
      if (curl) rows.push(await measure('seed script, curl replay', proxies, rttMs, REPEAT, seedRun(proxies, repos[0])));
      single.push({ rttMs, rows });
      for (const n of SIZES) {
        const targets = repos.slice(0, n);
        growth.push({
          rttMs,
          n,
          cli: await measure(`crpat, ${n} repositories`, proxies, rttMs, SIZE_REPEAT, cliRun(proxies, targets)),
          ghcr: await measure(`crpat ghcr.io plan, ${n} repositories`, proxies, rttMs, SIZE_REPEAT, ghcrRun(proxies, targets)),
        });
      }
    } finally {
      removeChallenge();
      await Promise.all([api.close(), registry.close()]);
    }
  }
} finally {
  await sim.close();
}

// Cold start, interleaved so that machine load hits both alike.
const nodeRuns = [];
const versionRuns = [];
for (let i = 0; i < COLD_RUNS; i++) {
  nodeRuns.push((await timed(process.execPath, ['-e', '0'], { env: baseEnv })).ms);
  versionRuns.push((await timed(process.execPath, [BIN, '--version'], { env: baseEnv })).ms);
}
const nodeStart = median(nodeRuns);
const coldRatio = median(versionRuns) / nodeStart;

// CPU, interleaved: node -e 0, crpat --version, a full check (CLI, simulator over TLS without the delay proxy).
const cpuSim = await startSimulator({ tls: { key: certs.key, cert: certs.cert } });
const cpu = { node: [], version: [], check: [] };
try {
  const checkArgs = ['--repo', 'octocat/hello-world', '--api-url', cpuSim.apiUrl.replace('http:', 'https:'), '--registry', cpuSim.registryUrl.replace('http:', 'https:'), '--json'];
  const cpuToken = tokenValue(cpuSim.world, TOKEN_LABEL);
  for (let i = 0; i < CPU_RUNS; i++) {
    for (const [key, args] of [['node', ['-e', '0']], ['version', [BIN, '--version']], ['check', [BIN, ...checkArgs]]]) {
      const file = join(work, `cpu-${key}-${i}.txt`);
      const result = await timed(process.execPath, ['--import', CPU_REPORT, ...args], { env: { ...baseEnv, CR_PAT: cpuToken, CRPAT_BENCH_CPU_FILE: file } });
      if (result.code !== 0) {
        failures += 1;
        console.error(`crpat bench: CPU run ${key} exited ${result.code}: ${(result.out + result.err).split('\n')[0]}`);
      }
      cpu[key].push(Number((await readFile(file, 'utf8')).trim()));
    }
  }
} finally {
  await cpuSim.close();
}
const cpuNode = median(cpu.node);
const cpuVersion = median(cpu.version) / cpuNode;
const cpuCheck = median(cpu.check) / cpuNode;

// The package as `npm publish` would send it (dist/ as built above).
const packed = JSON.parse((await promisify(execFile)('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT })).stdout)[0];
const manifest = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8'));
const runtimeDeps = Object.keys({ ...manifest.dependencies, ...manifest.optionalDependencies, ...manifest.peerDependencies });
await Promise.all([certs.remove(), rm(work, { recursive: true, force: true })]);

// ---- Report --------------------------------------------------------------------------------------------------------
const out = [];
const cpus = os.cpus();
out.push(
  `crpat bench, ${new Date().toISOString().slice(0, 10)}: ${os.type()} ${os.arch()}, ${cpus.length} × ${cpus[0]?.model.trim() ?? 'CPU'}, ` +
    `Node ${process.version}, load average ${os.loadavg()[0].toFixed(1)}`,
);
out.push('Simulator over TLS behind a TCP delay proxy on loopback; medians. "round trips" = wall time ÷ RTT, process start included.');
out.push('');
const header = ['One repository, full check'.padEnd(30)];
for (const { rttMs } of single) header.push(`RTT ${rttMs} ms: round trips (beyond node start)  requests  connections   `);
out.push(header.join(''));
const labels = single[0]?.rows.map((r) => r.label) ?? [];
for (const label of labels) {
  const line = [label.padEnd(30)];
  for (const { rttMs, rows } of single) {
    const row = rows.find((r) => r.label === label);
    const beyond = `(${fixed((row.ms - nodeStart) / rttMs)})`;
    line.push(`${fixed(row.rtts).padStart(22)} ${beyond.padStart(18)}${fixed(row.requests, 0).padStart(10)}${fixed(row.connections, 0).padStart(13)}   `);
  }
  out.push(line.join(''));
}
if (!curl) out.push('seed script, curl replay       skipped: curl is not installed');
out.push(`(node -e 0 alone is ${RTTS_MS.map((rtt) => `${fixed(nodeStart / rtt)} round trips at ${rtt} ms`).join(', ')}.)`);
// Where a cold ghcr.io-plan run's time goes. Its network floor is 4 round trips: TCP and TLS (1 each) on a fresh
// connection, then the registry token, then the upload that needs it; the API calls run beside them.
for (const { rttMs, rows } of single) {
  const row = rows.find((r) => r.label === 'crpat, ghcr.io plan');
  if (!row?.phases) continue;
  const { load, requests, after } = row.phases;
  out.push(
    `ghcr.io plan, RTT ${rttMs} ms: ${fixed(row.rtts)} round trips = ${fixed(load / rttMs)} until the first request (start and loading) + ` +
      `${fixed(requests / rttMs)} of requests (floor 4) + ${fixed(after / rttMs)} after the last answer (judging, report, exit)`,
  );
}
out.push('');
out.push(`Cold start: crpat --version ÷ node -e 0 = ${fixed(coldRatio, 2)} (median of ${COLD_RUNS} each)`);
out.push(
  `CPU (user + system, median of ${CPU_RUNS}) ÷ node -e 0's: crpat --version ${fixed(cpuVersion, 2)}, ` +
    `full check (CLI, simulator over TLS) ${fixed(cpuCheck, 2)}`,
);
const kib = (bytes) => `${fixed(bytes / 1024, 0)} KiB`;
out.push(
  `Package (npm pack): tarball ${kib(packed.size)}, installed ${kib(packed.unpackedSize)} (${fixed(packed.unpackedSize / INSTALLED_BUDGET, 2)} of the 3 MiB budget), ` +
    `${packed.entryCount} files, runtime dependencies: ${runtimeDeps.length ? runtimeDeps.join(', ') : 'none'}`,
);
out.push('');
out.push('Many repositories          N   round trips  × N=1   requests  per repo  connections');
for (const rttMs of RTTS_MS) {
  for (const kind of ['cli', 'ghcr']) {
    const rows = growth.filter((g) => g.rttMs === rttMs);
    const one = rows.find((g) => g.n === 1)?.[kind];
    for (const g of rows) {
      const row = g[kind];
      const name = g.n === 1 ? `${kind === 'cli' ? 'by address' : 'ghcr.io plan'}, RTT ${rttMs} ms` : '';
      out.push(
        `${name.padEnd(24)}${String(g.n).padStart(5)}${fixed(row.rtts).padStart(13)}${fixed(row.ms / one.ms, 2).padStart(7)}` +
          `${fixed(row.requests, 0).padStart(11)}${fixed(row.requests / g.n, 2).padStart(10)}${fixed(row.connections, 0).padStart(13)}`,
      );
    }
  }
}
out.push('');
out.push('Targets (issue 5):');
const verdict = (ok) => (ok ? 'met ' : 'MISS');
for (const { rttMs, rows } of single) {
  for (const row of rows.filter((r) => r.label.startsWith('crpat'))) {
    out.push(`  ${verdict(row.rtts <= 6)} full check ≤ 6 round trips from a cold start: ${row.label}, RTT ${rttMs} ms: ${fixed(row.rtts)}`);
  }
}
out.push(`  ${verdict(coldRatio <= 1.3)} crpat --version ≤ 1.3 × node -e 0 (wall time): ${fixed(coldRatio, 2)}`);
out.push('Targets (issue 17):');
out.push(`  ${verdict(runtimeDeps.length === 0)} no runtime dependencies: ${runtimeDeps.length}`);
out.push(`  ${verdict(packed.unpackedSize <= INSTALLED_BUDGET)} installed size ≤ 3 MiB: ${kib(packed.unpackedSize)}`);
out.push(`  ${verdict(cpuCheck <= 2.5)} CPU of a full check ≤ 2.5 × node -e 0: ${fixed(cpuCheck, 2)}`);
out.push(`  ${verdict(cpuVersion <= 1.2)} CPU of crpat --version ≤ 1.2 × node -e 0: ${fixed(cpuVersion, 2)}`);
const ghcr50 = single.find((s) => s.rttMs === 50)?.rows.find((r) => r.label === 'crpat, ghcr.io plan');
if (ghcr50) out.push(`  ${verdict(ghcr50.rtts <= 6)} full check on the ghcr.io plan ≤ 6 round trips at 50 ms, cold process: ${fixed(ghcr50.rtts)}`);
for (const rttMs of RTTS_MS) {
  for (const kind of ['cli', 'ghcr']) {
    const rows = growth.filter((g) => g.rttMs === rttMs);
    const one = rows.find((g) => g.n === 1)[kind];
    const hundred = rows.find((g) => g.n === 100)[kind];
    if (!Number.isFinite(one.ms) || !Number.isFinite(hundred.ms)) continue;
    const name = kind === 'cli' ? 'by address' : 'ghcr.io plan';
    out.push(`  ${verdict(hundred.ms <= 10 * one.ms)} 100 repositories ≤ 10 × one: ${name}, RTT ${rttMs} ms: ${fixed(hundred.ms / one.ms, 2)} ×`);
    const over = rows.filter((g) => !(g[kind].requests <= 2 + 3 * g.n)).map((g) => `N=${g.n}: ${fixed(g[kind].requests, 0)} > ${2 + 3 * g.n}`);
    out.push(`  ${verdict(over.length === 0)} requests ≤ 2 + 3·N: ${name}, RTT ${rttMs} ms${over.length ? ` (${over.join(', ')})` : ''}`);
  }
}
console.log(out.join('\n'));
process.exitCode = failures > 0 ? 1 : 0;

import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import type { IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Simulator, startSimulator, tokenValue } from '../../src/simulator/index.js';
import type { Report } from '../../src/types.js';
import { runCli } from '../helpers/cli.js';
import { startServer } from '../helpers/http-server.js';

// Host trust through the built binary (issue 11, "Host trust"): a repository host that is not GitHub gets nothing.
// A "hostile" server on loopback records every request that reaches it; a preloaded spy records every DNS lookup
// and every socket crpat opens, so "nothing sent, not even a DNS lookup" is observed, not assumed.

const execFileAsync = promisify(execFile);
let dir: string;
let sim: Simulator;
let token: string;
let hostile: { port: number; seen: { url: string; headers: IncomingHttpHeaders }[]; close(): Promise<void> };
let spyModule: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'crpat-trust-'));
  sim = await startSimulator();
  token = tokenValue(sim.world, 'octocat-classic-push');
  const seen: { url: string; headers: IncomingHttpHeaders }[] = [];
  const server = await startServer((req, res) => {
    seen.push({ url: req.url ?? '', headers: req.headers });
    res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
  });
  hostile = { port: server.port, seen, close: server.close };
  spyModule = join(dir, 'net-spy.mjs');
  // Appends one line per lookup or connection to $CRPAT_NET_SPY, synchronously, before the real call.
  await writeFile(
    spyModule,
    `import dns from 'node:dns';
import net from 'node:net';
import { appendFileSync } from 'node:fs';
const log = (what) => appendFileSync(process.env.CRPAT_NET_SPY, what + '\\n');
const lookup = dns.lookup;
dns.lookup = function (host, ...rest) { log('lookup ' + host); return lookup.call(this, host, ...rest); };
const plookup = dns.promises.lookup;
dns.promises.lookup = function (host, ...rest) { log('lookup ' + host); return plookup.call(this, host, ...rest); };
const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (...args) { const o = Array.isArray(args[0]) ? args[0][0] : args[0]; log('connect ' + (typeof o === 'object' && o !== null ? (o.host ?? o.path) + ':' + o.port : String(o))); return connect.apply(this, args); };
`,
  );
});
afterAll(async () => {
  await Promise.all([sim?.close(), hostile?.close()]);
  if (dir) await rm(dir, { recursive: true, force: true });
});
afterEach(() => {
  hostile.seen.length = 0;
});

let spies = 0;

/** Runs crpat with the network spy; returns the result and every lookup and connection it made. */
async function spied(args: string[], env: Record<string, string> = {}, cwd?: string) {
  const log = join(dir, `spy-${++spies}.log`);
  await writeFile(log, '');
  const result = await runCli(args, {
    env: { CR_PAT: token, NODE_OPTIONS: `--import=${pathToFileURL(spyModule).href}`, CRPAT_NET_SPY: log, GH_HOST: undefined, ...env },
    ...(cwd ? { cwd } : {}),
  });
  const network = (await readFile(log, 'utf8')).split('\n').filter(Boolean);
  expect(result.stdout + result.stderr).not.toContain(token);
  return { ...result, network };
}

/** Exit 2, one line on stderr, nothing on stdout, no lookup and no connection at all. */
function refusedOffline(run: Awaited<ReturnType<typeof spied>>, line: RegExp): void {
  expect(run.code).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr.split('\n').filter(Boolean)).toHaveLength(1);
  expect(run.stderr).toMatch(line);
  expect(run.network).toEqual([]);
}

describe('known forges, typos and look-alikes: exit 2, one line, nothing sent, not even a DNS lookup', () => {
  it.each([
    ['GitLab', 'https://gitlab.com/acme/app', /^crpat: gitlab\.com is GitLab, not GitHub: crpat checks GitHub tokens, so it sent nothing there\n$/],
    ['Bitbucket over SSH', 'git@bitbucket.org:acme/app.git', /^crpat: bitbucket\.org is Bitbucket, not GitHub/],
    ['Codeberg', 'codeberg.org/acme/app', /^crpat: codeberg\.org is Codeberg, not GitHub/],
    ['Gitea', 'https://gitea.com/acme/app', /^crpat: gitea\.com is Gitea, not GitHub/],
    ['Azure DevOps', 'https://dev.azure.com/acme/app/_git/app', /^crpat: dev\.azure\.com is Azure DevOps, not GitHub/],
    ['SourceHut', 'https://git.sr.ht/~acme/app', /^crpat: /],
    ['a typo of github.com', 'githib.com/acme/app', /^crpat: githib\.com is not github\.com \(a typo\?\), and crpat sent nothing there/],
    ['github.com on another port', 'https://github.com:8443/acme/app', /^crpat: GitHub serves repositories at https:\/\/github\.com, not on port 8443/],
    [
      'a look-alike host',
      'https://github.com.evil.example/acme/app',
      /^crpat: github\.com\.evil\.example is not github\.com or a GHE\.com host, and crpat sent nothing there\. If it is your GitHub Enterprise Server, pass --api-url https:\/\/github\.com\.evil\.example\/api\/v3 \(or set GH_HOST=github\.com\.evil\.example\)\n$/,
    ],
  ])('%s (--repo %s)', async (_name, repo, line) => {
    refusedOffline(await spied(['--repo', repo]), line);
  });

  it('even with --api-url and --registry: a GitHub token has no business on GitLab', async () => {
    refusedOffline(await spied(['--repo', 'https://gitlab.com/acme/app', '--api-url', 'https://gitlab.com/api/v4', '--registry', 'registry.gitlab.com']), /GitLab, not GitHub/);
  });

  it('crpat link refuses them too: no "create a token" link on a forge or a host nobody named', async () => {
    refusedOffline(await spied(['link', '--repo', 'https://gitlab.com/acme/app']), /GitLab, not GitHub/);
    refusedOffline(await spied(['link', '--repo', 'https://github.com.evil.example/acme/app']), /pass --api-url https:\/\/github\.com\.evil\.example\/api\/v3/);
  });

  it('crpat secret set refuses them before reading anything', async () => {
    refusedOffline(await spied(['secret', 'set', '--repo', 'https://gitlab.com/acme/app']), /GitLab, not GitHub/);
    refusedOffline(await spied(['secret', 'set', '--repo', 'https://github.com.evil.example/acme/app']), /pass --api-url/);
  });
});

describe('a host nobody named as GitHub Enterprise Server, without a terminal: exit 2 naming the flag, the host sees nothing', () => {
  const hostileRepo = () => `http://127.0.0.1:${hostile.port}/acme/app`;

  it('--repo on the hostile host', async () => {
    const run = await spied(['--repo', hostileRepo()]);
    refusedOffline(run, new RegExp(`pass --api-url https://127\\.0\\.0\\.1:${hostile.port}/api/v3`));
    expect(hostile.seen).toEqual([]);
  });

  it('--repo on the hostile host with only --registry given: the API would still be derived from it', async () => {
    const run = await spied(['--repo', hostileRepo(), '--registry', sim.registryUrl, '--json']);
    refusedOffline(run, /pass --api-url/);
    expect(hostile.seen).toEqual([]);
  });

  it('--api-url naming another host does not make the repository host an Enterprise Server', async () => {
    const run = await spied(['--repo', 'https://ghes.example.com/acme/app', '--api-url', sim.apiUrl]);
    refusedOffline(run, /^crpat: the repository is on ghes\.example\.com, but --api-url names 127\.0\.0\.1:\d+: crpat takes ghes\.example\.com for a GitHub Enterprise Server only when --api-url is on that host, so it sent nothing\n$/);
  });

  it('a git remote on that host, even with --yes', async () => {
    const repo = join(dir, 'clone-ghes');
    await execFileAsync('git', ['init', '-q', repo]);
    await execFileAsync('git', ['-C', repo, 'remote', 'add', 'origin', `http://127.0.0.1:${hostile.port}/acme/app.git`]);
    const run = await spied(['--yes'], {}, repo);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(new RegExp(`^crpat: 127\\.0\\.0\\.1:${hostile.port} is not github\\.com or a GHE\\.com host, and crpat sent nothing there\\. If it is your GitHub Enterprise Server, pass --api-url`));
    expect(run.network).toEqual([]);
    expect(hostile.seen).toEqual([]);
  });

  it('a GitLab git remote, even with --yes', async () => {
    const repo = join(dir, 'clone-gitlab');
    await execFileAsync('git', ['init', '-q', repo]);
    await execFileAsync('git', ['-C', repo, 'remote', 'add', 'origin', 'git@gitlab.com:acme/app.git']);
    refusedOffline(await spied(['--yes'], {}, repo), /^crpat: gitlab\.com is GitLab, not GitHub/);
  });

  it('a repos file on that host', async () => {
    const file = join(dir, 'repos.txt');
    await writeFile(file, `${hostileRepo()}\nhttp://127.0.0.1:${hostile.port}/acme/web\n`);
    const run = await spied(['--repos-file', file]);
    refusedOffline(run, /pass --api-url/);
    expect(hostile.seen).toEqual([]);
  });

  it('a repos file with a forge line', async () => {
    const file = join(dir, 'repos-forge.txt');
    await writeFile(file, 'octocat/hello-world\nhttps://codeberg.org/acme/app\n');
    refusedOffline(await spied(['--repos-file', file]), /codeberg\.org is Codeberg, not GitHub/);
  });
});

describe('an Enterprise host the user named', () => {
  it('--api-url on the repository host makes it an Enterprise Server: the check runs against that API', async () => {
    // The simulator stands for the Enterprise Server: the repository URL names its address, --api-url its API.
    const run = await spied(['--repo', `http://127.0.0.1:${hostile.port}/octocat/hello-world`, '--api-url', sim.apiUrl, '--registry', sim.registryUrl, '--json']);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as Report;
    expect(report.target).toMatchObject({ repository: 'octocat/hello-world', apiUrl: sim.apiUrl });
    expect(hostile.seen).toEqual([]); // the repository's own port is not an endpoint
    // The spy sees what crpat really opens: here, only the simulator's two origins.
    const ports = [new URL(sim.apiUrl).port, new URL(sim.registryUrl).port];
    const connects = run.network.filter((line) => line.startsWith('connect '));
    expect(connects.length).toBeGreaterThan(0);
    expect(connects.filter((line) => !ports.some((port) => line.endsWith(`:${port}`)))).toEqual([]);
  });

  it('the simulator and registry named by --api-url/--registry keep working for github.com targets (the test rigs)', async () => {
    const run = await spied(['--repo', 'octocat/hello-world', '--api-url', sim.apiUrl, '--registry', sim.registryUrl, '--json']);
    expect(run.code).toBe(0);
    const byEnv = await spied(['--repo', 'octocat/hello-world', '--json'], { GITHUB_API_URL: sim.apiUrl, CRPAT_REGISTRY: sim.registryUrl });
    expect(byEnv.code).toBe(0);
    // Only the two loopback origins were contacted: no lookup of any name.
    expect(byEnv.network.filter((line) => line.startsWith('lookup ') && !/lookup (127\.0\.0\.1|localhost)$/.test(line))).toEqual([]);
  });
});

describe('NODE_TLS_REJECT_UNAUTHORIZED=0', () => {
  it('refuses to send the token over unverified TLS: exit 3, one line, nothing sent', async () => {
    const run = await spied(['--repo', 'octocat/hello-world'], { NODE_TLS_REJECT_UNAUTHORIZED: '0' });
    expect(run.code).toBe(3);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^crpat: NODE_TLS_REJECT_UNAUTHORIZED=0 turns off TLS certificate checks, so crpat will not send the token over https: unset it/);
    expect(run.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    expect(run.network).toEqual([]);
  });

  it('plain http to loopback involves no TLS, so the check runs', async () => {
    const run = await spied(['--repo', 'octocat/hello-world', '--api-url', sim.apiUrl, '--registry', sim.registryUrl, '--json'], { NODE_TLS_REJECT_UNAUTHORIZED: '0' });
    expect(run.code).toBe(0);
  });
});

import { execFile } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import type { IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Fault, mintToken, SCENARIOS, type Simulator, startSimulator, tokenValue } from '../../src/simulator/index.js';
import { type CliResult, runCli } from '../helpers/cli.js';
import { startServer } from '../helpers/http-server.js';

// The leak audit: a canary token through every scenario, several faults and every output mode, with HOME and TMPDIR
// pointed at fresh directories and CRPAT_DEBUG=1 (which lets an internal error print its stack). The canary must
// appear in none of stdout, stderr (the --verbose trace included), the files under HOME and TMPDIR, git's argv or
// git's environment, nor reach any host but the API and the registry.

const execFileAsync = promisify(execFile);
/** Stands for a `--trace` file inside the run's TMPDIR, so the trace is audited with every other file there. */
const TRACE_FILE = '<trace-file>';
const MODES: readonly (readonly string[])[] = [['--json', '--trace', TRACE_FILE], ['--verbose'], ['--quiet', '--trace', '-'], [], ['--verbose', '--json']];
/** Known to the simulator: well-formed, and accepted. Unknown: well-formed (checksum right), refused everywhere. */
const UNKNOWN = mintToken('classic', 'leak-audit-canary-unknown');

let root: string;
let sim: Simulator;
let foreign: { port: number; seen: { url: string; headers: IncomingHttpHeaders; body: string }[]; close(): Promise<void> };

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'crpat-leak-'));
  sim = await startSimulator();
  const seen: { url: string; headers: IncomingHttpHeaders; body: string }[] = [];
  const server = await startServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      seen.push({ url: req.url ?? '', headers: req.headers, body });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"token":"foreign"}');
    });
  });
  foreign = { port: server.port, seen, close: server.close };
});
afterAll(async () => {
  await Promise.all([sim?.close(), foreign?.close()]);
  if (root) await rm(root, { recursive: true, force: true });
});

/** Every form in which `token` could leak: as is, inside a Basic credential, base64, and any 16 characters of its secret part. */
function leaksOf(text: string, token: string): string[] {
  const found: string[] = [];
  const forms = {
    raw: token,
    basic: Buffer.from(`crpat:${token}`).toString('base64'),
    base64: Buffer.from(token).toString('base64'),
    url: encodeURIComponent(token),
    ...base64Forms(token),
  };
  for (const [name, form] of Object.entries(forms)) if (text.includes(form)) found.push(name);
  const secret = token.replace(/^(ghp_|gho_|ghu_|ghs_|ghr_|github_pat_)/, '');
  for (let at = 0; at + 16 <= secret.length; at += 1) {
    if (text.includes(secret.slice(at, at + 16))) {
      found.push(`fragment@${at}`);
      break;
    }
  }
  return found;
}

/** base64 and base64url of the token at each byte alignment it can have inside longer encoded text (the stable middle). */
function base64Forms(token: string): Record<string, string> {
  const forms: Record<string, string> = {};
  for (const lead of [0, 1, 2]) {
    const encoded = Buffer.concat([Buffer.alloc(lead), Buffer.from(token)]).toString('base64').replace(/=+$/, '');
    const core = encoded.slice(Math.ceil((lead * 8) / 6), -2);
    forms[`base64@${lead}`] = core;
    forms[`base64url@${lead}`] = core.replaceAll('+', '-').replaceAll('/', '_');
  }
  return forms;
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

/** Runs the binary with a fresh HOME and TMPDIR; asserts the canary is nowhere it produced. */
async function audited(args: readonly string[], token: string, options: { input?: string; env?: Record<string, string>; cwd?: string } = {}): Promise<CliResult> {
  const dir = await mkdtemp(join(root, 'run-'));
  const home = join(dir, 'home');
  const tmp = join(dir, 'tmp');
  await Promise.all([mkdir(home), mkdir(tmp)]);
  const env: Record<string, string> = { HOME: home, TMPDIR: tmp, CRPAT_DEBUG: '1', ...(options.input === undefined ? { CR_PAT: token } : {}), ...options.env };
  const traced = args.includes(TRACE_FILE);
  const argv = args.map((arg) => (arg === TRACE_FILE ? join(tmp, 'trace.json') : arg));
  const result = await runCli(argv, { env, ...(options.input === undefined ? {} : { input: options.input }), ...(options.cwd ? { cwd: options.cwd } : {}) });
  const where = `crpat ${args.join(' ')}`;
  expect(leaksOf(result.stdout, token), `stdout of ${where}`).toEqual([]);
  expect(leaksOf(result.stderr, token), `stderr of ${where}`).toEqual([]);
  for (const file of [...(await filesUnder(home)), ...(await filesUnder(tmp))]) {
    expect(leaksOf(await readFile(file, 'latin1'), token), `${file} after ${where}`).toEqual([]);
  }
  expect(result.stderr, `stack trace from ${where}`).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  // The trace was written (and so audited with the other files under TMPDIR).
  if (traced && result.code !== 2) expect(await readFile(join(tmp, 'trace.json'), 'utf8')).toMatch(/^\{\n {2}"crpatTrace": 1,/);
  return result;
}

/** Runs `tasks` with at most `limit` at a time. */
async function pool<T>(tasks: (() => Promise<T>)[], limit = 5): Promise<T[]> {
  const results: T[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < tasks.length) {
        const index = next++;
        results[index] = await tasks[index]!();
      }
    }),
  );
  return results;
}

const target = () => ['--api-url', sim.apiUrl, '--registry', sim.registryUrl];

describe('the canary never escapes', () => {
  it('the audit itself finds the token in each form it could take', () => {
    const token = tokenValue(sim.world, 'octocat-classic-push');
    expect(leaksOf(`x${token}x`, token)).toContain('raw');
    expect(leaksOf(`Authorization: Basic ${Buffer.from(`crpat:${token}`).toString('base64')}`, token)).toContain('basic');
    expect(leaksOf(`…${token.slice(10, 30)}…`, token)).toEqual(['fragment@6']);
    expect(leaksOf(`${token.slice(0, 4)}**** ${token.slice(-6)}`, token)).toEqual([]);
    const shifted = Buffer.from(`xy${token}`).toString('base64url');
    expect(leaksOf(`…${shifted}…`, token)).toContain('base64url@2');
  });

  it.each(SCENARIOS.map((s) => [s.name, s] as const))('scenario %s, in every output mode', async (_name, scenario) => {
    const token = tokenValue(sim.world, scenario.tokenLabel);
    const image = scenario.image ? ['--image', scenario.image] : [];
    const results = await pool(MODES.map((mode) => () => audited(['--repo', scenario.repository, ...image, ...target(), ...mode], token)));
    for (const [index, result] of results.entries()) {
      expect([0, 1, 3], `exit of mode ${MODES[index]!.join(' ')}`).toContain(result.code);
    }
    // The --verbose trace was there to be audited (a malformed token is never sent, so it has none).
    if (!scenario.expect.failing.includes('token.format')) expect(results[1]!.stderr).toMatch(/GET http:\/\/127\.0\.0\.1:\d+\/user/);
  });

  it('a well-formed token the simulator does not know, in every mode and through --token-stdin', async () => {
    const runs = MODES.map((mode) => () => audited(['--repo', 'octocat/hello-world', ...target(), ...mode], UNKNOWN));
    runs.push(() => audited(['--repo', 'octocat/hello-world', ...target(), '--token-stdin', '--verbose'], UNKNOWN, { input: `${UNKNOWN}\n` }));
    const results = await pool(runs);
    for (const result of results) expect(result.code).toBe(1);
  });

  describe('under faults', () => {
    const faults: [string, () => Fault][] = [
      ['reset mid-body', () => ({ server: 'api', path: '/user', kind: 'reset' })],
      ['503 once', () => ({ server: 'api', path: '/user', status: 503, times: 1 })],
      ['malformed JSON', () => ({ server: 'api', path: /^\/repos\//, kind: 'malformed-json' })],
      ['huge body', () => ({ server: 'api', path: /^\/repos\//, kind: 'huge' })],
      ['redirect loop', () => ({ server: 'api', path: '/user', kind: 'redirect' })],
      // The foreign server listens on the simulator's own address: only its port differs (another origin).
      ['API redirect to another port', () => ({ server: 'api', path: '/user', kind: 'redirect', location: `http://127.0.0.1:${foreign.port}/user` })],
      ['API redirect to localhost on another port', () => ({ server: 'api', path: '/user', kind: 'redirect', location: `http://localhost:${foreign.port}/user` })],
      ['token service redirect to another port', () => ({ server: 'registry', path: '/token', kind: 'redirect', status: 307, location: `http://127.0.0.1:${foreign.port}/token` })],
      [
        'token realm on another port',
        () => ({ server: 'registry', path: '/v2/', status: 401, headers: { 'www-authenticate': `Bearer realm="http://127.0.0.1:${foreign.port}/token",service="ghcr.io"` } }),
      ],
      [
        'token realm on localhost, another port',
        () => ({ server: 'registry', path: '/v2/', status: 401, headers: { 'www-authenticate': `Bearer realm="http://localhost:${foreign.port}/token",service="ghcr.io"` } }),
      ],
      [
        'upload session on another port',
        () => ({ server: 'registry', method: 'POST', path: /\/blobs\/uploads\/$/, status: 202, headers: { location: `http://127.0.0.1:${foreign.port}/v2/octocat/hello-world/blobs/uploads/x` } }),
      ],
      ['upload reset', () => ({ server: 'registry', method: 'POST', path: /\/blobs\/uploads\/$/, kind: 'reset' })],
      // Issue 11: deterministic failures (tried once) and hostile text.
      ['redirect to a user:password@ URL', () => ({ server: 'api', path: '/user', kind: 'redirect', location: `http://someone:secret@${new URL(sim.apiUrl).host}/user` })],
      ['oversized answer headers', () => ({ server: 'api', path: '/user', status: 200, headers: { 'x-padding': 'a'.repeat(64 * 1024) }, body: {} })],
      ['a C1 control in the request id', () => ({ server: 'api', path: '/user', status: 200, headers: { 'x-github-request-id': 'C0DE\u009b2J' }, body: { login: 'octocat\u009b', id: 1 } })],
    ];
    it.each(faults)('%s', async (_name, fault) => {
      const token = tokenValue(sim.world, 'octocat-classic-push');
      for (const mode of [['--verbose'], ['--json', '--trace', TRACE_FILE]]) {
        const remove = sim.inject(fault());
        try {
          const result = await audited(['--repo', 'octocat/hello-world', ...target(), ...mode], token);
          expect([0, 3]).toContain(result.code);
        } finally {
          remove();
        }
      }
      expect(foreign.seen).toEqual([]);
    });

    it('an untrusted certificate (no such CA), a name that does not resolve, a port that refuses', async () => {
      const token = tokenValue(sim.world, 'octocat-classic-push');
      for (const apiUrl of ['https://no-such-host.invalid', 'http://127.0.0.1:9', 'https://127.0.0.1:9']) {
        const result = await audited(['--repo', 'octocat/hello-world', '--api-url', apiUrl, '--registry', sim.registryUrl, '--verbose'], token);
        expect(result.code).toBe(3);
      }
    });
  });

  describe('host trust: a repository host that is not GitHub gets nothing', () => {
    // The foreign server stands for the host the repository URL names; no --api-url or GH_HOST names it.
    const cases: [string, () => string[]][] = [
      ['--repo on a host nobody named', () => ['--repo', `http://127.0.0.1:${foreign.port}/octocat/hello-world`]],
      ['--repo on it, with --registry on the simulator', () => ['--repo', `http://127.0.0.1:${foreign.port}/octocat/hello-world`, '--registry', sim.registryUrl]],
      ['two --repo naming it', () => ['--repo', `http://127.0.0.1:${foreign.port}/octocat/hello-world`, '--repo', `http://127.0.0.1:${foreign.port}/octocat/other`]],
      ['secret set on it', () => ['secret', 'set', '--repo', `http://127.0.0.1:${foreign.port}/octocat/hello-world`]],
      ['a forge', () => ['--repo', 'https://gitlab.com/octocat/hello-world']],
    ];
    it.each(cases)('%s: exit 2 in every mode, and the host sees no request', async (_name, args) => {
      const token = tokenValue(sim.world, 'octocat-classic-push');
      for (const mode of [['--json'], ['--verbose'], []]) {
        const extra = args()[0] === 'secret' ? [] : mode;
        const result = await audited([...args(), ...extra], token);
        expect(result.code).toBe(2);
      }
      expect(foreign.seen).toEqual([]);
    });
  });

  it('a server that echoes the token in every encoding, in bodies and headers: neither the output nor the trace holds any of them', async () => {
    const token = tokenValue(sim.world, 'octocat-classic-push');
    const echo = await startServer((req, res) => {
      const auth = req.headers.authorization ?? '';
      const basic = /^Basic (.+)$/.exec(auth);
      const seen = basic ? Buffer.from(basic[1]!, 'base64').toString().replace(/^[^:]*:/, '') : auth.replace(/^\S+ /, '');
      const forms = [seen, encodeURIComponent(seen), Buffer.from(seen).toString('base64'), Buffer.from(`a${seen}`).toString('base64url'), auth, seen.slice(5, 25)];
      const body = JSON.stringify({ message: `Bad credentials ${forms.join(' ')}`, echoed: forms, email: 'octocat@github.com' });
      res.writeHead(req.url === '/user' ? 401 : 403, { 'content-type': 'application/json', 'x-github-request-id': Buffer.from(seen).toString('base64'), 'www-authenticate': `Bearer realm="${auth}"`, link: `<${req.url}?t=${encodeURIComponent(seen)}>` });
      res.end(body);
    });
    try {
      const result = await audited(['--repo', 'octocat/hello-world', '--api-url', echo.url, '--registry', echo.url, '--json', '--trace', TRACE_FILE], token);
      expect(result.code).toBe(1);
    } finally {
      await echo.close();
    }
  });

  it('a token given as the image, inside a repository or on a line of --repos-file is refused and never echoed (issue 11)', async () => {
    const token = tokenValue(sim.world, 'octocat-classic-push');
    const file = join(root, 'repos-with-token.txt');
    await writeFile(file, `octocat/hello-world\n${token}\n`);
    const runs = [
      ['--repo', 'octocat/hello-world', '--image', token.toLowerCase(), ...target()],
      ['--repo', `octocat/${token}`, ...target(), '--json'],
      ['--repos-file', file, ...target(), '--json'],
    ];
    for (const args of runs) {
      const result = await audited(args, token);
      expect(result.code, args.join(' ')).toBe(2);
      expect(leaksOf(result.stderr.toLowerCase(), token.toLowerCase())).toEqual([]);
    }
  });

  it('secret set: the writing credential (GH_TOKEN) appears nowhere either (issue 11)', async () => {
    const stored = tokenValue(sim.world, 'octocat-classic-push');
    const writer = tokenValue(sim.world, 'octocat-classic-no-expiry');
    for (const mode of [[], ['--overwrite']]) {
      const result = await audited(['secret', 'set', '--repo', 'acme/private-app', '--name', 'AUDIT_PAT', ...target(), ...mode], writer, { env: { CR_PAT: stored, GH_TOKEN: writer } });
      expect([0, 2]).toContain(result.code);
      expect(leaksOf(result.stdout + result.stderr, stored)).toEqual([]);
    }
    const malformed = `${writer.slice(0, -3)}xyz`;
    const refused = await audited(['secret', 'set', '--repo', 'acme/private-app', ...target()], malformed, { env: { CR_PAT: stored, GH_TOKEN: malformed } });
    expect(refused.code).toBe(2);
  });

  it('git, run for the origin remote, sees the canary in neither its argv nor its environment', async () => {
    const token = tokenValue(sim.world, 'octocat-classic-push');
    const bin = join(root, 'fake-bin');
    const log = join(root, 'git-log');
    const repo = join(root, 'clone');
    await Promise.all([mkdir(bin), mkdir(log), mkdir(repo)]);
    await execFileAsync('git', ['init', '-q', repo]);
    await execFileAsync('git', ['-C', repo, 'remote', 'add', 'origin', 'https://github.com/octocat/hello-world.git']);
    const realGit = (await execFileAsync('sh', ['-c', 'command -v git'])).stdout.trim();
    // Records each call (argv one per line, then the whole environment, NUL-separated), then runs the real git.
    await writeFile(
      join(bin, 'git'),
      `#!/bin/sh\nn=$(date +%s%N)\nprintf '%s\\n' "$@" > "${log}/argv.$n"\nenv -0 > "${log}/env.$n"\nexec "${realGit}" "$@"\n`,
    );
    await chmod(join(bin, 'git'), 0o755);

    const result = await audited(['--yes', '--json', ...target()], token, {
      cwd: repo,
      env: { PATH: `${bin}:${process.env['PATH'] ?? ''}`, GH_TOKEN: token, GITHUB_TOKEN: token },
    });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ target: { repository: 'octocat/hello-world' } });

    const files = await readdir(log);
    const argvFiles = files.filter((f) => f.startsWith('argv.'));
    expect(argvFiles.length).toBeGreaterThan(0); // the fake git was really the one run
    for (const file of files) {
      const text = await readFile(join(log, file), 'latin1');
      expect(leaksOf(text, token), file).toEqual([]);
      if (file.startsWith('env.')) {
        const names = text.split('\0').map((entry) => entry.slice(0, entry.indexOf('=')));
        expect(names).not.toContain('CR_PAT');
        expect(names).not.toContain('GH_TOKEN');
        expect(names).not.toContain('GITHUB_TOKEN');
      }
    }
    const argv = await Promise.all(argvFiles.map((f) => readFile(join(log, f), 'utf8')));
    expect(argv).toContain('remote\nget-url\norigin\n');
  });

  it('the simulator saw credentials only where they belong, and never the canary in a URL or header', () => {
    expect(sim.requests.length).toBeGreaterThan(100);
    const canaries = [UNKNOWN, ...SCENARIOS.map((s) => tokenValue(sim.world, s.tokenLabel))];
    for (const request of sim.requests) {
      const text = `${request.path} ${JSON.stringify(request.headers)}`;
      for (const canary of canaries) expect(leaksOf(text, canary), `${request.server} ${request.method} ${request.path}`).toEqual([]);
      const auth = request.headers['authorization'];
      if (auth === undefined) continue;
      if (request.server === 'api') expect(auth, request.path).toMatch(/^(Bearer|token) \[REDACTED\]$/);
      else if (request.path.startsWith('/token')) expect(auth, request.path).toBe('Basic [REDACTED]');
      else expect(auth, request.path).toMatch(/^Bearer \[REDACTED\]$/);
    }
    expect(foreign.seen).toEqual([]);
  });
});

import { readFile } from 'node:fs/promises';
import type { IncomingHttpHeaders } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Fault, type Simulator, startSimulator, tokenValue } from '../../src/simulator/index.js';
import type { Finding, Report } from '../../src/types.js';
import { type CliResult, runCli } from '../helpers/cli.js';
import { startServer } from '../helpers/http-server.js';
import { generateTestCerts, type TestCerts } from '../rig/certs.js';

// Every way the network can fail, end to end: the built binary with --json against a simulator that misbehaves on
// demand. Each run must end inconclusive (exit 3) or in a justified fail (exit 1), with a summary that names what
// happened and what to try, without a stack trace and without the token anywhere in the output.

const LABEL = 'octocat-classic-push';
const REPO = 'octocat/hello-world';
const STACK = /^\s+at .+\(?.+:\d+:\d+\)?$/m;
// ledger github-api §8.
const SECONDARY = 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.';
const primary = (id: string) =>
  `API rate limit exceeded for user ID 583231. If you reach out to GitHub Support for help, please include the request ID ${id} and timestamp 2026-11-26 12:00:00 UTC.`;

let sim: Simulator;
/** A server on the simulator's address (127.0.0.1) but another port, that records what reaches it. */
let other: { port: number; seen: IncomingHttpHeaders[]; close(): Promise<void> };
let token: string;

beforeAll(async () => {
  sim = await startSimulator();
  token = tokenValue(sim.world, LABEL);
  const seen: IncomingHttpHeaders[] = [];
  const server = await startServer((req, res) => {
    seen.push(req.headers);
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"token":"from-the-other-host"}');
  });
  other = { port: server.port, seen, close: server.close };
});
afterAll(async () => Promise.all([sim?.close(), other?.close()]));

const removers: (() => void)[] = [];
afterEach(() => {
  for (const remove of removers.splice(0)) remove();
  sim.requests.length = 0;
  other.seen.length = 0;
});

function inject(...faults: Fault[]): void {
  for (const fault of faults) removers.push(sim.inject(fault));
}

interface Run {
  result: CliResult;
  report: Report;
  ms: number;
  check(id: string): Finding;
}

async function crpat(extra: string[] = [], options: { apiUrl?: string; registry?: string; env?: Record<string, string> } = {}): Promise<Run> {
  const started = Date.now();
  const result = await runCli(
    ['--repo', REPO, '--api-url', options.apiUrl ?? sim.apiUrl, '--registry', options.registry ?? sim.registryUrl, '--json', ...extra],
    { env: { CR_PAT: token, ...options.env } },
  );
  const ms = Date.now() - started;
  // Never a crash: one JSON document on stdout, nothing on stderr, no stack, no token.
  expect(result.stderr).toBe('');
  expect(result.stdout).not.toMatch(STACK);
  expect(result.stdout + result.stderr).not.toContain(token);
  const report = JSON.parse(result.stdout) as Report;
  expect(result.code).toBe({ pass: 0, fail: 1, inconclusive: 3 }[report.verdict]);
  return { result, report, ms, check: (id) => report.checks.find((c) => c.id === id)! };
}

/** Exit 3, `id` is the (first) check in error, nothing failed; returns its summary. */
function inconclusive(run: Run, id: string): string {
  expect(run.result.code).toBe(3);
  expect(run.report.verdict).toBe('inconclusive');
  expect(run.report.checks.filter((c) => c.status === 'fail')).toEqual([]);
  const finding = run.check(id);
  expect(finding.status).toBe('error');
  return finding.summary;
}

const count = (server: 'api' | 'registry', method: string, path: RegExp) =>
  sim.requests.filter((r) => r.server === server && r.method === method && path.test(r.path)).length;

describe('no answer, or half of one', () => {
  it('timeout: no answer within --timeout 1 → inconclusive after 3 attempts, says to raise --timeout', async () => {
    inject({ server: 'api', path: '/user', kind: 'hang' });
    // The deadline covers the checks, not Node starting and loading crpat, which alone can take seconds on a loaded
    // machine: time the run from the first request the simulator receives (measured under load: 5.3 s from the spawn).
    let firstRequest = 0;
    const watch = setInterval(() => (firstRequest ||= sim.requests.length > 0 ? Date.now() : 0), 5);
    const run = await crpat(['--timeout', '1']);
    const ended = Date.now();
    clearInterval(watch);
    const summary = inconclusive(run, 'token.valid');
    expect(summary).toMatch(/^Could not ask GitHub whether it accepts the token: 127\.0\.0\.1:\d+ did not answer within 1 s \(3 attempts\)\./);
    expect(summary).toMatch(/Try again; on a slow network or behind a proxy, raise --timeout\.$/);
    expect(count('api', 'GET', /^\/user$/)).toBe(3);
    expect(firstRequest).toBeGreaterThan(0);
    expect(ended - firstRequest).toBeLessThan(8000); // the overall deadline is 3 × timeout + 5 s
  });

  // A reset mid-answer is read as a reset, or, when crpat (a child process) reads the last bytes and the reset in one
  // wake-up on a busy machine, as a close: the transport never sees the reset (src/http/node-fetch.ts says why).
  // Either way it is retried the same and gets the same advice; which words appear depends on the machine's load.
  const CUT = String.raw`(the connection to 127\.0\.0\.1:\d+ was reset|127\.0\.0\.1:\d+ closed the connection before the answer was complete)`;

  it('connection reset mid-body → retried, then inconclusive', async () => {
    inject({ server: 'api', path: '/user', kind: 'reset' });
    const summary = inconclusive(await crpat(), 'token.valid');
    expect(summary).toMatch(new RegExp(`${CUT} \\(3 attempts\\)\\. Try again; if it keeps happening, a proxy, VPN or firewall`));
    expect(count('api', 'GET', /^\/user$/)).toBe(3);
  });

  it('truncated body (Content-Length larger than sent) → retried, then inconclusive', async () => {
    inject({ server: 'api', path: '/user', kind: 'truncate' });
    const summary = inconclusive(await crpat(), 'token.valid');
    expect(summary).toMatch(/127\.0\.0\.1:\d+ closed the connection before the answer was complete \(3 attempts\)\. Try again/);
  });

  it('a reset of the upload probe is not retried (POST) and leaves the push undecided', async () => {
    inject({ server: 'registry', method: 'POST', path: /\/blobs\/uploads\/$/, kind: 'reset' });
    const summary = inconclusive(await crpat(), 'registry.push');
    expect(summary).toMatch(new RegExp(`^Could not probe the push to .+: ${CUT}\\. Try again`));
    expect(count('registry', 'POST', /\/blobs\/uploads\/$/)).toBe(1);
  });
});

describe('server errors', () => {
  it.each([500, 502, 503])('%i on every try → retried twice, then inconclusive', async (status) => {
    inject({ server: 'api', path: '/user', status, body: { message: 'Server Error' } });
    const summary = inconclusive(await crpat(), 'token.valid');
    expect(summary).toBe(`Could not ask GitHub whether it accepts the token: GitHub answered HTTP ${status}, a server error (3 attempts). Try again in a few minutes.`);
    expect(count('api', 'GET', /^\/user$/)).toBe(3);
  });

  it('a single 503 followed by success → pass: the retry is what saved it', async () => {
    inject({ server: 'api', path: '/user', status: 503, body: { message: 'Service Unavailable' }, times: 1 });
    const run = await crpat();
    expect(run.report.verdict).toBe('pass');
    expect(count('api', 'GET', /^\/user$/)).toBe(2);
    expect(run.check('token.valid').details).toEqual([
      'The first answer failed (a server error, reset or timeout); crpat retried and got this answer on attempt 2.',
    ]);
  });

  it('a 500 to the upload probe is not repeated: one POST, inconclusive', async () => {
    inject({ server: 'registry', method: 'POST', path: /\/blobs\/uploads\/$/, status: 500 });
    const summary = inconclusive(await crpat(), 'registry.push');
    expect(summary).toMatch(/the registry answered the upload with HTTP 500\. Try again in a few minutes \(crpat does not repeat the probe by itself/);
    expect(count('registry', 'POST', /\/blobs\/uploads\/$/)).toBe(1);
  });

  it('a 503 from the registry token service → retried, then inconclusive', async () => {
    inject({ server: 'registry', path: '/token', status: 503 });
    const summary = inconclusive(await crpat(), 'registry.login');
    expect(summary).toMatch(/the token service answered HTTP 503 \(3 attempts\)\. Try again in a few minutes; if it keeps happening, check --registry\.$/);
  });
});

describe('rate limits (ledger github-api §8)', () => {
  it('429 with Retry-After: 1 on every try → waited, said so, inconclusive', async () => {
    inject({ server: 'api', path: '/user', status: 429, headers: { 'retry-after': '1' }, body: { message: SECONDARY } });
    const run = await crpat();
    const summary = inconclusive(run, 'token.valid');
    expect(summary).toBe(
      `Could not ask GitHub whether it accepts the token: GitHub's secondary rate limit stopped the request ("${SECONDARY}"); crpat waited as GitHub asked (Retry-After: 1 s) and tried 3 times. Wait a few minutes, then try again.`,
    );
    expect(run.ms).toBeGreaterThanOrEqual(2000);
  });

  it('429 with Retry-After: 1 once → waited 1 s, said so, pass', async () => {
    inject({ server: 'api', path: '/user', status: 429, headers: { 'retry-after': '1' }, body: { message: SECONDARY }, times: 1 });
    const run = await crpat();
    expect(run.report.verdict).toBe('pass');
    expect(run.ms).toBeGreaterThanOrEqual(1000);
    expect(run.check('token.valid').details).toEqual([
      'GitHub asked crpat to wait (Retry-After: 1 s); it waited 1 s and got this answer on attempt 2.',
    ]);
  });

  it('403 secondary rate limit with a long Retry-After → not waited for, inconclusive, says when to retry', async () => {
    inject({ server: 'api', path: /^\/(user|repos\/)/, status: 403, headers: { 'retry-after': '60' }, body: { message: SECONDARY, documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api' } });
    const run = await crpat();
    const summary = inconclusive(run, 'token.valid');
    expect(summary).toBe(
      `Could not ask GitHub whether it accepts the token: GitHub's secondary rate limit stopped the request ("${SECONDARY}"). GitHub asks to retry after 60 s (Retry-After).`,
    );
    expect(run.check('repo.access').status).toBe('error');
    expect(count('api', 'GET', /^\/user$/)).toBe(1);
  });

  it('403 primary limit (x-ratelimit-remaining: 0) → inconclusive, names the reset time, never "bad token"', async () => {
    const reset = Math.floor(Date.now() / 1000) + 1800;
    const headers = { 'x-ratelimit-limit': '5000', 'x-ratelimit-remaining': '0', 'x-ratelimit-used': '5000', 'x-ratelimit-reset': String(reset) };
    inject({ server: 'api', path: /^\/(user|repos\/)/, status: 403, headers, body: { message: primary('C0DE:1:2:3'), documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api' } });
    const run = await crpat();
    const summary = inconclusive(run, 'token.valid');
    expect(summary).toContain(`the API rate limit of the token's user is used up ("${primary('C0DE:1:2:3')}")`);
    expect(summary).toContain(`Try again after ${new Date(reset * 1000).toISOString()}, when it resets`);
    expect(run.check('repo.access').summary).toMatch(/^Could not read octocat\/hello-world: the API rate limit/);
  });
});

describe('answers that cannot be read', () => {
  it('malformed JSON in a 200 → inconclusive, not "pass" and not "cannot see the repository"', async () => {
    inject({ server: 'api', path: /^\/(user|repos\/)/, kind: 'malformed-json' });
    const run = await crpat();
    const summary = inconclusive(run, 'token.valid');
    expect(summary).toMatch(/GitHub answered HTTP 200 with a body that is not the JSON expected\. Try again; if it keeps happening, check that --api-url points at GitHub's REST API/);
    expect(run.check('repo.access').status).toBe('error');
  });

  it('a huge body (over the 1 MiB cap, no Content-Length) → not read, inconclusive', async () => {
    inject({ server: 'api', path: '/user', kind: 'huge' });
    const summary = inconclusive(await crpat(), 'token.valid');
    expect(summary).toMatch(/127\.0\.0\.1:\d+ sent an answer larger than 1 MiB; crpat stopped reading it\. Check that --api-url points at GitHub's REST API/);
  });
});

describe('a hostile server', () => {
  it('cannot drive the terminal: control characters in its text are never printed', async () => {
    const escapes = '\u001b]0;pwned\u0007\u001b[2J\u009b31m';
    inject(
      { server: 'api', path: '/user', status: 200, body: { login: `${escapes}octocat`, id: 1 } },
      {
        server: 'api',
        path: /^\/repos\//,
        status: 200,
        body: { full_name: `${escapes}octocat/hello-world`, visibility: `public${escapes}`, owner: { login: `oct${escapes}`, type: 'User' }, permissions: { admin: false, push: true, pull: true } },
      },
      { server: 'registry', method: 'POST', path: /\/blobs\/uploads\/$/, status: 429, body: { message: `rate limit${escapes}` } },
    );
    const result = await runCli(['--repo', REPO, '--api-url', sim.apiUrl, '--registry', sim.registryUrl, '--verbose'], { env: { CR_PAT: token } });
    expect(result.code).toBe(3);
    expect(result.stdout + result.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(result.stdout).toContain('octocat');
  });

  it('a C1 control byte in the request id (--verbose) or in a login (--json) never reaches the terminal raw (issue 11)', async () => {
    inject({ server: 'api', path: '/user', status: 200, headers: { 'x-github-request-id': 'C0DE\u009b2J:1' }, body: { login: 'oct\u009b31mocat\u0085', id: 1 } });
    const verbose = await runCli(['--repo', REPO, '--api-url', sim.apiUrl, '--registry', sim.registryUrl, '--verbose'], { env: { CR_PAT: token } });
    expect(verbose.stderr).toMatch(/request-id C0DE.? 2J:1/);
    expect(verbose.stdout + verbose.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    const json = await runCli(['--repo', REPO, '--api-url', sim.apiUrl, '--registry', sim.registryUrl, '--json'], { env: { CR_PAT: token } });
    expect(json.stdout).not.toMatch(/[\u007f-\u009f]/);
    expect((JSON.parse(json.stdout) as Report).token.login).toMatch(/^oct.31mocat.?$/);
  });
});

describe('hosts that cannot be trusted or found', () => {
  it('a name that does not resolve → inconclusive, says to check the host name', async () => {
    const summary = inconclusive(await crpat([], { apiUrl: 'https://no-such-host.invalid' }), 'token.valid');
    expect(summary).toMatch(/the name no-such-host\.invalid does not resolve\. Check the host name \(--api-url\) and this machine's network and DNS\.$/);
  });

  describe('a TLS certificate the machine does not trust', () => {
    let certs: TestCerts;
    let tlsSim: Simulator;
    beforeAll(async () => {
      certs = await generateTestCerts();
      tlsSim = await startSimulator({ tls: { key: await readFile(certs.server.keyPath, 'utf8'), cert: await readFile(certs.server.certPath, 'utf8') } });
    });
    afterAll(async () => {
      await tlsSim?.close();
      await certs?.remove();
    });

    it('the rig CA without NODE_EXTRA_CA_CERTS → inconclusive, names the certificate and the way out', async () => {
      const t = tokenValue(tlsSim.world, LABEL);
      const result = await runCli(['--repo', REPO, '--api-url', tlsSim.apiUrl, '--registry', tlsSim.registryUrl, '--json'], { env: { CR_PAT: t } });
      const report = JSON.parse(result.stdout) as Report;
      expect(result.code).toBe(3);
      expect(result.stderr).toBe('');
      expect(result.stdout).not.toContain(t);
      for (const id of ['token.valid', 'registry.login']) {
        const finding = report.checks.find((c) => c.id === id)!;
        expect(finding.status).toBe('error');
        expect(finding.summary).toMatch(/the TLS certificate of 127\.0\.0\.1:\d+ is not trusted by this machine \([A-Z_]+\)\./);
        expect(finding.summary).toMatch(/point NODE_EXTRA_CA_CERTS at its certificate file\.$/);
      }
      expect(tlsSim.requests).toEqual([]); // no handshake completed, so no request (and no token) arrived
    });
  });
});

describe('redirects and foreign origins: the token never leaves the API and registry origins', () => {
  it('a redirect loop → stopped after 5 hops, inconclusive', async () => {
    inject({ server: 'api', path: '/user', kind: 'redirect' });
    const summary = inconclusive(await crpat(), 'token.valid');
    expect(summary).toMatch(/127\.0\.0\.1:\d+ redirected more than 5 times \(a redirect loop\)\. Check --api-url: pass the address that answers directly/);
    expect(count('api', 'GET', /^\/user$/)).toBe(5);
  });

  // The other server is on the same machine and the same address: only the port differs, and that is another service.
  it.each([
    ['another port on the same address', () => `http://127.0.0.1:${other.port}/user`],
    ['localhost, which crpat reads as 127.0.0.1, on another port', () => `http://localhost:${other.port}/user`],
  ])('an API redirect to %s is refused; that server never sees the token', async (_name, location) => {
    inject({ server: 'api', path: '/user', kind: 'redirect', location: location() });
    const summary = inconclusive(await crpat(), 'token.valid');
    expect(summary).toMatch(new RegExp(`redirected to 127\\.0\\.0\\.1:${other.port}; crpat does not follow a redirect to another host, port or scheme\\.`));
    expect(other.seen).toEqual([]);
  });

  it('a token-service redirect to another port is refused; the Basic credential never goes there', async () => {
    inject({ server: 'registry', path: '/token', kind: 'redirect', status: 307, location: `http://127.0.0.1:${other.port}/token` });
    const summary = inconclusive(await crpat(), 'registry.login');
    expect(summary).toMatch(new RegExp(`redirected to 127\\.0\\.0\\.1:${other.port}; crpat does not follow a redirect to another host, port or scheme\\. Check --registry`));
    expect(other.seen).toEqual([]);
  });

  it.each([
    ['another port on the same address', () => `http://127.0.0.1:${other.port}/token`],
    ['localhost on another port', () => `http://localhost:${other.port}/token`],
  ])('a token realm on %s → registry.login errors and says why; that server never sees the token', async (_name, realm) => {
    inject({
      server: 'registry',
      path: '/v2/',
      status: 401,
      headers: { 'www-authenticate': `Bearer realm="${realm()}",service="ghcr.io"` },
      body: { errors: [{ code: 'UNAUTHORIZED', message: 'authentication required' }] },
    });
    const run = await crpat();
    const summary = inconclusive(run, 'registry.login');
    expect(summary).toBe(
      `Did not log in to ${sim.registryHost}: the registry's token service is on ${new URL(realm()).origin}, which is neither the API's origin nor the registry's (scheme, host and port); crpat will not send your token there. Check --registry: a registry whose token service is on another origin (host, port or scheme) is not supported.`,
    );
    expect(run.check('registry.push').status).toBe('skip');
    expect(other.seen).toEqual([]);
    expect(count('registry', 'GET', /^\/token/)).toBe(0);
  });

  it('a realm that names the registry as localhost is its own origin: crpat logs in there, at 127.0.0.1', async () => {
    const port = new URL(sim.registryUrl).port;
    inject({
      server: 'registry',
      path: '/v2/',
      status: 401,
      headers: { 'www-authenticate': `Bearer realm="http://localhost:${port}/token",service="ghcr.io"` },
      body: { errors: [{ code: 'UNAUTHORIZED', message: 'authentication required' }] },
    });
    const run = await crpat();
    expect(run.report.verdict).toBe('pass');
    expect(count('registry', 'GET', /^\/token/)).toBe(1);
  });

  it('an upload session on another port gets no cancel: the registry token never goes there', async () => {
    inject({ server: 'registry', method: 'POST', path: /\/blobs\/uploads\/$/, status: 202, headers: { location: `http://127.0.0.1:${other.port}/v2/octocat/hello-world/blobs/uploads/x` } });
    const run = await crpat();
    expect(run.check('registry.push').status).toBe('pass');
    expect(run.check('registry.push').details?.join(' ')).toContain(`the upload session lives on http://127.0.0.1:${other.port}, not on the registry's origin`);
    expect(other.seen).toEqual([]);
  });
});

describe('deterministic failures are tried once, with what was wrong (issue 11)', () => {
  it('a redirect to a URL with user:password@ on the same host → one request, not three', async () => {
    const port = new URL(sim.apiUrl).port;
    inject({ server: 'api', path: '/user', kind: 'redirect', location: `http://someone:secret@127.0.0.1:${port}/user` });
    const summary = inconclusive(await crpat(), 'token.valid');
    expect(summary).toMatch(/refused to use an address on 127\.0\.0\.1:\d+ that carries a user name or password/);
    expect(summary).not.toContain('secret');
    expect(summary).not.toMatch(/attempts/);
    expect(count('api', 'GET', /^\/user$/)).toBe(1);
  });

  it('a token realm with user:password@ → registry.login errors once; the token service is not asked', async () => {
    const registry = new URL(sim.registryUrl);
    inject({
      server: 'registry',
      path: '/v2/',
      status: 401,
      headers: { 'www-authenticate': `Bearer realm="http://someone:secret@${registry.host}/token",service="ghcr.io"` },
      body: { errors: [{ code: 'UNAUTHORIZED', message: 'authentication required' }] },
    });
    const run = await crpat();
    const summary = inconclusive(run, 'registry.login');
    expect(summary).not.toContain('secret');
    expect(summary).not.toMatch(/attempts/);
    expect(count('registry', 'GET', /^\/token/)).toBe(0);
  });

  it('answer headers over Node.js\'s limit → one request, says the headers were too large', async () => {
    inject({ server: 'api', path: '/user', status: 200, headers: { 'x-padding': 'a'.repeat(64 * 1024) }, body: { login: 'octocat', id: 1 } });
    const summary = inconclusive(await crpat(), 'token.valid');
    expect(summary).toMatch(/sent answer headers larger than Node\.js accepts/);
    expect(count('api', 'GET', /^\/user$/)).toBe(1);
  });
});

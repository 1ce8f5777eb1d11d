import { spawn } from 'node:child_process';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mintToken, type Simulator, startSimulator, tokenValue } from '../../src/simulator/index.js';
import type { Report } from '../../src/types.js';
import { BIN, type CliResult, runCli } from '../helpers/cli.js';

// Hostile input at the CLI. Three outcomes, decided per case:
// - no usable input at all (nothing, blanks, a file that cannot be a token, a malformed URL or flag): exit 2 with one
//   line on stderr, `crpat: <reason>`; nothing is checked.
// - a token that was given but cannot be a GitHub token (NUL, control characters, look-alike letters, a space inside,
//   two tokens pasted together): the token.format check fails it, offline: exit 1 and a report whose one-line finding
//   names the reason, every other check skipped, no request sent. This is by design: the token *was* supplied (often
//   as a CI secret), and "this token cannot push, because …" is a certain answer about it, with a fix, which a
//   pipeline should read as a failed check (1) rather than a misuse of the command (2).
// - valid input that only looks odd (upper-case hosts, a port on a GHE host): accepted and checked.
// In every case: no stack trace, no raw control character echoed back, and the token never printed.

let sim: Simulator;
let token: string;
beforeAll(async () => {
  sim = await startSimulator();
  token = tokenValue(sim.world, 'octocat-classic-push');
});
afterAll(async () => sim?.close());
afterEach(() => {
  sim.requests.length = 0;
});

const target = () => ['--api-url', sim.apiUrl, '--registry', sim.registryUrl];

/**
 * runCli for a large stdin: crpat stops reading at 64 KiB and exits, so writing the rest fails with EPIPE, which
 * runCli does not expect (test/helpers/cli.ts should ignore EPIPE on the child's stdin).
 */
function runWithLargeStdin(args: string[], input: string): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env };
    for (const name of ['CR_PAT', 'GITHUB_API_URL', 'CRPAT_REGISTRY', 'FORCE_COLOR']) delete env[name];
    const child = spawn(process.execPath, [BIN, ...args], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdin.on('error', () => {}); // EPIPE once crpat has stopped reading
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

/** The token, or 16 characters of its secret part, anywhere in `text`. */
function echoes(text: string, secret: string): boolean {
  const body = secret.replace(/^ghp_/, '');
  for (let at = 0; at + 16 <= body.length; at += 4) if (text.includes(body.slice(at, at + 16))) return true;
  return text.includes(secret);
}

// Any C0/C1 control character but the line feeds that end lines.
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

function expectUsageError(result: CliResult, reason: RegExp): void {
  expect(result.code, result.stderr).toBe(2);
  expect(result.stdout).toBe('');
  const lines = result.stderr.split('\n');
  expect(lines, JSON.stringify(result.stderr)).toHaveLength(2); // one line and its newline
  expect(lines[0]).toMatch(/^crpat: /);
  expect(lines[0]).toMatch(reason);
  expect(result.stderr).not.toMatch(/^\s+at /m);
  expect(result.stderr).not.toMatch(CONTROL);
  expect(echoes(result.stdout + result.stderr, token)).toBe(false);
}

describe('no token to check → exit 2, one line', () => {
  it.each([
    ['empty stdin', '', /--token-stdin: standard input is empty/],
    ['white space only on stdin', ' \t\r\n \n', /--token-stdin: standard input is empty/],
    ['a 1 MB stdin', 'x'.repeat(1024 * 1024), /more than 64 KiB; that is not a token/],
    ['a 1 MB stdin that starts with a real token', () => `${token}\n${' '.repeat(1024 * 1024)}`, /more than 64 KiB; that is not a token/],
  ] as const)('--token-stdin with %s', async (_name, input, reason) => {
    const result = await runWithLargeStdin(['--repo', 'octocat/hello-world', ...target(), '--token-stdin'], typeof input === 'function' ? input() : input);
    expectUsageError(result, reason);
    expect(sim.requests).toEqual([]);
  });

  it.each([
    ['empty', ''],
    ['white space only', ' \t  '],
  ])('CR_PAT %s', async (_name, value) => {
    expectUsageError(await runCli(['--repo', 'octocat/hello-world', ...target()], { env: { CR_PAT: value } }), /CR_PAT is set but empty/);
  });

  it('--token on the command line is refused without echoing it', async () => {
    expectUsageError(await runCli(['--repo', 'octocat/hello-world', ...target(), '--token', token]), /visible to every user/);
  });
});

describe('a token that cannot be a GitHub token → token.format fails offline, exit 1, nothing sent', () => {
  const other = mintToken('classic', 'hostile-second');
  const at = (index: number, insert: string, replace = 0) => (t: string) => t.slice(0, index) + insert + t.slice(index + replace);
  const cases: [string, 'stdin' | 'env', (t: string) => string, RegExp][] = [
    ['NUL bytes inside', 'stdin', at(12, '\u0000'), /contains a control character/],
    ['a trailing NUL', 'stdin', (t) => `${t}\u0000`, /contains a control character/],
    ['an escape sequence inside', 'env', at(12, '\u001b[31m'), /contains a control character/],
    ['a bell and a DEL', 'env', at(20, '\u0007\u007f'), /contains a control character/],
    ['a Cyrillic а for a', 'env', at(12, '\u0430', 1), /non-ASCII character U\+0430 \(a look-alike letter\?\)/],
    ['a Cyrillic р in the prefix', 'env', (t) => t.replace('ghp_', 'gh\u0440_'), /non-ASCII character U\+0440/],
    ['a full-width Ｏ', 'env', at(15, '\uff2f', 1), /non-ASCII character U\+FF2F/],
    ['a zero-width space', 'stdin', at(12, '\u200b'), /non-ASCII character U\+200B/],
    ['a space inside', 'env', at(20, ' '), /contains a space; paste it again without spaces/],
    ['two tokens pasted together', 'env', (t) => t + other, /Two tokens were pasted together; paste only one/],
    ['two tokens with a space', 'env', (t) => `${t} ${other}`, /Two tokens were pasted together/],
    ['two tokens on two lines', 'stdin', (t) => `${t}\n${other}\n`, /Two tokens were pasted together/],
  ];
  it.each(cases)('%s (%s)', async (_name, source, mangle, reason) => {
    const bad = mangle(token);
    const args = ['--repo', 'octocat/hello-world', ...target(), '--json', ...(source === 'stdin' ? ['--token-stdin'] : [])];
    const result = await runCli(args, source === 'stdin' ? { input: bad } : { env: { CR_PAT: bad } });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
    const report = JSON.parse(result.stdout) as Report;
    expect(report.verdict).toBe('fail');
    const [format, ...rest] = report.checks;
    expect(format).toMatchObject({ id: 'token.format', status: 'fail' });
    expect(format!.summary).toMatch(reason);
    expect(format!.summary).not.toContain('\n');
    expect(format!.summary).not.toMatch(CONTROL);
    expect(rest.every((c) => c.status === 'skip')).toBe(true);
    expect(sim.requests).toEqual([]); // nothing sent anywhere
    expect(echoes(result.stdout, token)).toBe(false);
    expect(result.stdout).not.toContain(other);
  });
});

describe('URLs and flags that cannot be right → exit 2, one line', () => {
  const credentialed = () => `https://x-access-token:${token}@github.com/octocat/hello-world`;
  const repoCases: [string, string | (() => string), RegExp][] = [
    ['credentials', 'https://user:pw@github.com/octocat/hello-world', /Credentials must not be in the repository URL/],
    // A token anywhere in an argument is refused as such (issue 11: one recogniser, looksLikeToken), before the URL is parsed.
    ['the token as credentials (not echoed)', credentialed, /a token as an argument is refused/],
    ['a fragment', 'https://github.com/octocat/hello-world#readme', /Remove the query string or fragment/],
    ['a query string', 'https://github.com/octocat/hello-world?tab=readme-ov-file', /Remove the query string or fragment/],
    ['percent-encoding in the owner', 'https://github.com/octo%63at/hello-world', /percent-encoding/],
    ['an encoded slash', 'octocat%2Fhello-world', /percent-encoding/],
    ['a look-alike letter in the host', 'https://g\u0456thub.com/octocat/hello-world', /non-ASCII character U\+0456 \(a look-alike letter\?\)/],
    ['a look-alike letter in the owner', '\u043ectocat/hello-world', /non-ASCII character U\+043E/],
    ['an escape sequence', 'octocat/hello\u001b[31m-world', /control character/],
    ['a line break', 'octocat/hello\nworld', /control character/],
    ['nothing', '', /The repository is empty/],
    ['white space only', '   ', /The repository is empty/],
    ['a 100 kB name', `octocat/${'a'.repeat(100_000)}`, /at most 100 characters/],
    ['a port out of range', 'https://github.com:99999/octocat/hello-world', /The port must be a number from 1 to 65535/],
  ];
  it.each(repoCases)('--repo with %s', async (_name, repo, reason) => {
    const result = await runCli(['--repo', typeof repo === 'function' ? repo() : repo, ...target()], { env: { CR_PAT: token } });
    expectUsageError(result, reason);
    expect(sim.requests).toEqual([]);
  });

  const apiCases: [string, (api: string) => string, RegExp][] = [
    ['credentials', (api) => api.replace('http://', 'http://user:pw@'), /Credentials must not be in the API URL/],
    ['the token as credentials (not echoed)', (api) => api.replace('http://', `http://x:${token}@`), /a token as an argument is refused/],
    ['a fragment', (api) => `${api}/#frag`, /must not have a query string or fragment/],
    ['a query string', (api) => `${api}?per_page=1`, /must not have a query string or fragment/],
    ['percent-encoding', (api) => `${api}/ap%69`, /must not contain percent-encoding/],
    ['a look-alike letter', () => 'https://\u0430pi.github.com', /non-ASCII character U\+0430/],
    ['a control character', () => 'https://api.github.com\u0007', /control character/],
    ['plain http to a host that is not loopback', () => 'http://api.github.com', /must use https:\/\//],
  ];
  it.each(apiCases)('--api-url with %s', async (_name, mangle, reason) => {
    const result = await runCli(['--repo', 'octocat/hello-world', '--api-url', mangle(sim.apiUrl), '--registry', sim.registryUrl], { env: { CR_PAT: token } });
    expectUsageError(result, reason);
    expect(sim.requests).toEqual([]);
  });

  it.each([
    ['credentials', 'https://user:pw@ghcr.io', /Credentials must not be in the registry/],
    ['an image path', 'ghcr.io/octocat/hello-world', /not an image path/],
    ['a query string', 'ghcr.io?x=1', /must not have a query string or fragment/],
    ['a look-alike letter', 'ghcr.\u0456o', /non-ASCII character U\+0456/],
    ['plain http to a host that is not loopback', 'http://ghcr.io', /https/],
  ])('--registry with %s', async (_name, registry, reason) => {
    const result = await runCli(['--repo', 'octocat/hello-world', '--api-url', sim.apiUrl, '--registry', registry], { env: { CR_PAT: token } });
    expectUsageError(result, reason);
  });

  it('GITHUB_API_URL with credentials', async () => {
    const result = await runCli(['--repo', 'octocat/hello-world'], { env: { CR_PAT: token, GITHUB_API_URL: 'https://u:p@api.github.com', CRPAT_REGISTRY: sim.registryUrl } });
    expectUsageError(result, /Credentials must not be in the API URL/);
  });

  // No --api-url or --registry was passed: the line names the variable the bad value came from (it said only
  // "The API URL must start with https://").
  it.each([
    ['GITHUB_API_URL', { GITHUB_API_URL: 'ftp://api.example.com', CRPAT_REGISTRY: 'http://127.0.0.1:1' }],
    ['CRPAT_REGISTRY', { GITHUB_API_URL: 'http://127.0.0.1:1', CRPAT_REGISTRY: 'bad host' }],
  ])('a bad %s is named as the variable', async (name, env) => {
    const result = await runCli(['--repo', 'octocat/hello-world'], { env: { CR_PAT: token, ...env } });
    expectUsageError(result, new RegExp(`^crpat: ${name} \\(from the environment\\): `));
  });

  it.each([
    ['not a number', 'abc'],
    ['negative', '-1'],
    ['zero', '0'],
    // Beyond Node's timer range it was "crpat: internal error: The value of "delay" is out of range", exit 3.
    ['a billion seconds', '1e9'],
    ['over an hour', '3601'],
  ])('--timeout %s', async (_name, value) => {
    expectUsageError(await runCli(['--repo', 'octocat/hello-world', ...target(), '--timeout', value], { env: { CR_PAT: token } }), /--timeout must be a positive number/);
  });

  it('--image with a look-alike letter', async () => {
    const result = await runCli(['--repo', 'octocat/hello-world', ...target(), '--image', 'h\u0435llo'], { env: { CR_PAT: token } });
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')).toHaveLength(2);
  });

  // Known bug, outside this suite's files: the image-name error quotes the raw input, so `--image $'\e]0;…\a'` writes
  // an escape sequence to the terminal (it retitles the window). Fix in parseImageTarget (src/destination/image.ts): quote
  // the name with JSON.stringify, or refuse control characters first with unsafeTextReason. Flip to `it` once fixed.
  it('--image with an escape sequence is refused without echoing the sequence', async () => {
    const result = await runCli(['--repo', 'octocat/hello-world', ...target(), '--image', 'x\u001b]0;pwned\u0007'], { env: { CR_PAT: token } });
    expectUsageError(result, /image/);
  });
});

describe('valid input that only looks odd is accepted', () => {
  async function accepted(args: string[], env: Record<string, string> = {}): Promise<Report> {
    const result = await runCli([...args, '--json'], { env: { CR_PAT: token, ...env } });
    expect(result.stderr).toBe('');
    expect(echoes(result.stdout, token)).toBe(false);
    const report = JSON.parse(result.stdout) as Report;
    expect(result.code).toBe({ pass: 0, fail: 1, inconclusive: 3 }[report.verdict]);
    return report;
  }

  it.each(['https://GITHUB.COM/octocat/hello-world', 'git@GitHub.com:octocat/hello-world.git', 'HTTPS://GitHub.com/octocat/hello-world.git', 'https://github.com:443/octocat/hello-world'])(
    '--repo %s',
    async (repo) => {
      const report = await accepted(['--repo', repo, ...target()]);
      expect(report.verdict).toBe('pass');
      expect(report.target.repository).toBe('octocat/hello-world');
    },
  );

  it('an upper-case owner and name are GitHub\'s own (case-insensitive); the image is lower-cased and says so', async () => {
    const report = await accepted(['--repo', 'https://github.com/Octocat/Hello-World', ...target()]);
    expect(report.verdict).toBe('pass');
    expect(report.target.image).toBe(`${sim.registryHost}/octocat/hello-world`);
    expect(report.checks.find((c) => c.id === 'registry.push')!.summary).toMatch(/lower-cased from .*Octocat\/Hello-World/);
  });

  it('a port on a GitHub Enterprise host, with --api-url on that host (the simulator\'s address)', async () => {
    const report = await accepted(['--repo', 'https://127.0.0.1:8443/octocat/hello-world', ...target()]);
    expect(report.verdict).toBe('pass');
  });

  it('a port on a GitHub Enterprise host named by GH_HOST, endpoints derived with the port kept', async () => {
    const report = await accepted(['--repo', 'https://ghe.corp.invalid:8443/octocat/hello-world', '--timeout', '2'], { GH_HOST: 'ghe.corp.invalid:8443' });
    expect(report.target).toMatchObject({ apiUrl: 'https://ghe.corp.invalid:8443/api/v3', registry: 'containers.ghe.corp.invalid:8443' });
    expect(report.verdict).toBe('inconclusive'); // the name does not resolve, and the report says so
    expect(report.checks.find((c) => c.id === 'token.valid')!.summary).toMatch(/the name ghe\.corp\.invalid does not resolve/);
  });

  it('upper-case schemes and hosts in --api-url and --registry', async () => {
    const report = await accepted(['--repo', 'octocat/hello-world', '--api-url', sim.apiUrl.replace('http://', 'HTTP://'), '--registry', sim.registryUrl.replace('http://', 'HTTP://')]);
    expect(report.verdict).toBe('pass');
  });
});

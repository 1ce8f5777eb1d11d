import { describe, expect, it } from 'vitest';
import { type ActionDeps, daysLeft, runAction } from '../../../src/action/run.js';
import { UsageError } from '../../../src/errors.js';
import { CHECK_IDS, type Report } from '../../../src/types.js';

// runAction in-process, with a stubbed check: the seams the spawned tests cannot reach easily.

const TOKEN = 'ghp_0123456789abcdefghijklmnopqrstuvwxyzAB';

function report(summary = 'fine'): Report {
  return {
    schemaVersion: 1,
    verdict: 'pass',
    target: { repository: 'acme/api', image: 'ghcr.io/acme/api', apiUrl: 'https://api.github.com', registry: 'ghcr.io' },
    token: { kind: 'classic', login: 'octocat', scopes: [], expiresAt: null },
    profile: 'push',
    capabilities: [],
    githubToken: null,
    checks: CHECK_IDS.map((id) => ({ id, status: 'pass', summary, fix: null, details: [] })),
  };
}

function harness(check: ActionDeps['checkToken']) {
  let stdout = '';
  const files = new Map<string, string>();
  const deps: ActionDeps = {
    write: (text) => void (stdout += text),
    appendFile: async (path, text) => void files.set(path, (files.get(path) ?? '') + text),
    readFile: async () => '{}',
    checkToken: check,
    randomUUID: () => '00000000-0000-0000-0000-000000000000',
  };
  return { deps, stdout: () => stdout, files };
}

const env = { INPUT_TOKEN: TOKEN, GITHUB_REPOSITORY: 'acme/api', GITHUB_OUTPUT: '/out', GITHUB_STEP_SUMMARY: '/sum' };

describe('runAction', () => {
  it('passes the inputs to the check and writes the outputs', async () => {
    let seen: unknown;
    const h = harness(async (options) => ((seen = options), report()));
    expect(await runAction({ ...env, INPUT_IMAGE: 'worker', 'INPUT_API-URL': 'https://ghe.example.com/api/v3' }, h.deps)).toBe(0);
    expect(seen).toEqual({ repository: 'acme/api', token: TOKEN, profile: 'push', expiryWarnDays: 7, workflowRepository: 'acme/api', image: 'worker', apiUrl: 'https://ghe.example.com/api/v3', registry: 'ghcr.io' });
    expect(h.files.get('/out')).toMatch(/^verdict=pass\nlogin=octocat\nexpires-at=\ndays-left=\njson<<ghadelimiter_00000000-0000-0000-0000-000000000000\n\{/);
  });

  it('scrubs the token from everything it writes, should any text ever carry it', async () => {
    const h = harness(async () => report(`leaked ${TOKEN}`));
    await runAction(env, h.deps);
    expect(h.stdout().split('\n').slice(1).join('\n')).not.toContain(TOKEN);
    expect(h.stdout()).toContain('leaked ***');
    expect([...h.files.values()].join('')).not.toContain(TOKEN);
  });

  it('a UsageError from the check is one ::error and exit 1', async () => {
    const h = harness(async () => {
      throw new UsageError('"Not A Repo" is not a repository');
    });
    expect(await runAction(env, h.deps)).toBe(1);
    expect(h.stdout()).toBe(`::add-mask::${TOKEN}\n::error title=crpat::"Not A Repo" is not a repository\n`);
    expect(h.files.get('/sum')).toMatch(/^### crpat: ❌ crpat/);
  });

  it('an internal error is an ::error too, never a throw', async () => {
    const h = harness(async () => {
      throw new Error(`boom with ${TOKEN}`);
    });
    expect(await runAction(env, h.deps)).toBe(1);
    expect(h.stdout()).toBe(`::add-mask::${TOKEN}\n::error title=crpat::internal error: boom with ***\n`);
  });

  it('the trace input: the exchanges the check reports, redacted, written to that path', async () => {
    const h = harness(async (_options, deps) => {
      deps?.onExchange?.({
        startedAt: performance.now(),
        method: 'GET',
        url: 'https://api.github.com/user',
        requestHeaders: new Headers({ authorization: `token ${TOKEN}` }),
        status: 200,
        responseHeaders: new Headers({ 'content-type': 'application/json', 'x-oauth-scopes': 'repo' }),
        body: new TextEncoder().encode(`{"login":"octocat","echo":"${TOKEN}"}`),
        bodyBytes: 40,
        cancelled: false,
        failure: null,
        ms: 3,
      });
      return report();
    });
    const written = new Map<string, string>();
    h.deps.writeFile = async (path, text) => void written.set(path, text);
    expect(await runAction({ ...env, INPUT_TRACE: 'crpat-trace.json' }, h.deps)).toBe(0);
    const trace = JSON.parse(written.get('crpat-trace.json') ?? '{}') as { exchanges: { request: { authorization: string }; json: unknown }[] };
    expect(trace.exchanges[0]?.request.authorization).toBe(`token ghp_REDACTEDREDACTEDREDACTEDREDACTEDREDACT`);
    expect(trace.exchanges[0]?.request.authorization).toHaveLength(`token ${TOKEN}`.length);
    expect(written.get('crpat-trace.json')).not.toContain(TOKEN.slice(4));
    // Where to send it is a URL a runner's reader can open, not a path that exists only in a clone.
    expect(h.stdout()).toContain(
      'Trace written to crpat-trace.json: upload it with actions/upload-artifact and attach it to a Wrong verdict issue: https://github.com/crpat/crpat/issues/new?template=wrong-verdict.yml\n',
    );
  });

  it('without GITHUB_OUTPUT or GITHUB_STEP_SUMMARY: a warning each, and the verdict still decides', async () => {
    const h = harness(async () => report());
    expect(await runAction({ INPUT_TOKEN: TOKEN, GITHUB_REPOSITORY: 'acme/api' }, h.deps)).toBe(0);
    expect(h.stdout()).toContain('::warning title=crpat::GITHUB_OUTPUT is not set, so nothing was written to it.\n');
    expect(h.stdout()).toContain('::warning title=crpat::GITHUB_STEP_SUMMARY is not set, so nothing was written to it.\n');
  });
});

describe('days-left', () => {
  it.each([
    [null, ''],
    ['2026-12-18T00:00:00.000Z', '14'],
    ['2026-12-04T23:00:00.000Z', '0'],
    ['2026-12-03T00:00:00.000Z', '-1'],
    ['not a date', ''],
  ])('%s → %j', (expiresAt, expected) => {
    expect(daysLeft(expiresAt, new Date('2026-12-04T00:00:00.000Z'))).toBe(expected);
  });
});

describe('server text in the log cannot run workflow commands (issue 11)', () => {
  const HOSTILE = 'denied\n::stop-commands::x\n::error title=forged::all good\n##[set-output name=verdict;]pass\n::add-mask::octocat';

  it('the report is printed between ::stop-commands::<random> and ::<random>::, annotations outside it', async () => {
    const h = harness(async () => ({ ...report(HOSTILE), verdict: 'fail' }));
    h.deps.randomUUID = () => '4f9c2b1e-0d7a-4c55-9e3b-7a1f0c2d3e4b';
    await runAction(env, h.deps);
    const lines = h.stdout().split('\n');
    const stop = lines.indexOf('::stop-commands::crpat-4f9c2b1e-0d7a-4c55-9e3b-7a1f0c2d3e4b');
    const resume = lines.indexOf('::crpat-4f9c2b1e-0d7a-4c55-9e3b-7a1f0c2d3e4b::');
    expect(stop).toBeGreaterThan(0);
    expect(resume).toBeGreaterThan(stop);
    // Every hostile line is inside the block; every line outside it is crpat's own.
    for (const [index, line] of lines.entries()) {
      if (/forged|set-output|::stop-commands::x|::add-mask::octocat/.test(line)) {
        expect(index).toBeGreaterThan(stop);
        expect(index).toBeLessThan(resume);
      }
    }
    const outside = [...lines.slice(0, stop), ...lines.slice(resume + 1)].filter((l) => l.startsWith('::'));
    expect(outside.every((l) => /^::(add-mask|error|warning|notice)( title=[a-z.:%0-9A-F-]+)?::/.test(l))).toBe(true);
    expect(outside.join('\n')).not.toMatch(/^::error title=forged/m);
  });

  it('text holding the stop token cannot end the block: the Action fails rather than print it', async () => {
    const h = harness(async () => report('::crpat-00000000-0000-0000-0000-000000000000::'));
    expect(await runAction(env, h.deps)).toBe(1);
    expect(h.stdout()).not.toContain('\n::crpat-00000000-0000-0000-0000-000000000000::');
  });
});

describe('the job summary escapes the login and scopes like the table cells (issue 11)', () => {
  it('markup in a login or scope is shown, not rendered', async () => {
    const h = harness(async () => ({
      ...report(),
      token: { kind: 'classic', login: 'x`</code><img src=x onerror=alert(1)>|', scopes: ['repo', '<script>alert(1)</script>', '[click](https://evil.example)'], expiresAt: null },
    }));
    await runAction(env, h.deps);
    const summary = h.files.get('/sum') ?? '';
    const tokenLine = summary.split('\n').find((l) => l.startsWith('Token:')) ?? '';
    expect(tokenLine).not.toMatch(/<img|<script|<\/code>/);
    expect(tokenLine).not.toContain('](https://evil.example)');
    expect(tokenLine).toContain('&lt;img src=x onerror=alert\\(1\\)&gt;');
    expect(tokenLine).toContain('`repo`');
  });
});

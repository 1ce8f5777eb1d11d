import { describe, expect, it } from 'vitest';
import { PROFILES } from '../../../src/capabilities/profiles.js';
import type { ProbeRequest } from '../../../src/capabilities/run-probes.js';
import { createProbePacer } from '../../../src/capabilities/probe-pacer.js';
import { adviseGithubToken } from '../../../src/pipeline/advise-github-token.js';
import { assessTarget, probeRequest } from '../../../src/pipeline/assess-target.js';
import type { ApiOutcome, ApiRequest } from '../../../src/github/client.js';
import { readPush } from '../../../src/evidence/registry.js';
import { readRepo } from '../../../src/evidence/repo.js';
import { readUser } from '../../../src/evidence/user.js';
import type { PushOutcome } from '../../../src/registry/outcomes.js';
import { CLASSIC, FINE_GRAINED, INSTALLATION, OAUTH, USER_OK, WRITE, api, offline, repoBody } from '../../helpers/outcomes.js';

const TARGET = { host: 'github.com', owner: 'acme', name: 'api' };
const LINKS = { webUrl: 'https://github.com', owner: 'acme', name: 'api', image: 'acme/api' };
const ORG_REPO = api(200, repoBody('acme', 'Organization', WRITE));
const OPENED: PushOutcome = { kind: 'opened', location: '/v2/acme/api/blobs/uploads/1', cancel: { kind: 'cancelled' } };
const WRITE_PACKAGE: PushOutcome = {
  kind: 'refused',
  refusal: { status: 403, errors: [{ code: 'DENIED', message: 'permission_denied: write_package' }], challengeError: null, requestId: null },
};

/** A probe request that records what it was asked and answers as a token with every permission would. */
function recorder(): { request: ProbeRequest; sent: string[] } {
  const sent: string[] = [];
  const request: ProbeRequest = async (method, path) => {
    sent.push(`${method} ${path}`);
    return { status: method === 'POST' && /git\/blobs|deployments$/.test(path) ? 422 : method === 'POST' ? 404 : 200, headers: new Headers(), body: {} };
  };
  return { request, sent };
}

const inputs = (over: Partial<Parameters<typeof assessTarget>[0]> = {}): Parameters<typeof assessTarget>[0] => ({
  profile: PROFILES.deploy,
  shape: CLASSIC,
  target: TARGET,
  user: Promise.resolve(readUser(USER_OK('repo, write:packages'))),
  repo: Promise.resolve(readRepo(ORG_REPO)),
  push: Promise.resolve(readPush(OPENED)),
  ...over,
});

describe('assessTarget: the request budget', () => {
  it('classic --for deploy: every row from the answers already there, no request', async () => {
    const { request, sent } = recorder();
    const result = await assessTarget(inputs(), { request, pause: async () => {} });
    expect(sent).toEqual([]);
    expect(result.capabilities.filter((c) => c.needed).every((c) => c.granted === true)).toBe(true);
  });

  it('fine-grained --for push: no request (push needs no probe)', async () => {
    const { request, sent } = recorder();
    const result = await assessTarget(inputs({ profile: PROFILES.push, shape: FINE_GRAINED, user: Promise.resolve(readUser(USER_OK(''))) }), { request, pause: async () => {} });
    expect(sent).toEqual([]);
    expect(result.capabilities).toEqual([{ name: 'packages:write', needed: true, granted: true, evidence: expect.stringContaining('the registry opened an upload') }]);
  });

  it('fine-grained --for deploy: the four write probes, inside the run-wide serial section', async () => {
    const { request, sent } = recorder();
    let serialCalls = 0;
    const serial = <T>(task: () => Promise<T>): Promise<T> => (serialCalls++, task());
    const result = await assessTarget(inputs({ shape: FINE_GRAINED, user: Promise.resolve(readUser(USER_OK(''))) }), { request, pause: async () => {} }, serial);
    expect(serialCalls).toBe(1);
    expect(sent.filter((s) => s.startsWith('POST'))).toHaveLength(4);
    expect(result.probes).toHaveLength(4);
  });

  it('a refused token (401) can do nothing: every row false, no probe', async () => {
    const { request, sent } = recorder();
    const bad = api(401, { message: 'Bad credentials' });
    const result = await assessTarget(inputs({ shape: FINE_GRAINED, user: Promise.resolve(readUser(bad)), repo: Promise.resolve(readRepo(bad)), push: Promise.resolve(readPush(null)) }), { request });
    expect(sent).toEqual([]);
    expect(new Set(result.capabilities.map((c) => c.granted))).toEqual(new Set([false]));
    expect(result.capabilities[0]?.evidence).toMatch(/401/);
  });
});

describe('probeRequest: the probes over the API client', () => {
  it('sends a POST body as octokit `data`, an empty object included; a GET with no parameters', async () => {
    const calls: unknown[] = [];
    const call: ApiRequest = async (method, route, params) => (calls.push([method, route, params]), api(422, { message: 'Invalid request.' }));
    const request = probeRequest(call);
    expect((await request('POST', '/repos/acme/api/git/blobs', {})).status).toBe(422);
    await request('GET', '/repos/acme/api/commits?per_page=1');
    expect(calls).toEqual([
      ['POST', '/repos/acme/api/git/blobs', { data: {} }],
      ['GET', '/repos/acme/api/commits?per_page=1', {}],
    ]);
  });

  it('no answer at all is thrown, so the runner marks the row unknown', async () => {
    const request = probeRequest(async () => offline());
    await expect(request('POST', '/x', {})).rejects.toThrow(/did not answer/);
  });
});

describe('createProbePacer', () => {
  it('runs tasks one at a time, in order, even when one fails', async () => {
    const pacer = createProbePacer();
    const order: string[] = [];
    const task = (name: string, fail = false) => async () => {
      order.push(`start ${name}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
      order.push(`end ${name}`);
      if (fail) throw new Error(name);
      return name;
    };
    const results = await Promise.allSettled([pacer.serial(task('a', true)), pacer.serial(task('b'))]);
    expect(order).toEqual(['start a', 'end a', 'start b', 'end b']);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'fulfilled']);
  });

  it('keeps a second between POSTs across runs; GETs do not wait', async () => {
    let clock = 0;
    const waits: number[] = [];
    const pacer = createProbePacer({ now: () => clock, sleep: async (ms) => void (waits.push(ms), (clock += ms)) });
    const request = pacer.paced(async () => ({ status: 404, headers: new Headers(), body: {} }));
    await request('POST', '/a', {});
    clock += 300;
    await request('GET', '/b');
    await request('POST', '/c', {});
    expect(waits).toEqual([700]);
  });
});

describe('adviseGithubToken (GITHUB_TOKEN instead of the personal token)', () => {
  function getter(answer: ApiOutcome = api(404, { message: 'Package not found.' })) {
    const paths: string[] = [];
    return { paths, get: async (path: string) => (paths.push(path), answer) };
  }
  const advice = (over: Partial<Parameters<typeof adviseGithubToken>[0]> = {}, get = getter()) =>
    adviseGithubToken(
      {
        workflowRepository: 'acme/api',
        shape: CLASSIC,
        target: TARGET,
        links: LINKS,
        user: Promise.resolve(readUser(USER_OK('repo, write:packages'))),
        repo: Promise.resolve(readRepo(ORG_REPO)),
        push: Promise.resolve(readPush(OPENED)),
        ...over,
      },
      get.get,
    );

  it('only when the workflow runs in the target repository (case aside)', async () => {
    const get = getter();
    expect(await advice({ workflowRepository: 'acme/web' }, get)).toBeNull();
    expect(await advice({ workflowRepository: null }, get)).toBeNull();
    expect(get.paths).toEqual([]);
    expect(await advice({ workflowRepository: 'ACME/Api' })).not.toBeNull();
  });

  it('never for an app token: it is no personal token to replace', async () => {
    expect(await advice({ shape: INSTALLATION })).toBeNull();
  });

  it('a classic token with write:packages (so read:packages) reads the package: one GET; a new package → GITHUB_TOKEN may replace it', async () => {
    const get = getter();
    const result = await advice({}, get);
    expect(get.paths).toEqual(['/orgs/acme/packages/container/api']);
    expect(result).toMatchObject({ replaces: true, steps: [expect.stringContaining('permissions: packages: write'), expect.stringContaining('forks')] });
    expect(Object.keys(result ?? {})).toEqual(['replaces', 'summary', 'steps', 'fix']);
  });

  it('a package created elsewhere and not linked: not yet, and the package settings page to fix it', async () => {
    const result = await advice({}, getter(api(200, { name: 'api', visibility: 'private', repository: null })));
    expect(result).toMatchObject({ replaces: false, fix: { url: 'https://github.com/orgs/acme/packages/container/api/settings' } });
  });

  it('without read:packages (OAuth too) no GET is sent, and the package is unknown', async () => {
    const get = getter();
    const result = await advice({ shape: OAUTH, user: Promise.resolve(readUser(USER_OK('repo, gist'))) }, get);
    expect(get.paths).toEqual([]);
    expect(result?.replaces).toBeNull();
    expect(result?.summary).toMatch(/read:packages/);
  });

  it('a fine-grained token cannot read packages: no GET', async () => {
    const get = getter();
    expect((await advice({ shape: FINE_GRAINED, user: Promise.resolve(readUser(USER_OK(''))) }, get))?.replaces).toBeNull();
    expect(get.paths).toEqual([]);
  });

  it('a 404 from the packages API after the registry said write_package: hidden, not absent', async () => {
    const result = await advice({ push: Promise.resolve(readPush(WRITE_PACKAGE)) });
    expect(result?.replaces).toBeNull();
    expect(result?.summary).toMatch(/write_package/);
  });

  it("a user's own repository is read through /user/packages", async () => {
    const get = getter();
    const repo = Promise.resolve(readRepo(api(200, repoBody('octocat', 'User', WRITE))));
    await advice({ workflowRepository: 'octocat/api', target: { ...TARGET, owner: 'octocat' }, links: { ...LINKS, owner: 'octocat', image: 'octocat/api' }, repo }, get);
    expect(get.paths).toEqual(['/user/packages/container/api']);
  });
});

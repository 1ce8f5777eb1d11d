import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../../src/cli/args.js';
import { linkPlan, renderLinks } from '../../../src/cli/link-command.js';
import { run, type RunDeps } from '../../../src/cli/run.js';
import { testIO, type TestIOOptions } from '../../helpers/io.js';
import { FakePrompter } from '../../helpers/prompter.js';
import { guideAnchors } from '../../helpers/guide.js';

/**
 * `crpat link` through the whole CLI: no token read (a CR_PAT lookup throws), no prompt (the fake prompter fails on
 * any), no check run (checkToken throws), nothing but GITHUB_API_URL read from the environment.
 */
function setup(env: Record<string, string> = {}, io: TestIOOptions = {}) {
  const t = testIO(io);
  const prompter = new FakePrompter();
  const read: string[] = [];
  const guarded = new Proxy(env, {
    get(target, key) {
      if (typeof key === 'string') read.push(key);
      if (key === 'CR_PAT') throw new Error('crpat link must not read CR_PAT');
      return typeof key === 'string' ? target[key] : undefined;
    },
  });
  const deps: RunDeps = {
    io: t.io,
    env: guarded,
    cwd: '/work/app',
    platform: 'linux',
    prompter,
    git: async () => {
      throw new Error('crpat link must not read the git remote');
    },
    checkToken: async () => {
      throw new Error('crpat link must not check anything');
    },
    loadSimulator: async () => {
      throw new Error('no simulator');
    },
    spinnerIntervalMs: 0,
  };
  return { t, deps, read, prompter };
}

const json = (text: string) => JSON.parse(text) as { profile: string; classic: string; fineGrained: string | null };

describe('parseArgs: link', () => {
  it.each([
    [['link'], {}],
    [['link', '--for', 'deploy'], { for: 'deploy' }],
    [['link', '--repo', 'acme/api', '--json'], { repo: 'acme/api', json: true }],
    [['link', '--api-url=https://ghe.example/api/v3'], { apiUrl: 'https://ghe.example/api/v3' }],
  ])('%j', (argv, flags) => {
    expect(parseArgs(argv)).toEqual({ command: 'link', flags });
  });

  it.each([
    [['link', '--token-stdin'], "unknown option '--token-stdin'"],
    [['link', '--image', 'x'], "unknown option '--image'"],
    [['link', 'acme/api'], 'unexpected argument: link takes no arguments; the repository goes after --repo (see crpat link --help)'],
  ])('refuses %j', (argv, message) => {
    expect(() => parseArgs(argv)).toThrow(message);
  });
});

describe('crpat link', () => {
  it('push: the classic link with exactly write:packages, no fine-grained link, and touches nothing else', async () => {
    const { t, deps, read, prompter } = setup({ CR_PAT: 'ghp_never_read' });
    expect(await run(['link'], deps)).toBe(0);
    expect(t.err()).toBe('');
    expect(t.out()).toBe(
      [
        'Classic token for push, with exactly the scope it needs (write:packages):',
        '  https://github.com/settings/tokens/new?scopes=write:packages&description=crpat%20push%3A%20CR_PAT',
        "  repo is not needed to push images, although GitHub's form ticks it when you tick write:packages by hand; this link selects write:packages alone.",
        '',
        'Step by step: crpat guide create-token',
        '',
      ].join('\n'),
    );
    expect(read).toEqual(['GITHUB_API_URL']);
    expect(prompter.calls).toEqual([]);
  });

  it('--json: exactly {profile, classic, fineGrained}', async () => {
    const { t, deps } = setup();
    expect(await run(['link', '--json', '--repo', 'acme/api'], deps)).toBe(0);
    expect(json(t.out())).toEqual({
      profile: 'push',
      classic: 'https://github.com/settings/tokens/new?scopes=write:packages&description=crpat%20push%3A%20acme%2Fapi',
      fineGrained: null,
    });
  });

  it('deploy with --repo: classic repo,write:packages named for the target, and the fine-grained link with its caveat', async () => {
    const { t, deps } = setup();
    expect(await run(['link', '--for', 'deploy', '--repo', 'https://github.com/acme/api'], deps)).toBe(0);
    const out = t.out();
    expect(out).toContain('Classic token for deploy on acme/api, with exactly the scopes it needs (repo, write:packages):');
    expect(out).toContain('https://github.com/settings/tokens/new?scopes=repo,write:packages&description=crpat%20deploy%3A%20acme%2Fapi');
    expect(out).toContain('(Contents, Metadata, Actions, Deployments, Environments)');
    expect(out).toContain('It cannot push images: GitHub Packages accepts only classic tokens.');
    expect(out).toMatch(/took that documentation down for a while in 2026/);
    expect(out).toContain('Step by step: crpat guide deploy-token');

    const { t: t2, deps: deps2 } = setup();
    await run(['link', '--for', 'deploy', '--repo', 'acme/api', '--json'], deps2);
    const url = new URL(json(t2.out()).fineGrained ?? '');
    expect(`${url.origin}${url.pathname}`).toBe('https://github.com/settings/personal-access-tokens/new');
    expect(url.searchParams.get('target_name')).toBe('acme');
    expect(['contents', 'metadata', 'actions', 'deployments', 'environments'].map((p) => url.searchParams.get(p))).toEqual(['write', 'read', 'write', 'write', 'write']);
    expect(url.searchParams.has('organization_administration')).toBe(false);
  });

  it('deploy without --repo: no resource owner, a note without a target', () => {
    const plan = linkPlan({ for: 'deploy' }, {});
    expect(plan.links.classic).toBe('https://github.com/settings/tokens/new?scopes=repo,write:packages&description=crpat%20deploy%3A%20CR_PAT');
    const url = new URL(plan.links.fineGrained ?? '');
    expect(url.searchParams.has('target_name')).toBe(false);
    expect(url.searchParams.get('name')).toBe('crpat deploy');
    expect(url.searchParams.get('contents')).toBe('write');
  });

  it.each([
    ['GitHub Enterprise Server named by --api-url', 'https://ghe.corp.example/acme/api', { apiUrl: 'https://ghe.corp.example/api/v3' }, {}, 'https://ghe.corp.example/settings/tokens/new?'],
    ['GitHub Enterprise Server named by GH_HOST', 'https://ghe.corp.example/acme/api', {}, { GH_HOST: 'ghe.corp.example' }, 'https://ghe.corp.example/settings/tokens/new?'],
    ['GHE.com', 'git@acme.ghe.com:acme/api.git', {}, {}, 'https://acme.ghe.com/settings/tokens/new?'],
  ])('%s: the links use the host of --repo', (_name, repo, flags, env, prefix) => {
    expect(linkPlan({ repo, for: 'deploy', ...flags }, env).links.classic.startsWith(prefix)).toBe(true);
    expect(linkPlan({ repo, for: 'deploy', ...flags }, env).links.fineGrained?.startsWith(prefix.replace('tokens/new', 'personal-access-tokens/new'))).toBe(true);
  });

  it('a bad API URL is named where it came from: the flag, or GITHUB_API_URL from the environment', () => {
    expect(() => linkPlan({ repo: 'acme/api', apiUrl: 'ftp://x' }, {})).toThrow(/^--api-url: The API URL must start with https:\/\//);
    expect(() => linkPlan({ repo: 'acme/api' }, { GITHUB_API_URL: 'ftp://x' })).toThrow(/^GITHUB_API_URL \(from the environment\): The API URL must start/);
  });

  it.each([
    ['a forge', 'https://gitlab.com/acme/api', 'gitlab.com is GitLab, not GitHub: crpat checks GitHub tokens, so it sent nothing there'],
    ['a typo', 'githib.com/acme/api', 'githib.com is not github.com (a typo?)'],
    ['a host nobody named', 'https://ghe.corp.example/acme/api', 'ghe.corp.example is not github.com or a GHE.com host, and crpat sent nothing there. If it is your GitHub Enterprise Server, pass --api-url https://ghe.corp.example/api/v3'],
  ])('never links to %s: the links follow a trusted host only', (_name, repo, reason) => {
    expect(() => linkPlan({ repo }, {})).toThrow(reason);
  });

  it.each([
    [{ apiUrl: 'https://ghe.corp.example/api/v3' }, {}, 'https://ghe.corp.example/'],
    [{}, { GITHUB_API_URL: 'https://api.acme.ghe.com' }, 'https://acme.ghe.com/'],
    [{}, { GITHUB_API_URL: 'https://api.github.com' }, 'https://github.com/'],
    [{ apiUrl: 'https://ghe.corp.example/api/v3', repo: 'octocat/hello-world' }, {}, 'https://github.com/'],
  ])('without --repo, the web host of --api-url or GITHUB_API_URL: %j %j', (flags, env, prefix) => {
    expect(linkPlan(flags, env).links.classic.startsWith(`${prefix}settings/tokens/new?`)).toBe(true);
  });

  it.each([
    [['link', '--for', 'everything'], 'crpat: --for is one of push, deploy'],
    [['link', '--repo', 'not a repo'], 'crpat: --repo: '],
    [['link', '--api-url', 'ftp://x'], 'crpat: --api-url: '],
    [['link', '--token', 'ghp_x'], 'crpat: --token is refused'],
  ])('%j exits 2 with one line', async (argv, start) => {
    const { t, deps } = setup();
    expect(await run(argv, deps)).toBe(2);
    expect(t.out()).toBe('');
    expect(t.err().startsWith(start)).toBe(true);
    expect(t.err().trimEnd().split('\n')).toHaveLength(1);
  });

  it('wraps the prose to the terminal, never a link', () => {
    const text = renderLinks(linkPlan({ for: 'deploy', repo: 'acme/api' }, {}), 60);
    for (const line of text.split('\n')) if (!line.trimStart().startsWith('https://')) expect(line.length).toBeLessThanOrEqual(60);
    // Issue 14: a link wider than the terminal starts at the first column, so no indent sits inside what it wraps.
    expect(text).toMatch(/^https:\/\/github\.com\/settings\/personal-access-tokens\/new\?\S+$/m);
    expect(renderLinks(linkPlan({ for: 'deploy', repo: 'acme/api' }, {}), 0)).toMatch(/^ {2}https:\/\/github\.com\/settings\/personal-access-tokens\/new\?\S+$/m);
  });

  it('points at guide steps that exist', () => {
    const anchors = guideAnchors();
    for (const profile of ['push', 'deploy'] as const) {
      const anchor = /crpat guide ([a-z-]+)/.exec(renderLinks(linkPlan({ for: profile }, {}), 0))?.[1];
      expect(anchors).toContain(anchor);
    }
  });
});

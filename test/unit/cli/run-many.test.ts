import { describe, expect, it } from 'vitest';
import { overallVerdict } from '../../../src/pipeline/check-token-many.js';
import type { CheckTokenManyDeps, CheckTokenManyOptions } from '../../../src/pipeline/options.js';
import { type CheckTokenManyFn, run, type RunDeps } from '../../../src/cli/run.js';
import { tokenChecksum } from '../../../src/token/checksum.js';
import type { ManyReport, RepoTarget, Report } from '../../../src/types.js';
import { testIO } from '../../helpers/io.js';
import { FakePrompter } from '../../helpers/prompter.js';
import { FAIL_REPORT, INCONCLUSIVE_REPORT, PASS_REPORT } from '../report/fixtures.js';

const BODY = 'Zx81TestOnlyBody0000aaaabbbbcc';
const TOKEN = `ghp_${BODY}${tokenChecksum(BODY)}`;

/** A checkTokenMany that answers `verdicts` in order (one report per repository) and records its calls. */
function fakeMany(byRepo: Record<string, Report> = {}): CheckTokenManyFn & { calls: { options: CheckTokenManyOptions; deps: CheckTokenManyDeps | undefined }[] } {
  const calls: { options: CheckTokenManyOptions; deps: CheckTokenManyDeps | undefined }[] = [];
  const fn: CheckTokenManyFn = async (options, deps) => {
    calls.push({ options, deps });
    const results = options.repositories.map((repo, index) => {
      const name = typeof repo === 'string' ? repo : `${repo.owner}/${repo.name}`;
      const report = { ...(byRepo[name] ?? PASS_REPORT), target: { ...PASS_REPORT.target, repository: name, image: `ghcr.io/${name}` } };
      deps?.onResult?.(report, index);
      return report;
    });
    return { schemaVersion: 1, verdict: overallVerdict(results), results } satisfies ManyReport;
  };
  return Object.assign(fn, { calls });
}

function setup(files: Record<string, string> = {}, many = fakeMany()) {
  const t = testIO();
  const single: Report[] = [];
  const deps: RunDeps = {
    io: t.io,
    env: { CR_PAT: TOKEN },
    cwd: '/work/app',
    platform: 'linux',
    prompter: new FakePrompter(),
    git: async () => {
      throw new Error('not a git repository');
    },
    checkToken: async () => {
      single.push(PASS_REPORT);
      return PASS_REPORT;
    },
    checkTokenMany: many,
    readTextFile: async (path) => {
      const text = files[path];
      if (text === undefined) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
      return text;
    },
    loadSimulator: async () => {
      throw new Error('no simulator in this test');
    },
    spinnerIntervalMs: 0,
  };
  return { t, deps, many, single };
}

const names = (repositories: readonly (string | RepoTarget)[]) =>
  repositories.map((r) => (typeof r === 'string' ? r : `${r.owner}/${r.name}`));

describe('run: several repositories', () => {
  it('one --repo keeps the single report; two print the grouped document, exit from the overall verdict', async () => {
    const one = setup();
    expect(await run(['--repo', 'acme/api', '--json'], one.deps)).toBe(0);
    expect(one.single).toHaveLength(1);
    expect(JSON.parse(one.t.out())).toHaveProperty('checks');

    const two = setup({}, fakeMany({ 'acme/web': FAIL_REPORT }));
    expect(await run(['--repo', 'acme/api', '--repo', 'https://github.com/acme/web', '--json'], two.deps)).toBe(1);
    expect(two.single).toHaveLength(0);
    const doc = JSON.parse(two.t.out()) as ManyReport;
    expect(Object.keys(doc)).toEqual(['schemaVersion', 'verdict', 'results']);
    expect(doc.verdict).toBe('fail');
    expect(doc.results.map((r) => r.target.repository)).toEqual(['acme/api', 'acme/web']);
    expect(two.t.err()).toBe('');
  });

  it('inconclusive overall → exit 3; every pass → exit 0', async () => {
    const mixed = setup({}, fakeMany({ 'acme/web': INCONCLUSIVE_REPORT }));
    expect(await run(['--repo', 'acme/api', '--repo', 'acme/web'], mixed.deps)).toBe(3);
    const fine = setup();
    expect(await run(['--repo', 'acme/api', '--repo', 'acme/web'], fine.deps)).toBe(0);
  });

  it('--repos-file: --repo targets first, then the file lines; always the grouped document, even for one line', async () => {
    const { t, deps, many } = setup({ 'list.txt': '# ours\nacme/web\n\nacme/docs # docs\n', 'one.txt': 'acme/api\n' });
    expect(await run(['--repo', 'acme/api', '--repos-file', 'list.txt', '--json'], deps)).toBe(0);
    expect(names(many.calls[0]!.options.repositories)).toEqual(['acme/api', 'acme/web', 'acme/docs']);
    expect(many.calls[0]!.options.token).toBe(TOKEN);
    expect(JSON.parse(t.out())).toHaveProperty('results');

    const single = setup({ 'one.txt': 'acme/api\n' });
    expect(await run(['--repos-file', 'one.txt', '--json'], single.deps)).toBe(0);
    expect((JSON.parse(single.t.out()) as ManyReport).results).toHaveLength(1);
  });

  it('without --json: one line per repository on stderr as each is decided, the grouped report on stdout', async () => {
    const { t, deps } = setup({}, fakeMany({ 'acme/web': FAIL_REPORT }));
    expect(await run(['--repo', 'acme/api', '--repo', 'acme/web', '--no-color'], deps)).toBe(1);
    expect(t.err()).toBe('✔ acme/api  can push\n✖ acme/web  cannot push: 2 problems\n');
    expect(t.out().split('\n')[0]).toBe('✖ This token cannot push to 1 of 2 repositories');
  });

  it.each([
    [['--repo', 'a/b', '--repo', 'c/d', '--image', 'x'], 'crpat: --image names one package, so it takes a single repository; with several, each is probed at its own name (drop --image, or check that repository alone)\n'],
    [['--repos-file', 'list.txt', '--image', 'x'], 'crpat: --image names one package, so it takes a single repository; with several, each is probed at its own name (drop --image, or check that repository alone)\n'],
    [['--repo', 'a/b', '--repo', 'not a repo'], 'crpat: --repo #2: A repository is owner/name (e.g. octocat/hello-world) or its URL.\n'],
    [['--repos-file', 'bad.txt'], 'crpat: --repos-file bad.txt: line 3 is not a repository: A repository is owner/name (e.g. octocat/hello-world) or its URL.\n'],
    [['--repos-file', 'secret.txt'], 'crpat: --repos-file secret.txt: line 1 looks like a token, not a repository; remove it (and revoke that token if the file was shared)\n'],
    [['--repos-file', 'missing.txt'], 'crpat: --repos-file missing.txt: no such file\n'],
    [['--repos-file', 'empty.txt'], 'crpat: --repos-file empty.txt: it lists no repository (one owner/name or URL per line)\n'],
  ])('%j: one line, exit 2, nothing checked', async (argv, message) => {
    const files = { 'list.txt': 'a/b\nc/d\n', 'bad.txt': 'a/b\n# fine\nnot a repo\n', 'secret.txt': `${TOKEN}\n`, 'empty.txt': '# none\n' };
    const { t, deps, many } = setup(files);
    expect(await run(argv, deps)).toBe(2);
    expect(t.err()).toBe(message);
    expect(t.err()).not.toContain(TOKEN);
    expect(many.calls).toHaveLength(0);
  });
});

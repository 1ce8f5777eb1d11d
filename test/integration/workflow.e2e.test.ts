import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setActionsSecret } from '../../src/index.js';
import { tokenValue } from '../../src/simulator/index.js';
import { INIT_PATH } from '../../src/workflow/init.js';
import type { WorkflowReport } from '../../src/workflow/report.js';
import { runCli } from '../helpers/cli.js';
import { secretsWorld } from '../helpers/secrets-world.js';
import { useSimulator } from '../simulator/helpers.js';

// `crpat workflow` as a user runs it: the built binary on folders of real workflow files; `--check` against the
// bundled simulator over real HTTP.

const FIXTURES = fileURLToPath(new URL('../fixtures/workflows/', import.meta.url));
let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'crpat-workflow-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const json = (stdout: string) => JSON.parse(stdout) as WorkflowReport;

// Each test spawns the binary several times: give a loaded machine room.
describe('crpat workflow on the fixture folders', { timeout: 90_000 }, () => {
  it('broken/: --json, exit 1, the syntax error on stderr as one line, the other files still checked', async () => {
    const result = await runCli(['workflow', 'broken', '--json', '--repo', 'Acme/api'], { cwd: FIXTURES });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('crpat: broken/bad-yaml.yml:7: Nested mappings are not allowed in compact mappings\n');
    const report = json(result.stdout);
    expect(report).toMatchObject({ schemaVersion: 1, verdict: 'fail', repository: 'Acme/api' });
    expect(report.files).toHaveLength(12);
    for (const finding of report.findings) expect(Object.keys(finding).sort()).toEqual(['file', 'fix', 'id', 'job', 'line', 'status', 'summary']);
    const failed = new Set(report.findings.filter((f) => f.status === 'fail').map((f) => `${f.file} ${f.id}`));
    for (const expected of [
      'broken/bad-yaml.yml workflow.syntax',
      'broken/no-packages-write.yml push.permissions',
      'broken/literal-capitals.yml image.case',
      'broken/repository-capitals.yml image.case',
      'broken/pr-push.yml push.pull-request',
      'broken/pull-request-target.yml push.pull-request-target',
      'broken/login-other-registry.yml push.registry',
      'broken/owner-mismatch.yml image.owner',
    ]) expect(failed).toContain(expected);
  });

  it('good/: exit 0, the human report grouped by workflow and job', async () => {
    const result = await runCli(['workflow', 'good', '--repo', 'acme/api'], { cwd: FIXTURES });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^✔ No problem found — 3 jobs pushing to a GitHub registry in 4 workflows\nRepository: acme\/api\n\ngood\/cr-pat-lowercase\.yml\n {2}job image \(line 7\) → ghcr\.io\/\$\{GITHUB_REPOSITORY,,\}/);
    expect(result.stdout).toContain('\ngood/docs-publish.yml\n  job build-and-push-image (line 13) → ghcr.io/${{ github.repository }}\n');
    expect(result.stdout).toContain('  - workflow.pushes  line 1  No job in this workflow pushes a container image');
  });

  it('a repository root: reads .github/workflows; without one, a one-line usage error', async () => {
    const root = join(dir, 'repo');
    await mkdir(join(root, '.github', 'workflows'), { recursive: true });
    await writeFile(join(root, '.github', 'workflows', 'push.yaml'), await readFile(join(FIXTURES, 'broken', 'no-login.yml'), 'utf8'));
    const result = await runCli(['workflow', '--json'], { cwd: root });
    expect(result.code).toBe(1);
    expect(json(result.stdout).files).toEqual([join('.github', 'workflows', 'push.yaml')]);
    const empty = await runCli(['workflow'], { cwd: dir });
    expect(empty.code).toBe(2);
    expect(empty.stderr).toBe('crpat: no .github/workflows here: run crpat workflow in a repository\'s root, or give workflow files or folders\n');
    const missing = await runCli(['workflow', 'nope.yml'], { cwd: dir });
    expect(missing).toMatchObject({ code: 2, stderr: 'crpat: nope.yml: no such file or folder\n' });
  });
});

describe('crpat workflow init', { timeout: 90_000 }, () => {
  it('writes the weekly check, then refuses to overwrite it without --force', async () => {
    const root = join(dir, 'init');
    await mkdir(root);
    const first = await runCli(['workflow', 'init'], { cwd: root });
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^Wrote \.github\/workflows\/crpat-token-check\.yml/);
    const written = await readFile(join(root, INIT_PATH), 'utf8');
    expect(written).toContain("    - cron: '23 6 * * 1'");
    expect(written).toContain('  workflow_dispatch:');
    expect(written).toContain('          fail-on: warn');
    expect(written).toContain('          warn-days: 14');
    expect(written).toContain('          token: ${{ secrets.CR_PAT }}');
    // What init writes is itself a workflow crpat reads without a syntax error.
    const read = await runCli(['workflow', '--json'], { cwd: root });
    expect(read.stderr).toBe('');
    expect(json(read.stdout).findings.map((f) => f.id)).toEqual(['workflow.pushes']);

    await writeFile(join(root, INIT_PATH), '# mine\n');
    const again = await runCli(['workflow', 'init'], { cwd: root });
    expect(again).toMatchObject({ code: 2, stderr: 'crpat: .github/workflows/crpat-token-check.yml exists; run again with --force to replace it\n' });
    expect(await readFile(join(root, INIT_PATH), 'utf8')).toBe('# mine\n');
    const forced = await runCli(['workflow', 'init', '--force'], { cwd: root });
    expect(forced.code).toBe(0);
    expect(await readFile(join(root, INIT_PATH), 'utf8')).toBe(written);
  });

  it('a file where its folder should be is one line and exit 2 (was "internal error: ENOTDIR", exit 3)', async () => {
    const root = join(dir, 'init-blocked');
    await mkdir(root);
    await writeFile(join(root, '.github'), '');
    const result = await runCli(['workflow', 'init'], { cwd: root });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('crpat: cannot write .github/workflows/crpat-token-check.yml: a part of its path is a file, not a folder\n');
  });
});

describe('crpat workflow --check against the simulator', { timeout: 90_000 }, () => {
  const sim = useSimulator({ world: secretsWorld() });
  const WORKFLOW = `name: publish
on:
  push:
    branches: [main]
jobs:
  app:
    runs-on: ubuntu-latest
    steps:
      - uses: docker/login-action@v4
        with:
          registry: ghcr.io
          username: octocat
          password: \${{ secrets.CR_PAT }}
      - uses: docker/build-push-action@v7
        with:
          push: true
          tags: ghcr.io/\${{ github.repository }}:latest
  legacy:
    runs-on: ubuntu-latest
    steps:
      - run: echo "\${{ secrets.OLD_PAT }}" | docker login ghcr.io -u octocat --password-stdin
      - run: docker push ghcr.io/acme/private-app:legacy
  bot:
    runs-on: ubuntu-latest
    permissions:
      packages: write
    steps:
      - uses: docker/login-action@v4
        with:
          registry: ghcr.io
          password: \${{ secrets.GITHUB_TOKEN }}
      - run: docker push ghcr.io/acme/private-app:bot
`;

  it('the token check per pushed image, and each named secret looked up by name: CR_PAT exists, OLD_PAT does not', async () => {
    const token = tokenValue(sim().world, 'octocat-classic-admin');
    await setActionsSecret({ apiUrl: sim().apiUrl, token, owner: 'acme', repo: 'private-app', name: 'CR_PAT', value: token });
    const root = join(dir, 'check');
    await mkdir(root);
    await writeFile(join(root, 'publish.yml'), WORKFLOW);
    const result = await runCli(['workflow', 'publish.yml', '--check', '--json', '--repo', 'acme/private-app', '--api-url', sim().apiUrl, '--registry', sim().registryUrl], {
      cwd: root,
      env: { CR_PAT: token },
    });
    expect(result.stderr).toBe('');
    const report = json(result.stdout);
    const live = report.findings.filter((f) => f.id === 'token.check' || f.id === 'secret.exists').map((f) => [f.job, f.id, f.status, f.summary]);
    expect(live).toEqual([
      ['app', 'token.check', 'pass', 'The token can push to ghcr.io/acme/private-app (crpat check: every check passed or warned).'],
      ['legacy', 'token.check', 'pass', 'The token can push to ghcr.io/acme/private-app (crpat check: every check passed or warned).'],
      ['bot', 'token.check', 'skip', 'Not checked: ghcr.io/acme/private-app:bot is pushed with the GITHUB_TOKEN, which exists only inside a run.'],
      ['app', 'secret.exists', 'pass', 'The repository acme/private-app has a secret named CR_PAT.'],
      ['legacy', 'secret.exists', 'fail', 'Neither acme/private-app nor its owner has a secret named OLD_PAT: in a run, secrets.OLD_PAT is empty and the login fails.'],
    ]);
    expect(result.code).toBe(1);
    expect(result.stdout).not.toContain(token);
    // The secret is only looked up by name: its value is never requested nor printed.
    expect(sim().requests.filter((r) => /actions\/secrets\/OLD_PAT$/.test(r.path)).map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /repos/acme/private-app/actions/secrets/OLD_PAT',
      'GET /orgs/acme/actions/secrets/OLD_PAT',
    ]);
  });

  it('a token that cannot push fails the finding with the check\'s reason; one that cannot read secrets skips the lookup', async () => {
    const token = tokenValue(sim().world, 'octocat-classic-repo-only');
    const root = join(dir, 'check-fail');
    await mkdir(root);
    await writeFile(join(root, 'publish.yml'), WORKFLOW);
    const result = await runCli(['workflow', 'publish.yml', '--check', '--repo', 'acme/private-app', '--api-url', sim().apiUrl, '--registry', sim().registryUrl], {
      cwd: root,
      env: { CR_PAT: token },
    });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/✖ token\.check {2}line 17 {2}The token cannot push to ghcr\.io\/acme\/private-app: token\.scopes: The token lacks write:packages/);
    expect(result.stdout).not.toContain(token);
  });

  it('--check without a token: a one-line usage error, exit 2', async () => {
    const result = await runCli(['workflow', join(FIXTURES, 'good', 'docs-publish.yml'), '--check'], { cwd: dir });
    expect(result).toMatchObject({ code: 2, stderr: 'crpat: no token: set CR_PAT, pass --token-stdin, or run in a terminal\n' });
  });
});

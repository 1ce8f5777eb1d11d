import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyzeWorkflows, verdictOf } from '../../../src/workflow/analyze.js';
import type { KnownRepository, WorkflowFinding } from '../../../src/workflow/finding.js';

// Every finding, on real workflow files: test/fixtures/workflows (good/ and broken/, see its README).

const ROOT = fileURLToPath(new URL('../../fixtures/workflows/', import.meta.url));
const REPO: KnownRepository = { host: 'github.com', owner: 'Acme', name: 'api' };

function analyze(path: string, repository: KnownRepository | null = REPO) {
  return analyzeWorkflows([{ file: path, text: readFileSync(`${ROOT}${path}`, 'utf8') }], repository);
}

const brief = (findings: WorkflowFinding[]) => findings.filter((f) => f.status !== 'pass').map((f) => `${f.status} ${f.id} @${f.line}`);

describe('good workflows: no problem', () => {
  it.each(readdirSync(`${ROOT}good`).map((name) => `good/${name}`))('%s', (path) => {
    const analysis = analyze(path);
    expect(brief(analysis.findings).filter((f) => !f.startsWith('skip'))).toEqual([]);
    expect(verdictOf(analysis.findings)).toBe('pass');
  });

  it("GitHub's guide: GITHUB_TOKEN with packages: write, the image lower-cased by docker/metadata-action", () => {
    const analysis = analyze('good/docs-publish.yml');
    expect(analysis.jobs).toEqual([{ file: 'good/docs-publish.yml', job: 'build-and-push-image', line: 13, images: ['ghcr.io/${{ github.repository }}'], credentials: ["secrets.GITHUB_TOKEN (the workflow's GITHUB_TOKEN)"] }]);
    const byId = Object.fromEntries(analysis.findings.map((f) => [f.id, f]));
    expect(byId['push.permissions']).toMatchObject({ status: 'pass', line: 15 });
    expect(byId['image.case']?.summary).toMatch(/lower-cased by docker\/metadata-action \(step "meta", line 31\)/);
  });

  it('a lower-casing step (${GITHUB_REPOSITORY,,} to GITHUB_ENV) and a docker login fed from the step env', () => {
    const analysis = analyze('good/cr-pat-lowercase.yml');
    const byId = Object.fromEntries(analysis.findings.map((f) => [f.id, f]));
    expect(byId['push.credential']?.summary).toBe('The docker login step logs in to ghcr.io with secrets.CR_PAT.');
    expect(byId['image.case']?.summary).toMatch(/lower-cased by step "Image name" \(line 11\)/);
  });

  it('a workflow that pushes nothing says so (skip), and is no problem', () => {
    expect(brief(analyze('good/no-push.yml').findings)).toEqual(['skip workflow.pushes @1']);
  });
});

describe('broken workflows: the known problem, at its line', () => {
  it.each([
    ['broken/bad-yaml.yml', ['fail workflow.syntax @7']],
    ['broken/default-permissions.yml', ['warn push.permissions @7']],
    ['broken/enterprise-literal-password.yml', ['fail push.credential @10']],
    ['broken/literal-capitals.yml', ['fail image.case @17']],
    ['broken/login-other-registry.yml', ['fail push.registry @17']],
    ['broken/no-login.yml', ['fail push.registry @13']],
    ['broken/no-packages-write.yml', ['fail push.permissions @9']],
    ['broken/no-registry-host.yml', ['fail push.registry @15']],
    ['broken/owner-mismatch.yml', ['fail image.owner @20']],
    ['broken/pr-push.yml', ['fail image.case @24', 'fail push.pull-request @24']],
    ['broken/pull-request-target.yml', ['fail push.pull-request-target @9']],
    [
      'broken/repository-capitals.yml',
      ['fail image.case @25', 'warn action.runtime @12', 'warn action.runtime @13', 'warn action.runtime @15', 'warn action.runtime @21'],
    ],
  ])('%s', (path, expected) => {
    const analysis = analyze(path);
    expect(brief(analysis.findings).sort()).toEqual([...expected].sort());
    expect(analysis.findings.every((f) => f.file === path)).toBe(true);
    for (const finding of analysis.findings) if (finding.status === 'fail' || finding.status === 'warn') expect(finding.fix).not.toBeNull();
  });

  it('one broken file does not stop the others; its error names the file and line', () => {
    const files = ['broken/bad-yaml.yml', 'broken/no-login.yml'].map((file) => ({ file, text: readFileSync(`${ROOT}${file}`, 'utf8') }));
    const analysis = analyzeWorkflows(files, null);
    expect(analysis.syntaxErrors).toEqual(['broken/bad-yaml.yml:7: Nested mappings are not allowed in compact mappings']);
    expect(analysis.findings.some((f) => f.file === 'broken/no-login.yml' && f.id === 'push.registry' && f.status === 'fail')).toBe(true);
  });
});

describe('the real owner name decides what github.repository becomes', () => {
  it('unknown repository: a warning that an owner with capitals breaks it', () => {
    const caseFinding = analyze('broken/repository-capitals.yml', null).findings.find((f) => f.id === 'image.case');
    expect(caseFinding).toMatchObject({ status: 'warn', line: 25 });
    expect(caseFinding?.summary).toMatch(/comes from github\.repository and nothing lower-cases it/);
  });

  it('a lower-case owner: pass, naming the resolved name', () => {
    const caseFinding = analyze('broken/repository-capitals.yml', { host: 'github.com', owner: 'acme', name: 'api' }).findings.find((f) => f.id === 'image.case');
    expect(caseFinding).toMatchObject({ status: 'pass' });
    expect(caseFinding?.summary).toMatch(/is acme\/api in acme\/api, lower case/);
  });

  it('an owner with capitals: fail, naming the resolved name', () => {
    const caseFinding = analyze('broken/repository-capitals.yml').findings.find((f) => f.id === 'image.case');
    expect(caseFinding?.summary).toBe('The image name ${{ github.repository }} is Acme/api in Acme/api: capital letters, so the registry refuses it ("repository name must be lowercase").');
  });
});

import { describe, expect, it } from 'vitest';
import { analyzeWorkflows } from '../../../src/workflow/analyze.js';
import { credentialIn } from '../../../src/workflow/expressions.js';
import { majorOf } from '../../../src/workflow/action-majors.js';
import { buildWorkflow } from '../../../src/workflow/model.js';
import { findPushes, isGitHubRegistry, registryOf } from '../../../src/workflow/pushes.js';
import { parseYamlTree } from '../../../src/workflow/yaml-tree.js';

/** One job's pushes from a `steps:` block (YAML indented by 6). */
function pushesOf(steps: string, env = '') {
  const text = `on: push\n${env}jobs:\n  j:\n    runs-on: ubuntu-latest\n    steps:\n${steps}`;
  const tree = parseYamlTree(text);
  if (!tree.ok) throw new Error(tree.reason);
  const workflow = buildWorkflow('w.yml', tree.value);
  const job = workflow.jobs[0];
  if (!job) throw new Error('no job');
  return findPushes(workflow, job);
}

describe('credentials', () => {
  it.each([
    ['${{ secrets.CR_PAT }}', { kind: 'secret', name: 'CR_PAT' }],
    ["${{ secrets['GHCR_TOKEN'] }}", { kind: 'secret', name: 'GHCR_TOKEN' }],
    ['${{ secrets.GITHUB_TOKEN }}', { kind: 'github-token', text: 'secrets.GITHUB_TOKEN' }],
    ['${{ github.token }}', { kind: 'github-token', text: 'github.token' }],
    ['${{ vars.PASSWORD }}', { kind: 'other', text: 'vars.PASSWORD' }],
    ['hunter2', { kind: 'literal' }],
  ])('%s', (value, expected) => {
    expect(credentialIn(value)).toEqual(expected);
  });
});

describe('shell steps', () => {
  it('docker login --password-stdin fed by echo of a secret; podman push SOURCE DEST pushes DEST', () => {
    const found = pushesOf(
      [
        '      - run: |',
        '          echo "${{ secrets.GHCR_PAT }}" | docker login ghcr.io -u me --password-stdin',
        '          podman push local-image docker://ghcr.io/acme/tool:1',
      ].join('\n'),
    );
    expect(found.logins.map((l) => [l.via, l.registry, l.credential, l.line])).toEqual([['docker login', 'ghcr.io', { kind: 'secret', name: 'GHCR_PAT' }, 7]]);
    expect(found.pushes.map((p) => [p.via, p.images.map((i) => i.ref), p.line])).toEqual([['podman push', ['ghcr.io/acme/tool:1'], 8]]);
  });

  it('docker buildx build --push -t, over continuation lines, with a variable set in the script', () => {
    const found = pushesOf(
      [
        '      - run: |',
        '          IMAGE=ghcr.io/acme/api',
        '          docker buildx build \\',
        '            --push \\',
        '            -t "$IMAGE:latest" .',
      ].join('\n'),
    );
    expect(found.pushes.map((p) => [p.via, p.images.map((i) => i.ref), p.line])).toEqual([['docker buildx build --push', ['ghcr.io/acme/api:latest'], 8]]);
  });

  it('a variable lower-cased where it is set, with $( ... | tr ) ', () => {
    const found = pushesOf(
      [
        '      - run: |',
        "          OWNER=$(echo '${{ github.repository_owner }}' | tr '[:upper:]' '[:lower:]')",
        '          docker push ghcr.io/$OWNER/api:1',
      ].join('\n'),
    );
    expect(found.pushes[0]?.images[0]?.lowercasedBy).toBe('the script (OWNER is lower-cased where it is set)');
  });

  it('$CR_PAT from the step env, password by -p', () => {
    const found = pushesOf(['      - env:', '          CR_PAT: ${{ secrets.CR_PAT }}', '        run: docker login -u me -p "$CR_PAT" ghcr.io'].join('\n'));
    expect(found.logins[0]?.credential).toEqual({ kind: 'secret', name: 'CR_PAT' });
    expect(found.logins[0]?.registry).toBe('ghcr.io');
  });
});

describe('shell logins: where the password comes from', () => {
  it.each([
    ['docker login ghcr.io -u me --password-stdin < token.txt', { kind: 'other', text: 'standard input' }],
    ['cat token.txt | docker login ghcr.io -u me --password-stdin', { kind: 'other', text: 'cat token.txt' }],
    ['docker login ghcr.io -u me -p hunter2', { kind: 'literal' }],
    ['echo ${{ github.token }} | docker login ghcr.io -u ${{ secrets.USER }} --password-stdin', { kind: 'github-token', text: 'github.token' }],
  ])('%s', (line, credential) => {
    expect(pushesOf(`      - run: ${line}\n`).logins[0]?.credential).toEqual(credential);
  });
});

describe('a job that only logs in (to pull) is not a pushing job', () => {
  it('no findings for it, and the file says nothing pushes', () => {
    const text = 'on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: docker/login-action@v4\n        with:\n          registry: ghcr.io\n          password: ${{ secrets.GITHUB_TOKEN }}\n      - run: docker run ghcr.io/acme/tools:1 make test\n';
    expect(analyzeWorkflows([{ file: 'w.yml', text }], null).findings.map((f) => f.id)).toEqual(['workflow.pushes']);
  });
});

describe('actions', () => {
  it('redhat-actions/push-to-registry: registry + image + tags, its own password', () => {
    const found = pushesOf(
      [
        '      - uses: redhat-actions/push-to-registry@v2',
        '        with:',
        '          image: api',
        '          tags: latest v1',
        '          registry: ghcr.io/acme',
        '          username: ${{ github.actor }}',
        '          password: ${{ secrets.GITHUB_TOKEN }}',
      ].join('\n'),
    );
    expect(found.pushes[0]?.images.map((i) => i.ref)).toEqual(['ghcr.io/acme/api:latest', 'ghcr.io/acme/api:v1']);
    expect(found.pushes[0]?.credential).toEqual({ kind: 'github-token', text: 'secrets.GITHUB_TOKEN' });
  });

  it('build-push-action without push: true pushes nothing; registry from ${{ env.REGISTRY }} of the workflow', () => {
    const found = pushesOf(
      ['      - uses: docker/login-action@v4', '        with:', '          registry: ${{ env.REGISTRY }}', '          password: ${{ secrets.CR_PAT }}', '      - uses: docker/build-push-action@v7', '        with:', '          tags: ghcr.io/a/b'].join('\n'),
      'env:\n  REGISTRY: ghcr.io\n',
    );
    expect(found.logins[0]?.registry).toBe('ghcr.io');
    expect(found.pushes).toEqual([]);
  });

  it('a case-changing action feeding the tag counts as lower-casing', () => {
    const found = pushesOf(
      [
        '      - id: lower',
        '        uses: ASzc/change-string-case-action@v6',
        '        with:',
        '          string: ${{ github.repository }}',
        '      - uses: docker/build-push-action@v7',
        '        with:',
        '          push: true',
        '          tags: ghcr.io/${{ steps.lower.outputs.lowercase }}:latest',
      ].join('\n'),
    );
    expect(found.pushes[0]?.images[0]?.lowercasedBy).toBe('aszc/change-string-case-action (step "lower", line 6)');
  });
});

describe('registries and majors', () => {
  it.each([
    ['ghcr.io/acme/api:1', 'ghcr.io', true],
    ['containers.github.example.com/acme/api', 'containers.github.example.com', true],
    ['containers.acme.ghe.com/acme/api', 'containers.acme.ghe.com', true],
    ['acme/api', 'docker.io', false],
    ['api', 'docker.io', false],
    ['localhost:5000/api', 'localhost:5000', false],
    ['${{ env.IMAGE }}', null, false],
  ])('%s → %s', (ref, host, github) => {
    expect(registryOf(ref)).toBe(host);
    expect(isGitHubRegistry(registryOf(ref))).toBe(github);
  });

  it.each([
    ['v3', 3],
    ['v4.1.0', 4],
    ['5', 5],
    ['main', null],
    ['8e5e7e5ab8b370d6c329ec480221332ada57f0ab', null],
  ])('majorOf(%s) = %s', (ref, major) => {
    expect(majorOf(ref)).toBe(major);
  });
});

describe('permissions and pull requests', () => {
  const workflow = (body: string) => analyzeWorkflows([{ file: 'w.yml', text: body }], null).findings;
  const login = (extra = '') =>
    `    steps:\n      - uses: docker/login-action@v4\n${extra}        with:\n          registry: ghcr.io\n          password: \${{ secrets.GITHUB_TOKEN }}\n      - run: docker push ghcr.io/acme/api\n`;

  it.each([
    ['permissions: write-all', 'pass'],
    ['permissions: read-all', 'fail'],
    ['permissions: {}', 'fail'],
    ['permissions:\n  packages: read', 'fail'],
    ['permissions:\n  packages: write', 'pass'],
  ])('workflow-level %s → %s', (block, status) => {
    const findings = workflow(`on: push\n${block}\njobs:\n  j:\n${login()}`);
    expect(findings.find((f) => f.id === 'push.permissions')?.status).toBe(status);
  });

  it("the job's block replaces the workflow's", () => {
    const findings = workflow(`on: push\npermissions:\n  packages: write\njobs:\n  j:\n    permissions:\n      contents: read\n${login()}`);
    expect(findings.find((f) => f.id === 'push.permissions')).toMatchObject({ status: 'fail', line: 6 });
  });

  it('a job guarded by the event is not reachable from pull requests; an unguarded one is, and the read-only token is named', () => {
    const guarded = workflow(`on: [push, pull_request]\npermissions:\n  packages: write\njobs:\n  j:\n    if: github.event_name == 'push'\n${login()}`);
    expect(guarded.find((f) => f.id === 'push.pull-request')).toBeUndefined();
    const open = workflow(`on: [push, pull_request]\npermissions:\n  packages: write\njobs:\n  j:\n${login()}`);
    expect(open.find((f) => f.id === 'push.pull-request')?.summary).toMatch(/read-only GITHUB_TOKEN/);
  });

  it('pull_request_target with a secret, without checking out the head: a warning', () => {
    const findings = workflow(`on: pull_request_target\njobs:\n  j:\n    steps:\n      - uses: docker/login-action@v4\n        with:\n          registry: ghcr.io\n          password: \${{ secrets.CR_PAT }}\n      - run: docker push ghcr.io/acme/api\n`);
    expect(findings.find((f) => f.id === 'push.pull-request-target')).toMatchObject({ status: 'warn', line: 1 });
  });

  it('two logins with different credentials: a warning', () => {
    const findings = workflow(
      `on: push\njobs:\n  j:\n    steps:\n      - uses: docker/login-action@v4\n        with:\n          registry: ghcr.io\n          password: \${{ secrets.A }}\n      - uses: docker/login-action@v4\n        with:\n          registry: ghcr.io\n          password: \${{ secrets.B }}\n      - run: docker push ghcr.io/acme/api\n`,
    );
    expect(findings.filter((f) => f.id === 'push.credential' && f.status === 'warn').map((f) => f.line)).toEqual([9]);
  });
});

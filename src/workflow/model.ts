import { entry, text, type YEntry, type YNode } from './yaml-tree.js';

/** A value of the workflow with the line it is on. */
export interface Located {
  value: string;
  line: number;
}

/**
 * What a `permissions` block grants the `GITHUB_TOKEN`. `map`: the scopes listed, every other one `none`;
 * `read-all`/`write-all`: the shorthand; `none`: `permissions: {}`.
 */
export interface Permissions {
  line: number;
  kind: 'map' | 'read-all' | 'write-all' | 'none';
  /** `packages` as written in a map (`read`, `write`, `none`), else null. */
  packages: string | null;
}

export interface Step {
  /** 0-based position in the job. */
  index: number;
  line: number;
  id: string | null;
  name: string | null;
  uses: Located | null;
  run: Located | null;
  with: Map<string, Located>;
  env: Map<string, Located>;
  if: Located | null;
}

export interface Job {
  id: string;
  line: number;
  name: string | null;
  if: Located | null;
  permissions: Permissions | null;
  env: Map<string, Located>;
  steps: Step[];
  /** A job that calls a reusable workflow (`uses:` on the job): its steps are elsewhere. */
  calls: Located | null;
}

export interface Workflow {
  file: string;
  name: string | null;
  /** Each event the workflow runs on, with its line. */
  events: Located[];
  permissions: Permissions | null;
  env: Map<string, Located>;
  jobs: Job[];
}

/** The parsed tree → the workflow's shape. Anything unexpected is left out, never thrown. */
export function buildWorkflow(file: string, root: YNode): Workflow {
  const jobs = entry(root, 'jobs')?.value;
  return {
    file,
    name: text(entry(root, 'name')?.value),
    events: events(entry(root, 'on')?.value),
    permissions: permissions(entry(root, 'permissions')),
    env: stringMap(entry(root, 'env')?.value),
    jobs: jobs?.kind === 'map' ? jobs.entries.map((e) => job(e.key, e.line, e.value)) : [],
  };
}

function events(node: YNode | undefined): Located[] {
  if (!node) return [];
  if (node.kind === 'scalar') return node.value === null ? [] : [{ value: String(node.value), line: node.line }];
  if (node.kind === 'seq') return node.items.flatMap((item) => (item.kind === 'scalar' && item.value !== null ? [{ value: String(item.value), line: item.line }] : []));
  return node.entries.map((e) => ({ value: e.key, line: e.line }));
}

/** The block's line is the `permissions:` key's. */
function permissions(found: YEntry | undefined): Permissions | null {
  if (!found) return null;
  const node = { ...found.value, line: found.line } as YNode;
  if (node.kind === 'scalar') {
    const value = text(node);
    if (value === 'read-all' || value === 'write-all') return { line: node.line, kind: value, packages: null };
    return { line: node.line, kind: 'none', packages: null };
  }
  if (node.kind === 'map') {
    if (node.entries.length === 0) return { line: node.line, kind: 'none', packages: null };
    return { line: node.line, kind: 'map', packages: text(entry(node, 'packages')?.value) };
  }
  return { line: node.line, kind: 'none', packages: null };
}

function job(id: string, line: number, node: YNode): Job {
  const steps = entry(node, 'steps')?.value;
  return {
    id,
    line,
    name: text(entry(node, 'name')?.value),
    if: located(entry(node, 'if')?.value),
    permissions: permissions(entry(node, 'permissions')),
    env: stringMap(entry(node, 'env')?.value),
    steps: steps?.kind === 'seq' ? steps.items.map((item, index) => step(item, index)) : [],
    calls: located(entry(node, 'uses')?.value),
  };
}

function step(node: YNode, index: number): Step {
  return {
    index,
    line: node.line,
    id: text(entry(node, 'id')?.value),
    name: text(entry(node, 'name')?.value),
    uses: located(entry(node, 'uses')?.value),
    run: located(entry(node, 'run')?.value),
    with: stringMap(entry(node, 'with')?.value),
    env: stringMap(entry(node, 'env')?.value),
    if: located(entry(node, 'if')?.value),
  };
}

function located(node: YNode | undefined): Located | null {
  const value = text(node);
  return value === null || !node ? null : { value, line: node.line };
}

/** A map of scalars (`env`, `with`); a sequence value (a list of tags) is joined with newlines. */
function stringMap(node: YNode | undefined): Map<string, Located> {
  const out = new Map<string, Located>();
  if (node?.kind !== 'map') return out;
  for (const e of node.entries) {
    if (e.value.kind === 'seq') {
      out.set(e.key, { value: e.value.items.map((item) => text(item) ?? '').join('\n'), line: e.value.line });
      continue;
    }
    const value = text(e.value);
    if (value !== null) out.set(e.key, { value, line: e.value.line });
  }
  return out;
}

import { type Credential, credentialIn, type EnvChain, LOWER_CASING, resolveEnv } from './expressions.js';
import type { Job, Located, Step, Workflow } from './model.js';
import { readScript, type ShellFacts, type ShellValue } from './shell.js';

/** One image reference a step pushes. */
export interface ImageUse {
  /** With `${{ env.X }}` and shell variables resolved where the workflow sets them. */
  ref: string;
  line: number;
  /** What lower-cases it before the push (`docker/metadata-action`, a step), or null. */
  lowercasedBy: string | null;
}

export interface Login {
  step: Step;
  line: number;
  /** `docker/login-action`, `docker login`, ... */
  via: string;
  /** The registry host, lower-cased (`docker.io` when none is given); null when it is an expression crpat cannot resolve. */
  registry: string | null;
  credential: Credential | null;
}

export interface Push {
  step: Step;
  line: number;
  via: string;
  images: ImageUse[];
  /** A push step that logs in by itself (`redhat-actions/push-to-registry` with `password`). */
  credential: Credential | null;
  /** `push: ${{ ... }}` of `docker/build-push-action`: when the push happens, if it is an expression. */
  when: string | null;
}

export interface JobPushes {
  logins: Login[];
  pushes: Push[];
}

/** `owner/name@ref` → lower-cased name and ref; null for local (`./x`) and `docker://` actions. */
export function actionOf(uses: string): { name: string; ref: string } | null {
  if (uses.startsWith('./') || uses.startsWith('docker://')) return null;
  const at = uses.lastIndexOf('@');
  if (at < 0) return { name: uses.toLowerCase(), ref: '' };
  return { name: uses.slice(0, at).toLowerCase(), ref: uses.slice(at + 1) };
}

/** The registry host of an image reference (`docker.io` when it has none); null when it starts with an expression. */
export function registryOf(ref: string): string | null {
  const trimmed = ref.trim();
  if (/^\$/.test(trimmed)) return null;
  const first = trimmed.split('/')[0] ?? '';
  if (!trimmed.includes('/')) return 'docker.io';
  return first.includes('.') || first.includes(':') || first === 'localhost' ? first.toLowerCase() : 'docker.io';
}

/** ghcr.io, or an Enterprise server's `containers.HOST` (GHE.com: `containers.SUB.ghe.com`). */
export function isGitHubRegistry(host: string | null): boolean {
  return host !== null && (host === 'ghcr.io' || /^containers\.[a-z0-9.-]+(:\d+)?$/.test(host));
}

const LOGIN_ACTIONS = new Set(['docker/login-action', 'redhat-actions/podman-login']);
const CASE_ACTIONS = /change-string-case|lowercase|to-lower|string-case/i;

/** Every login and push in a job, with the values resolved as far as the workflow itself says. */
export function findPushes(workflow: Workflow, job: Job): JobPushes {
  const logins: Login[] = [];
  const pushes: Push[] = [];
  const envWrites = new Map<string, ShellValue & { step: Step }>();
  const outputWrites = new Map<string, ShellValue & { step: Step }>();
  for (const step of job.steps) {
    const chain: EnvChain = [step.env, job.env, workflow.env];
    const resolve = (value: string): string => resolveEnv(value, chain);
    if (step.run) {
      const facts = readScript(step.run.value, step.run.value.includes('\n') ? step.run.line + 1 : step.run.line, chain);
      addShell(facts, step, logins, pushes, { envWrites, outputWrites, resolve });
      continue;
    }
    const action = step.uses ? actionOf(step.uses.value) : null;
    if (!action) continue;
    const input = (name: string): Located | undefined => step.with.get(name);
    if (LOGIN_ACTIONS.has(action.name)) {
      const registry = input('registry');
      const password = input('password');
      logins.push({
        step,
        line: step.line,
        via: action.name,
        registry: registry ? hostOf(resolve(registry.value)) : 'docker.io',
        credential: password ? credentialIn(resolve(password.value)) : null,
      });
      continue;
    }
    if (action.name === 'docker/build-push-action') {
      const push = input('push');
      const outputs = input('outputs')?.value ?? '';
      const pushing = (push !== undefined && push.value !== 'false') || /type=registry|push=true/.test(outputs);
      if (!pushing) continue;
      const tags = input('tags');
      const images = tags ? imagesFromTags(tags, job, resolve, { envWrites, outputWrites }) : [];
      pushes.push({ step, line: step.line, via: action.name, images, credential: null, when: push && /\$\{\{/.test(push.value) ? push.value : null });
      continue;
    }
    if (action.name === 'redhat-actions/push-to-registry') {
      const image = input('image');
      const registry = input('registry');
      const tags = (input('tags')?.value ?? '').split(/[\s,]+/).filter(Boolean);
      const password = input('password');
      const refs: ImageUse[] = [];
      if (image) {
        const base = registry ? `${resolve(registry.value).replace(/\/$/, '')}/${resolve(image.value)}` : resolve(image.value);
        for (const tag of tags.length > 0 ? tags : ['']) refs.push(imageUse(tag === '' ? base : `${base}:${resolve(tag)}`, image.line, { envWrites, outputWrites }, job));
      }
      pushes.push({ step, line: step.line, via: action.name, images: refs, credential: password ? credentialIn(resolve(password.value)) : null, when: null });
    }
  }
  return { logins, pushes };
}

interface Writes {
  envWrites: Map<string, ShellValue & { step: Step }>;
  /** Keyed `stepId.output`. */
  outputWrites: Map<string, ShellValue & { step: Step }>;
}

function addShell(facts: ShellFacts, step: Step, logins: Login[], pushes: Push[], context: Writes & { resolve: (v: string) => string }): void {
  for (const login of facts.logins) {
    const registry = login.registry === null ? 'docker.io' : hostOf(context.resolve(login.registry.text));
    logins.push({ step, line: login.line, via: login.tool, registry, credential: shellCredential(login.password, login.passwordFlag, context.resolve) });
  }
  for (const push of facts.pushes) {
    pushes.push({
      step,
      line: push.line,
      via: push.command,
      images: push.images.map((image) => {
        const use = imageUse(context.resolve(image.text), push.line, context, null);
        return image.lowercasedBy ? { ...use, lowercasedBy: `the script (${image.lowercasedBy})` } : use;
      }),
      credential: null,
      when: null,
    });
  }
  for (const [name, value] of facts.envWrites) context.envWrites.set(name, { ...value, text: context.resolve(value.text), step });
  for (const [name, value] of facts.outputWrites) context.outputWrites.set(`${step.id ?? ''}.${name}`, { ...value, text: context.resolve(value.text), step });
}

/** A shell login's password: a secret or token expression, a literal only when typed after `-p`, else what feeds it. */
function shellCredential(password: ShellValue | null, flag: boolean, resolve: (v: string) => string): Credential {
  if (password === null) return { kind: 'other', text: 'standard input' };
  const text = resolve(password.text);
  const found = credentialIn(text);
  if (found === null || (found.kind === 'literal' && !flag)) return { kind: 'other', text: text.trim() === '' ? 'standard input' : text.trim() };
  return found;
}

/** `tags:` of build-push-action: literal references, or `steps.meta.outputs.tags` of a `docker/metadata-action` step. */
function imagesFromTags(tags: Located, job: Job, resolve: (v: string) => string, writes: Writes): ImageUse[] {
  const fromMeta = /steps\.([A-Za-z0-9_-]+)\.outputs\.(tags|json)/.exec(tags.value);
  if (fromMeta) {
    const meta = job.steps.find((s) => s.id === fromMeta[1]);
    const action = meta?.uses ? actionOf(meta.uses.value) : null;
    if (meta && action?.name === 'docker/metadata-action') {
      const images = meta.with.get('images');
      if (!images) return [];
      const by = `docker/metadata-action (step "${meta.id ?? meta.name ?? ''}", line ${meta.line})`;
      return splitList(images.value).map((item) => {
        const name = /(?:^|,)\s*name=([^,]+)/.exec(item)?.[1] ?? item.split(',')[0] ?? item;
        return { ref: resolve(name.trim()), line: images.line, lowercasedBy: by };
      });
    }
  }
  return splitList(tags.value).map((tag) => imageUse(resolve(tag), tags.line, writes, job));
}

/** An image reference, with `${{ env.X }}` / `${{ steps.S.outputs.O }}` followed to the step that wrote them. */
function imageUse(ref: string, line: number, writes: Writes, job: Job | null): ImageUse {
  let lowercasedBy: string | null = null;
  const resolved = ref.replace(/\$\{\{\s*(env\.([A-Za-z_][A-Za-z0-9_]*)|steps\.([A-Za-z0-9_-]+)\.outputs\.([A-Za-z0-9_-]+))\s*\}\}/g, (whole, _all, envName: string | undefined, stepId: string | undefined, output: string | undefined) => {
    const written = envName ? writes.envWrites.get(envName) : writes.outputWrites.get(`${stepId ?? ''}.${output ?? ''}`);
    if (written) {
      if (written.lowercasedBy) lowercasedBy ??= `step "${written.step.name ?? written.step.id ?? written.step.index + 1}" (line ${written.step.line})`;
      return written.text;
    }
    if (stepId && job) {
      const step = job.steps.find((s) => s.id === stepId);
      if (step?.uses && CASE_ACTIONS.test(step.uses.value)) lowercasedBy ??= `${actionOf(step.uses.value)?.name ?? step.uses.value} (step "${stepId}", line ${step.line})`;
      else if (step?.uses && /github-script/.test(step.uses.value) && LOWER_CASING.test(step.with.get('script')?.value ?? '')) lowercasedBy ??= `step "${stepId}" (line ${step.line})`;
    }
    return whole;
  });
  return { ref: resolved, line, lowercasedBy };
}

/** A list input: one item per line or comma (`tags: a,b` or a block), blank lines dropped. */
function splitList(value: string): string[] {
  const lines = value.split('\n').map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#'));
  // metadata-action's `images` may hold `name=...,enable=...` per line: keep those lines whole.
  return lines.flatMap((l) => (/\bname=/.test(l) ? [l] : l.split(',').map((x) => x.trim()).filter(Boolean)));
}

/** `https://ghcr.io/`, `ghcr.io/owner` → `ghcr.io`; null when the value is an unresolved expression. */
function hostOf(value: string): string | null {
  const trimmed = value.trim().replace(/^https?:\/\//, '');
  if (trimmed === '' || /^\$/.test(trimmed)) return null;
  return (trimmed.split('/')[0] ?? '').toLowerCase();
}

import { ACTION_MAJORS, majorOf } from './action-majors.js';
import { casedContexts, type Credential, credentialLabel, hasUnresolved, literalParts, sameCredential, substituteRepository } from './expressions.js';
import type { Job, Permissions, Workflow } from './model.js';
import { actionOf, type ImageUse, isGitHubRegistry, type JobPushes, type Login, type Push, registryOf } from './pushes.js';
import type { KnownRepository, WorkflowFinding, WorkflowFindingId } from './finding.js';
import type { CheckStatus } from '../types.js';

const DOCS = {
  permissions: 'https://docs.github.com/en/actions/security-for-github-actions/security-guides/automatic-token-authentication#permissions-for-the-github_token',
  defaultPermissions: 'https://github.blog/changelog/2023-02-02-github-actions-updating-the-default-github_token-permissions-to-read-only/',
  forks: 'https://docs.github.com/en/actions/security-for-github-actions/security-guides/using-secrets-in-github-actions#using-secrets-in-a-workflow',
  prTarget: 'https://securitylab.github.com/resources/github-actions-preventing-pwn-requests/',
  node20: 'https://github.blog/changelog/2025-09-19-deprecation-of-node-20-on-github-actions-runners/',
} as const;

/** Guards that keep a step off pull requests (or off forks): the event, the ref, the head repository. */
const GUARD = /github\.event_name|github\.ref\b|github\.ref_name|github\.ref_type|github\.base_ref|startsWith\(\s*github\.ref|\.head\.repo\.(?:full_name|fork)|github\.repository\s*==|github\.event\.pull_request\.head\.repo/;

export interface JobContext {
  workflow: Workflow;
  job: Job;
  pushes: JobPushes;
  repository: KnownRepository | null;
}

/**
 * Whether the job pushes to ghcr.io or an Enterprise `containers.HOST`: an image there, or a push anywhere after a
 * login there (an image without a host goes to Docker Hub: a mistake worth a finding). A login alone only pulls.
 */
export function pushesToGitHub(pushes: JobPushes): boolean {
  if (pushes.pushes.some((p) => p.images.some((i) => isGitHubRegistry(registryOf(i.ref))))) return true;
  return pushes.logins.some((l) => isGitHubRegistry(l.registry)) && pushes.pushes.length > 0;
}

/** Every finding for one job that pushes to a GitHub registry, in the order a reader checks them. */
export function judgeJob(context: JobContext): WorkflowFinding[] {
  const out: WorkflowFinding[] = [];
  const add = (id: WorkflowFindingId, line: number, status: CheckStatus, summary: string, fix: string | null = null): void => {
    out.push({ file: context.workflow.file, line, job: context.job.id, id, status, summary, fix });
  };
  const credentials = credentialFindings(context, add);
  registryFindings(context, add);
  if (credentials.some((c) => c.kind === 'github-token')) permissionFinding(context, add);
  imageFindings(context, credentials, add);
  pullRequestFindings(context, credentials, add);
  runtimeFindings(context, add);
  return out;
}

type Add = (id: WorkflowFindingId, line: number, status: CheckStatus, summary: string, fix?: string | null) => void;

function githubLogins(context: JobContext): Login[] {
  return context.pushes.logins.filter((l) => isGitHubRegistry(l.registry));
}

function githubPushes(context: JobContext): Push[] {
  return context.pushes.pushes.filter((p) => p.images.some((i) => isGitHubRegistry(registryOf(i.ref))));
}

/** Which credential logs in (and pushes), one finding per login; returns the credentials seen. */
function credentialFindings(context: JobContext, add: Add): Credential[] {
  const seen: Credential[] = [];
  const logins = githubLogins(context);
  for (const login of logins) {
    const c = login.credential;
    if (c === null) {
      add('push.credential', login.line, 'fail', `The ${login.via} step logs in to ${login.registry} without a password.`, 'Give it `password: ${{ secrets.GITHUB_TOKEN }}` (with `permissions: packages: write`) or `password: ${{ secrets.CR_PAT }}` (a classic token with write:packages).');
      continue;
    }
    seen.push(c);
    if (c.kind === 'literal') {
      add('push.credential', login.line, 'fail', `The ${login.via} step logs in to ${login.registry} with a password written in the workflow: anyone who can read the repository can read it.`, 'Revoke that token now, store a new one as a secret (crpat secret set) and use `${{ secrets.CR_PAT }}`.');
    } else if (c.kind === 'other') {
      add('push.credential', login.line, 'warn', `The ${login.via} step logs in to ${login.registry} with ${c.text}, which crpat cannot follow to a secret or the GITHUB_TOKEN.`, 'Pass the secret directly (`${{ secrets.CR_PAT }}`), so the workflow says which credential pushes.');
    } else {
      add('push.credential', login.line, 'pass', `The ${login.via} step logs in to ${login.registry} with ${credentialLabel(c)}.`);
    }
  }
  const distinct = seen.filter((c, i) => seen.findIndex((d) => sameCredential(c, d)) === i);
  if (distinct.length > 1 && logins[1]) {
    add('push.credential', logins[1].line, 'warn', `The job logs in to the registry with ${distinct.length} credentials (${distinct.map(credentialLabel).join(', ')}): the last login before a push is the one that counts.`, 'Log in once, with the credential that may push the image.');
  }
  for (const push of githubPushes(context)) {
    if (!push.credential) continue;
    seen.push(push.credential);
    const login = logins.find((l) => l.credential !== null);
    if (login?.credential && !sameCredential(login.credential, push.credential)) {
      add('push.credential', push.line, 'warn', `The job logs in with ${credentialLabel(login.credential)} (line ${login.line}) but ${push.via} pushes with ${credentialLabel(push.credential)}.`, 'Use the same credential for the login and the push.');
    } else if (!login) {
      add('push.credential', push.line, push.credential.kind === 'literal' ? 'fail' : 'pass', `${push.via} pushes with ${credentialLabel(push.credential)}.`, push.credential.kind === 'literal' ? 'Revoke that token now and use a secret.' : null);
    }
  }
  return seen;
}

/** Each push to a GitHub registry needs a login to that same host first; a login to ghcr.io needs a push there. */
function registryFindings(context: JobContext, add: Add): void {
  const logins = context.pushes.logins;
  const said = new Set<string>();
  for (const push of context.pushes.pushes) {
    for (const image of push.images) {
      const host = registryOf(image.ref);
      if (host === null) continue;
      if (!isGitHubRegistry(host)) {
        const ghLogin = githubLogins(context)[0];
        if (ghLogin && !logins.some((l) => l.registry === host)) {
          add('push.registry', image.line, 'fail', `The job logs in to ${ghLogin.registry} (line ${ghLogin.line}) but pushes ${image.ref}, which goes to ${host}${host === 'docker.io' ? ' (a reference without a registry host means Docker Hub)' : ''}.`, `Name the image ${ghLogin.registry}/OWNER/NAME.`);
        }
        continue;
      }
      if (push.credential) continue;
      const before = logins.filter((l) => l.step.index < push.step.index || (l.step.index === push.step.index && l.line <= push.line));
      const same = before.find((l) => l.registry === host);
      if (same) {
        const key = `${push.line}:${host}`;
        if (!said.has(key)) add('push.registry', image.line, 'pass', `${push.via} pushes to ${host} (${image.ref}), where the job logged in (line ${same.line}).`);
        said.add(key);
        continue;
      }
      const other = before.find((l) => l.registry !== null);
      const unresolved = before.some((l) => l.registry === null);
      if (unresolved) continue; // a login to a registry crpat cannot resolve may well be this one
      if (other) {
        add('push.registry', image.line, 'fail', `The job logs in to ${other.registry} (line ${other.line}) but pushes ${image.ref} to ${host}.`, `Log in to ${host} before the push: docker/login-action with \`registry: ${host}\`.`);
      } else {
        add('push.registry', image.line, 'fail', `No step logs in to ${host} before ${image.ref} is pushed (line ${push.line}).`, `Add a docker/login-action step with \`registry: ${host}\` before the push.`);
      }
    }
  }
}

/** The GITHUB_TOKEN pushes only with `packages: write`; an explicit block drops every permission it omits. */
function permissionFinding(context: JobContext, add: Add): void {
  const { job, workflow } = context;
  const block: Permissions | null = job.permissions ?? workflow.permissions;
  const where = job.permissions ? `the job's permissions (line ${job.permissions.line})` : `the workflow's permissions (line ${workflow.permissions?.line ?? 1})`;
  const fix = `Add to the job: \`permissions: { contents: read, packages: write }\` (${DOCS.permissions}).`;
  if (block === null) {
    add('push.permissions', job.line, 'warn', `The job pushes with the GITHUB_TOKEN and sets no permissions, so it gets the repository's default, which crpat cannot see (read-only for repositories and organizations created since February 2023: ${DOCS.defaultPermissions}).`, fix);
    return;
  }
  if (block.kind === 'write-all' || (block.kind === 'map' && block.packages === 'write')) {
    add('push.permissions', block.line, 'pass', `The GITHUB_TOKEN gets packages: write from ${where}.`);
    return;
  }
  const why = block.kind === 'map' ? (block.packages === null ? 'does not list packages, and a permissions block sets every permission it omits to none' : `sets packages: ${block.packages}`) : `is ${block.kind === 'none' ? 'empty (no permission at all)' : 'read-all'}`;
  add('push.permissions', block.line, 'fail', `The job pushes with the GITHUB_TOKEN but ${where} ${why}: the registry refuses the push.`, fix);
}

/** Image names must be lower case; the names of owners and users need not be. */
function imageFindings(context: JobContext, credentials: Credential[], add: Add): void {
  const withToken = credentials.some((c) => c.kind === 'github-token');
  const seen = new Set<string>();
  for (const push of githubPushes(context)) {
    for (const image of push.images) {
      // One finding per image name: its tags do not change what must be lower case.
      const key = `${repositoryPart(image.ref)}@${image.line}`;
      if (!isGitHubRegistry(registryOf(image.ref)) || seen.has(key)) continue;
      seen.add(key);
      caseFinding(image, context.repository, add);
      if (withToken) ownerFinding(image, context.repository, add);
    }
  }
}

/** `host/owner/name:tag@digest` → `owner/name` (what must be lower case: tags may hold capitals). */
function repositoryPart(ref: string): string {
  const withoutHost = ref.slice(ref.indexOf('/') + 1);
  const noDigest = withoutHost.split('@')[0] ?? withoutHost;
  // A `:` or `/` inside `${{ }}` separates nothing: mask expressions (same length) before looking.
  const masked = noDigest.replace(/\$\{\{[^}]*\}\}/g, (e) => 'x'.repeat(e.length));
  const colon = masked.indexOf(':', masked.lastIndexOf('/') + 1);
  return colon >= 0 ? noDigest.slice(0, colon) : noDigest;
}

function caseFinding(image: ImageUse, repository: KnownRepository | null, add: Add): void {
  const name = repositoryPart(image.ref);
  if (image.lowercasedBy) {
    add('image.case', image.line, 'pass', `${image.ref} is lower-cased by ${image.lowercasedBy} before the push.`);
    return;
  }
  const literal = literalParts(name);
  if (/[A-Z]/.test(literal)) {
    add('image.case', image.line, 'fail', `The image name ${name} has capital letters: the registry refuses it ("repository name must be lowercase").`, `Write it in lower case: ${name.toLowerCase()}.`);
    return;
  }
  const contexts = casedContexts(name);
  if (contexts.length === 0) return;
  const fix = 'Lower-case it first: use docker/metadata-action for the tags, or a step such as `echo "IMAGE=${IMAGE,,}" >> "$GITHUB_ENV"` and refer to `${{ env.IMAGE }}`.';
  const varying = contexts.filter((c) => !['github.repository', 'github.repository_owner', 'github.event.repository.full_name', 'github.event.repository.name'].includes(c));
  if (repository && varying.length === 0) {
    const resolved = substituteRepository(name, repository);
    if (/[A-Z]/.test(literalParts(resolved))) {
      add('image.case', image.line, 'fail', `The image name ${name} is ${resolved} in ${repository.owner}/${repository.name}: capital letters, so the registry refuses it ("repository name must be lowercase").`, fix);
    } else {
      add('image.case', image.line, 'pass', `The image name ${name} is ${resolved} in ${repository.owner}/${repository.name}, lower case (a fork or an owner renamed with capitals would break it).`);
    }
    return;
  }
  add('image.case', image.line, 'warn', `The image name ${name} comes from ${contexts.join(', ')} and nothing lower-cases it: an owner${varying.length > 0 ? ' or user' : ''} name with capital letters makes the registry refuse it ("repository name must be lowercase").`, fix);
}

/** The GITHUB_TOKEN can push only under its own repository's owner (`ghcr.io/<owner>/...`). */
function ownerFinding(image: ImageUse, repository: KnownRepository | null, add: Add): void {
  const name = repositoryPart(image.ref);
  const owner = name.split('/')[0] ?? '';
  if (/github\.repository_owner|github\.repository\b|github\.event\.repository/.test(owner)) return;
  if (/github\.(triggering_)?actor/.test(owner)) {
    add('image.owner', image.line, 'warn', `The image's owner is ${owner}, the user who started the run, but the GITHUB_TOKEN can push only under the repository's owner.`, 'Use `${{ github.repository_owner }}` (lower-cased) as the image\'s owner.');
    return;
  }
  if (hasUnresolved(owner) || !repository) return;
  if (owner.toLowerCase() !== repository.owner.toLowerCase()) {
    add('image.owner', image.line, 'fail', `The image's owner ${owner} is not the repository's owner ${repository.owner}: the GITHUB_TOKEN can push only under ${repository.owner.toLowerCase()} ("The requested installation does not exist.").`, `Push to ghcr.io/${repository.owner.toLowerCase()}/..., or use a classic token with write:packages (secrets.CR_PAT) that may push under ${owner}.`);
  }
}

/** Pushes that pull requests reach: fork secrets are empty and the fork's GITHUB_TOKEN is read-only. */
function pullRequestFindings(context: JobContext, credentials: Credential[], add: Add): void {
  const events = new Map(context.workflow.events.map((e) => [e.value, e.line]));
  const prLine = events.get('pull_request');
  const targetLine = events.get('pull_request_target');
  const jobGuard = context.job.if && GUARD.test(context.job.if.value);
  const secret = credentials.find((c) => c.kind === 'secret');
  if (prLine !== undefined && !jobGuard) {
    for (const push of githubPushes(context)) {
      const guarded = (push.step.if && GUARD.test(push.step.if.value)) || (push.when !== null && GUARD.test(push.when));
      if (guarded) continue;
      const what = secret
        ? `secrets.${secret.kind === 'secret' ? secret.name : ''} is empty for a pull request from a fork, so the login fails`
        : "a pull request from a fork gets a read-only GITHUB_TOKEN, so the registry refuses the push (\"installation not allowed to Write organization package\")";
      add('push.pull-request', push.line, 'fail', `The push (line ${push.line}) also runs for pull_request (line ${prLine}): ${what}.`, `Keep pushes off pull requests: \`if: github.event_name != 'pull_request'\` on the login and push steps (build-push-action: \`push: \${{ github.event_name != 'pull_request' }}\`); see ${DOCS.forks}.`);
    }
  }
  if (targetLine !== undefined && (secret || credentials.some((c) => c.kind === 'github-token'))) {
    const checkout = context.job.steps.find((s) => s.uses && actionOf(s.uses.value)?.name === 'actions/checkout' && /pull_request\.head|github\.head_ref/.test(s.with.get('ref')?.value ?? ''));
    if (checkout) {
      add('push.pull-request-target', checkout.line, 'fail', `pull_request_target (line ${targetLine}) runs with the repository's secrets and write token, and this job checks out the pull request's code (line ${checkout.line}): a fork's code runs with the credential that pushes.`, `Build fork code under pull_request without secrets, and push from a separate workflow_run or push workflow; see ${DOCS.prTarget}.`);
    } else {
      add('push.pull-request-target', targetLine, 'warn', `pull_request_target (line ${targetLine}) gives fork pull requests this job's credentials (${credentials.map(credentialLabel).join(', ')}): safe only while the job never runs the pull request's code.`, `Prefer pull_request for builds and push from push or workflow_run events; see ${DOCS.prTarget}.`);
    }
  }
}

/** Steps pinned to a major that declares a Node.js runtime the runners no longer have. */
function runtimeFindings(context: JobContext, add: Add): void {
  for (const step of context.job.steps) {
    if (!step.uses) continue;
    const action = actionOf(step.uses.value);
    const known = action ? ACTION_MAJORS[action.name] : undefined;
    const major = action ? majorOf(action.ref) : null;
    if (!action || !known || major === null || major >= known.node24) continue;
    const first = known.latest > known.node24 ? ` (v${known.node24} is the first major that runs on Node 24)` : '';
    add('action.runtime', step.uses.line, 'warn', `${action.name}@${action.ref} declares a Node.js runtime older than Node 24, and GitHub's runners have only Node 24 since 2026-09-16: the runner forces it onto Node 24, where it may fail.`, `Use ${action.name}@v${known.latest}, the current major${first}; see ${DOCS.node20}.`);
  }
}

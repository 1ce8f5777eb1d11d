import type { CheckStatus, Verdict } from '../types.js';
import { type Credential, credentialLabel } from './expressions.js';
import { judgeJob, pushesToGitHub } from './findings.js';
import { buildWorkflow } from './model.js';
import { findPushes, isGitHubRegistry, registryOf } from './pushes.js';
import type { KnownRepository, WorkflowFinding } from './finding.js';
import { parseYamlTree } from './yaml-tree.js';

export interface WorkflowText {
  /** As shown in the report. */
  file: string;
  text: string;
}

/** An image a job pushes to a GitHub registry, for `--check`. */
export interface PushedImage {
  file: string;
  job: string;
  line: number;
  /** Resolved as far as the workflow says; may still hold `${{ }}`. */
  ref: string;
  /** The credentials the job logs in with. */
  credentials: Credential[];
}

export interface JobSummary {
  file: string;
  job: string;
  line: number;
  /** The GitHub-registry images it pushes. */
  images: string[];
  credentials: string[];
}

export interface WorkflowAnalysis {
  files: string[];
  jobs: JobSummary[];
  pushed: PushedImage[];
  findings: WorkflowFinding[];
  /** Files whose YAML is broken, one line each (`file:line: message`). */
  syntaxErrors: string[];
}

/**
 * Workflow texts → findings. Pure: no file system, no network. A file with broken YAML gets one `workflow.syntax`
 * finding and the others are still read.
 */
export function analyzeWorkflows(inputs: readonly WorkflowText[], repository: KnownRepository | null): WorkflowAnalysis {
  const analysis: WorkflowAnalysis = { files: inputs.map((i) => i.file), jobs: [], pushed: [], findings: [], syntaxErrors: [] };
  for (const input of inputs) {
    const tree = parseYamlTree(input.text);
    if (!tree.ok) {
      const line = tree.problem?.line ?? 1;
      const message = tree.problem?.message ?? tree.reason;
      analysis.syntaxErrors.push(`${input.file}:${line}: ${message}`);
      analysis.findings.push({ file: input.file, line, job: null, id: 'workflow.syntax', status: 'fail', summary: `The YAML is broken at line ${line}: ${message}`, fix: 'Fix the YAML; GitHub does not run a workflow it cannot parse.' });
      continue;
    }
    const workflow = buildWorkflow(input.file, tree.value);
    let pushing = 0;
    for (const job of workflow.jobs) {
      const pushes = findPushes(workflow, job);
      if (!pushesToGitHub(pushes)) continue;
      pushing += 1;
      const credentials = [...pushes.logins.filter((l) => isGitHubRegistry(l.registry)).flatMap((l) => (l.credential ? [l.credential] : [])), ...pushes.pushes.flatMap((p) => (p.credential ? [p.credential] : []))];
      const images = pushes.pushes.flatMap((p) => p.images.filter((i) => isGitHubRegistry(registryOf(i.ref))).map((i) => ({ image: i, push: p })));
      for (const { image } of images) analysis.pushed.push({ file: input.file, job: job.id, line: image.line, ref: image.ref, credentials });
      analysis.jobs.push({ file: input.file, job: job.id, line: job.line, images: [...new Set(images.map((i) => i.image.ref))], credentials: [...new Set(credentials.map(credentialLabel))] });
      analysis.findings.push(...judgeJob({ workflow, job, pushes, repository }));
    }
    if (pushing === 0) {
      analysis.findings.push({ file: input.file, line: 1, job: null, id: 'workflow.pushes', status: 'skip', summary: 'No job in this workflow pushes a container image to ghcr.io or a GitHub Enterprise registry.', fix: null });
    }
  }
  return analysis;
}

/** Any fail → fail; else any error → inconclusive; else pass (warnings do not fail, as in `crpat check`). */
export function verdictOf(findings: readonly { status: CheckStatus }[]): Verdict {
  if (findings.some((f) => f.status === 'fail')) return 'fail';
  if (findings.some((f) => f.status === 'error')) return 'inconclusive';
  return 'pass';
}

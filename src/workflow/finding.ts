import type { CheckStatus } from '../types.js';

/** Stable ids of `crpat workflow` findings (README "crpat workflow"). */
export type WorkflowFindingId =
  | 'workflow.syntax'
  | 'workflow.pushes'
  | 'push.credential'
  | 'push.registry'
  | 'push.permissions'
  | 'push.pull-request'
  | 'push.pull-request-target'
  | 'image.case'
  | 'image.owner'
  | 'action.runtime'
  | 'secret.exists'
  | 'token.check';

/** One finding about a workflow file: where, which job, what, and what to do. */
export interface WorkflowFinding {
  /** The file as given (relative to the current directory when found there). */
  file: string;
  /** 1-based line the finding points at. */
  line: number;
  /** The job's id; null for the file as a whole. */
  job: string | null;
  id: WorkflowFindingId;
  status: CheckStatus;
  summary: string;
  fix: string | null;
}

/** The repository the workflows belong to, when known (`--repo`, or the `origin` remote). */
export interface KnownRepository {
  host: string;
  owner: string;
  name: string;
}

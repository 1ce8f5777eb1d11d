import { isPermissionRefusal, type RefusalReason, refusalReason } from '../registry/refusal-reason.js';
import type { LoginOutcome, PushOutcome, RegistryRefusal } from '../registry/outcomes.js';

/**
 * The registry's two answers, read once: the token service (`registry.login`) and the upload (`registry.push`, the
 * ground truth for "can push"). Each refusal is read here, once, into its reason (registry/refusal-reason.ts) and the
 * one wording every part of a report quotes it in.
 */

export interface RefusalRecord {
  refusal: RegistryRefusal;
  reason: RefusalReason;
  /** `HTTP 403 DENIED: permission_denied: write_package`: the one wording of this refusal in a report. */
  quoted: string;
  /** Whether the reason is about the token or its rights (a verdict of `fail` may rest on it). */
  permission: boolean;
}

/** What the upload establishes about `packages:write` on the image. */
export type UploadAnswer =
  | { kind: 'opened' }
  | { kind: 'refused'; refusal: RefusalRecord }
  | { kind: 'unknown'; reason: string };

export interface PushRecord {
  /** The upload as the registry client reported it; null when it was not tried (the login did not succeed). */
  outcome: PushOutcome | null;
  /** The refusal of a refused or rate-limited upload. */
  refusal: RefusalRecord | null;
  upload: UploadAnswer;
}

export interface LoginRecord {
  outcome: LoginOutcome;
  refusal: RefusalRecord | null;
}

export function readRefusal(refusal: RegistryRefusal): RefusalRecord {
  const reason = refusalReason(refusal);
  return { refusal, reason, quoted: describeRefusal(refusal), permission: isPermissionRefusal(reason) };
}

export function readLogin(outcome: LoginOutcome): LoginRecord {
  return { outcome, refusal: outcome.kind === 'refused' ? readRefusal(outcome.refusal) : null };
}

export function readPush(outcome: PushOutcome | null): PushRecord {
  const refusal = outcome?.kind === 'refused' || outcome?.kind === 'rate-limited' ? readRefusal(outcome.refusal) : null;
  return { outcome, refusal, upload: uploadAnswer(outcome, refusal) };
}

function uploadAnswer(push: PushOutcome | null, refusal: RefusalRecord | null): UploadAnswer {
  if (push === null) return { kind: 'unknown', reason: 'the registry push probe did not run' };
  switch (push.kind) {
    case 'opened':
      return { kind: 'opened' };
    case 'refused':
      // A refusal that names no permission says nothing about the token (docs/github-behaviour.md#ghcr-outage).
      if (refusal === null || !refusal.permission) return { kind: 'unknown', reason: `it refused for a reason that names no permission: ${refusal?.quoted ?? ''}` };
      return { kind: 'refused', refusal };
    case 'rate-limited':
      return { kind: 'unknown', reason: `the registry rate-limited the upload (${refusal?.quoted ?? 'HTTP 429'})` };
    case 'unexpected':
      return { kind: 'unknown', reason: push.reason };
    case 'network':
      return { kind: 'unknown', reason: push.error.message };
  }
}

/** `HTTP 403 DENIED: permission_denied: write_package`: status, then the registry's own code and message, quoted as sent. */
export function describeRefusal(refusal: RegistryRefusal): string {
  const first = refusal.errors[0];
  const error = first ? ` ${first.code}: ${first.message}` : '';
  const challenge = refusal.challengeError ? ` (${refusal.challengeError})` : '';
  return `HTTP ${refusal.status}${error}${challenge}`;
}

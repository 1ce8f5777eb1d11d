import type { PushRecord } from '../evidence/registry.js';
import { CHECK_IDS, type Finding } from '../types.js';

const PUSH_CONTRACT: ReadonlySet<string> = new Set(CHECK_IDS);

/**
 * The registry's answer is the ground truth for "can push" (README, "The checks"; docs/github-behaviour.md): when it
 * opened the upload, no other check of the push contract may fail the verdict. What the REST API showed (an IP allow
 * list or SSO refusal of the repository, the scopes GitHub listed, ...) then warns, and says the registry accepted the
 * push all the same; the fix stays, for what the API refused. `token.capabilities` judges more than pushing and is left
 * as it is. Pure.
 */
export function yieldToRegistry(result: Finding, push: PushRecord): Finding {
  if (result.status !== 'fail' || result.id === 'registry.push' || !PUSH_CONTRACT.has(result.id)) return result;
  if (push.upload.kind !== 'opened') return result;
  return {
    ...result,
    status: 'warn',
    summary: `${result.summary} The registry opened the upload all the same, so this does not stop a push (registry.push).`,
  };
}

import type { CheckId, Finding } from '../types.js';
import { type Check, type Evidence, finding } from '../checks/check.js';
import { yieldToRegistry } from '../checks/ground-truth.js';

/** Live progress: a check started, or finished with its finding. */
export type ProgressEvent = { type: 'start'; id: CheckId; title: string } | { type: 'finish'; finding: Finding };

/**
 * Runs every check at once (each waits only for the evidence it reads) and returns the findings in list order.
 * A check that throws becomes an `error` finding: one bug must not hide the other answers. A failing check of the push
 * contract also waits for the upload: when the registry opened it, the failure only warns (checks/ground-truth.ts).
 */
export async function runChecks(checks: readonly Check[], evidence: Evidence, onProgress?: (event: ProgressEvent) => void): Promise<Finding[]> {
  return Promise.all(
    checks.map(async (check) => {
      onProgress?.({ type: 'start', id: check.id, title: check.title });
      let result: Finding;
      try {
        result = await check.run(evidence);
        // A failing explanation waits for the registry's answer, which it may not contradict (checks/ground-truth.ts).
        if (result.status === 'fail') result = yieldToRegistry(result, await evidence.push);
      } catch (error) {
        result = finding(check.id, 'error', `The check failed unexpectedly: ${error instanceof Error ? error.message : String(error)}.`);
      }
      onProgress?.({ type: 'finish', finding: result });
      return result;
    }),
  );
}

/** The findings when the token is malformed: nothing else is worth a request. */
export function skipAllBut(checks: readonly Check[], first: Finding, onProgress?: (event: ProgressEvent) => void): Finding[] {
  return checks.map((check) => {
    const result = check.id === first.id ? first : finding(check.id, 'skip', `Skipped: the token is malformed (${first.id}).`);
    onProgress?.({ type: 'finish', finding: result });
    return result;
  });
}

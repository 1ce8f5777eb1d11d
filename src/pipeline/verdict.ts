import type { Finding, Verdict } from '../types.js';

/** `fail` if any check failed; else `inconclusive` if any errored; else `pass`. */
export function verdictOf(findings: readonly Finding[]): Verdict {
  if (findings.some((f) => f.status === 'fail')) return 'fail';
  if (findings.some((f) => f.status === 'error')) return 'inconclusive';
  return 'pass';
}

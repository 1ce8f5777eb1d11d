import type { CheckTokenDeps, CheckTokenOptions } from './options.js';
import { checkTarget } from './check-target.js';
import { malformedReport } from './report.js';
import { openSession } from './session.js';
import { assertOptionShape, formatProblem, linksFor, resolveImage, resolveRunSettings, resolveTarget } from './validate.js';
import type { Report } from '../types.js';

/**
 * Checks whether `options.token` can push container images for `options.repository`, and why not.
 * Resolves with the report `crpat check --json` prints; rejects only with `UsageError` for bad input.
 *
 * The API identity call, the repository call and the registry exchange start together; only the registry's
 * token → upload (→ cancel) is a chain. See `checkTokenMany()` for several repositories with one token.
 *
 * @example
 * const report = await checkToken({ repository: 'acme/api', token: process.env.CR_PAT ?? '' });
 * if (report.verdict !== 'pass') console.log(report.checks.filter((c) => c.status === 'fail'));
 */
export async function checkToken(options: CheckTokenOptions, deps: CheckTokenDeps = {}): Promise<Report> {
  assertOptionShape(options, 'repository');
  const target = resolveTarget(options.repository);
  const settings = resolveRunSettings(options, target.host);
  const image = resolveImage(target, options.image, settings);
  const format = formatProblem(settings.shape, linksFor(target, image, settings));
  if (format) return malformedReport(settings.shape, format, target, image, settings, deps.onProgress);
  const session = openSession(settings, deps);
  return checkTarget(session, target, image, deps.onProgress ? { onProgress: deps.onProgress } : {});
}

import type { CheckTokenManyDeps, CheckTokenManyOptions } from './options.js';
import { checkTarget } from './check-target.js';
import { malformedReport } from './report.js';
import { openSession } from './session.js';
import { assertOptionShape, formatProblem, linksFor, resolveImage, resolveRunSettings, resolveTarget } from './validate.js';
import { UsageError } from '../errors.js';
import { OPTION_WORDS, type SettingWords } from '../settings.js';
import type { ApiOutcome } from '../github/client.js';
import { NetError } from '../http/net-error.js';
import { createRateGate } from './rate-gate.js';
import type { ManyReport, RepoTarget, Report, Verdict } from '../types.js';

export const MAX_REPOSITORIES = 1000;

/** Why `image` is refused with several repositories, in the words of the shell (the CLI's `--image`, the `image` option). */
export function imageWithMany(words: SettingWords): string {
  const image = words.names.image;
  return `${image} names one package, so it takes a single repository; with several, each is probed at its own name (drop ${image}, or check that repository alone)`;
}

/**
 * Checks one token against several repositories: the token-level evidence (`GET /user`) is fetched once and judged
 * for each, the per-repository checks run with bounded concurrency paced by GitHub's rate-limit headers, and the
 * registry's challenge and cancel support are learnt once per run. Rejects only with `UsageError` for bad input.
 *
 * Requests: on ghcr.io 1 + 3·N (`GET /user`, then per repository `GET /repos/…`, token, upload; ghcr's cancel is
 * known to answer 405 and is not sent); on a registry seen for the first time, one `GET /v2/` and one cancel more.
 *
 * @example
 * const { verdict, results } = await checkTokenMany({ repositories: ['acme/api', 'acme/web'], token: process.env.CR_PAT ?? '' });
 */
export async function checkTokenMany(options: CheckTokenManyOptions, deps: CheckTokenManyDeps = {}): Promise<ManyReport> {
  assertOptionShape(options, 'repositories');
  const targets = uniqueTargets(options.repositories.map(resolveTarget));
  if (targets.length > 1 && options.image !== undefined) throw new UsageError(imageWithMany(deps.settingWords ?? OPTION_WORDS));
  const host = oneHost(targets);
  const settings = resolveRunSettings(options, host);
  // Every target is validated before anything is sent.
  const images = targets.map((target) => resolveImage(target, options.image, settings));
  const { shape } = settings;
  const results: Report[] = new Array(targets.length);
  const done = (index: number, report: Report): void => {
    results[index] = report;
    deps.onResult?.(report, index);
  };

  // The token's shape is the same for every target; each report's fix links name its own target.
  const formatFor = (i: number) => formatProblem(shape, linksFor(targets[i]!, images[i]!, settings));
  if (formatFor(0)) {
    targets.forEach((target, i) => done(i, malformedReport(shape, formatFor(i)!, target, images[i]!, settings)));
    return { schemaVersion: 1, verdict: overallVerdict(results), results };
  }

  const gate = createRateGate(options.concurrency !== undefined ? { concurrency: options.concurrency } : {});
  const session = openSession(settings, deps, (headers) => gate.observe(headers));
  // Each repository call waits for the identity answer: its rate-limit headers pace the rest, and after a 401 the same
  // token is refused everywhere, so that answer is reused instead of sending N failed logins (GitHub locks those out).
  const repoCall = async (send: () => Promise<ApiOutcome>): Promise<ApiOutcome> => {
    const [user, seen] = await Promise.all([session.user, session.userRecord]);
    if (seen.meaning.kind === 'bad-credentials') return user;
    const refused = await gate.beforeApi();
    return refused === null ? send() : notSent(refused);
  };
  // Further API requests of a target (capability probes, a package read) pass the same gate.
  const apiCall = async (send: () => Promise<ApiOutcome>): Promise<ApiOutcome> => {
    const refused = await gate.beforeApi();
    return refused === null ? send() : notSent(refused);
  };
  await Promise.all(
    targets.map(async (target, i) => {
      const release = await gate.acquire();
      try {
        done(i, await checkTarget(session, target, images[i]!, { repoCall, apiCall }));
      } finally {
        release();
      }
    }),
  );
  return { schemaVersion: 1, verdict: overallVerdict(results), results };
}

/** `pass` only if every report passes; `fail` if any fails; else `inconclusive`. */
export function overallVerdict(reports: readonly Pick<Report, 'verdict'>[]): Verdict {
  if (reports.some((r) => r.verdict === 'fail')) return 'fail';
  return reports.length > 0 && reports.every((r) => r.verdict === 'pass') ? 'pass' : 'inconclusive';
}

function uniqueTargets(targets: RepoTarget[]): RepoTarget[] {
  if (targets.length === 0) throw new UsageError('no repositories given: pass at least one');
  const seen = new Set<string>();
  const unique = targets.filter((t) => {
    const key = `${t.host}/${t.owner}/${t.name}`.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  if (unique.length > MAX_REPOSITORIES) throw new UsageError(`too many repositories (${unique.length}): at most ${MAX_REPOSITORIES} in one run`);
  return unique;
}

function oneHost(targets: RepoTarget[]): string {
  const hosts = [...new Set(targets.map((t) => t.host.toLowerCase()))];
  if (hosts.length > 1) {
    throw new UsageError(`the repositories are on ${hosts.slice(0, 3).join(', ')}: a token belongs to one GitHub host, so check each host separately`);
  }
  return targets[0]!.host;
}

/** An answer for a request that was deliberately not sent: undecided, with the reason, never a failure. */
function notSent(reason: string): ApiOutcome {
  return { kind: 'network', error: new NetError('aborted', reason) };
}

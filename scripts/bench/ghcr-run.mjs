// One crpat check in a fresh Node process, through the library exactly as it runs against api.github.com and
// ghcr.io, with those two origins sent to the bench's delay proxies instead (the only difference: where the bytes go).
// This is the ghcr.io request plan: known token service (no /v2/ challenge), no cancel (ghcr answers 405 to it).
// Env: BENCH_API, BENCH_REGISTRY (https://127.0.0.1:port), BENCH_REPOS (comma-separated), CR_PAT, NODE_EXTRA_CA_CERTS.
// Prints its verdict, its CPU time, and where its wall time went (ms since the process began, performance.now()):
// when the first request was sent and when the last answer's headers came, so the bench can split a run into
// loading before the first request, the requests themselves, and what follows the last answer.
import { checkToken, checkTokenMany, createNodeFetch } from '../../dist/index.js';

const origins = { 'https://api.github.com': process.env.BENCH_API, 'https://ghcr.io': process.env.BENCH_REGISTRY };
const transport = createNodeFetch(); // crpat's own HTTP path, as a CLI run uses it
const marks = { firstRequestMs: null, lastAnswerMs: null };
const fetch = async (input, init) => {
  const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
  const to = origins[url.origin];
  marks.firstRequestMs ??= performance.now();
  const response = await transport(to ? new URL(`${url.pathname}${url.search}`, to) : url, init);
  marks.lastAnswerMs = performance.now();
  return response;
};
const repos = (process.env.BENCH_REPOS ?? '').split(',').filter(Boolean);
const token = process.env.CR_PAT ?? '';
const result =
  repos.length === 1 ? await checkToken({ repository: repos[0], token }, { fetch }) : await checkTokenMany({ repositories: repos, token }, { fetch });
const cpu = process.cpuUsage();
process.stdout.write(`${JSON.stringify({ verdict: result.verdict, cpuMs: (cpu.user + cpu.system) / 1000, ...marks, doneMs: performance.now() })}\n`);
process.exitCode = { pass: 0, fail: 1, inconclusive: 3 }[result.verdict];

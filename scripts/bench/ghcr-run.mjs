// One crpat check in a fresh Node process, through the library exactly as it runs against api.github.com and
// ghcr.io, with those two origins sent to the bench's delay proxies instead (the only difference: where the bytes go).
// This is the ghcr.io request plan: known token service (no /v2/ challenge), no cancel (ghcr answers 405 to it).
// Env: BENCH_API, BENCH_REGISTRY (https://127.0.0.1:port), BENCH_REPOS (comma-separated), CR_PAT, NODE_EXTRA_CA_CERTS.
import { checkToken, checkTokenMany, createNodeFetch } from '../../dist/index.js';

const origins = { 'https://api.github.com': process.env.BENCH_API, 'https://ghcr.io': process.env.BENCH_REGISTRY };
const transport = createNodeFetch(); // crpat's own HTTP path, as a CLI run uses it
const fetch = (input, init) => {
  const url = new URL(input instanceof Request ? input.url : String(input));
  const to = origins[url.origin];
  return transport(to ? new URL(`${url.pathname}${url.search}`, to) : url, init);
};
const repos = (process.env.BENCH_REPOS ?? '').split(',').filter(Boolean);
const token = process.env.CR_PAT ?? '';
const result =
  repos.length === 1 ? await checkToken({ repository: repos[0], token }, { fetch }) : await checkTokenMany({ repositories: repos, token }, { fetch });
const cpu = process.cpuUsage();
process.stdout.write(`${JSON.stringify({ verdict: result.verdict, cpuMs: (cpu.user + cpu.system) / 1000 })}\n`);
process.exitCode = { pass: 0, fail: 1, inconclusive: 3 }[result.verdict];

// `node --import ./scripts/bench/cpu-report.mjs …`: when the process exits, appends its CPU time (user + system, ms)
// to the file named by CRPAT_BENCH_CPU_FILE. The bench loads it into every process it compares (`node -e 0` too), so
// the hook's own small cost is on both sides of each ratio.
import { appendFileSync } from 'node:fs';

const file = process.env.CRPAT_BENCH_CPU_FILE;
if (file) {
  process.on('exit', () => {
    const { userCPUTime, systemCPUTime } = process.resourceUsage();
    appendFileSync(file, `${(userCPUTime + systemCPUTime) / 1000}\n`);
  });
}

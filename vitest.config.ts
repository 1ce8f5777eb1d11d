import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The variables that change what crpat does or prints are removed before each file, whatever the machine sets.
    setupFiles: ['test/helpers/clean-environment.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Integration tests start real servers (simulator, docker-registry); two cores, keep it modest.
    maxWorkers: 2,
    // The JSON report lets .ci/run print one plain closing line with the counts.
    reporters: ['default', ['json', { outputFile: '.tmp/vitest-report.json' }]],
    // `npm test` runs with --coverage; a run of a few files does not, so its partial numbers never fail.
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts'],
      reporter: ['text-summary', 'json-summary'],
      reportsDirectory: '.tmp/coverage',
      reportOnFailure: true,
      // Today's level, rounded down: `.ci/run` on a fresh clone of main on 2026-12-05 measured 89.9% statements,
      // 82.0% branches, 91.9% functions, 91.7% lines (much of the workflow, trace and transport code runs in the built
      // binary's child processes, outside v8's view, which is why it is not higher).
      // New code comes with tests, or this fails. Raise it when coverage rises; never lower it quietly.
      thresholds: { statements: 89, branches: 81, functions: 91, lines: 91 },
    },
  },
});

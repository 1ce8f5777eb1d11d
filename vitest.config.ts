import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
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
      // Today's level, rounded down: the whole suite on main after the 2026-12-04 merges measured 88.8% statements,
      // 81.1% branches, 90.2% functions, 90.8% lines (the branch that set 91/84/90/93 had not yet seen the workflow,
      // trace and transport code, much of which runs in the built binary's child processes, outside v8's view).
      // New code comes with tests, or this fails. Raise it when coverage rises; never lower it quietly.
      thresholds: { statements: 88, branches: 80, functions: 89, lines: 90 },
    },
  },
});

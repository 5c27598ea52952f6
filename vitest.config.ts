import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/setup/node-version.ts'],
    reporters: ['default', './test/setup/summary-reporter.ts'],
    environment: 'node',
    // better-sqlite3 and the e2e browser are native/heavy: run files in forks, two at a time (2-core machines).
    pool: 'forks',
    maxWorkers: 2,
    // One generous bound for every test (no test sets a smaller one): every wait follows a condition, so a
    // passing test takes what it needs and only a stuck one runs this long. With both cores of a 2-core
    // machine busy elsewhere, multi-step e2e flows measured up to ~190 s; one condition's bound is
    // test/harness/patience.ts.
    testTimeout: 600_000,
    hookTimeout: 300_000,
  },
})

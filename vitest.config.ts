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
    // Generous per-test bounds: every wait follows a condition, so a passing test takes what it needs and
    // only a stuck one runs this long; a busy 2-core CI machine makes multi-step e2e flows slow.
    testTimeout: 120_000,
    hookTimeout: 60_000,
  },
})

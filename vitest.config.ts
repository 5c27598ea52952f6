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
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
})

import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { prestartAnalysis, type AnalysisWorkerInput } from '../../src/main/analysis/job'
import { DEFAULT_SEGMENT_RULES } from '../../src/main/analysis/segment-rules'
import type { JobControl } from '../../src/main/jobs/registry'
import { configureWorkers, endKeptWorkers, keptThreadIds, runInWorker } from '../../src/main/jobs/workers'
import { RFM_SALES } from '../fixtures/rfm-sales'
import { projectRoot } from '../helpers/node'
import { salesDatabaseFile } from '../helpers/sales'

// The packaged app runs the worker from the electron-vite bundle, not from source. `npm test` builds before
// it runs the tests, so this checks the bundled out/main/analysis-worker.js under plain Node.
const mainDir = resolve(projectRoot, 'out/main')
const bundled = resolve(mainDir, 'analysis-worker.js')
if (!existsSync(bundled)) console.warn(`${bundled} not built (run electron-vite build); skipping`)

afterEach(async () => {
  await endKeptWorkers()
  configureWorkers(null)
})

describe.skipIf(!existsSync(bundled))('bundled analysis worker', () => {
  it('runs an analysis from the built bundle and reports the stored run', async () => {
    configureWorkers({ bundle: mainDir })
    const file = await salesDatabaseFile(RFM_SALES)
    const input: AnalysisWorkerInput = {
      file,
      parameters: { asOf: '2026-03-31', windowDays: null, horizonDays: 365, annualDiscountRate: 0.1 },
      rules: DEFAULT_SEGMENT_RULES,
    }
    const phases: string[] = []
    const job: JobControl = {
      jobId: 'bundle-test',
      signal: new AbortController().signal,
      progress: (p) => phases.push(p.phase),
    }
    expect(await runInWorker('analysis-worker', input, job)).toEqual({ runId: 1 })
    expect(phases).toContain('analysis.phase.fitting')
  })

  it('starts the analysis thread ahead from the bundle: its warm-up loads and runs, then it serves a job', async () => {
    configureWorkers({ bundle: mainDir })
    const file = await salesDatabaseFile(RFM_SALES)
    expect(await prestartAnalysis()).toBe(true) // rejects if the warm-up's chunk or the demo shop fail
    const [thread] = keptThreadIds()
    const input: AnalysisWorkerInput = {
      file,
      parameters: { asOf: '2026-03-31', windowDays: null, horizonDays: 365, annualDiscountRate: 0.1 },
      rules: DEFAULT_SEGMENT_RULES,
    }
    const job: JobControl = {
      jobId: 'bundle-kept',
      signal: new AbortController().signal,
      progress: () => undefined,
    }
    expect(await runInWorker('analysis-worker', input, job, { keep: true })).toEqual({ runId: 1 })
    expect(keptThreadIds()).toEqual([thread])
  })
})

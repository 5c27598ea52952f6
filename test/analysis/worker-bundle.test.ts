import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { Worker } from 'node:worker_threads'
import { describe, expect, it } from 'vitest'
import { DEFAULT_SEGMENT_RULES } from '../../src/main/analysis/segment-rules'
import type { WorkerInput, WorkerMessage } from '../../src/main/analysis/worker'
import { RFM_SALES } from '../fixtures/rfm-sales'
import { projectRoot } from '../helpers/node'
import { salesDatabaseFile } from '../helpers/sales'

// The packaged app runs the worker from the electron-vite bundle, not from source. `npm test` builds before
// it runs the tests, so this checks the bundled out/main/analysis-worker.js under plain Node.
const bundled = resolve(projectRoot, 'out/main/analysis-worker.js')
if (!existsSync(bundled)) console.warn(`${bundled} not built (run electron-vite build); skipping`)

describe.skipIf(!existsSync(bundled))('bundled analysis worker', () => {
  it('runs an analysis from the built bundle and reports the stored run', async () => {
    const file = await salesDatabaseFile(RFM_SALES)
    const workerData: WorkerInput = {
      file,
      parameters: { asOf: '2026-03-31', windowDays: null, horizonDays: 365, annualDiscountRate: 0.1 },
      rules: DEFAULT_SEGMENT_RULES,
    }
    const messages: WorkerMessage[] = []
    const worker = new Worker(bundled, { workerData })
    await new Promise<void>((done, fail) => {
      worker.on('message', (m: WorkerMessage) => messages.push(m))
      worker.on('error', fail)
      worker.on('exit', () => done())
    })
    expect(messages.at(-1)).toEqual({ type: 'done', runId: 1 })
    expect(messages.some((m) => m.type === 'progress' && m.phase === 'analysis.phase.fitting')).toBe(true)
  })
})

import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { configureWorkers } from '../../src/main/jobs/workers'
import { tempDir, testContext } from '../helpers/db'
import { projectRoot } from '../helpers/node'
import { fixture } from '../import/helpers'
import { call, finished, upload } from './import-helpers'

// The app runs imports in a worker thread; here the worker is loaded from source through tsx, and, once
// `electron-vite build` has run (npm test builds first), from the bundle the app ships.

afterEach(() => configureWorkers(null))

describe('import in a worker thread', () => {
  it('imports and reports progress from the worker', async () => {
    configureWorkers('source')
    const ctx = await testContext()
    const phases: string[] = []
    ctx.emit = (e) => phases.push(e.phase)
    const fileId = await upload(ctx, fixture('square-items-detail.csv'))
    const job = await finished(ctx, (await call(ctx, 'startImport', { fileId })).jobId)
    expect(job.result).toMatchObject({ status: 'done', receiptsAdded: 4, linesAdded: 5, netAdded: 139900 })
    expect(phases).toContain('import.phase.checking')
    expect(phases.at(-1)).toBe('import.phase.done')
    expect(await call(ctx, 'getStats')).toMatchObject({ receipts: 4, lines: 5 })
  })

  it('reports an engine error from the worker with its code and details', async () => {
    configureWorkers('source')
    const ctx = await testContext()
    const fileId = await upload(ctx, fixture('mypos-export.csv'))
    const job = await finished(ctx, (await call(ctx, 'startImport', { fileId })).jobId)
    expect(job).toMatchObject({
      state: 'failed',
      error: { code: 'bad_input', details: { decision: 'mapping' } },
    })
  })

  it('cancels in the worker and rolls back', async () => {
    configureWorkers('source')
    const ctx = await testContext()
    const file = join(tempDir(), 'big.csv')
    writeFileSync(
      file,
      `receipt_number,date,quantity,net_amount\n${Array.from({ length: 300_000 }, (_, i) => `W-${i},2025-01-01,1,10`).join('\n')}\n`,
    )
    const fileId = await upload(ctx, file, 4 * 1024 * 1024)
    let sent = false
    ctx.emit = (e) => {
      if (e.phase === 'import.phase.reading' && !sent) {
        sent = true
        void call(ctx, 'cancelJob', { jobId: e.jobId })
      }
    }
    const job = await finished(ctx, (await call(ctx, 'startImport', { fileId })).jobId)
    expect(job.state).toBe('cancelled')
    expect(await call(ctx, 'getStats')).toMatchObject({ receipts: 0, lines: 0 })
  })

  const mainDir = join(projectRoot, 'out/main')
  const built = existsSync(join(mainDir, 'import-worker.js'))
  it.skipIf(!built)(
    'runs the worker the app bundles (out/main/import-worker.js), with its parser thread on a big file',
    async () => {
      configureWorkers({ bundle: mainDir })
      const ctx = await testContext()
      const small = await finished(
        ctx,
        (await call(ctx, 'startImport', { fileId: await upload(ctx, fixture('thai-windows-874.csv')) }))
          .jobId,
      )
      expect(small.result).toMatchObject({
        status: 'done',
        encoding: 'windows-874',
        receiptsAdded: 3,
        linesAdded: 4,
      })
      // past the size where the importing thread starts a parser thread (the bundled chunk starting itself)
      const file = join(tempDir(), 'big.csv')
      writeFileSync(
        file,
        `receipt_number,date,quantity,net_amount\n${Array.from({ length: 250_000 }, (_, i) => `Z-${i},2025-01-01,1,10`).join('\n')}\n`,
      )
      const big = await finished(
        ctx,
        (await call(ctx, 'startImport', { fileId: await upload(ctx, file, 4 * 1024 * 1024) })).jobId,
      )
      expect(big.result).toMatchObject({
        status: 'done',
        receiptsAdded: 250_000,
        linesAdded: 250_000,
        netAdded: 250_000_000,
      })
    },
  )
})

import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ApiContext } from '../../src/main/api/context'
import { importJob } from '../../src/main/import/job'
import { configureWorkers } from '../../src/main/jobs/workers'
import { testContext, tempDir } from '../helpers/db'
import { waitForJob } from '../helpers/jobs'

// A workbook is parsed in a worker thread (the import worker, and its parser thread under a memory cap)
// with a time bound and a cancel that stops it even inside a library call: a hostile or huge workbook
// cannot hang the app. Workers run from source here, as in the app; the bounds are shortened for the test.

const ROWS = 3000

async function workbook(dir: string): Promise<string> {
  const book = new ExcelJS.Workbook()
  const sheet = book.addWorksheet('Sales')
  sheet.addRow([
    'receipt_number',
    'date',
    'customer_name',
    'phone',
    'quantity',
    'unit_price',
    'net_amount',
    'product_name',
  ])
  for (let i = 0; i < ROWS; i++) {
    sheet.addRow([
      `X-${i}`,
      '2025-03-01',
      `Customer ${i % 200}`,
      `08${10_000_000 + (i % 200)}`,
      1,
      10,
      10,
      `P${i % 30}`,
    ])
  }
  const file = join(dir, 'big.xlsx')
  await book.xlsx.writeFile(file)
  return file
}

const lines = (ctx: ApiContext): number =>
  Number(ctx.connection.sqlite.prepare('select count(*) from receipt_lines').pluck().get())

function start(ctx: ApiContext, file: string, bounds: { stallMs: number; cancelGraceMs: number }): string {
  return ctx.jobs.start(importJob, {
    db: ctx.db,
    dbFile: ctx.connection.file,
    file,
    options: { preset: 'lukkha_sales', fileName: 'big.xlsx' },
    startedAt: ctx.now().toISOString(),
    bounds,
  })
}

describe('workbook parsing is bounded and cancellable', () => {
  beforeAll(() => configureWorkers('source'))
  afterAll(() => configureWorkers(null))

  it('stops a parse that makes no progress within the bound with file_too_slow, and nothing is stored', async () => {
    const ctx = await testContext()
    const file = await workbook(tempDir())
    // a bound far shorter than the worker needs to start: the parse is stopped for certain, by the bound
    const jobId = start(ctx, file, { stallMs: 1, cancelGraceMs: 0 })
    const job = await waitForJob(ctx, jobId, 'import')
    expect(job.state).toBe('failed')
    expect(job.error).toMatchObject({ code: 'file_too_slow', params: { file: 'big.xlsx', seconds: 0 } })
    expect(lines(ctx)).toBe(0)
  })

  it('a cancel stops the worker even when its parse does not look at the cancel flag; a later import works', async () => {
    const ctx = await testContext()
    const file = await workbook(tempDir())
    let running: () => void = () => undefined
    const started = new Promise<void>((resolve) => (running = resolve))
    ctx.emit = (event) => {
      if (event.type === 'job' && event.kind === 'import' && event.phase !== 'import.phase.checking')
        running()
    }
    const jobId = start(ctx, file, { stallMs: 600_000, cancelGraceMs: 0 })
    await started // the worker is reading the workbook
    expect(ctx.jobs.cancel(jobId)).toBe(true)
    const job = await waitForJob(ctx, jobId, 'import')
    expect(job.state).toBe('cancelled')
    expect(lines(ctx)).toBe(0)

    const again = await waitForJob(ctx, start(ctx, file, { stallMs: 600_000, cancelGraceMs: 2000 }), 'import')
    expect(again.state).toBe('done')
    expect(lines(ctx)).toBe(ROWS)
  })
})

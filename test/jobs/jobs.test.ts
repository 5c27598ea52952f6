import { rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { AnalysisWorkerInput } from '../../src/main/analysis/job'
import { DEFAULT_SEGMENT_RULES } from '../../src/main/analysis/segment-rules'
import { createApiContext } from '../../src/main/app-context'
import { JobRegistry, type JobKind } from '../../src/main/jobs/registry'
import { configureWorkers, runInWorker } from '../../src/main/jobs/workers'
import { jobEventSchema, type JobEvent, type LukkhaEvent } from '../../src/shared/events'
import { call, upload } from '../api/import-helpers'
import { tempDir, testContext } from '../helpers/db'
import { waitForJob } from '../helpers/jobs'
import { insertSales, salesDatabaseFile } from '../helpers/sales'
import { RFM_SALES } from '../fixtures/rfm-sales'

// One registry for every kind of job: an import and an analysis run through it, are cancelled through the
// same cancelJob, and report through the same event shape.

afterEach(() => configureWorkers(null))

const jobEvents = (events: LukkhaEvent[], jobId: string): JobEvent[] =>
  events.filter((e): e is JobEvent => e.type === 'job' && e.jobId === jobId)

/** A CSV big enough that an import is still reading when it is cancelled. */
function bigCsv(dir: string, rows: number): string {
  const file = join(dir, 'big.csv')
  const lines = Array.from({ length: rows }, (_, i) => `J-${i},2025-01-01,1,10`)
  writeFileSync(file, `receipt_number,date,quantity,net_amount\n${lines.join('\n')}\n`)
  return file
}

describe('one job registry', () => {
  it('runs an import and an analysis as jobs of one registry and reports both in one event shape', async () => {
    const ctx = await testContext()
    const events: LukkhaEvent[] = []
    ctx.emit = (e) => events.push(e)
    insertSales(ctx.connection.sqlite, RFM_SALES)
    const fileId = await upload(ctx, join(import.meta.dirname, '../fixtures/import/square-items-detail.csv'))
    const importId = (await call(ctx, 'startImport', { fileId })).jobId
    const analysisId = (await call(ctx, 'startAnalysis', { asOf: '2026-03-31' })).jobId

    const imported = await waitForJob(ctx, importId, 'import')
    const analysed = await waitForJob(ctx, analysisId, 'analysis')
    expect(imported).toMatchObject({ kind: 'import', state: 'done', error: null, result: { status: 'done' } })
    expect(analysed).toMatchObject({ kind: 'analysis', state: 'done', error: null, result: { runId: 1 } })
    expect(imported.finishedAt).not.toBeNull()

    // the new context's daily backup is a job of the same registry too (it may still be running)
    const listed = (await call(ctx, 'listJobs')).filter((j) => j.kind !== 'backup')
    expect(listed.map((j) => [j.kind, j.state]).sort()).toEqual([
      ['analysis', 'done'],
      ['import', 'done'],
    ])
    expect(await call(ctx, 'listJobs', { kind: 'import' })).toHaveLength(1)

    for (const [jobId, kind] of [
      [importId, 'import'],
      [analysisId, 'analysis'],
    ] as const) {
      const mine = jobEvents(events, jobId)
      expect(mine.length).toBeGreaterThanOrEqual(2)
      for (const e of mine) {
        expect(Object.keys(e).sort()).toEqual(['done', 'jobId', 'kind', 'phase', 'state', 'total', 'type'])
        expect(jobEventSchema.strict().parse(e)).toEqual(e)
        expect(e.kind).toBe(kind)
      }
      expect(mine.at(-1)).toMatchObject({ state: 'done', phase: `${kind}.phase.done` })
      expect(mine.slice(0, -1).every((e) => e.state === 'running')).toBe(true)
    }
  })

  it('cancels an import and an analysis through cancelJob; both end cancelled and store nothing', async () => {
    const dir = tempDir()
    const ctx = await testContext(dir)
    const events: LukkhaEvent[] = []
    insertSales(ctx.connection.sqlite, RFM_SALES)
    const cancelAt: Record<string, string> = {
      import: 'import.phase.reading', // the import is reading its file
      analysis: 'analysis.phase.starting', // the analysis has started, before its worker
    }
    const asked = new Set<string>()
    ctx.emit = (e) => {
      events.push(e)
      if (e.type === 'job' && e.phase === cancelAt[e.kind] && !asked.has(e.jobId)) {
        asked.add(e.jobId)
        void call(ctx, 'cancelJob', { jobId: e.jobId })
      }
    }
    const fileId = await upload(ctx, bigCsv(dir, 300_000), 4 * 1024 * 1024)
    const importId = (await call(ctx, 'startImport', { fileId })).jobId
    const analysisId = (await call(ctx, 'startAnalysis', { asOf: '2026-03-31' })).jobId

    const imported = await waitForJob(ctx, importId, 'import')
    const analysed = await waitForJob(ctx, analysisId, 'analysis')
    expect(imported).toMatchObject({ state: 'cancelled', phase: 'import.phase.cancelled', error: null })
    expect(imported.result).toMatchObject({ status: 'cancelled', importId: null })
    expect(analysed).toMatchObject({ state: 'cancelled', phase: 'analysis.phase.cancelled', result: null })
    expect(await call(ctx, 'getStats')).toMatchObject({ receipts: RFM_SALES.length })
    expect(await call(ctx, 'listAnalysisRuns')).toEqual([])
    // the same end event for both kinds
    for (const jobId of [importId, analysisId]) {
      expect(Object.keys(jobEvents(events, jobId).at(-1) ?? {}).sort()).toEqual([
        'done',
        'jobId',
        'kind',
        'phase',
        'state',
        'total',
        'type',
      ])
      expect(await call(ctx, 'cancelJob', { jobId })).toEqual({ cancelled: false })
    }
  })

  it('cancels a queued analysis before it starts; the running one goes on', async () => {
    const ctx = await testContext()
    insertSales(ctx.connection.sqlite, RFM_SALES)
    const first = await call(ctx, 'startAnalysis', { asOf: '2026-03-31' })
    const queued = await call(ctx, 'startAnalysis', { afterDataChange: true })
    expect((await call(ctx, 'getJob', { jobId: queued.jobId })).state).toBe('queued')
    expect(await call(ctx, 'cancelJob', { jobId: queued.jobId })).toEqual({ cancelled: true })
    expect(await waitForJob(ctx, queued.jobId, 'analysis')).toMatchObject({
      state: 'cancelled',
      result: null,
    })
    expect(await waitForJob(ctx, first.jobId, 'analysis')).toMatchObject({ state: 'done' })
    expect(await call(ctx, 'listAnalysisRuns')).toHaveLength(1)
  })

  it("stops a worker thread's analysis when cancelled: the worker sees the flag at its first progress report", async () => {
    configureWorkers('source')
    const input: AnalysisWorkerInput = {
      file: await salesDatabaseFile(RFM_SALES),
      parameters: { asOf: '2026-03-31', windowDays: null, horizonDays: 365, annualDiscountRate: 0.1 },
      rules: DEFAULT_SEGMENT_RULES,
    }
    const controller = new AbortController()
    controller.abort()
    const phases: string[] = []
    const job = {
      jobId: 'cancel-test',
      signal: controller.signal,
      progress: (p: { phase: string }) => phases.push(p.phase),
    }
    await expect(runInWorker('analysis-worker', input, job)).rejects.toMatchObject({ code: 'cancelled' })
    expect(phases).not.toContain('analysis.phase.saving')
  })

  it('closes: cancels and awaits every job, so the database folder can be removed at once', async () => {
    const dir = tempDir()
    const ctx = await createApiContext({
      dbFile: join(dir, 'shop.db'),
      appVersion: 't',
      systemLocale: 'th-TH',
      now: () => new Date(),
    })
    insertSales(ctx.connection.sqlite, RFM_SALES)
    const { jobId } = await call(ctx, 'startAnalysis', { asOf: '2026-03-31' })
    await ctx.close()
    expect(['done', 'cancelled']).toContain(ctx.jobs.get(jobId).state)
    rmSync(dir, { recursive: true }) // no ENOTEMPTY: nothing holds shop.db-wal any more
    await expect(call(ctx, 'startAnalysis', { asOf: '2026-03-31' })).rejects.toThrow()
  })

  it('keeps the registry generic: a kind is a function with progress and a signal', async () => {
    const events: LukkhaEvent[] = []
    const jobs = new JobRegistry(
      (e) => events.push(e),
      () => new Date('2026-11-30T12:00:00Z'),
    )
    const sleeper: JobKind<number, string> = {
      kind: 'sleeper',
      firstPhase: 'sleeper.phase.sleeping',
      run: (steps, job) =>
        new Promise((resolve, reject) => {
          job.progress({ phase: 'sleeper.phase.sleeping', done: 0, total: steps })
          job.signal.addEventListener('abort', () => reject(new Error('stopped')))
          if (steps === 0) resolve('woke')
        }),
    }
    const quick = jobs.start(sleeper, 0)
    expect((await jobs.wait(quick)).result).toBe('woke')
    const slow = jobs.start(sleeper, 5)
    const after = jobs.start(sleeper, 0, { after: jobs.wait(slow) })
    expect(jobs.get(after)).toMatchObject({ state: 'queued', phase: 'sleeper.phase.waiting' })
    expect(jobs.cancel(slow)).toBe(true)
    expect(await jobs.wait(slow)).toMatchObject({ state: 'cancelled', startedAt: '2026-11-30T12:00:00.000Z' })
    expect(await jobs.wait(after)).toMatchObject({ state: 'done', result: 'woke' })
    expect(jobs.busy()).toBe(false)
    expect(() => jobs.get('nope')).toThrow(expect.objectContaining({ code: 'not_found' }))
  })
})

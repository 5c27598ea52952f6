import { describe, expect, it } from 'vitest'
import { addDays } from '../../src/main/analysis/dates'
import { analyseHere } from '../../src/main/analysis/job'
import { KEEP_RECENT_RUNS, resolveParameters, runAnalysis } from '../../src/main/analysis/run'
import { DEFAULT_SEGMENT_RULES } from '../../src/main/analysis/segment-rules'
import type { JobControl } from '../../src/main/jobs/registry'
import { testContext } from '../helpers/db'
import { insertSales } from '../helpers/sales'
import { RFM_SALES } from '../fixtures/rfm-sales'

describe('analysis snapshots', () => {
  it('keeps the newest runs and the last run of each month, deleting the others with their scores', async () => {
    const ctx = await testContext()
    const { sqlite } = ctx.connection
    insertSales(sqlite, RFM_SALES)
    const december = runAnalysis(sqlite, { asOf: '2025-12-31' }, DEFAULT_SEGMENT_RULES)
    const january: number[] = []
    for (let i = 0; i <= KEEP_RECENT_RUNS; i++) {
      january.push(runAnalysis(sqlite, { asOf: addDays('2026-01-01', i) }, DEFAULT_SEGMENT_RULES))
    }
    const kept = (sqlite.prepare('select id from analysis_runs order by id').all() as { id: number }[]).map(
      (r) => r.id,
    )
    // the 20 newest (all January but the first), plus December's only run
    expect(kept).toEqual([december, ...january.slice(1)])
    const orphan = sqlite
      .prepare('select count(*) as n from analysis_scores where run_id not in (select id from analysis_runs)')
      .get() as { n: number }
    expect(orphan.n).toBe(0)
    const scores = sqlite
      .prepare('select count(*) as n from analysis_scores where run_id = ?')
      .get(december) as {
      n: number
    }
    expect(scores.n).toBe(1) // only G had bought by 2025-12-31
  })

  it('stores a run and its scores in one transaction: a failure leaves nothing behind', async () => {
    const ctx = await testContext()
    const { sqlite } = ctx.connection
    insertSales(sqlite, RFM_SALES)
    // a customer deleted between reading and saving: the save finds a score of no one
    const { computeAnalysis, resolveParameters, saveAnalysis } = await import('../../src/main/analysis/run')
    const result = computeAnalysis(
      sqlite,
      resolveParameters(sqlite, { asOf: '2026-03-31' }),
      DEFAULT_SEGMENT_RULES,
    )
    const last = result.customers.at(-1)
    if (!last) throw new Error('no customers')
    last.customerId = 999_999
    expect(() => saveAnalysis(sqlite, result)).toThrow(
      expect.objectContaining({
        code: 'analysis_stale',
        message: expect.stringContaining('Customer 999999'),
      }),
    )
    expect(sqlite.prepare('select count(*) as n from analysis_runs').get()).toEqual({ n: 0 })
    expect(sqlite.prepare('select count(*) as n from analysis_scores').get()).toEqual({ n: 0 })
  })

  it('the job reports the run done once it is stored, then deletes the runs no longer kept', async () => {
    const ctx = await testContext()
    const { sqlite } = ctx.connection
    insertSales(sqlite, RFM_SALES)
    for (let i = 0; i < KEEP_RECENT_RUNS; i++) {
      runAnalysis(sqlite, { asOf: addDays('2026-03-01', i) }, DEFAULT_SEGMENT_RULES)
    }
    const runs = () => sqlite.prepare('select id from analysis_runs order by id').pluck().all() as number[]
    const before = runs()
    const atDone: number[][] = []
    const job: JobControl = {
      jobId: 'test',
      signal: new AbortController().signal,
      progress: ({ phase }) => {
        if (phase === 'analysis.phase.done') atDone.push(runs())
      },
    }
    const parameters = resolveParameters(sqlite, { asOf: '2026-03-31' })
    const { runId } = await analyseHere(ctx.connection, { parameters, rules: DEFAULT_SEGMENT_RULES }, job)
    // the pages are told when the new run is stored: the oldest is still there then, and gone when the job ends
    expect(atDone).toEqual([[...before, runId]])
    expect(runs()).toEqual([...before.slice(1), runId])
  })
})

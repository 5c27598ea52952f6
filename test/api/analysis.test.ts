import { describe, expect, it } from 'vitest'
import { dispatch } from '../../src/main/api/dispatch'
import type { ApiContext } from '../../src/main/api/context'
import { waitForJob } from '../helpers/jobs'
import type { AnalysisJob } from '../../src/shared/api/analysis'
import type { LukkhaEvent } from '../../src/shared/events'
import type { Input, Method, Output } from '../../src/shared/api'
import { KEEP_RECENT_RUNS, runAnalysis } from '../../src/main/analysis/run'
import { DEFAULT_SEGMENT_RULES } from '../../src/main/analysis/segment-rules'
import { testContext } from '../helpers/db'
import { insertSales } from '../helpers/sales'
import { RFM_SALES } from '../fixtures/rfm-sales'

/** Calls a method through dispatch (validation included) and unwraps a successful result. */
async function call<M extends Method>(method: M, input: Input<M>, ctx: ApiContext): Promise<Output<M>> {
  const result = await dispatch(method, input, ctx)
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`)
  return result.data as Output<M>
}

function present<T>(value: T | null): T {
  if (value === null) throw new Error('expected a value, got null')
  return value
}

async function analysed(ctx: ApiContext, asOf = '2026-03-31'): Promise<AnalysisJob> {
  const { jobId } = await call('startAnalysis', { asOf }, ctx)
  const job = await waitForJob(ctx, jobId, 'analysis')
  if (job.state !== 'done') throw new Error(`analysis failed: ${JSON.stringify(job.error)}`)
  return job
}

async function shopWithSales(): Promise<{
  ctx: ApiContext
  ids: Map<string, number>
  events: LukkhaEvent[]
}> {
  const ctx = await testContext()
  const events: LukkhaEvent[] = []
  ctx.emit = (event) => events.push(event)
  const ids = insertSales(ctx.connection.sqlite, RFM_SALES)
  return { ctx, ids, events }
}

describe('analysis API', () => {
  it('runs the analysis in a worker thread, reporting progress, and stores a snapshot', async () => {
    const { ctx, events } = await shopWithSales()
    // two calls arriving together start one job
    const [started, twin] = await Promise.all([
      call('startAnalysis', { asOf: '2026-03-31' }, ctx),
      call('startAnalysis', { asOf: '2026-03-31' }, ctx),
    ])
    expect(started.alreadyRunning).toBe(false)
    expect(twin).toEqual({ jobId: started.jobId, alreadyRunning: true })
    // asking again while it runs gives the same job
    const again = await call('startAnalysis', undefined, ctx)
    expect(again).toEqual({ jobId: started.jobId, alreadyRunning: true })

    const job = await waitForJob(ctx, started.jobId, 'analysis')
    expect(job).toMatchObject({
      state: 'done',
      done: 100,
      total: 100,
      phase: 'analysis.phase.done',
      error: null,
    })
    expect(await call('getJob', { jobId: started.jobId }, ctx)).toEqual(job)

    // every event is a job event; the analysis events are all of this one job (the daily backup at start is
    // a job of its own kind)
    expect(events.every((e) => e.type === 'job')).toBe(true)
    const progress = events.filter((e) => e.type === 'job' && e.kind === 'analysis')
    expect(progress.length).toBeGreaterThan(0)
    expect(progress.every((e) => e.jobId === started.jobId)).toBe(true)
    expect(progress.map((e) => e.phase)).toEqual(
      expect.arrayContaining([
        'analysis.phase.reading',
        'analysis.phase.fitting',
        'analysis.phase.saving',
        'analysis.phase.done',
      ]),
    )
    const done = progress.map((e) => e.done)
    expect(done).toEqual([...done].sort((a, b) => a - b))

    const run = present(await call('getAnalysisRun', undefined, ctx))
    expect(run).toMatchObject({
      runId: job.result?.runId,
      asOf: '2026-03-31',
      customers: 5,
      revenueSatang: 188000,
    })
    // five customers are too few for the CLV models, and the run says so instead of failing
    expect(run.modelNote).toMatch(/Too little purchase history/)
    expect(await call('listAnalysisRuns', undefined, ctx)).toHaveLength(1)
  })

  it('queues one fresh run behind a running one when the sales changed after it began', async () => {
    const { ctx, events } = await shopWithSales()
    const first = await call('startAnalysis', { asOf: '2026-03-31' }, ctx)
    // an import lands while the first run works on the older data: a new customer H
    insertSales(ctx.connection.sqlite, [{ customer: 'H', at: '2026-03-25', baht: 70 }])
    const fresh = await call('startAnalysis', { asOf: '2026-03-31', afterDataChange: true }, ctx)
    expect(fresh.jobId).not.toBe(first.jobId)
    expect(fresh.alreadyRunning).toBe(false)
    expect(await call('getJob', { jobId: fresh.jobId }, ctx)).toMatchObject({
      state: 'queued',
      phase: 'analysis.phase.waiting',
    })
    // later requests, changed data or not, join the queued run rather than start a third
    for (const input of [{ afterDataChange: true }, undefined]) {
      expect(await call('startAnalysis', input, ctx)).toEqual({ jobId: fresh.jobId, alreadyRunning: true })
    }

    const done = await waitForJob(ctx, fresh.jobId, 'analysis')
    expect(done).toMatchObject({ state: 'done', phase: 'analysis.phase.done' })
    const firstJob = await waitForJob(ctx, first.jobId, 'analysis')
    expect(firstJob.state).toBe('done')
    // the queued run started only after the first had finished, and it sees customer H
    const order = events.map((e) => `${e.jobId === first.jobId ? 'first' : 'fresh'}:${e.phase}`)
    expect(order.indexOf('fresh:analysis.phase.reading')).toBeGreaterThan(
      order.indexOf('first:analysis.phase.done'),
    )
    expect(present(await call('getAnalysisRun', undefined, ctx))).toMatchObject({
      runId: done.result?.runId,
      customers: 6,
    })
    expect(await call('listAnalysisRuns', undefined, ctx)).toHaveLength(2)
  })

  it('fails a queued run that finds no sales left, as a failed job', async () => {
    const { ctx } = await shopWithSales()
    const first = await call('startAnalysis', { asOf: '2026-03-31' }, ctx)
    const fresh = await call('startAnalysis', { afterDataChange: true }, ctx)
    // everything is undone before the queued run starts
    ctx.connection.sqlite.exec('delete from receipt_lines; delete from receipts;')
    await waitForJob(ctx, first.jobId, 'analysis')
    expect(await waitForJob(ctx, fresh.jobId, 'analysis')).toMatchObject({
      state: 'failed',
      phase: 'analysis.phase.failed',
      error: { code: 'no_sales' },
    })
  })

  it('reports a run that fails in the worker as a failed job, and stores nothing', async () => {
    const { ctx, events } = await shopWithSales()
    // a trigger makes the score insert fail, as a full disk would
    ctx.connection.sqlite.exec(
      "create trigger fail_scores before insert on analysis_scores begin select raise(abort, 'disk is full (test)'); end",
    )
    const { jobId } = await call('startAnalysis', { asOf: '2026-03-31' }, ctx)
    const job = await waitForJob(ctx, jobId, 'analysis')
    expect(job).toMatchObject({ state: 'failed', result: null, phase: 'analysis.phase.failed' })
    expect(job.error?.message).toMatch(/disk is full \(test\)/)
    expect(events.at(-1)).toMatchObject({ jobId, phase: 'analysis.phase.failed' })
    expect(await call('listAnalysisRuns', undefined, ctx)).toEqual([])
    // the next run is not blocked by the failed one
    ctx.connection.sqlite.exec('drop trigger fail_scores')
    expect(await analysed(ctx)).toMatchObject({ state: 'done' })
  })

  it('says a run is done as soon as it is stored, and deletes the runs no longer kept after that', async () => {
    const { ctx, events } = await shopWithSales()
    const { sqlite } = ctx.connection
    // twenty runs stored, all in March: the app keeps twenty, so the next run prunes the oldest
    for (let day = 1; day <= KEEP_RECENT_RUNS; day++) {
      runAnalysis(sqlite, { asOf: `2026-03-${String(day).padStart(2, '0')}` }, DEFAULT_SEGMENT_RULES)
    }
    const before = sqlite.prepare('select id from analysis_runs order by id').pluck().all() as number[]
    expect(before).toHaveLength(KEEP_RECENT_RUNS)
    // what another connection (the pages') reads when the 'done' progress arrives, while the job still runs
    const seenAtDone: { latest: unknown; asOf: unknown }[] = []
    ctx.emit = (event) => {
      events.push(event)
      if (event.type === 'job' && event.state === 'running' && event.phase === 'analysis.phase.done')
        seenAtDone.push(
          sqlite
            .prepare('select id as latest, as_of as asOf from analysis_runs order by id desc limit 1')
            .get() as {
            latest: unknown
            asOf: unknown
          },
        )
    }
    const job = await analysed(ctx, '2026-03-31')
    expect(seenAtDone).toEqual([{ latest: job.result?.runId, asOf: '2026-03-31' }])
    expect(events.filter((e) => e.type === 'job' && e.kind === 'analysis').at(-1)).toMatchObject({
      state: 'done',
    })
    const after = sqlite.prepare('select id from analysis_runs order by id').pluck().all() as number[]
    expect(after).toEqual([...before.slice(1), job.result?.runId])
  })

  it('refuses to run without sales, and reports unknown jobs and runs', async () => {
    const ctx = await testContext()
    expect(await dispatch('startAnalysis', undefined, ctx)).toMatchObject({
      ok: false,
      error: { code: 'no_sales' },
    })
    expect(await dispatch('getJob', { jobId: 'nope' }, ctx)).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    })
    expect(await call('getAnalysisRun', undefined, ctx)).toBeNull()
    expect(await call('getSegmentsOverview', undefined, ctx)).toBeNull()
    expect(await dispatch('getSegmentsOverview', { runId: 42 }, ctx)).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    })
    expect(await dispatch('startAnalysis', { asOf: '2026-02-30' }, ctx)).toMatchObject({
      ok: false,
      error: { code: 'validation' },
    })
  })

  it('summarises segments with sizes, revenue shares, actions and the heatmap grid', async () => {
    const { ctx } = await shopWithSales()
    await analysed(ctx)
    const overview = present(await call('getSegmentsOverview', undefined, ctx))
    const seg = Object.fromEntries(overview.segments.map((s) => [s.id, s]))
    expect(overview.segments).toHaveLength(11)
    // hand-scored in test/analysis/rfm.test.ts: A champions, B about_to_sleep, C new, F potential_loyalist,
    // G hibernating (B and C bought once, so not need_attention and loyal as their cells say)
    expect(seg.champions).toMatchObject({ customers: 1, customerShare: 0.2, revenueSatang: 60000 })
    expect(seg.champions?.revenueShare).toBeCloseTo(60000 / 188000, 12)
    expect(seg.loyal).toMatchObject({ customers: 0, revenueSatang: 0 })
    expect(seg.new).toMatchObject({ customers: 1, revenueSatang: 80000 })
    expect(seg.need_attention).toMatchObject({ customers: 0 })
    expect(seg.about_to_sleep).toMatchObject({ customers: 1, revenueSatang: 5000, avgRecencyDays: 75 })
    expect(seg.potential_loyalist).toMatchObject({ customers: 1, revenueSatang: 3000, avgFrequency: 2 })
    expect(seg.hibernating).toMatchObject({ customers: 1, revenueSatang: 40000 })
    expect(seg.lost).toMatchObject({ customers: 0, revenueSatang: 0, avgRecencyDays: null })
    expect(seg.champions?.actionTh).toMatch(/[\u0E00-\u0E7F]/)
    expect(seg.champions?.nameEn).toBe('Champions')

    expect(overview.grid).toHaveLength(25)
    const cell = (r: number, fm: number) => overview.grid.find((g) => g.r === r && g.fm === fm)
    expect(cell(4, 5)).toMatchObject({ segment: 'champions', customers: 1, revenueSatang: 60000 })
    // one-time buyers are counted in the (R, FM 1) cell of the segment they were placed in
    expect(cell(2, 2)).toMatchObject({ segment: 'need_attention', customers: 0 })
    expect(cell(2, 1)).toMatchObject({ segment: 'about_to_sleep', customers: 1, revenueSatang: 5000 })
    expect(cell(5, 3)).toMatchObject({ segment: 'loyal', customers: 0 })
    expect(cell(5, 1)).toMatchObject({ segment: 'new', customers: 1, revenueSatang: 80000 })
    expect(cell(3, 3)).toMatchObject({ segment: 'potential_loyalist', customers: 1 })
    expect(cell(1, 2)).toMatchObject({ segment: 'hibernating', customers: 1 })
    expect(overview.grid.reduce((s, g) => s + g.customers, 0)).toBe(5)
    expect(cell(1, 1)).toMatchObject({ segment: 'lost', customers: 0 })
  })

  it('lists the customers of a segment', async () => {
    const { ctx, ids } = await shopWithSales()
    await analysed(ctx)
    const page = await call('listSegmentCustomers', { segment: 'champions' }, ctx)
    expect(page.total).toBe(1)
    expect(page.rows.map((r) => [r.code, r.customerId, r.segment, r.r])).toEqual([
      ['A', ids.get('A'), 'champions', 4],
    ])
    const empty = await call('listSegmentCustomers', { segment: 'lost' }, ctx)
    expect(empty).toMatchObject({ total: 0, rows: [] })
    expect(await dispatch('listSegmentCustomers', { segment: 'Bad Id' }, ctx)).toMatchObject({
      ok: false,
      error: { code: 'validation' },
    })
  })

  it('explains churn risk from the customer rhythm in Thai and English', async () => {
    const { ctx, ids } = await shopWithSales()
    await analysed(ctx)
    const a = present(await call('getCustomerAnalysis', { customerId: ids.get('A') ?? 0 }, ctx))
    // A bought on 02-01, 03-01 and 03-30: (57 days) / 2 gaps = 28.5; last seen 1 day before 03-31
    expect(a.score.segment).toBe('champions')
    expect(a.churn).toMatchObject({
      kind: 'rhythm',
      purchaseDays: 3,
      usualIntervalDays: 28.5,
      daysSinceLast: 1,
      level: 'low',
      pAlive: null,
      text: {
        en: 'Usually buys every 28.5 days; last seen 1 day ago.',
        th: 'ปกติซื้อทุก 28.5 วัน มาครั้งล่าสุดเมื่อ 1 วันก่อน',
      },
    })
    // B bought once, 75 days ago; the shop's usual gap is A's 28.5 (the only repeat customer): 2.6 gaps late
    const b = present(await call('getCustomerAnalysis', { customerId: ids.get('B') ?? 0 }, ctx))
    expect(b.churn).toMatchObject({
      kind: 'single_purchase',
      shopIntervalDays: 28.5,
      daysSinceLast: 75,
      level: 'medium',
    })
    expect(b.churn.overdueRatio).toBeCloseTo(75 / 28.5, 10)
    expect(b.churn.text).toEqual({
      en: 'Bought once, 75 days ago; customers here usually come back within 28.5 days; that is 2.6 times the usual gap.',
      th: 'ซื้อเพียงครั้งเดียวเมื่อ 75 วันก่อน ลูกค้าของร้านมักกลับมาซื้อภายใน 28.5 วัน นานกว่าปกติ 2.6 เท่า',
    })
    // G: 90 days, 3.2 gaps late
    const g = present(await call('getCustomerAnalysis', { customerId: ids.get('G') ?? 0 }, ctx))
    expect(g.churn.level).toBe('high')
    // D bought only after the as-of date: not in the run
    expect(await call('getCustomerAnalysis', { customerId: ids.get('D') ?? 0 }, ctx)).toBeNull()
  })

  it('builds cohorts, new vs returning revenue and second-purchase conversion', async () => {
    const { ctx } = await shopWithSales()
    const cohorts = await call('getCohorts', { asOf: '2026-03-31' }, ctx)
    // worked out by hand from RFM_SALES (first sales: G 2025-12-31, B 01-15, A 02-01, F 03-10, C 03-31)
    expect(cohorts.cohorts).toEqual([
      {
        month: '2025-12',
        customers: 1,
        active: [1, 0, 0, 0],
        retention: [1, 0, 0, 0],
        revenueSatang: [50000, -10000, 0, 0],
      },
      {
        month: '2026-01',
        customers: 1,
        active: [1, 0, 0],
        retention: [1, 0, 0],
        revenueSatang: [5000, 0, 0],
      },
      { month: '2026-02', customers: 1, active: [1, 1], retention: [1, 1], revenueSatang: [30000, 30000] },
      { month: '2026-03', customers: 2, active: [2], retention: [1], revenueSatang: [83000] },
    ])
    expect(cohorts.newVsReturning).toEqual([
      {
        month: '2025-12',
        newCustomers: 1,
        returningCustomers: 0,
        newRevenueSatang: 50000,
        returningRevenueSatang: 0,
        anonymousRevenueSatang: 0,
      },
      {
        month: '2026-01',
        newCustomers: 1,
        returningCustomers: 0,
        newRevenueSatang: 5000,
        returningRevenueSatang: -10000,
        anonymousRevenueSatang: 0,
      },
      {
        month: '2026-02',
        newCustomers: 1,
        returningCustomers: 0,
        newRevenueSatang: 30000,
        returningRevenueSatang: 0,
        anonymousRevenueSatang: 0,
      },
      {
        month: '2026-03',
        newCustomers: 2,
        returningCustomers: 1,
        newRevenueSatang: 83000,
        returningRevenueSatang: 30000,
        anonymousRevenueSatang: 7500,
      },
    ])
    const within = (eligible: number[], converted: number[]) =>
      [30, 60, 90].map((days, i) => ({ days, eligible: eligible[i], converted: converted[i] }))
    expect(cohorts.secondPurchase).toEqual([
      { month: '2025-12', newCustomers: 1, converted: 0, within: within([1, 1, 1], [0, 0, 0]) },
      { month: '2026-01', newCustomers: 1, converted: 0, within: within([1, 1, 0], [0, 0, 0]) },
      { month: '2026-02', newCustomers: 1, converted: 1, within: within([1, 0, 0], [1, 0, 0]) },
      { month: '2026-03', newCustomers: 2, converted: 0, within: within([0, 0, 0], [0, 0, 0]) },
    ])
    const recent = await call('getCohorts', { asOf: '2026-03-31', months: 2 }, ctx)
    expect(recent.cohorts).toHaveLength(2)
    expect(recent.newVsReturning.map((m) => m.month)).toEqual(['2026-02', '2026-03'])
  })

  it('counts segment migration between two dates and between two runs', async () => {
    const { ctx, ids } = await shopWithSales()
    // As of 02-15 only G, B and A have bought, once each, so no repeat segment: A (R4, FM2) promising, B
    // (2, 1) about_to_sleep, G (1, 3) lost. By 03-31 A is a champion, B still about_to_sleep, G hibernating;
    // F is a potential loyalist and C (one big purchase) new.
    const expected = {
      flows: [
        { from: null, to: 'potential_loyalist', customers: 1 },
        { from: null, to: 'new', customers: 1 },
        { from: 'promising', to: 'champions', customers: 1 },
        { from: 'about_to_sleep', to: 'about_to_sleep', customers: 1 },
        { from: 'lost', to: 'hibernating', customers: 1 },
      ],
      stayed: 1,
      moved: 2,
      entered: 2,
      left: 0,
    }
    const byDate = await call('getSegmentMigration', { fromDate: '2026-02-15', toDate: '2026-03-31' }, ctx)
    expect(byDate).toMatchObject({
      from: { runId: null, asOf: '2026-02-15' },
      to: { runId: null, asOf: '2026-03-31' },
      ...expected,
    })
    const first = await analysed(ctx, '2026-02-15')
    const second = await analysed(ctx, '2026-03-31')
    const byRun = await call(
      'getSegmentMigration',
      { fromRunId: present(first.result).runId, toRunId: present(second.result).runId },
      ctx,
    )
    expect(byRun).toMatchObject({ from: { runId: first.result?.runId, asOf: '2026-02-15' }, ...expected })
    const history = await call('getCustomerScoreHistory', { customerId: ids.get('A') ?? 0 }, ctx)
    expect(history.map((h) => [h.asOf, h.segment])).toEqual([
      ['2026-02-15', 'promising'],
      ['2026-03-31', 'champions'],
    ])
    expect(await dispatch('getSegmentMigration', { fromRunId: 1, toRunId: 999 }, ctx)).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    })
  })

  it('gets, updates, validates and resets the segment map; a new run uses it', async () => {
    const { ctx, ids } = await shopWithSales()
    const rules = await call('getSegmentRules', undefined, ctx)
    expect(rules.isDefault).toBe(true)
    // move cell (4, 5) from champions to a new segment 'rising_stars'
    const champions = rules.segments.find((s) => s.id === 'champions')
    if (!champions) throw new Error('no champions')
    champions.cells = champions.cells.filter((c) => !(c.r === 4 && c.fm === 5))
    const edited = {
      segments: [
        ...rules.segments,
        {
          id: 'rising_stars',
          nameTh: 'ดาวรุ่ง',
          nameEn: 'Rising stars',
          actionTh: 'ดูแลใกล้ชิด',
          actionEn: 'Look after them.',
          cells: [{ r: 4, fm: 5 }],
        },
      ],
    }
    const saved = await call('updateSegmentRules', edited, ctx)
    expect(saved.isDefault).toBe(false)
    expect(saved.segments.map((s) => s.id)).toEqual([...rules.segments.map((s) => s.id), 'rising_stars'])
    expect(await call('getSegmentRules', undefined, ctx)).toEqual(saved)

    await analysed(ctx)
    const page = await call('listSegmentCustomers', { segment: 'rising_stars' }, ctx)
    expect(page.rows.map((r) => r.customerId)).toEqual([ids.get('A')])

    // a map with a hole is refused with the cell named, and nothing changes
    const broken = { segments: edited.segments.filter((s) => s.id !== 'lost') }
    expect(await dispatch('updateSegmentRules', broken, ctx)).toMatchObject({
      ok: false,
      error: { code: 'bad_input', message: expect.stringMatching(/cell \(R 1, FM 1\) has no segment/) },
    })
    expect(await call('getSegmentRules', undefined, ctx)).toEqual(saved)

    const reset = await call('resetSegmentRules', undefined, ctx)
    expect(reset.isDefault).toBe(true)
    expect(reset.segments).toHaveLength(11)
  })
})

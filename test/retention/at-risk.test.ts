import { describe, expect, it } from 'vitest'
import { testContext } from '../helpers/db'
import { addSales, api, storeChurnRun, visits } from './shop'

// A constructed shop as of 2026-06-30; each customer's place on the lists is worked out in the comments.
async function shop() {
  const ctx = await testContext()
  const ids = addSales(ctx, [
    // R1: every 10 days, last 40 days ago: 4 gaps late (overdue). 300 baht in 61 days: 300 a year at stake.
    ...visits('R1', 100, ['2026-05-01', '2026-05-11', '2026-05-21']),
    // R2: lapsed (last purchase 184 days ago) and the biggest spender: win-back, not at risk.
    ...visits('R2', 1500, ['2025-01-01', '2025-07-01', '2025-12-28']),
    // R3: on rhythm (usual gap 137.5 days, 90 days since) but churn high: 3000 over 366 days -> 2991.80 a year.
    ...visits('R3', 1000, ['2025-06-30', '2026-03-01', '2026-04-01']),
    // R4: 11 days since, usual gap 9: 1.2 gaps, not overdue, churn low: not at risk.
    ...visits('R4', 50, ['2026-06-01', '2026-06-10', '2026-06-19']),
    // R5: two purchase days (no rhythm yet) and churn high: 1000 a year.
    ...visits('R5', 500, ['2026-04-01', '2026-04-02']),
    // R6: a one-time buyer with churn high: never on the at-risk list (one-time buyers have their own).
    ...visits('R6', 100, ['2026-06-20']),
    // R7: overdue (101 days since, gap 10) and churn high: 600 a year.
    ...visits('R7', 200, ['2026-03-01', '2026-03-11', '2026-03-21']),
    // R8: lapsed but spent little: not on the win-back list.
    ...visits('R8', 50, ['2025-01-01']),
    { customer: null, at: '2026-06-30', baht: 10 },
  ])
  const id = (code: string): number => ids.get(code) ?? 0
  storeChurnRun(
    ctx,
    '2026-06-30',
    new Map([
      [id('R3'), 'high'],
      [id('R5'), 'high'],
      [id('R6'), 'high'],
      [id('R7'), 'high'],
      [id('R4'), 'low'],
    ]),
  )
  return { ctx, id }
}

describe('at-risk and win-back lists', () => {
  it('ranks the customers at risk by the value at stake, and says why each is there', async () => {
    const { ctx } = await shop()
    const list = await api(ctx, 'getRetentionList', { list: 'at_risk' })
    expect(list.asOf).toBe('2026-06-30') // the last sale's day
    expect(list.churnRunAsOf).toBe('2026-06-30')
    expect(list.customers.map((c) => [c.code, c.valueAtStakeSatang, c.reasons])).toEqual([
      ['R3', Math.round((300_000 * 365) / 366), ['churn_high']],
      ['R5', 100_000, ['churn_high']],
      ['R7', 60_000, ['churn_high', 'overdue']],
      ['R1', 30_000, ['overdue']],
    ])
    const r1 = list.customers[3]
    expect(r1).toMatchObject({ daysSinceLast: 40, usualGapDays: 10, overdueRatio: 4, purchaseDays: 3 })
    const card = await api(ctx, 'getAtRiskCard', {})
    expect(card).toEqual({
      asOf: '2026-06-30',
      customers: 4,
      valueAtStakeSatang: Math.round((300_000 * 365) / 366) + 100_000 + 60_000 + 30_000,
    })
  })

  it('ignores a churn score older than the customer’s last purchase, and a run after the as-of date', async () => {
    const { ctx, id } = await shop()
    // A later run (after the as-of date below) calls R3 low: it must not be used.
    storeChurnRun(ctx, '2026-07-31', new Map([[id('R3'), 'low']]))
    // R5 buys again on 07-03, after the run of 06-30: its "high" is stale; 3 days, gap 46, 2 days since.
    addSales(ctx, visits('R5', 500, ['2026-07-03']))
    const list = await api(ctx, 'getRetentionList', { list: 'at_risk', asOf: '2026-07-05' })
    expect(list.churnRunAsOf).toBe('2026-06-30')
    // ... and by 07-05 R4 (gap 9) is 16 days since: 1.8 gaps, overdue, 150 a year at stake.
    expect(list.customers.map((c) => [c.code, c.reasons])).toEqual([
      ['R3', ['churn_high']],
      ['R7', ['churn_high', 'overdue']],
      ['R1', ['overdue']],
      ['R4', ['overdue']],
    ])
    // As of 06-10 there is no run at or before it: only the rhythm speaks (R1 is then 20 days since, gap 10).
    const early = await api(ctx, 'getRetentionList', { list: 'at_risk', asOf: '2026-06-10' })
    expect(early.churnRunAsOf).toBeNull()
    expect(early.customers.map((c) => c.code)).toEqual(['R7', 'R1'])
  })

  it('lists lapsed valuable customers for win-back, and leaves the cheap ones out', async () => {
    const { ctx } = await shop()
    const list = await api(ctx, 'getRetentionList', { list: 'win_back' })
    expect(list.customers.map((c) => [c.code, c.netSatang, c.daysSinceLast])).toEqual([['R2', 450_000, 184]])
  })

  it('exports the at-risk list with contacts, in the page order, with the caller’s labels', async () => {
    const { ctx } = await shop()
    ctx.connection.sqlite
      .prepare("update customers set phone = '=1+1', line_id = 'r3line' where code = 'R3'")
      .run()
    const file = await api(ctx, 'exportRetentionList', {
      list: 'at_risk',
      format: 'csv',
      headers: { name: 'ชื่อ', phone: 'โทร' },
      reasonLabels: { churn_high: 'เสี่ยงสูง', overdue: 'เลยรอบ' },
    })
    const text = Buffer.from(file.base64, 'base64').toString('utf8')
    const lines = text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
    expect(file.rows).toBe(4)
    expect(lines[0]).toContain('ชื่อ,โทร,LINE')
    expect(lines[1]).toContain("'=1+1") // neutralised by the shared writer
    expect(lines[1]).toContain('r3line')
    expect(lines[3]).toContain('"เสี่ยงสูง, เลยรอบ"')
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(['R3', 'R5', 'R7', 'R1'])
  })
})

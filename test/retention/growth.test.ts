import { describe, expect, it } from 'vitest'
import { testContext } from '../helpers/db'
import { addSales, api, visits } from './shop'

// As of 2026-06-30: the year compared is 2025-07-01..2026-06-30 against 2024-07-01..2025-06-30.
describe('growth views', () => {
  it('counts new customers by source and splits revenue into new, returning and walk-in', async () => {
    const ctx = await testContext()
    addSales(ctx, [
      ...visits('OLD', 100, ['2025-01-10', '2026-06-10']), // acquired in the year before: existing base now
      ...visits('N1', 200, ['2026-05-03', '2026-06-04']), // new in May, returning in June
      ...visits('N2', 50, ['2026-06-20']), // new in June
      { customer: 'N2', at: '2026-06-25', baht: -20, kind: 'refund' },
      { customer: null, at: '2026-06-30', baht: 30 },
      { customer: null, at: '2025-03-01', baht: 10 },
    ])
    const sqlite = ctx.connection.sqlite
    sqlite.prepare("update customers set acquisition_source = 'facebook' where code in ('N1', 'N2')").run()
    sqlite.prepare("update customers set acquisition_source = 'walk_in' where code = 'OLD'").run()

    const a = await api(ctx, 'getAcquisition', {})
    expect(a.sources).toEqual([{ source: 'facebook', customers: 2 }]) // OLD came before the 12 months
    expect(a.months.find((m) => m.month === '2026-05')).toEqual({
      month: '2026-05',
      total: 1,
      bySource: { facebook: 1 },
    })

    const g = await api(ctx, 'getRevenueGrowth', {})
    expect(g.months.find((m) => m.month === '2026-06')).toEqual({
      month: '2026-06',
      newCustomers: 1, // N2
      newSatang: 5_000 - 2_000,
      returningCustomers: 2, // OLD and N1
      returningSatang: 10_000 + 20_000,
      walkInSatang: 3_000,
      totalSatang: 3_000 + 30_000 + 3_000,
    })
    expect(g.current).toEqual({
      from: '2025-07-01',
      to: '2026-06-30',
      newSatang: 40_000 + 3_000, // N1 both purchases (acquired in the period), N2 net
      returningSatang: 10_000, // OLD's June purchase
      walkInSatang: 3_000,
      totalSatang: 56_000,
    })
    expect(g.previous).toMatchObject({
      newSatang: 10_000,
      returningSatang: 0,
      walkInSatang: 1_000,
      totalSatang: 11_000,
    })
    expect(g.change).toEqual({
      totalSatang: 45_000,
      fromExistingSatang: 10_000,
      fromNewSatang: 33_000,
      fromWalkInSatang: 2_000,
      growth: 45_000 / 11_000,
    })

    const card = await api(ctx, 'getNewCustomersCard', {})
    // June 1-30: N2; May 1-30: N1
    expect(card).toEqual({ asOf: '2026-06-30', thisMonth: 1, lastMonthSameDays: 1, topSource: 'facebook' })
  })
})

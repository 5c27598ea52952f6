import { describe, expect, it } from 'vitest'
import { testContext } from '../helpers/db'
import { addSales, api, visits } from './shop'

// As of 2026-03-15; active = a purchase in the 90 days before. March's start window is 2025-12-01..02-28,
// its end window 2025-12-16..03-15; February's are 2025-11-03..01-31 and 2025-12-01..02-28.
describe('churn and retention by month', () => {
  it('counts the active base at each month’s start, who stayed and who lapsed', async () => {
    const ctx = await testContext()
    addSales(ctx, [
      ...visits('P', 100, ['2025-12-05']), // Feb: retained; Mar: active at start, lapsed by the 15th
      ...visits('Q', 100, ['2025-12-20']), // retained in both
      ...visits('S', 100, ['2026-01-10', '2026-03-10']), // retained in both
      ...visits('T', 100, ['2025-11-20', '2026-03-05']), // Feb: lapsed; Mar: back but not in the base
      ...visits('U', 100, ['2026-03-02']), // new in March
      { customer: null, at: '2026-03-15', baht: 20 },
    ])
    const c = await api(ctx, 'getChurnByMonth', {})
    expect(c.asOf).toBe('2026-03-15')
    expect(c.activeDays).toBe(90)
    expect(c.months).toHaveLength(12)
    const month = (m: string) => c.months.find((x) => x.month === m)
    expect(month('2026-03')).toEqual({
      month: '2026-03',
      activeAtStart: 3,
      retained: 2,
      churned: 1,
      churnRate: 1 / 3,
      retentionRate: 2 / 3,
      newCustomers: 1,
      activeAtEnd: 4,
    })
    expect(month('2026-02')).toEqual({
      month: '2026-02',
      activeAtStart: 4,
      retained: 3,
      churned: 1,
      churnRate: 0.25,
      retentionRate: 0.75,
      newCustomers: 0,
      activeAtEnd: 3,
    })
    // October 2025: nobody had bought yet
    expect(month('2025-10')).toMatchObject({ activeAtStart: 0, churnRate: null, retentionRate: null })
  })
})

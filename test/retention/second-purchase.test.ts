import { describe, expect, it } from 'vitest'
import { testContext } from '../helpers/db'
import { addSales, api, visits } from './shop'

// A shop as of 2026-06-30 whose second purchases are counted by hand; the window is 90 days.
async function shop() {
  const ctx = await testContext()
  addSales(ctx, [
    ...visits('A', 100, ['2026-01-05', '2026-02-01']), // Jan, back after 27 days: within
    ...visits('B', 100, ['2026-01-10']), // Jan, never back
    ...visits('C', 100, ['2026-01-20', '2026-05-01']), // Jan, back after 101 days: returned, not within
    ...visits('D', 100, ['2026-04-15', '2026-04-16']), // Apr, back, but its 90 days are not over: not eligible
    ...visits('E', 100, ['2026-03-31']), // Mar, eligible (06-29), not back
    { customer: 'F', at: '2026-01-01', baht: 0 }, // a 0 receipt is no purchase: F is new in February
    ...visits('F', 100, ['2026-02-01']),
    { customer: 'G', at: '2026-02-10', baht: -50, kind: 'refund' }, // refunds only: not a customer here
    ...visits('H', 100, ['2025-05-01', '2025-06-01']), // May 2025: before the 12 months, in the card's year
    ...visits('K', 100, ['2026-06-30']), // new on the as-of day: on the "not returned" list
  ])
  return ctx
}

describe('second purchases', () => {
  it('gives each month’s new customers and the share back within 90 days', async () => {
    const ctx = await shop()
    const s = await api(ctx, 'getSecondPurchase', {})
    expect(s.asOf).toBe('2026-06-30')
    expect(s.months.map((m) => m.month)).toEqual([
      '2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12',
      '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06',
    ]) // prettier-ignore
    const month = (m: string) => s.months.find((x) => x.month === m)
    expect(month('2026-01')).toEqual({
      month: '2026-01',
      newCustomers: 3,
      returned: 2,
      eligible: 3,
      returnedWithin: 1,
      rate: 1 / 3,
    })
    expect(month('2026-02')).toMatchObject({ newCustomers: 1, returned: 0, eligible: 1, rate: 0 })
    expect(month('2026-03')).toMatchObject({ newCustomers: 1, eligible: 1, returnedWithin: 0, rate: 0 })
    expect(month('2026-04')).toMatchObject({ newCustomers: 1, returned: 1, eligible: 0, rate: null })
    expect(month('2026-06')).toMatchObject({ newCustomers: 1, eligible: 0, rate: null })
    expect(month('2025-07')).toMatchObject({ newCustomers: 0, rate: null })
    expect({ eligible: s.eligible, returnedWithin: s.returnedWithin, rate: s.rate }).toEqual({
      eligible: 5,
      returnedWithin: 1,
      rate: 0.2,
    })
  })

  it('gives the dashboard card a year of customers whose 90 days are over', async () => {
    const ctx = await shop()
    const card = await api(ctx, 'getSecondPurchaseCard', {})
    // first purchases from 2025-04-02 to 2026-04-01: A B C E F H; back within 90 days: A and H
    expect(card).toEqual({
      asOf: '2026-06-30',
      windowDays: 90,
      from: '2025-04-02',
      to: '2026-04-01',
      eligible: 6,
      returnedWithin: 2,
      rate: 2 / 6,
    })
  })

  it('lists the new customers still waiting for their second purchase, longest wait first', async () => {
    const ctx = await shop()
    const list = await api(ctx, 'getRetentionList', { list: 'not_returned' })
    // one purchase day within the last 90 days (first purchase after 2026-04-01): K only (E is 91 days ago)
    expect(list.customers.map((c) => [c.code, c.daysSinceLast])).toEqual([['K', 0]])
    const earlier = await api(ctx, 'getRetentionList', { list: 'not_returned', asOf: '2026-04-20' })
    expect(earlier.customers.map((c) => [c.code, c.daysSinceLast])).toEqual([
      ['F', 78],
      ['E', 20],
    ])
  })
})

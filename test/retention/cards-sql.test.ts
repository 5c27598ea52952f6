import { describe, expect, it } from 'vitest'
import {
  atRiskCardOfList,
  newCustomersCard,
  newCustomersCardOf,
  secondPurchaseCard,
} from '../../src/main/retention/cards'
import { sourcesById } from '../../src/main/retention/growth'
import { loadHistory } from '../../src/main/retention/history'
import { secondPurchaseCardOf } from '../../src/main/retention/monthly'
import type { testContext } from '../helpers/db'
import { edgeShop, randomShop } from './card-shops'
import { api } from './shop'

// The dashboard's retention cards read only what they need with SQL; they must give exactly what the same
// cards give over every customer's loaded day history and the whole at-risk list (the path the retention
// pages and lists still use), on shops built to hit every edge of the definitions.

type Ctx = Awaited<ReturnType<typeof testContext>>

/** Each card through the API and the same card over the loaded history, for one as-of date. */
async function compare(ctx: Ctx, asOf: string) {
  const history = await loadHistory(ctx.db, asOf)
  const sources = await sourcesById(ctx.db)
  expect(await api(ctx, 'getNewCustomersCard', { asOf })).toEqual(newCustomersCardOf(history, sources))
  expect(await api(ctx, 'getSecondPurchaseCard', { asOf })).toEqual(secondPurchaseCardOf(history))
  const atRisk = await api(ctx, 'getAtRiskCard', { asOf })
  expect(atRisk).toEqual(await atRiskCardOfList(ctx.db, asOf, '2099-01-01'))
  return atRisk.customers
}

describe('retention cards read with SQL', () => {
  it('equal the cards over the loaded history on a shop of edge cases, as of many days', async () => {
    const ctx = await edgeShop()
    const days = [
      '2026-03-31', '2026-04-01', '2026-03-01', '2026-03-02', '2026-02-28', '2026-03-30', '2026-06-29',
      '2026-06-30', '2026-07-01', '2026-07-31', '2026-01-31', '2025-12-31', '2024-01-01',
    ] // prettier-ignore
    let atRisk = 0
    for (const day of days) atRisk += await compare(ctx, day)
    expect(atRisk).toBeGreaterThan(0)
    // spot checks worked out by hand, so both paths cannot be wrong together
    expect(await newCustomersCard(ctx.db, '2026-03-31', '2026-12-31')).toEqual({
      asOf: '2026-03-31',
      thisMonth: 4, // E (LINE), K (LINE), X (Facebook, erased), G (blank: unknown) at 23:59; H's is 02-28
      lastMonthSameDays: 1, // H; February has 28 days, all of it counts
      topSource: 'LINE',
    })
    // window 2025-04-06 .. 2026-04-05 as of 2026-07-04: A B C D E G H I J K X Y (L is earlier); back within
    // 90 days: A (day 90), E, G (next morning), H, J (day 90), X; not B (day 91)
    expect(await secondPurchaseCard(ctx.db, '2026-07-04', '2026-12-31')).toMatchObject({
      from: '2025-04-06',
      to: '2026-04-05',
      eligible: 12,
      returnedWithin: 6,
    })
  })

  it('equal the cards over the loaded history on generated shops', async () => {
    for (const seed of [1, 2]) {
      const ctx = await randomShop(seed)
      for (const day of [
        '2025-01-31',
        '2025-06-30',
        '2025-09-15',
        '2026-02-28',
        '2026-03-31',
        '2026-05-10',
      ]) {
        await compare(ctx, day)
      }
    }
  })

  it('takes the last sale day when no as-of date is given', async () => {
    const ctx = await edgeShop()
    const card = await api(ctx, 'getSecondPurchaseCard', {})
    expect(card.asOf).toBe('2026-06-01')
    await compare(ctx, '2026-06-01')
  })
})

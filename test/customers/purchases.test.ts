import { describe, expect, it } from 'vitest'
import { createCustomer } from '../../src/main/customers/edit'
import { customerProfile } from '../../src/main/customers/profile'
import { purchaseTotals } from '../../src/main/customers/purchases'
import { purchaseFacts } from '../../src/main/reports/customer-data'
import { testContext } from '../helpers/db'
import { addReceipt, NOW } from './helpers'

// The profile page and the printed profile read a customer's totals from one query (customers/purchases.ts):
// a refund lowers the spend but is not a purchase, so it moves neither the first nor the last purchase.
describe('purchase totals', () => {
  it('counts sales as purchases, nets refunds, and both profiles agree', async () => {
    const ctx = await testContext()
    const id = await createCustomer(ctx.db, { name: 'คุณมาลี ศรีสุข', phone: '0891112222' }, NOW)
    await addReceipt(ctx.db, id, '2026-01-05T10:00:00', 10_000)
    await addReceipt(ctx.db, id, '2026-03-09T18:30:00', 25_050)
    // a refund before the first and after the last sale
    await addReceipt(ctx.db, id, '2026-01-01T09:00:00', -1_000, 'refund')
    await addReceipt(ctx.db, id, '2026-04-01T09:00:00', -5_000, 'refund')

    const totals = await purchaseTotals(ctx.db, id)
    expect(totals.firstPurchase?.slice(0, 10)).toBe('2026-01-05')
    expect(totals.lastPurchase?.slice(0, 10)).toBe('2026-03-09')
    expect(totals.purchases).toBe(2)
    expect(totals.receipts).toBe(4)
    expect(totals.netSatang).toBe(10_000 + 25_050 - 1_000 - 5_000)

    const profile = await customerProfile(ctx.db, id)
    expect(profile.figures.firstPurchase).toBe(totals.firstPurchase)
    expect(profile.figures.lastPurchase).toBe(totals.lastPurchase)
    expect(profile.figures.spendSatang).toBe(totals.netSatang)
    expect(profile.figures.averageBasketSatang).toBe(Math.round(totals.netSatang / 2))

    const printed = await purchaseFacts(ctx.db, id)
    expect(printed.firstPurchase).toBe('2026-01-05')
    expect(printed.lastPurchase).toBe('2026-03-09')
    expect(printed.visits).toBe(2)
    expect(printed.netSatang).toBe(totals.netSatang)
    await ctx.close()
  })

  it('a customer without receipts has no purchases', async () => {
    const ctx = await testContext()
    const id = await createCustomer(ctx.db, { name: 'Nobody Yet' }, NOW)
    expect(await purchaseTotals(ctx.db, id)).toEqual({
      firstPurchase: null,
      lastPurchase: null,
      purchases: 0,
      receipts: 0,
      netSatang: 0,
    })
    await ctx.close()
  })
})

import { describe, expect, it } from 'vitest'
import { dispatch } from '../../src/main/api/dispatch'
import type { ApiContext } from '../../src/main/api/context'
import { testContext } from '../helpers/db'

// getShopStatus answers the start screen's question (welcome screen or dashboard) the way getStats' counts
// did (empty = no customer and no receipt), without counting every receipt line.

async function status(ctx: ApiContext): Promise<{ empty: boolean; counted: boolean }> {
  const answer = await dispatch('getShopStatus', undefined, ctx)
  const stats = await dispatch('getStats', undefined, ctx)
  if (!answer.ok || !stats.ok) throw new Error(JSON.stringify([answer, stats]))
  const { empty } = answer.data as { empty: boolean }
  const { customers, receipts } = stats.data as { customers: number; receipts: number }
  return { empty, counted: customers === 0 && receipts === 0 }
}

describe('getShopStatus', () => {
  it('is empty exactly when getStats counts no customer and no receipt', async () => {
    const ctx = await testContext()
    expect(await status(ctx)).toEqual({ empty: true, counted: true })

    const created = await dispatch('customerCreate', { name: 'คุณสมศรี' }, ctx)
    if (!created.ok) throw new Error(JSON.stringify(created))
    expect(await status(ctx)).toEqual({ empty: false, counted: false })
    const { customerId } = created.data as { customerId: number }
    await dispatch('customerDelete', { customerId }, ctx)
    expect(await status(ctx)).toEqual({ empty: true, counted: true })

    // a walk-in sale: a receipt with no customer
    ctx.connection.sqlite
      .prepare(
        `insert into receipts (source, receipt_number, occurred_at, kind) values ('manual', 'R-1', '2026-11-30', 'sale')`,
      )
      .run()
    expect(await status(ctx)).toEqual({ empty: false, counted: false })
  })
})

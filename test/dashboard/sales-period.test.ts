import { describe, expect, it } from 'vitest'
import { lastSaleDate, salesPeriod } from '../../src/main/dashboard'
import { testContext } from '../helpers/db'

// The period of the shop's sales (analysis frame, retention header): the first and the latest SALE receipt,
// refunds outside that span not counted, null for a shop without sales. Each end is its own min()/max()
// statement (one SELECT with both scanned a whole index).

describe('sales period', () => {
  it('spans the first and the latest sale, not the refunds around them', async () => {
    const ctx = await testContext()
    expect(await salesPeriod(ctx.db, '2026-11-30')).toEqual({
      firstSaleDate: null,
      lastSaleDate: null,
      today: '2026-11-30',
    })
    const add = ctx.connection.sqlite.prepare(
      `insert into receipts (source, receipt_number, occurred_at, kind, net_satang) values ('test', ?, ?, ?, ?)`,
    )
    add.run('R0', '2024-12-31T23:00:00', 'refund', -500)
    add.run('S1', '2025-01-02T09:30:00', 'sale', 1000)
    add.run('S2', '2025-05-31T20:15:00', 'sale', 2500)
    add.run('S3', '2025-03-10T11:00:00', 'sale', 700)
    add.run('R1', '2025-06-03T10:00:00', 'refund', -700)
    expect(await salesPeriod(ctx.db, '2026-11-30')).toEqual({
      firstSaleDate: '2025-01-02',
      lastSaleDate: '2025-05-31',
      today: '2026-11-30',
    })
    expect(await lastSaleDate(ctx.db)).toBe('2025-05-31')
  })
})

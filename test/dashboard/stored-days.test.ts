import { join } from 'node:path'
import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { generateSalesDb } from '../../bench/generate-sales-db'
import { addDays } from '../../src/main/analysis/dates'
import {
  dashboardKpis,
  dashboardMonthlyRevenue,
  dashboardTopProducts,
  getDashboard,
} from '../../src/main/dashboard'
import { storedDaysFresh, storeDashboardDays } from '../../src/main/dashboard/stored-days'
import { openDatabase, type Connection } from '../../src/main/db'
import { tempDir } from '../helpers/db'

const TODAY = '2026-11-30' // the tests' day: only a shop without sales falls back to it

// Issue 17: the dashboard's figures are unchanged by the speed work. On a generated shop (2,000 customers,
// two years of receipts with walk-ins and refunds, 500 products) the stored days must give exactly the
// figures read from the receipts, for many dates; they must stop being used the moment the receipts change;
// the new-customers count (customers with a sale in the month and none before) must equal the old query
// (every customer's first sale); and the card-by-card calls must add up to the one-call dashboard.

async function shop(): Promise<{ connection: Connection; lastDate: string }> {
  const file = join(tempDir(), 'shop.db')
  const generated = await generateSalesDb(file, { customers: 2_000, meanLines: 3, seed: 17 })
  return { connection: openDatabase(file), lastDate: generated.lastDate }
}

const stale = (c: Connection) => c.sqlite.exec('delete from dashboard_days_state')

describe('dashboard figures from the stored days', () => {
  it('equal the figures read from the receipts, and follow a change', async () => {
    const { connection: c, lastDate } = await shop()
    const dates = [lastDate, addDays(lastDate, -1), '2025-03-31', '2025-02-28', '2024-12-31', '2024-06-15']
    const live = []
    for (const asOf of dates) live.push(await getDashboard(c.db, asOf, TODAY))
    live.push(await getDashboard(c.db, undefined, TODAY))
    expect(await storedDaysFresh(c.db)).toBe(false)

    storeDashboardDays(c.sqlite)
    expect(await storedDaysFresh(c.db)).toBe(true)
    const stored = []
    for (const asOf of dates) stored.push(await getDashboard(c.db, asOf, TODAY))
    stored.push(await getDashboard(c.db, undefined, TODAY))
    expect(stored).toEqual(live)
    expect(live[0]?.topProducts).toHaveLength(5)
    expect(live[0]?.revenueThisMonthSatang).toBeGreaterThan(0)

    // the cards one by one are the one-call dashboard
    const kpis = await dashboardKpis(c.db, lastDate, TODAY)
    const monthly = await dashboardMonthlyRevenue(c.db, lastDate, TODAY)
    const top = await dashboardTopProducts(c.db, lastDate, TODAY)
    expect({ ...kpis, monthlyRevenue: monthly.months, topProducts: top.products }).toEqual(live[0])

    // new receipts (a sale of a product on the last day): the stored days are stale and not used
    const product = c.sqlite.prepare('select min(id) from products').pluck().get() as number
    const receipt = Number(
      c.sqlite
        .prepare(
          `insert into receipts (source, receipt_number, customer_id, occurred_at, kind, net_satang)
           values ('test', 'X1', null, ?, 'sale', 99999999)`,
        )
        .run(`${lastDate}T12:00:00`).lastInsertRowid,
    )
    c.sqlite
      .prepare(
        `insert into receipt_lines (receipt_id, line_no, product_id, quantity, unit_price_satang, net_satang)
         values (?, 1, ?, 1, 99999999, 99999999)`,
      )
      .run(receipt, product)
    expect(await storedDaysFresh(c.db)).toBe(false)
    const after = await getDashboard(c.db, lastDate, TODAY)
    expect(after.revenueThisMonthSatang).toBe((live[0]?.revenueThisMonthSatang ?? 0) + 99999999)
    expect(after.topProducts[0]).toMatchObject({ productId: product })
    storeDashboardDays(c.sqlite)
    expect(await getDashboard(c.db, lastDate, TODAY)).toEqual(after)

    // undoing it (a delete) makes them stale again
    c.sqlite.prepare('delete from receipts where id = ?').run(receipt)
    expect(await storedDaysFresh(c.db)).toBe(false)
    expect(await getDashboard(c.db, lastDate, TODAY)).toEqual(live[0])
    await c.close()
  })

  it('counts new customers as the first-purchase query does', async () => {
    const { connection: c, lastDate } = await shop()
    stale(c)
    const months = [
      '2024-01-01',
      '2024-02-01',
      '2024-07-01',
      '2025-01-01',
      '2025-06-01',
      `${lastDate.slice(0, 7)}-01`,
    ]
    for (const from of months) {
      const asOf = from === months.at(-1) ? lastDate : addDays(addDays(from, 40).slice(0, 8) + '01', -1)
      const firsts = await sql<{ n: number }>`
        select count(*) as n from (
          select min(occurred_at) as first from receipts
           where kind = 'sale' and net_satang <> 0 and customer_id is not null group by customer_id)
         where first >= ${from} and first < ${addDays(asOf, 1)}`.execute(c.db)
      const kpis = await dashboardKpis(c.db, asOf, TODAY)
      expect(kpis.newCustomersThisMonth, asOf).toBe(firsts.rows[0]?.n)
    }
    expect((await dashboardKpis(c.db, '2024-01-31', TODAY)).newCustomersThisMonth).toBeGreaterThan(0)
    await c.close()
  })
})

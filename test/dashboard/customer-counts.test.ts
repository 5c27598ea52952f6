import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { generateSalesDb } from '../../bench/generate-sales-db'
import { addDays } from '../../src/main/analysis/dates'
import { freshTotals, staleTotals, totalsCurrent } from '../../src/main/customers/totals'
import { dashboardKpis } from '../../src/main/dashboard'
import { newCustomersCard } from '../../src/main/retention/cards'
import { openDatabase } from '../../src/main/db'
import { tempDir } from '../helpers/db'

const TODAY = '2026-11-30' // the tests' day: only a shop without sales falls back to it

// Issue 17: the dashboard's customer counts (active in 90 days, new this month) read the customer totals
// (each customer's first and last sale, indexed) while those match the receipts, instead of counting
// distinct customers over the receipts of 90 days. On a generated shop (2,000 customers, two years, walk-ins
// and refunds) the counts from the totals must equal the counts from the receipts for many dates, including
// dates before the last sale (where "last sale in the 90 days" is not "active": the receipts answer), and
// a sale added after the totals were built must make the dashboard read the receipts again.

describe('dashboard customer counts from the customer totals', () => {
  it('equal the counts from the receipts, and follow a change', { timeout: 120_000 }, async () => {
    const file = join(tempDir(), 'shop.db')
    const { lastDate } = await generateSalesDb(file, { customers: 2_000, meanLines: 3, seed: 23 })
    const c = openDatabase(file)
    try {
      const dates = [
        undefined,
        lastDate,
        addDays(lastDate, 40),
        addDays(lastDate, -1),
        addDays(lastDate, -30),
        '2025-03-31',
        '2024-06-15',
      ]
      const counts = async () => {
        const out = []
        for (const asOf of dates) {
          const k = await dashboardKpis(c.db, asOf, TODAY)
          out.push([k.asOf, k.activeCustomers90d, k.newCustomersThisMonth])
        }
        return out
      }
      expect(await totalsCurrent(c.db)).toBe(false)
      const fromReceipts = await counts()
      expect(await freshTotals(c.db)).toBe(true)
      expect(await totalsCurrent(c.db)).toBe(true)
      const fromTotals = await counts()
      expect(fromTotals).toEqual(fromReceipts)
      expect(fromReceipts[0]?.[1]).toBeGreaterThan(100)
      expect(fromReceipts.some(([, , n]) => Number(n) > 0)).toBe(true)

      // a new customer's sale on the last day: the totals are stale and the counts come from the receipts
      const customer = Number(
        c.sqlite.prepare("insert into customers (code, name) values ('NEW-1', 'ใหม่')").run().lastInsertRowid,
      )
      c.sqlite
        .prepare(
          `insert into receipts (source, receipt_number, customer_id, occurred_at, kind, net_satang)
           values ('test', 'N1', ?, ?, 'sale', 5000)`,
        )
        .run(customer, `${lastDate}T12:00:00`)
      expect(await totalsCurrent(c.db)).toBe(false)
      const after = await dashboardKpis(c.db, lastDate, TODAY)
      expect(after.activeCustomers90d).toBe(Number(fromReceipts[1]?.[1]) + 1)
      expect(after.newCustomersThisMonth).toBe(Number(fromReceipts[1]?.[2]) + 1)
      await freshTotals(c.db)
      expect(await dashboardKpis(c.db, lastDate, TODAY)).toEqual(after)
    } finally {
      await c.close()
    }
  })

  it(
    'count new customers as the new-customers card beside them does: by first purchase (net not 0)',
    {
      timeout: 120_000,
    },
    async () => {
      const file = join(tempDir(), 'shop.db')
      const { lastDate } = await generateSalesDb(file, { customers: 1_000, meanLines: 3, seed: 29 })
      const c = openDatabase(file)
      try {
        // a customer whose first sale this month is of 0 baht (a free coffee) buys for real only next month; a
        // second one's 0-baht sale comes after a purchase in an earlier month
        const add = c.sqlite.prepare(
          `insert into receipts (source, receipt_number, customer_id, occurred_at, kind, net_satang)
         values ('test', ?, ?, ?, 'sale', ?)`,
        )
        const newCustomer = (code: string) =>
          Number(
            c.sqlite.prepare('insert into customers (code, name) values (?, ?)').run(code, code)
              .lastInsertRowid,
          )
        const free = newCustomer('FREE-1')
        const month = lastDate.slice(0, 7)
        add.run('F1', free, `${month}-01T09:00:00`, 0)
        add.run('F2', free, `${addDays(lastDate, 35)}T09:00:00`, 4500)
        const regular = newCustomer('REG-1')
        add.run('G1', regular, `${addDays(`${month}-01`, -20)}T09:00:00`, 3000)
        add.run('G2', regular, `${month}-02T09:00:00`, 0)
        const dates = [lastDate, addDays(lastDate, 40), addDays(lastDate, -30), '2025-03-31', '2024-06-15']
        const both = async () => {
          const out = []
          for (const asOf of dates) {
            const kpi = (await dashboardKpis(c.db, asOf, TODAY)).newCustomersThisMonth
            const card = (await newCustomersCard(c.db, asOf, TODAY)).thisMonth
            out.push([asOf, kpi, card])
          }
          return out
        }
        for (const stored of [false, true]) {
          if (stored) await freshTotals(c.db)
          expect(await totalsCurrent(c.db)).toBe(stored)
          const counts = await both()
          for (const [asOf, kpi, card] of counts) expect(kpi, `${asOf} ${stored}`).toBe(card)
          expect(counts.some(([, n]) => Number(n) > 0)).toBe(true)
        }
        // FREE-1 is not new this month (no purchase yet) but is the month after, when they paid
        const [kpiNow, kpiNext] = [
          (await dashboardKpis(c.db, lastDate, TODAY)).newCustomersThisMonth,
          (await dashboardKpis(c.db, addDays(lastDate, 40), TODAY)).newCustomersThisMonth,
        ]
        // (a change to a receipt's amount is not one the totals' key follows: marked stale as an edit would)
        c.sqlite.prepare("update receipts set net_satang = 100 where receipt_number = 'F1'").run()
        await staleTotals(c.db)
        await freshTotals(c.db)
        expect((await dashboardKpis(c.db, lastDate, TODAY)).newCustomersThisMonth).toBe(kpiNow + 1)
        expect((await dashboardKpis(c.db, addDays(lastDate, 40), TODAY)).newCustomersThisMonth).toBe(
          kpiNext - 1,
        )
      } finally {
        await c.close()
      }
    },
  )
})

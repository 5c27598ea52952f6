import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { generateExport } from '../../bench/generate-export'
import { eraseCustomer } from '../../src/main/customers/erasure'
import { mergeCustomers, undoMerge } from '../../src/main/customers/merge'
import { freshTotals, staleTotals, totalsCurrent } from '../../src/main/customers/totals'
import type { Sqlite } from '../../src/main/db'
import { runImport } from '../../src/main/import/run'
import { atRiskCard, newCustomersCard, secondPurchaseCard } from '../../src/main/retention/cards'
import { purchasesStored } from '../../src/main/retention/stored-cards'
import { addDays } from '../../src/shared/calendar'
import { tempDir, testContext } from '../helpers/db'
import { fixedNow, undoEveryImport } from '../import/helpers'
import { edgeShop, randomShop } from './card-shops'
import { addSales, storeChurnRun } from './shop'

// Issue 17: the retention cards read the purchase figures customer_totals holds (retention/stored-cards.ts)
// when those match the receipts and no purchase is dated after the as-of date. They must give exactly what
// the receipt scan gives (cards-sql.test.ts compares that with the list and history paths), and imports and
// undos must keep the figures equal to a full rebuild (customers/totals-update.ts).

type Ctx = Awaited<ReturnType<typeof testContext>>
const TODAY = '2099-01-01'

/**
 * Each card as of `asOf` with the totals current and with them stale (the receipt scan), which must agree;
 * leaves the totals current. Returns whether the totals were read.
 */
async function sameBothWays(ctx: Ctx, asOf: string | undefined): Promise<boolean> {
  const { db } = ctx
  const cards = async () => [
    await atRiskCard(db, asOf, TODAY),
    await newCustomersCard(db, asOf, TODAY),
    await secondPurchaseCard(db, asOf, TODAY),
    await secondPurchaseCard(db, asOf, TODAY, 30),
  ]
  await freshTotals(db)
  const stored = await purchasesStored(db, asOf ?? (await atRiskCard(db, asOf, TODAY)).asOf)
  const fromTotals = await cards()
  await staleTotals(db)
  expect(await purchasesStored(db, fromTotals[0]?.asOf ?? '')).toBe(false)
  expect(await cards()).toEqual(fromTotals)
  await freshTotals(db)
  return stored
}

const TOTALS = `select customer_id, receipts, visits, spend_satang, first_purchase, last_purchase, purchase_days,
  first_purchase_day, second_purchase_day, last_purchase_day, net_satang from customer_totals order by 1`

/** The totals are current as the change left them, equal a full rebuild, and the cards agree both ways. */
async function expectKept(ctx: Ctx): Promise<void> {
  const { sqlite, db } = ctx.connection
  expect(await totalsCurrent(db)).toBe(true)
  const kept = sqlite.prepare(TOTALS).all()
  sqlite.exec('delete from customer_totals')
  await staleTotals(db)
  await freshTotals(db)
  expect(kept).toEqual(sqlite.prepare(TOTALS).all())
  expect(await sameBothWays(ctx, undefined)).toBe(true)
  await sameBothWays(ctx, '2026-01-05')
}

/** Refunds dated after the last sale (some stored with a positive amount), for the default as-of date. */
function refundsAfterLastSale(sqlite: Sqlite, count: number): void {
  const last = (
    sqlite.prepare("select max(occurred_at) from receipts where kind = 'sale'").pluck().get() as string
  ).slice(0, 10)
  const codes = sqlite
    .prepare(
      `select c.code from customers c join receipts r on r.customer_id = c.id where c.code is not null
       group by c.id having count(*) > 1 order by c.id limit ?`,
    )
    .pluck()
    .all(count) as string[]
  addSales(
    { connection: { sqlite } } as Ctx,
    codes.map((customer, i) => ({
      customer,
      at: `${addDays(last, 1 + (i % 3))}T10:00:00`,
      baht: i % 2 === 0 ? -40 : 40,
      kind: 'refund' as const,
    })),
  )
}

describe('retention cards from the customer totals', () => {
  it('equal the receipt scan on the shop of edge cases, as of many days', async () => {
    const ctx = await edgeShop()
    const days = [
      '2026-03-31', '2026-04-01', '2026-06-01', '2026-06-29', '2026-06-30', '2026-07-01', '2026-07-31',
      '2026-09-15', '2027-01-01', '2025-12-31',
    ] // prettier-ignore
    let stored = 0
    for (const day of days) if (await sameBothWays(ctx, day)) stored++
    expect(stored).toBe(7) // from the last purchase (2026-06-01) on; before it, the scan
    refundsAfterLastSale(ctx.connection.sqlite, 6)
    expect(await sameBothWays(ctx, undefined)).toBe(true)
  })

  it('equal the receipt scan on generated shops, with refunds after the last sale', async () => {
    for (const seed of [1, 2, 3]) {
      const ctx = await randomShop(seed)
      refundsAfterLastSale(ctx.connection.sqlite, 40)
      let atRisk = 0
      expect(await sameBothWays(ctx, undefined)).toBe(true)
      atRisk += (await atRiskCard(ctx.db, undefined, TODAY)).customers
      for (const day of ['2026-12-31', '2027-03-01', '2027-06-30']) {
        expect(await sameBothWays(ctx, day)).toBe(true)
        atRisk += (await atRiskCard(ctx.db, day, TODAY)).customers
      }
      expect(atRisk).toBeGreaterThan(0)
    }
  })

  it(
    'stay current through imports, refunds, zero totals, added lines and undos; merges and erasures agree',
    { timeout: 180_000 },
    async () => {
      const ctx = await testContext()
      const { sqlite, db } = ctx.connection
      const dir = tempDir()
      const importFile = (file: string) => runImport(sqlite, file, { dateOrder: 'dmy' }, { now: fixedNow })
      const file = (name: string, lines: string[]) => {
        const path = join(dir, name)
        writeFileSync(path, `${HEADER}\n${lines.join('\n')}\n`)
        return path
      }

      // the shop's first import: the totals start with it (exports with refunds and cancelled receipts)
      const a = join(dir, 'a.csv')
      generateExport({
        layout: 'loyverse_receipts',
        lines: 3_000,
        seed: 1,
        out: a,
        start: new Date(2025, 9, 1),
      })
      expect((await importFile(a)).status).toBe('done')
      await expectKept(ctx)
      storeChurnRun(
        ctx,
        '2025-12-01',
        new Map(
          (sqlite.prepare('select id from customers').pluck().all() as number[]).map((id, i) => [
            id,
            i % 3 ? 'low' : 'high',
          ]),
        ),
      )

      // an overlapping export, the same again (adds nothing), then hand-written receipts
      const b = join(dir, 'b.csv')
      generateExport({
        layout: 'loyverse_receipts',
        lines: 2_000,
        seed: 2,
        out: b,
        start: new Date(2025, 10, 15),
      })
      expect((await importFile(b)).receiptsAdded).toBeGreaterThan(0)
      await expectKept(ctx)
      expect(await importFile(b)).toMatchObject({ status: 'done', receiptsAdded: 0 })
      await expectKept(ctx)
      // a zero-total sale, a refund, a customer's second purchase day, then the first receipt gains a line
      const r1 = line('R-1', '2026-01-04', 'C-01', 'P-01', '2', '50.00')
      expect(
        await importFile(
          file('c1.csv', [
            r1,
            line('R-2', '2026-01-05', 'C-01', 'P-01', '1', '0.00'),
            line('R-3', '2026-01-06', 'C-02', 'P-01', '1', '30.00'),
            line('R-4', '2026-01-07', 'C-02', 'P-01', '-1', '30.00'),
            line('R-5', '2026-01-08', 'C-03', 'P-01', '1', '0.00'),
            line('R-6', '2026-01-20', 'C-03', 'P-01', '1', '20.00'),
          ]),
        ),
      ).toMatchObject({ status: 'done', receiptsAdded: 6 })
      await expectKept(ctx)
      const added = await importFile(
        file('c2.csv', [r1, line('R-1', '2026-01-04', 'C-01', 'P-02', '1', '10.00')]),
      )
      expect(added).toMatchObject({ status: 'done', receiptsAdded: 0, linesAdded: 1 })
      await expectKept(ctx)

      // a merge moves receipts between customers: the totals go stale, then the rebuild and the scan agree
      const [keep, other] = sqlite
        .prepare(
          'select customer_id from receipts where customer_id is not null group by customer_id order by count(*) desc limit 2',
        )
        .pluck()
        .all() as number[]
      const merge = await mergeCustomers(db, keep ?? 0, other ?? 0, '2026-11-30T10:00:00')
      expect(await totalsCurrent(db)).toBe(false)
      await freshTotals(db)
      await expectKept(ctx)
      await undoMerge(db, merge, '2026-11-30T10:05:00')
      await freshTotals(db)
      await expectKept(ctx)
      // an erased customer's purchases stay (new customers, second purchase) but they are never at risk
      await eraseCustomer(db, keep ?? 0, 'test', '2026-11-30T10:10:00')
      await expectKept(ctx)

      // undo, latest first: each keeps the totals of the customers it touched
      await undoEveryImport(db, sqlite, () => expectKept(ctx))
      expect(sqlite.prepare('select count(*) from receipts').pluck().get()).toBe(0)
    },
  )

  it('stay stale after a change they did not follow: the import leaves them to the rebuild', async () => {
    const ctx = await testContext()
    const { sqlite, db } = ctx.connection
    const dir = tempDir()
    const path = (name: string, lines: string[]) => {
      const p = join(dir, name)
      writeFileSync(p, `${HEADER}\n${lines.join('\n')}\n`)
      return p
    }
    const importFile = (file: string) => runImport(sqlite, file, { dateOrder: 'dmy' }, { now: fixedNow })
    await importFile(path('a.csv', [line('A-1', '2026-01-04', 'C-01', 'P-01', '1', '10.00')]))
    expect(await totalsCurrent(db)).toBe(true)
    await staleTotals(db) // as a merge leaves them
    await importFile(path('b.csv', [line('B-1', '2026-01-05', 'C-01', 'P-01', '1', '10.00')]))
    expect(await totalsCurrent(db)).toBe(false)
    await freshTotals(db)
    await expectKept(ctx)
  })
})

const HEADER =
  'receipt_number,date,customer_code,customer_name,phone,email,sku,product_name,category,quantity,unit_price,net_amount,store,staff'

function line(receipt: string, day: string, customer: string, sku: string, quantity: string, price: string) {
  return `${receipt},${day} 10:00,${customer},ลูกค้า ${customer},,,${sku},สินค้า ${sku},อาหาร,${quantity},${price},,สาขาหลัก,แดง`
}

import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { generateExport } from '../../bench/generate-export'
import { getDashboard } from '../../src/main/dashboard'
import { ensureDashboardDays, storedDaysFresh } from '../../src/main/dashboard/stored-days'
import type { Sqlite } from '../../src/main/db'
import { runImport } from '../../src/main/import/run'
import type { ApiContext } from '../../src/main/api/context'
import { tempDir, testContext } from '../helpers/db'
import { fixedNow, undoEveryImport } from '../import/helpers'

const TODAY = '2026-11-30' // the tests' day: only a shop without sales falls back to it

// Issue 17: imports and undos keep the dashboard's stored days current in their own transaction, touching
// only the days they changed (dashboard/days-update.ts), so the analysis job no longer rebuilds them. After
// every import, re-import, import that adds lines to earlier receipts, and undo, the stored days must be
// exactly what the full rebuild from the receipts gives, still marked current, and the dashboard read from
// them must equal the dashboard read from the receipts.

/** What storeDashboardDays would store, read straight from the receipts and their lines. */
function fromReceipts(sqlite: Sqlite): { sales: unknown[]; products: unknown[] } {
  return {
    sales: sqlite
      .prepare(
        `select substr(occurred_at, 1, 10) as day, sum(net_satang) as net_satang, sum(kind = 'sale') as sales
           from receipts group by 1 order by 1`,
      )
      .all(),
    products: sqlite
      .prepare(
        `select substr(r.occurred_at, 1, 10) as day, l.product_id, sum(l.quantity) as quantity,
                sum(l.net_satang) as net_satang
           from receipt_lines l join receipts r on r.id = l.receipt_id
          where l.product_id is not null group by 1, 2 order by 1, 2`,
      )
      .all(),
  }
}

function stored(sqlite: Sqlite): { sales: unknown[]; products: unknown[] } {
  return {
    sales: sqlite.prepare('select day, net_satang, sales from sales_days order by day').all(),
    products: sqlite
      .prepare('select day, product_id, quantity, net_satang from product_days order by day, product_id')
      .all(),
  }
}

/** The stored days are current, equal the receipts, and give the dashboard the receipts give. */
async function expectCurrent(ctx: ApiContext): Promise<void> {
  const { sqlite } = ctx.connection
  expect(await storedDaysFresh(ctx.db)).toBe(true)
  expect(stored(sqlite)).toEqual(fromReceipts(sqlite))
  const fromDays = await getDashboard(ctx.db, undefined, TODAY)
  const key = sqlite.prepare('select data_key from dashboard_days_state').pluck().get() as string
  sqlite.exec('delete from dashboard_days_state') // the dashboard now reads the receipts
  expect(await getDashboard(ctx.db, undefined, TODAY)).toEqual(fromDays)
  sqlite.prepare('insert into dashboard_days_state (id, data_key) values (1, ?)').run(key)
}

const HEADER =
  'receipt_number,date,customer_code,customer_name,phone,email,sku,product_name,category,quantity,unit_price,net_amount,store,staff'

describe('stored dashboard days kept current by imports and undos', () => {
  it(
    'match the receipts after imports, re-imports, added lines and undos',
    { timeout: 120_000 },
    async () => {
      const ctx = await testContext()
      const { sqlite } = ctx.connection
      const dir = tempDir()
      const importFile = (file: string) => runImport(sqlite, file, { dateOrder: 'dmy' }, { now: fixedNow })

      // a Loyverse export into the empty database: the stored days start with it
      const a = join(dir, 'a.csv')
      generateExport({
        layout: 'loyverse_receipts',
        lines: 3_000,
        seed: 1,
        out: a,
        start: new Date(2026, 0, 1),
      })
      expect((await importFile(a)).status).toBe('done')
      expect(sqlite.prepare('select count(*) from sales_days').pluck().get()).toBeGreaterThan(5)
      await expectCurrent(ctx)

      // a second export whose days overlap the first one's: added to the days already stored
      const b = join(dir, 'b.csv')
      generateExport({
        layout: 'loyverse_receipts',
        lines: 2_000,
        seed: 2,
        out: b,
        start: new Date(2026, 0, 3),
      })
      const second = await importFile(b)
      expect(second).toMatchObject({ status: 'done' })
      expect(second.receiptsAdded).toBeGreaterThan(0)
      await expectCurrent(ctx)

      // the same file again adds nothing and leaves them current
      expect(await importFile(b)).toMatchObject({ status: 'done', receiptsAdded: 0, linesAdded: 0 })
      await expectCurrent(ctx)

      // a receipt, then the same receipt with one more line: the earlier receipt's total changes on its day
      const c1 = join(dir, 'c1.csv')
      const c2 = join(dir, 'c2.csv')
      const line1 = 'R-1,2026-01-04 10:00,C-01,สุดา,0812345670,,P-01,ข้าวมันไก่,อาหาร,2,50.00,,สาขาหลัก,แดง'
      const line2 = 'R-1,2026-01-04 10:00,C-01,สุดา,0812345670,,P-02,น้ำเปล่า,เครื่องดื่ม,1,10.00,10.00,สาขาหลัก,แดง'
      writeFileSync(c1, `${HEADER}\n${line1}\n`)
      writeFileSync(c2, `${HEADER}\n${line1}\n${line2}\n`)
      expect(await importFile(c1)).toMatchObject({ status: 'done', receiptsAdded: 1, linesAdded: 1 })
      await expectCurrent(ctx)
      const added = await importFile(c2)
      expect(added).toMatchObject({ status: 'done', receiptsAdded: 0, linesAdded: 1 })
      await expectCurrent(ctx)

      // undo, latest first: each undo works the days it touched out again
      await undoEveryImport(ctx.db, sqlite, () => expectCurrent(ctx))
      expect(sqlite.prepare('select count(*) from sales_days').pluck().get()).toBe(0)
    },
  )

  it(
    'match the receipts when the import cannot sum them in memory: lines apart, fractions, refunds',
    { timeout: 120_000 },
    async () => {
      const ctx = await testContext()
      const { sqlite } = ctx.connection
      const dir = tempDir()
      // daysTallySlots: the in-memory sums spill to a temp table after this many (day, product) pairs
      const importFile = (file: string, daysTallySlots = 2) =>
        runImport(sqlite, file, { dateOrder: 'dmy' }, { now: fixedNow, daysTallySlots })
      const tempLeft = () =>
        sqlite
          .prepare("select count(*) from temp.sqlite_master where name = 'import_product_days'")
          .pluck()
          .get()
      const line = (receipt: string, day: string, sku: string, quantity: string, price: string) =>
        `${receipt},${day} 10:00,C-01,สุดา,0812345670,,${sku},สินค้า ${sku},อาหาร,${quantity},${price},,สาขาหลัก,แดง`

      // a plain file, with a refund and a line without a product: summed in memory while written (DaysTally)
      const plain = join(dir, 'plain.csv')
      writeFileSync(
        plain,
        `${HEADER}\n${line('P-1', '2026-03-01', 'S-1', '2', '40.00')}\n${line('P-1', '2026-03-01', 'S-2', '1', '15.00')}\n` +
          `${line('P-2', '2026-03-02', 'S-1', '-1', '40.00')}\n${line('P-3', '2026-03-02', '', '1', '5.00').replace('สินค้า ,', ',')}\n`,
      )
      expect(await importFile(plain)).toMatchObject({ status: 'done', receiptsAdded: 3 })
      await expectCurrent(ctx)

      // a generated export whose (day, product) sums spill to the temp table many times, onto stored days
      const spilled = join(dir, 'spilled.csv')
      generateExport({
        layout: 'loyverse_receipts',
        lines: 2_000,
        seed: 5,
        out: spilled,
        start: new Date(2026, 1, 25),
      })
      expect(await importFile(spilled, 7)).toMatchObject({ status: 'done' })
      await expectCurrent(ctx)
      expect(tempLeft()).toBe(0)

      // a receipt whose lines are apart in the file, on another day than the receipt between them: its total
      // is worked out again at the end, so the days come from the receipts (the SQL passes)
      const apart = join(dir, 'apart.csv')
      writeFileSync(
        apart,
        `${HEADER}\n${line('A-1', '2026-03-03', 'S-1', '1', '40.00')}\n${line('A-2', '2026-03-04', 'S-2', '3', '15.00')}\n` +
          `${line('A-1', '2026-03-03', 'S-3', '2', '25.00')}\n`,
      )
      // (one pair in memory: A-2's line spills A-1's first one, then A-1's second line gives the tally up)
      expect(await importFile(apart, 1)).toMatchObject({ status: 'done', receiptsAdded: 2, linesAdded: 3 })
      await expectCurrent(ctx)
      expect(tempLeft()).toBe(0)

      // fractional quantities (weighed goods) on days already stored
      const weighed = join(dir, 'weighed.csv')
      writeFileSync(
        weighed,
        `${HEADER}\n${line('W-1', '2026-03-01', 'S-1', '0.5', '40.00')}\n${line('W-2', '2026-03-01', 'S-1', '1.25', '40.00')}\n`,
      )
      expect(await importFile(weighed)).toMatchObject({ status: 'done', receiptsAdded: 2 })
      await expectCurrent(ctx)
    },
  )

  it(
    'stay stale after a change they did not follow, until the fallback rebuilds them',
    { timeout: 120_000 },
    async () => {
      const ctx = await testContext()
      const { sqlite } = ctx.connection
      const dir = tempDir()
      const a = join(dir, 'a.csv')
      generateExport({
        layout: 'loyverse_receipts',
        lines: 1_500,
        seed: 3,
        out: a,
        start: new Date(2026, 1, 1),
      })
      expect((await runImport(sqlite, a, { dateOrder: 'dmy' }, { now: fixedNow })).status).toBe('done')
      await expectCurrent(ctx)

      // a receipt written outside an import: the stored days no longer match and are not used
      sqlite
        .prepare(
          `insert into receipts (source, receipt_number, customer_id, occurred_at, kind, net_satang)
         values ('test', 'X1', null, '2026-02-02T12:00:00', 'sale', 12345)`,
        )
        .run()
      expect(await storedDaysFresh(ctx.db)).toBe(false)
      // the next import does not build on stale days...
      const b = join(dir, 'b.csv')
      generateExport({
        layout: 'loyverse_receipts',
        lines: 500,
        seed: 4,
        out: b,
        start: new Date(2026, 1, 5),
      })
      expect((await runImport(sqlite, b, { dateOrder: 'dmy' }, { now: fixedNow })).status).toBe('done')
      expect(await storedDaysFresh(ctx.db)).toBe(false)
      // ...the analysis job's fallback rebuilds them, and only when needed
      expect(ensureDashboardDays(sqlite)).toBe(true)
      await expectCurrent(ctx)
      expect(ensureDashboardDays(sqlite)).toBe(false)
    },
  )
})

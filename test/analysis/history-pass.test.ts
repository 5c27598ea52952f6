import { describe, expect, it } from 'vitest'
import {
  ACTIVITY_PACKED_SQL,
  LAST_CUSTOMER_SQL,
  cohortBuilder,
  computeCohorts,
  readActivity,
  readWalkIns,
} from '../../src/main/analysis/cohorts'
import { readCustomerDays } from '../../src/main/analysis/customer-value'
import { addDays } from '../../src/main/analysis/dates'
import { readHistory } from '../../src/main/analysis/history-pass'
import { readRfmRows } from '../../src/main/analysis/rfm'
import type { Sqlite } from '../../src/main/db'
import { testContext } from '../helpers/db'
import { insertSales, type TestSale } from '../helpers/sales'

// Issue 17: the run's read hands each receipt over as two plucked numbers (customer, day and sale flag packed
// into one; the net), not as one array per receipt. What it reads must be what row-by-row reads give: RFM
// (rfm.ts's own GROUP BY), the model inputs (customer-value.ts's reader) and the cohorts (the builder fed
// from a plain [customer, day, sale, net] query, the read before), on a shop with refunds, same-day receipts,
// zero-total sales, a customer whose sales all come after the as-of date, walk-ins and dates before 1970.

/** The cohorts from the receipts read one array per row, as before the packed read. */
function cohortsRowByRow(sqlite: Sqlite, asOf: string) {
  const end = addDays(asOf, 1)
  const builder = cohortBuilder(sqlite, asOf)
  const rows = sqlite
    .prepare(
      `select customer_id, unixepoch(substr(occurred_at, 1, 10)) / 86400, kind = 'sale', net_satang
         from receipts where customer_id is not null and occurred_at < ? order by customer_id, occurred_at`,
    )
    .raw()
    .all(end) as [number, number, number, number][]
  for (const [id, day, sale, net] of rows) builder.add(id, day, sale === 1, net)
  return builder.finish(readWalkIns(sqlite, end))
}

const sales: TestSale[] = [
  { customer: 'A', at: '2026-01-03T09:00:00', baht: 120.25 },
  { customer: 'A', at: '2026-01-03T17:45:00', baht: 80.1 }, // same day: one purchase day, summed
  { customer: 'A', at: '2026-02-14', baht: -30, kind: 'refund' },
  { customer: 'A', at: '2026-03-20', baht: 45 },
  { customer: 'A', at: '2026-03-20T19:00:00', baht: 0 }, // zero total: no purchase
  { customer: 'B', at: '2025-11-30', baht: -12, kind: 'refund' }, // refund before the first sale
  { customer: 'B', at: '2025-12-01', baht: 300 },
  { customer: 'B', at: '2026-03-31T23:59:59', baht: 10 }, // the last second of the as-of date
  { customer: 'C', at: '2026-04-01T00:00:00', baht: 50 }, // after the as-of date only: not read
  { customer: 'D', at: '2026-01-10', baht: 0 }, // only a zero-total sale: never a purchase
  { customer: 'E', at: '1969-12-31', baht: 15 }, // before 1970: negative day numbers
  { customer: 'E', at: '1905-06-01', baht: 5 },
  { customer: 'E', at: '2026-02-01', baht: 25 },
  { customer: null, at: '2026-02-01', baht: 99 },
  { customer: null, at: '2026-02-02', baht: -9, kind: 'refund' },
]

describe('the analysis run’s read of the receipts', () => {
  it('gives what the row-by-row reads give, for all history and a window', async () => {
    const ctx = await testContext()
    const { sqlite } = ctx.connection
    insertSales(sqlite, sales)
    for (const window of [
      { asOf: '2026-03-31', windowDays: null },
      { asOf: '2026-03-31', windowDays: 60 },
      { asOf: '2026-01-03', windowDays: 1 },
    ]) {
      const history = sqlite.transaction(() => readHistory(sqlite, window))()
      expect(history.rfmRows).toEqual(readRfmRows(sqlite, window))
      expect(history.days).toEqual(readCustomerDays(sqlite, window.asOf))
      expect(history.cohorts).toEqual(cohortsRowByRow(sqlite, window.asOf))
      expect(computeCohorts(sqlite, { asOf: window.asOf })).toEqual(history.cohorts)
    }
    const all = sqlite.transaction(() => readHistory(sqlite, { asOf: '2026-03-31', windowDays: null }))()
    expect(all.rfmRows.map((r) => r.customerId).length).toBe(3) // A, B, E: not C (later), not D (zero)
    expect(all.days.get(all.rfmRows[0]?.customerId ?? -1)?.purchaseDays).toBe(2) // A: Jan 3 and Mar 20
  })

  it('refuses a receipt whose date cannot be read, and reads an empty shop', async () => {
    const ctx = await testContext()
    const { sqlite } = ctx.connection
    expect(readActivity(sqlite, '2026-04-01')).toEqual({ packed: [], net: [] })
    insertSales(sqlite, [{ customer: 'A', at: '2026-01-03', baht: 10 }])
    sqlite.prepare("update receipts set occurred_at = '2026-01-3 noon'").run()
    expect(() => readActivity(sqlite, '2026-04-01')).toThrow(/no readable date/)
  })
  it('takes each receipt’s day number from the covering index, not from the text per receipt', async () => {
    const ctx = await testContext()
    const { sqlite } = ctx.connection
    // the bytecode of the packed read: reads index columns, calls no date or text function per receipt
    const program = sqlite.prepare(`explain ${ACTIVITY_PACKED_SQL}`).all('2026-04-01') as {
      opcode: string
      p4: unknown
    }[]
    const calls = program.filter((op) => op.opcode === 'Function' || op.opcode === 'PureFunc')
    expect(calls.map((op) => String(op.p4))).toEqual([])
    expect(program.some((op) => op.opcode === 'Column')).toBe(true)
    // and the index the migration built holds that expression as its last column
    const index = sqlite
      .prepare('select * from pragma_index_xinfo(?) where key = 1')
      .all('receipts_customer_activity')
    expect(index.map((c) => (c as { name: string | null }).name)).toEqual([
      'customer_id',
      'occurred_at',
      'kind',
      'net_satang',
      null, // an expression
    ])
  })
  it('reads from receipts_customer_activity, which holds only the receipts that name a customer', async () => {
    const ctx = await testContext()
    const { sqlite } = ctx.connection
    insertSales(sqlite, [
      { customer: 'A', at: '2026-01-03', baht: 10 },
      { customer: 'B', at: '2026-01-04', baht: 20 },
      { customer: null, at: '2026-01-05', baht: 30 },
      { customer: null, at: '2026-01-06', baht: 40 },
    ])
    const count = (q: string): number => sqlite.prepare(q).pluck().get() as number
    expect(count('select count(*) from receipts')).toBe(4)
    expect(
      count("select partial from pragma_index_list('receipts') where name = 'receipts_customer_activity'"),
    ).toBe(1)
    expect(
      count('select count(*) from receipts indexed by receipts_customer_activity where customer_id > 0'),
    ).toBe(2)
    const plan = (q: string): string =>
      (
        sqlite.prepare(`explain query plan ${q}`).all(...(q.includes('?') ? ['2026-04-01'] : [])) as {
          detail: string
        }[]
      )
        .map((r) => r.detail)
        .join(' | ')
    for (const q of [LAST_CUSTOMER_SQL, ACTIVITY_PACKED_SQL]) {
      expect(plan(q)).toMatch(/USING COVERING INDEX receipts_customer_activity/)
      expect(plan(q)).not.toMatch(/TEMP B-TREE/)
    }
    expect(readActivity(sqlite, '2026-04-01').net).toEqual([1000, 2000])
  })
})

import { describe, expect, it } from 'vitest'
import { freshTotals, staleTotals } from '../../src/main/customers/totals'
import type { Sqlite } from '../../src/main/db'
import { testContext } from '../helpers/db'
import { insertSales, type TestSale } from '../helpers/sales'

// Issue 17: freshTotals writes only the customer_totals rows whose figures changed (an import touches a few
// customers; rewriting all 100,000 rows and their indexes cost 1.6 s). The totals must still equal the
// receipts' after every change, worked out here from the sales themselves.

interface Totals {
  receipts: number
  visits: number
  spend_satang: number
  first_purchase: string | null
  last_purchase: string | null
}

const noon = (at: string): string => (at.length === 10 ? `${at}T12:00:00` : at)

/** Every customer's totals as the definitions in totals.ts have them, from the sales written. */
function expected(ids: Map<string, number>, sales: TestSale[]): Map<number, Totals> {
  const out = new Map<number, Totals>()
  for (const id of ids.values())
    out.set(id, { receipts: 0, visits: 0, spend_satang: 0, first_purchase: null, last_purchase: null })
  const days = new Map<number, Set<string>>()
  for (const s of sales) {
    if (s.customer === null) continue
    const id = ids.get(s.customer) as number
    const t = out.get(id) as Totals
    const at = noon(s.at)
    t.receipts++
    t.spend_satang += Math.round(s.baht * 100)
    if ((s.kind ?? 'sale') === 'sale') {
      const set = days.get(id) ?? new Set<string>()
      set.add(at.slice(0, 10))
      days.set(id, set)
      t.visits = set.size
      if (t.first_purchase === null || at < t.first_purchase) t.first_purchase = at
      if (t.last_purchase === null || at > t.last_purchase) t.last_purchase = at
    }
  }
  return out
}

function stored(sqlite: Sqlite): Map<number, Totals> {
  const rows = sqlite
    .prepare(
      'select customer_id, receipts, visits, spend_satang, first_purchase, last_purchase from customer_totals',
    )
    .all() as (Totals & { customer_id: number })[]
  return new Map(rows.map(({ customer_id, ...t }) => [customer_id, t]))
}

/** Counts the writes to customer_totals (temp triggers: this connection only). */
function countWrites(sqlite: Sqlite): () => Record<string, number> {
  sqlite.exec(`create temp table writes (kind text);
    create temp trigger totals_insert after insert on main.customer_totals begin insert into writes values ('insert'); end;
    create temp trigger totals_update after update on main.customer_totals begin insert into writes values ('update'); end;
    create temp trigger totals_delete after delete on main.customer_totals begin insert into writes values ('delete'); end;`)
  return () => {
    const rows = sqlite.prepare('select kind, count(*) as n from writes group by kind').all() as {
      kind: string
      n: number
    }[]
    sqlite.exec('delete from writes')
    return Object.fromEntries(rows.map((r) => [r.kind, r.n]))
  }
}

describe('customer totals', () => {
  it('match the receipts after each change, writing only the rows that changed', async () => {
    const ctx = await testContext()
    const { sqlite } = ctx.connection
    const sales: TestSale[] = [
      { customer: 'A', at: '2026-03-01T09:00:00', baht: 120 },
      { customer: 'A', at: '2026-03-01T18:30:00', baht: 80 }, // same day: one visit
      { customer: 'A', at: '2026-03-09', baht: -30, kind: 'refund' },
      { customer: 'B', at: '2026-02-10', baht: 55.5 },
      { customer: 'B', at: '2026-04-02', baht: 0 }, // a zero sale is still a visit here
      { customer: 'C', at: '2026-01-05', baht: -20, kind: 'refund' }, // refunds only: no purchase dates
      { customer: null, at: '2026-03-01', baht: 99 },
    ]
    const ids = insertSales(sqlite, sales)
    sqlite.prepare("insert into customers (code, name) values ('D', 'No receipts')").run()
    ids.set('D', Number(sqlite.prepare("select id from customers where code = 'D'").pluck().get()))

    expect(await freshTotals(ctx.connection.db)).toBe(true)
    expect(stored(sqlite)).toEqual(expected(ids, sales))
    expect(await freshTotals(ctx.connection.db)).toBe(false) // nothing changed: not rebuilt

    const writes = countWrites(sqlite)
    // new receipts for one customer: only that row is written
    const more: TestSale[] = [
      { customer: 'B', at: '2026-05-01', baht: 10 },
      { customer: 'B', at: '2026-05-01T20:00:00', baht: 5 },
    ]
    insertSales(sqlite, more)
    sales.push(...more)
    expect(await freshTotals(ctx.connection.db)).toBe(true)
    expect(stored(sqlite)).toEqual(expected(ids, sales))
    expect(writes()).toEqual({ update: 1 })

    // a new customer gets its row from the trigger; one whose row went missing gets it back
    const newer: TestSale[] = [{ customer: 'E', at: '2026-05-02', baht: 42 }]
    const withE = insertSales(sqlite, newer)
    ids.set('E', withE.get('E') as number)
    sales.push(...newer)
    sqlite.prepare('delete from customer_totals where customer_id = ?').run(ids.get('D'))
    writes()
    expect(await freshTotals(ctx.connection.db)).toBe(true)
    expect(stored(sqlite)).toEqual(expected(ids, sales))
    expect(writes()).toEqual({ insert: 1, update: 1 })

    // receipts taken away (as an undone import does): the customer's totals go back to zero
    sqlite
      .prepare(
        'delete from receipt_lines where receipt_id in (select id from receipts where customer_id = ?)',
      )
      .run(ids.get('A'))
    sqlite.prepare('delete from receipts where customer_id = ?').run(ids.get('A'))
    await staleTotals(ctx.connection.db)
    expect(await freshTotals(ctx.connection.db)).toBe(true)
    expect(stored(sqlite)).toEqual(
      expected(
        ids,
        sales.filter((s) => s.customer !== 'A'),
      ),
    )
    expect(writes()).toEqual({ update: 1 })
  })
})

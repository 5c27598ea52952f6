import { sql, type Kysely } from 'kysely'
import type { Sqlite } from '../db'
import type { Database } from '../db/schema'

// The dashboard's sales stored by day (sales_days) and by day and product (product_days), so its revenue
// figures, monthly chart and best sellers sum at most a few hundred day rows (measured at 100k customers: the
// best sellers of 90 days from 270,000 receipt lines took 0.5 s of CPU; see bench/README.md). The dashboard
// uses them only while the data key still matches, so a figure read from them is always the same as one read
// from the receipts; otherwise it reads the receipts (index.ts). Imports and undos keep them current in their own
// transaction, day by day (days-update.ts); the analysis job rebuilds them only when the key does not match
// (ensureDashboardDays: a database from before, or a change that did not update them).
//
// The data key: receipts and receipt lines have AUTOINCREMENT ids, so an insert raises the largest id and a
// delete lowers the count; an import that only adds lines to earlier receipts (and updates their totals)
// raises the largest line id, and undoing it (always the latest import: later ones must be undone first)
// lowers it. Moving receipts between customers (merges, erasures) changes no figure stored here.

export async function dataKey(db: Kysely<Database>): Promise<string> {
  // each figure its own subquery: count(*) alone is SQLite's b-tree count (1 ms at 450k receipts), while
  // count(*) beside max(id) walked every receipt (36 ms, once per card)
  const { rows } = await sql<{ key: string }>`select
      (select count(*) from receipts) || ':' || coalesce((select max(id) from receipts), 'null') || ':' ||
      coalesce((select max(id) from receipt_lines), 'null') as key`.execute(db)
  return rows[0]?.key ?? ''
}

/** Whether the stored days match the receipts as they are now. */
export async function storedDaysFresh(db: Kysely<Database>): Promise<boolean> {
  const state = await db.selectFrom('dashboard_days_state').select('data_key').executeTakeFirst()
  return state !== undefined && state.data_key === (await dataKey(db))
}

function dataKeyNow(sqlite: Sqlite): string {
  const [n, max, lines] = sqlite
    .prepare(
      'select (select count(*) from receipts), (select max(id) from receipts), (select max(id) from receipt_lines)',
    )
    .raw()
    .get() as [number, number | null, number | null]
  return `${n}:${String(max)}:${String(lines)}`
}

/**
 * Rebuilds the stored days from the receipts and their lines in one write transaction (two GROUP BY passes;
 * measured in the bench as "dashboard days stored"). Raw statements: a measured hot path run by the analysis
 * worker, which holds the connection synchronously.
 */
export function storeDashboardDays(sqlite: Sqlite): void {
  sqlite
    .transaction(() => {
      const key = dataKeyNow(sqlite)
      sqlite.exec('delete from sales_days; delete from product_days')
      sqlite.exec(`insert into sales_days (day, net_satang, sales)
      select substr(occurred_at, 1, 10), sum(net_satang), sum(kind = 'sale') from receipts group by 1`)
      sqlite.exec(`insert into product_days (day, product_id, quantity, net_satang)
      select substr(r.occurred_at, 1, 10), l.product_id, sum(l.quantity), sum(l.net_satang)
        from receipt_lines l join receipts r on r.id = l.receipt_id
       where l.product_id is not null
       group by 1, 2`)
      sqlite
        .prepare(
          `insert into dashboard_days_state (id, data_key) values (1, ?)
           on conflict (id) do update set data_key = excluded.data_key`,
        )
        .run(key)
    })
    .immediate()
}

/** Rebuilds the stored days only when they do not match the receipts (the fallback); returns whether it did. */
export function ensureDashboardDays(sqlite: Sqlite): boolean {
  const state = sqlite.prepare('select data_key from dashboard_days_state where id = 1').pluck().get() as
    string | undefined
  if (state === dataKeyNow(sqlite)) return false
  storeDashboardDays(sqlite)
  return true
}

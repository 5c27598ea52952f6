import { CompiledQuery, type Kysely, type Transaction } from 'kysely'
import type { Sqlite } from '../db'
import type { Database } from '../db/schema'

// Keeps the dashboard's stored days (stored-days.ts) current from inside the transaction that changes the
// receipts, touching only the days it changed, so neither the dashboard nor the analysis job has to rebuild
// them from every receipt (4.6 s of CPU at 100k customers):
// - an import adds its new receipts and lines to the days they fall on: summed in memory while it writes them
//   when it only creates receipts (import/days-tally.ts, then stampDays), otherwise with two GROUP BY passes
//   over the rows it added (ids above the largest ones before it, AUTOINCREMENT), working the receipt totals
//   of the earlier receipts it added lines to out again for their days;
// - an undo works out again, after the delete, every day its receipts and lines fell on.
// Both only build on stored days that matched the receipts before they started (the data key); otherwise the
// days stay stale and the analysis job's full rebuild (ensureDashboardDays) is the fallback. An empty
// database has nothing to rebuild, so its first import starts the stored days. Raw SQL: the import's hot path,
// run on whichever handle the caller holds (the import's better-sqlite3 connection, the undo's Kysely
// transaction).

/** Runs one statement with positional parameters; resolves to its rows as arrays (none for a write). */
export type RunSql = (query: string, params?: readonly unknown[]) => Promise<unknown[][]>

export function sqliteRunner(sqlite: Sqlite): RunSql {
  return (query, params = []) => {
    const statement = sqlite.prepare(query)
    if (!statement.reader) {
      statement.run(...params)
      return Promise.resolve([])
    }
    return Promise.resolve(statement.raw().all(...params) as unknown[][])
  }
}

export function kyselyRunner(db: Kysely<Database> | Transaction<Database>): RunSql {
  return async (query, params = []) => {
    const result = await db.executeQuery(CompiledQuery.raw(query, [...params]))
    return (result.rows as Record<string, unknown>[]).map((row) => Object.values(row))
  }
}

/** The state of the stored days before a change: whether they matched, and the largest ids then. */
export interface DaysMark {
  fresh: boolean
  maxReceipt: number
  maxLine: number
}

const KEY_SQL = `select (select count(*) from receipts), (select max(id) from receipts),
  (select max(id) from receipt_lines), (select data_key from dashboard_days_state where id = 1)`

/** Marks the stored days as matching the receipts and lines as they are now. */
export const stampDays = (run: RunSql): Promise<unknown[][]> =>
  run(`insert into dashboard_days_state (id, data_key)
       select 1, (select count(*) from receipts) || ':' || coalesce((select max(id) from receipts), 'null') || ':' ||
         coalesce((select max(id) from receipt_lines), 'null')
       where true
       on conflict (id) do update set data_key = excluded.data_key`)

/** Call inside the write transaction, before it changes receipts or lines. */
export async function markDays(run: RunSql): Promise<DaysMark> {
  const [row] = await run(KEY_SQL)
  const [count, maxReceipt, maxLine, stored] = (row ?? [0, null, null, null]) as [
    number,
    number | null,
    number | null,
    string | null,
  ]
  const key = `${count}:${String(maxReceipt)}:${String(maxLine)}`
  let fresh = stored === key
  if (!fresh && count === 0 && maxLine === null) {
    // nothing stored yet and nothing to store: the empty days are current
    await run('delete from sales_days')
    await run('delete from product_days')
    await stampDays(run)
    fresh = true
  }
  return { fresh, maxReceipt: maxReceipt ?? 0, maxLine: maxLine ?? 0 }
}

/** Works out the stored figures of whole days again from the receipts and their lines. */
async function recomputeDays(run: RunSql, days: readonly string[]): Promise<void> {
  for (const day of days) {
    const next = nextDay(day)
    await run('delete from sales_days where day = ?', [day])
    await run('delete from product_days where day = ?', [day])
    await run(
      `insert into sales_days (day, net_satang, sales)
       select ?, sum(net_satang), sum(kind = 'sale') from receipts
        where occurred_at >= ? and occurred_at < ? having count(*) > 0`,
      [day, day, next],
    )
    await run(
      `insert into product_days (day, product_id, quantity, net_satang)
       select ?, l.product_id, sum(l.quantity), sum(l.net_satang)
         from receipts r join receipt_lines l on l.receipt_id = r.id
        where r.occurred_at >= ? and r.occurred_at < ? and l.product_id is not null
        group by l.product_id`,
      [day, day, next],
    )
  }
}

function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + 1)
  return d.toISOString().slice(0, 10)
}

/**
 * After an import's writes, inside its transaction: adds what it added to the stored days. `mark` is what
 * markDays said before the import wrote anything.
 */
export async function addImportedDays(run: RunSql, mark: DaysMark): Promise<void> {
  if (!mark.fresh) return
  await run(
    `insert into sales_days (day, net_satang, sales)
     select substr(occurred_at, 1, 10), sum(net_satang), sum(kind = 'sale') from receipts where id > ? group by 1
     on conflict (day) do update set net_satang = net_satang + excluded.net_satang, sales = sales + excluded.sales`,
    [mark.maxReceipt],
  )
  await run(
    `insert into product_days (day, product_id, quantity, net_satang)
     select substr(r.occurred_at, 1, 10), l.product_id, sum(l.quantity), sum(l.net_satang)
       from receipt_lines l join receipts r on r.id = l.receipt_id
      where l.id > ? and l.product_id is not null
      group by 1, 2
     on conflict (day, product_id) do update
        set quantity = quantity + excluded.quantity, net_satang = net_satang + excluded.net_satang`,
    [mark.maxLine],
  )
  // earlier receipts that gained lines have new totals: their days' receipt figures are worked out again
  // (the unary + keeps SQLite on the new lines' rowid range instead of every older line's receipt_id)
  const touched = await run(
    `select distinct substr(r.occurred_at, 1, 10) from receipt_lines l join receipts r on r.id = l.receipt_id
      where l.id > ? and +l.receipt_id <= ?`,
    [mark.maxLine, mark.maxReceipt],
  )
  for (const [day] of touched) {
    await run('delete from sales_days where day = ?', [day])
    await run(
      `insert into sales_days (day, net_satang, sales)
       select ?, sum(net_satang), sum(kind = 'sale') from receipts
        where occurred_at >= ? and occurred_at < ? having count(*) > 0`,
      [day, day, nextDay(String(day))],
    )
  }
  await stampDays(run)
}

/** Before an undo deletes anything: the days its receipts and lines fall on. */
export async function daysOfImport(run: RunSql, importId: number): Promise<string[]> {
  const rows = await run(
    `select substr(occurred_at, 1, 10) from receipts where import_id = ?
     union
     select substr(r.occurred_at, 1, 10) from receipt_lines l join receipts r on r.id = l.receipt_id
      where l.import_id = ?`,
    [importId, importId],
  )
  return rows.map(([day]) => String(day))
}

/** After an undo's deletes, inside its transaction: works out the days it touched again. */
export async function undoneDays(run: RunSql, mark: DaysMark, days: readonly string[]): Promise<void> {
  if (!mark.fresh) return
  await recomputeDays(run, days)
  await stampDays(run)
}

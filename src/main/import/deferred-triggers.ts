import type { Sqlite } from '../db'

// A big import fills the customers' search index (customers_fts) and their customer_totals rows with one
// statement each before it commits, instead of through the per-row triggers (migrations 2026_11_30_100000 and
// 2026_11_30_610000). Measured on the 1,000,000-line benchmark's 23,227 new customers: 3.6 s of CPU with
// both triggers against 0.38 s without.
//
// The triggers are dropped and created again inside the import's transaction (like deferred-indexes.ts), so a
// cancelled, failed or killed import rolls them back with everything else and no other connection ever sees
// the table without them. What they would have written is written at the end, the same rows exactly:
// - customers_fts_insert / customer_totals_row: every customer created by the import (ids above the largest
//   before it) gets its search row and its zero totals row, from its final values;
// - customers_fts_update: a customer that existed before and whose name, code, e-mail or phone the import
//   changed gets its search row written again. The import snapshots every existing customer it touches before
//   changing it (import_customer_changes, for undo), so those are the snapshots that differ from the row now.
// Deferring only happens when the triggers are exactly the ones this file was written for; a later migration
// that changes them turns it off (the triggers then run per row, as before) until this file follows.

/** The trigger's values for a customers row (the same expression as the migration's ftsValues). */
const phoneForms = (p: string): string =>
  `case when ${p} like '+66%' then '0' || substr(${p}, 4) || ' ' || substr(${p}, 2) else coalesce(replace(${p}, '+', ''), '') end`
const ftsValues = (row: string): string =>
  `${row}.id, ${row}.name, coalesce(${row}.code, ''), coalesce(${row}.email, ''), ${phoneForms(`${row}.phone`)}`
const FTS_COLUMNS = 'customers_fts (rowid, name, code, email, phone)'

/** Each deferred trigger and the body it must have (whitespace aside) for the fill below to equal it. */
const EXPECTED: Record<string, string> = {
  customers_fts_insert: `create trigger customers_fts_insert after insert on customers begin insert into ${FTS_COLUMNS} values (${ftsValues('new')}); end`,
  customers_fts_update: `create trigger customers_fts_update after update of name, code, email, phone on customers begin delete from customers_fts where rowid = old.id; insert into ${FTS_COLUMNS} values (${ftsValues('new')}); end`,
  customer_totals_row: `create trigger customer_totals_row after insert on customers begin insert or ignore into customer_totals (customer_id, receipts, visits, spend_satang) values (new.id, 0, 0, 0); end`,
}

/** Bytes of the smallest file worth it (about 30,000 lines): below, the per-row triggers cost little. */
const MIN_BYTES = 5 * 1024 * 1024

const flat = (sql: string): string => sql.replace(/\s+/g, ' ').trim().toLowerCase()

export interface DeferredTriggers {
  /** Whether the triggers are dropped now (until fill). */
  readonly deferred: boolean
  /** Writes what the triggers would have and creates them again (call before commit). */
  fill(importId: number): void
}

/**
 * Drops the customers' insert and update triggers for a big import (call inside its transaction, before the
 * first customer is written).
 */
export function deferCustomerTriggers(
  sqlite: Sqlite,
  fileBytes: number,
  minBytes = MIN_BYTES,
): DeferredTriggers {
  const none: DeferredTriggers = { deferred: false, fill: () => undefined }
  if (fileBytes < minBytes) return none
  const names = Object.keys(EXPECTED)
  const found = sqlite
    .prepare(
      `select name, sql from sqlite_master where type = 'trigger' and tbl_name = 'customers' and name in (${names.map(() => '?').join(', ')})`,
    )
    .raw()
    .all(...names) as [string, string][]
  if (found.length !== names.length || found.some(([name, sql]) => flat(sql) !== flat(EXPECTED[name] ?? '')))
    return none
  const maxBefore = sqlite.prepare('select coalesce(max(id), 0) from customers').pluck().get() as number
  for (const [name] of found) sqlite.exec(`drop trigger "${name}"`)
  let deferred = true
  return {
    get deferred() {
      return deferred
    },
    fill(importId) {
      if (!deferred) return
      deferred = false
      sqlite
        .prepare(
          `insert into ${FTS_COLUMNS} select ${ftsValues('c')} from customers c where c.id > ? order by c.id`,
        )
        .run(maxBefore)
      sqlite
        .prepare(
          'insert or ignore into customer_totals (customer_id, receipts, visits, spend_satang) select id, 0, 0, 0 from customers where id > ? order by id',
        )
        .run(maxBefore)
      const changed = sqlite
        .prepare(
          `select c.id from import_customer_changes x join customers c on c.id = x.customer_id
           where x.import_id = ? and c.id <= ? and (c.name is not x.name or c.code is not x.code or c.email is not x.email or c.phone is not x.phone)
           order by c.id`,
        )
        .pluck()
        .all(importId, maxBefore) as number[]
      if (changed.length > 0) {
        const remove = sqlite.prepare('delete from customers_fts where rowid = ?')
        const add = sqlite.prepare(
          `insert into ${FTS_COLUMNS} select ${ftsValues('c')} from customers c where c.id = ?`,
        )
        for (const id of changed) {
          remove.run(id)
          add.run(id)
        }
      }
      for (const [, create] of found) sqlite.exec(create)
    },
  }
}

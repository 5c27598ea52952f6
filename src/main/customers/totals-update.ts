import type { DaysMark, RunSql } from '../dashboard/days-update'
import { RECEIPTS_KEY, totalsUpsert } from './totals'

// Keeps customer_totals current from inside the transaction that changes the receipts, rewriting only the
// rows of the customers it touched, so the retention cards can read them right after an import or an undo
// (retention/stored-cards.ts) without waiting for the analysis job's rebuild. Only totals that matched the
// receipts before the change (or a shop's first sales) are kept so; otherwise they stay stale and
// freshTotals (the analysis job, the customer list) rebuilds them. Raw SQL on whichever handle the caller
// holds (days-update.ts's RunSql).

/**
 * The customers whose ids are in a statement's rows (every customer: null), written again from the
 * receipts; then the totals are stamped current.
 */
async function refresh(run: RunSql, rows: unknown[][] | null): Promise<void> {
  if (rows === null) await run(totalsUpsert(null))
  else {
    const ids = JSON.stringify(rows.map(([id]) => Number(id)))
    await run(totalsUpsert('(select value from json_each(?))'), [ids, ids])
  }
  await run(`insert into customer_totals_state (id, receipts_key) select 1, ${RECEIPTS_KEY}
    where true on conflict (id) do update set receipts_key = excluded.receipts_key`)
}

async function storedKey(run: RunSql): Promise<unknown> {
  const [row] = await run('select receipts_key from customer_totals_state where id = 1')
  return row?.[0]
}

/**
 * At the finish of import `importId`, inside its transaction: the totals of the customers of the receipts it
 * added or added lines to. `mark` is what markDays said before the import wrote anything (its largest ids).
 */
export async function addImportedTotals(run: RunSql, mark: DaysMark, importId: number): Promise<void> {
  // the key as it was before the import (its own row in imports left out)
  const [before] = await run(
    `select ? || ':' || (select count(*) || ':' || coalesce(max(id), 0) || ':' || count(undone_at)
       from imports where id <> ?)`,
    [String(mark.maxReceipt), importId],
  )
  if ((await storedKey(run)) !== before?.[0]) {
    // no receipts before: nothing to have gone stale, so the first import of a shop starts the totals
    if (mark.maxReceipt === 0) await refresh(run, null)
    return
  }
  await refresh(
    run,
    await run(
      `select customer_id from receipts where id > ? and customer_id is not null
       union
       select r.customer_id from receipt_lines l join receipts r on r.id = l.receipt_id
        where l.id > ? and +l.receipt_id <= ? and r.customer_id is not null`,
      [mark.maxReceipt, mark.maxLine, mark.maxReceipt],
    ),
  )
}

/** What an undo needs for the totals: the customers it touches, or null when the totals are stale. */
export type UndoTotals = unknown[][] | null

/** Before undo of import `importId` deletes anything: its customers, if the totals are current. */
export async function markUndoTotals(run: RunSql, importId: number): Promise<UndoTotals> {
  const [current] = await run(`select ${RECEIPTS_KEY}`)
  if ((await storedKey(run)) !== current?.[0]) return null
  return run(
    `select customer_id from receipts where import_id = ? and customer_id is not null
     union
     select r.customer_id from receipt_lines l join receipts r on r.id = l.receipt_id
      where l.import_id = ? and r.customer_id is not null`,
    [importId, importId],
  )
}

/** At the end of the undo, after its last write (imports' undone_at): those customers' totals again. */
export async function undoneTotals(run: RunSql, mark: UndoTotals): Promise<void> {
  if (mark !== null) await refresh(run, mark)
}

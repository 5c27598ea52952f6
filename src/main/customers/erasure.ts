import { appendFileSync, closeSync, existsSync, fsyncSync, openSync, readFileSync } from 'node:fs'
import { sql, type Kysely } from 'kysely'
import type { Database } from '../db/schema'
import { LukkhaError } from '../errors'
import { writeTransaction } from '../db/write-transaction'
import { backupBefore, databaseFile } from './backup'
import { maskName } from './names'
import { customerReferences, ofCustomer } from './references'
import { logSubjectRequest } from './privacy'

// PDPA erasure. It blanks the customer's personal data and deletes what describes them (aliases, tags,
// notes, interactions, tasks, consents, survey comments, import snapshots, merge snapshots) while the
// receipts stay on the anonymous row, so sales totals do not change. With secure_delete on (every
// connection, src/main/db/connection.ts) the freed bytes are overwritten; the search index is optimised so
// no trigram of the old values is left in its segments. A verified backup is taken first (backup.ts).
//
// The erasure log keeps only a masked name. It is kept twice: in the database (customer_erasures) and in a
// journal beside the database file (`<db>-erasures.jsonl`, one JSON line per erasure, no personal data), which
// a restore does not replace. After a restore brought back an older copy, reapplyErasures(db) erases again
// every customer of the journal that the restored copy still holds (same id and same created_at).

export interface ErasureEntry {
  customerId: number
  /** The customer's created_at: a restored row with the same id but another created_at is someone else. */
  customerCreatedAt: string | null
  maskedName: string
  erasedAt: string
  erasedBy: string
}

/** The journal of erasures beside a database file. */
export function erasureJournalPath(dbFile: string): string {
  return `${dbFile}-erasures.jsonl`
}

function appendJournal(dbFile: string, entry: ErasureEntry): void {
  const path = erasureJournalPath(dbFile)
  appendFileSync(path, `${JSON.stringify(entry)}\n`, { mode: 0o600 })
  const fd = openSync(path, 'r')
  try {
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}

/** The erasures of the journal beside `dbFile` (a line that is not a whole entry is skipped). */
export function readErasureJournal(dbFile: string): ErasureEntry[] {
  const path = erasureJournalPath(dbFile)
  if (!existsSync(path)) return []
  const entries: ErasureEntry[] = []
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line.trim() === '') continue
    try {
      const e = JSON.parse(line) as Partial<ErasureEntry>
      if (typeof e.customerId === 'number' && typeof e.erasedAt === 'string')
        entries.push({
          customerId: e.customerId,
          customerCreatedAt: typeof e.customerCreatedAt === 'string' ? e.customerCreatedAt : null,
          maskedName: typeof e.maskedName === 'string' ? e.maskedName : '',
          erasedAt: e.erasedAt,
          erasedBy: typeof e.erasedBy === 'string' ? e.erasedBy : '',
        })
    } catch {
      // a line cut by a crash while it was written: the erasure it was about is in the database's own log
    }
  }
  return entries
}

// Tables whose rows stay with the anonymous customer: sales and what is computed from them.
const KEEP = new Set(['receipts', 'analysis_scores', 'customer_totals', 'subject_requests', 'customers'])

async function eraseRows(trx: Kysely<Database>, customerId: number): Promise<void> {
  await trx
    .deleteFrom('merge_suggestions')
    .where((eb) => eb.or([eb('customer_id', '=', customerId), eb('other_customer_id', '=', customerId)]))
    .execute()
  await trx
    .deleteFrom('customer_merges')
    .where((eb) => eb.or([eb('kept_id', '=', customerId), eb('merged_id', '=', customerId)]))
    .execute()
  await trx
    .updateTable('survey_responses')
    .set({ customer_id: null, comment: '', source_key: null })
    .where('customer_id', '=', customerId)
    .execute()
  // every other table that points at customers (tags, aliases, consents, interactions, tasks, import
  // snapshots, and tables later domains add) loses the customer's rows
  for (const r of await customerReferences(trx)) {
    if (KEEP.has(r.table) || r.table === 'survey_responses') continue
    await sql`delete from ${sql.table(r.table)} where ${ofCustomer(r.table, r.column, customerId)}`.execute(
      trx,
    )
  }
}

/**
 * Erases one customer's personal data after taking a backup; returns the erasure log's id and the masked
 * name it keeps. `reapplying` is for reapplyErasures: no new backup and no second journal line.
 */
export async function eraseCustomer(
  db: Kysely<Database>,
  customerId: number,
  erasedBy: string,
  now: string,
  reapplying = false,
): Promise<{ erasureId: number; maskedName: string }> {
  const live = await db
    .selectFrom('customers')
    .select(['id', 'erased_at'])
    .where('id', '=', customerId)
    .executeTakeFirst()
  if (!live || live.erased_at !== null)
    throw new LukkhaError('not_found', `Customer ${customerId} does not exist.`)
  if (!reapplying) await backupBefore(db, 'before-erasure', now)
  await sql`pragma secure_delete = on`.execute(db)
  const result = await writeTransaction(db, async (trx) => {
    const customer = await trx
      .selectFrom('customers')
      .select(['id', 'name', 'erased_at', 'created_at'])
      .where('id', '=', customerId)
      .executeTakeFirst()
    if (!customer || customer.erased_at !== null)
      throw new LukkhaError('not_found', `Customer ${customerId} does not exist.`)
    await eraseRows(trx, customerId)
    await trx
      .updateTable('customers')
      .set({
        code: null,
        name: '',
        phone: null,
        email: null,
        line_id: null,
        birthday: null,
        address: null,
        acquisition_source: null,
        referred_by: null,
        notes: '',
        erased_at: now,
        updated_at: now,
      })
      .where('id', '=', customerId)
      .execute()
    const maskedName = maskName(customer.name)
    const row = await trx
      .insertInto('customer_erasures')
      .values({
        customer_id: customerId,
        customer_created_at: customer.created_at,
        masked_name: maskedName,
        erased_at: now,
        erased_by: erasedBy,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await logSubjectRequest(trx, { customerId, kind: 'erasure', receivedAt: now }).then((id) =>
      trx
        .updateTable('subject_requests')
        .set({ status: 'fulfilled', handled_at: now, handled_by: erasedBy })
        .where('id', '=', id)
        .execute(),
    )
    await trx
      .updateTable('subject_requests')
      .set({ details: '' })
      .where('customer_id', '=', customerId)
      .execute()
    return { erasureId: row.id, maskedName, createdAt: customer.created_at }
  })
  const file = databaseFile(db)
  if (file !== null && !reapplying)
    appendJournal(file, {
      customerId,
      customerCreatedAt: result.createdAt,
      maskedName: result.maskedName,
      erasedAt: now,
      erasedBy,
    })
  // merge the search index's segments so the deleted trigrams are dropped, then move the WAL into the file
  await sql`insert into customers_fts (customers_fts) values ('optimize')`.execute(db)
  await sql`pragma wal_checkpoint(TRUNCATE)`.execute(db)
  return { erasureId: result.erasureId, maskedName: result.maskedName }
}

/**
 * The restore hook (the data-safety side calls it after a restore, src/main/backup/store.ts onRestored):
 * erases again every customer that the journal beside the database file (and the database's own log) says
 * was erased, when the restored database still holds them with the same created_at. Returns how many it
 * erased. Safe to call any time: an erased or absent customer is skipped.
 */
export async function reapplyErasures(db: Kysely<Database>): Promise<number> {
  const file = databaseFile(db)
  const logged = await db.selectFrom('customer_erasures').selectAll().orderBy('id').execute()
  const entries: ErasureEntry[] = [
    ...logged.map((r) => ({
      customerId: r.customer_id,
      customerCreatedAt: r.customer_created_at,
      maskedName: r.masked_name,
      erasedAt: r.erased_at,
      erasedBy: r.erased_by,
    })),
    ...(file === null ? [] : readErasureJournal(file)),
  ]
  let erased = 0
  for (const e of entries) {
    const row = await db
      .selectFrom('customers')
      .select(['erased_at', 'created_at'])
      .where('id', '=', e.customerId)
      .executeTakeFirst()
    if (!row || row.erased_at !== null) continue
    if (e.customerCreatedAt !== null && row.created_at !== e.customerCreatedAt) continue
    await eraseCustomer(db, e.customerId, e.erasedBy, e.erasedAt, true)
    erased++
  }
  return erased
}

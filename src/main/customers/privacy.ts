import { sql, type Kysely } from 'kysely'
import type { Database, SubjectRequestKind } from '../db/schema'
import { LukkhaError } from '../errors'
import { writeTransaction } from '../db/write-transaction'
import { addDays } from '../../shared/calendar'
import { maskName } from './names'
import { writeTableFile, type Cell } from './table-file'

// PDPA (B.E. 2562): the data-subject export (everything held about one customer), requests with their 30-day
// due date and logged refusals, and erasure. Erasure blanks the customer's personal data and deletes what
// describes them (aliases, tags, notes, interactions, tasks, consents, survey comments, import snapshots,
// merge snapshots) while the receipts stay on the anonymous row, so sales totals do not change. With
// secure_delete on (every connection, src/main/db/connection.ts) the freed bytes are overwritten; the search
// index is optimised so no trigram of the old values is left in its segments.

const REQUEST_DAYS = 30

type Row = Record<string, unknown>

async function rowsOf(db: Kysely<Database>, query: ReturnType<typeof sql<Row>>): Promise<Row[]> {
  return (await query.execute(db)).rows
}

/** Everything held about the customer, table by table. */
export async function subjectData(db: Kysely<Database>, customerId: number): Promise<Record<string, Row[]>> {
  const customer = await rowsOf(
    db,
    sql<Row>`select * from customers where id = ${customerId} and erased_at is null`,
  )
  if (customer.length === 0) throw new LukkhaError('not_found', `Customer ${customerId} does not exist.`)
  const by = (table: string, column = 'customer_id') =>
    rowsOf(
      db,
      sql<Row>`select * from ${sql.table(table)} where ${sql.ref(column)} = ${customerId} order by rowid`,
    )
  return {
    customer,
    customer_aliases: await by('customer_aliases'),
    customer_tags: await by('customer_tags'),
    consents: await by('consents'),
    interactions: await by('interactions'),
    tasks: await by('tasks'),
    receipts: await by('receipts'),
    receipt_lines: await rowsOf(
      db,
      sql<Row>`select l.*, p.name as product, p.category from receipt_lines l join receipts r on r.id = l.receipt_id
        left join products p on p.id = l.product_id where r.customer_id = ${customerId} order by l.receipt_id, l.line_no`,
    ),
    survey_responses: await by('survey_responses'),
    survey_answers: await rowsOf(
      db,
      sql<Row>`select a.* from survey_answers a join survey_responses s on s.id = a.response_id where s.customer_id = ${customerId}`,
    ),
    analysis_scores: await by('analysis_scores'),
    customer_merges: await rowsOf(
      db,
      sql<Row>`select id, kept_id, merged_id, merged_at, undone_at from customer_merges where kept_id = ${customerId}`,
    ),
    subject_requests: await by('subject_requests'),
  }
}

export async function logSubjectRequest(
  db: Kysely<Database>,
  request: { customerId: number | null; kind: SubjectRequestKind; receivedAt: string },
): Promise<number> {
  const row = await db
    .insertInto('subject_requests')
    .values({
      customer_id: request.customerId,
      kind: request.kind,
      received_at: request.receivedAt,
      due_date: addDays(request.receivedAt.slice(0, 10), REQUEST_DAYS),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

/** A refused request is logged with its reason (PDPA section 30: refusals and reasons are recorded). */
export async function refuseSubjectRequest(
  db: Kysely<Database>,
  requestId: number,
  reason: string,
  by: string,
  now: string,
): Promise<void> {
  if (reason.trim() === '')
    throw new LukkhaError('bad_input', 'reason: a refusal needs its reason', { field: 'reason' })
  const r = await db
    .updateTable('subject_requests')
    .set({ status: 'refused', refusal_reason: reason.trim(), handled_by: by, handled_at: now })
    .where('id', '=', requestId)
    .where('status', '=', 'open')
    .executeTakeFirst()
  if (r.numUpdatedRows === 0n) throw new LukkhaError('not_found', `No open request ${requestId}.`)
}

/** The data-subject export as a file; the access request is logged as received and fulfilled now. */
export async function exportSubject(
  db: Kysely<Database>,
  customerId: number,
  format: 'json' | 'csv',
  now: string,
  by = '',
): Promise<{ fileName: string; bytes: Buffer }> {
  const data = await subjectData(db, customerId)
  const requestId = await logSubjectRequest(db, { customerId, kind: 'access', receivedAt: now })
  await db
    .updateTable('subject_requests')
    .set({ status: 'fulfilled', handled_at: now, handled_by: by })
    .where('id', '=', requestId)
    .execute()
  const base = `lukkha-subject-${customerId}-${now.slice(0, 10)}`
  if (format === 'json') {
    const body = JSON.stringify({ exportedAt: now, customerId, data }, null, 2)
    return { fileName: `${base}.json`, bytes: Buffer.from(body, 'utf8') }
  }
  // one long table: which table, which row, which field, what value
  const cells: Cell[][] = []
  for (const [table, rows] of Object.entries(data)) {
    rows.forEach((row, i) => {
      for (const [field, value] of Object.entries(row)) {
        cells.push([
          table,
          i + 1,
          field,
          typeof value === 'number' || typeof value === 'string'
            ? value
            : value == null
              ? null
              : JSON.stringify(value),
        ])
      }
    })
  }
  const bytes = await writeTableFile(
    'csv',
    ['table', 'row', 'field', 'value'].map((header) => ({ header })),
    cells,
  )
  return { fileName: `${base}.csv`, bytes }
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
  const { rows } = await sql<{ tbl: string; col: string }>`select m.name as tbl, f."from" as col
    from sqlite_master m, pragma_foreign_key_list(m.name) f where m.type = 'table' and f."table" = 'customers'`.execute(
    trx,
  )
  for (const r of rows) {
    if (KEEP.has(r.tbl) || r.tbl === 'survey_responses') continue
    await sql`delete from ${sql.table(r.tbl)} where ${sql.ref(r.col)} = ${customerId}`.execute(trx)
  }
}

/** Erases one customer's personal data; returns the erasure log's id and the masked name it keeps. */
export async function eraseCustomer(
  db: Kysely<Database>,
  customerId: number,
  erasedBy: string,
  now: string,
): Promise<{ erasureId: number; maskedName: string }> {
  await sql`pragma secure_delete = on`.execute(db)
  const result = await writeTransaction(db, async (trx) => {
    const customer = await trx
      .selectFrom('customers')
      .select(['id', 'name', 'erased_at'])
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
      .values({ customer_id: customerId, masked_name: maskedName, erased_at: now, erased_by: erasedBy })
      .returning('id')
      .executeTakeFirstOrThrow()
    await logSubjectRequest(trx, { customerId, kind: 'erasure', receivedAt: now }).then((id) =>
      trx
        .updateTable('subject_requests')
        .set({ status: 'fulfilled', handled_at: now, handled_by: erasedBy })
        .where('id', '=', id)
        .execute(),
    )
    return { erasureId: row.id, maskedName }
  })
  // merge the search index's segments so the deleted trigrams are dropped, then move the WAL into the file
  await sql`insert into customers_fts (customers_fts) values ('optimize')`.execute(db)
  await sql`pragma wal_checkpoint(TRUNCATE)`.execute(db)
  return result
}

/**
 * The hook for restoring a backup: the erasures recorded in this database. Read them before a restore and
 * pass them to reapplyErasures() on the restored database, so personal data erased after the backup was taken
 * does not come back.
 */
export async function erasuresToReapply(
  db: Kysely<Database>,
): Promise<{ customerId: number; maskedName: string; erasedAt: string; erasedBy: string }[]> {
  const rows = await db.selectFrom('customer_erasures').selectAll().orderBy('id').execute()
  return rows.map((r) => ({
    customerId: r.customer_id,
    maskedName: r.masked_name,
    erasedAt: r.erased_at,
    erasedBy: r.erased_by,
  }))
}

/** Erases again every listed customer that a restored database still holds; returns how many it erased. */
export async function reapplyErasures(
  db: Kysely<Database>,
  erasures: Awaited<ReturnType<typeof erasuresToReapply>>,
): Promise<number> {
  let erased = 0
  for (const e of erasures) {
    const row = await db
      .selectFrom('customers')
      .select('erased_at')
      .where('id', '=', e.customerId)
      .executeTakeFirst()
    if (!row || row.erased_at !== null) continue
    await eraseCustomer(db, e.customerId, e.erasedBy, e.erasedAt)
    erased++
  }
  return erased
}

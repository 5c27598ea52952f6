import { sql, type Kysely } from 'kysely'
import type { Database, SubjectRequestKind } from '../db/schema'
import { LukkhaError } from '../errors'
import { addDays } from '../../shared/calendar'
import { renderTable, type TableColumn } from '../export'
import { ofCustomer } from './references'

// PDPA (B.E. 2562): the data-subject export (everything held about one customer) and the requests with
// their 30-day due date and logged refusals (requests.ts keeps the register). Erasure is erasure.ts.

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
      sql<Row>`select * from ${sql.table(table)} where ${ofCustomer(table, column, customerId)} order by rowid`,
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
  // one long table: which table, which row, which field, what value (every value as text, as stored)
  type Cell = [string, number, string, string | null]
  const cells: Cell[] = []
  for (const [table, rows] of Object.entries(data)) {
    rows.forEach((row, i) => {
      for (const [field, value] of Object.entries(row)) {
        cells.push([
          table,
          i + 1,
          field,
          typeof value === 'string' ? value : value == null ? null : JSON.stringify(value),
        ])
      }
    })
  }
  const columns: TableColumn<Cell>[] = [
    { id: 'table', header: 'table', value: (c) => c[0] },
    { id: 'row', header: 'row', kind: 'integer', value: (c) => c[1] },
    { id: 'field', header: 'field', value: (c) => c[2] },
    { id: 'value', header: 'value', value: (c) => c[3] },
  ]
  const bytes = Buffer.from(await renderTable('csv', columns, cells))
  return { fileName: `${base}.csv`, bytes }
}

import { sql, type Kysely, type Transaction } from 'kysely'
import type { Database, ImportRow } from '../db/schema'
import { LukkhaError } from '../errors'
import { writeTransaction } from '../db/write-transaction'
import { localTimestamp } from '../../shared/calendar'
import { daysOfImport, kyselyRunner, markDays, undoneDays } from '../dashboard/days-update'
import { markUndoTotals, undoneTotals } from '../customers/totals-update'

// Import history and undo. Undo removes exactly what one import added: its receipts and lines, the customers,
// aliases, products and stores it created, its merge suggestions, and it restores what it changed on customers
// that existed before (first/last seen, a phone or e-mail it filled in). It refuses, naming the reason, when
// something added later depends on those rows, since removing them would take the later data with them.

type Db = Kysely<Database> | Transaction<Database>

export async function listImports(db: Db): Promise<ImportRow[]> {
  return db.selectFrom('imports').selectAll().orderBy('id', 'desc').execute()
}

export interface UndoResult {
  importId: number
  receiptsRemoved: number
  linesRemoved: number
  customersRemoved: number
  customersRestored: number
  productsRemoved: number
  storesRemoved: number
}

async function count(query: {
  executeTakeFirstOrThrow(): Promise<{ n: number | string | bigint }>
}): Promise<number> {
  return Number((await query.executeTakeFirstOrThrow()).n)
}

/** What later rows depend on this import's rows, as sentences; empty when undo is safe. */
async function dependents(trx: Kysely<Database>, id: number): Promise<string[]> {
  const reasons: string[] = []
  const laterImports = new Set<number>()
  const note = (rows: { import_id: number | null }[], text: string): void => {
    if (rows.length === 0) return
    const ids = [...new Set(rows.map((r) => r.import_id))]
    for (const i of ids) if (i !== null) laterImports.add(i)
    const named = ids.filter((i) => i !== null).map((i) => `#${i}`)
    reasons.push(named.length ? `${text} (import ${named.join(', ')})` : text)
  }
  const customersOf = trx.selectFrom('customers').select('id').where('import_id', '=', id)
  const receiptsOf = trx.selectFrom('receipts').select('id').where('import_id', '=', id)
  note(
    await trx
      .selectFrom('receipt_lines')
      .select('import_id')
      .distinct()
      .where('receipt_id', 'in', receiptsOf)
      .where((eb) => eb.or([eb('import_id', '!=', id), eb('import_id', 'is', null)]))
      .execute(),
    'lines were added later to receipts of this import',
  )
  note(
    await trx
      .selectFrom('receipt_lines')
      .select('import_id')
      .distinct()
      .where('product_id', 'in', trx.selectFrom('products').select('id').where('import_id', '=', id))
      .where((eb) => eb.or([eb('import_id', '!=', id), eb('import_id', 'is', null)]))
      .execute(),
    'later sales use products this import created',
  )
  note(
    await trx
      .selectFrom('receipts')
      .select('import_id')
      .distinct()
      .where((eb) =>
        eb.or([
          eb('customer_id', 'in', customersOf),
          eb('store_id', 'in', trx.selectFrom('stores').select('id').where('import_id', '=', id)),
        ]),
      )
      .where((eb) => eb.or([eb('import_id', '!=', id), eb('import_id', 'is', null)]))
      .execute(),
    'later receipts belong to customers or stores this import created',
  )
  note(
    await trx
      .selectFrom('import_customer_changes')
      .select('import_id')
      .distinct()
      .where('import_id', '!=', id)
      .where((eb) =>
        eb.or([
          eb('customer_id', 'in', customersOf),
          eb.and([
            eb('import_id', '>', id),
            eb(
              'customer_id',
              'in',
              trx.selectFrom('import_customer_changes').select('customer_id').where('import_id', '=', id),
            ),
          ]),
        ]),
      )
      .execute(),
    'a later import updated customers this import created or changed',
  )
  note(
    await trx
      .selectFrom('customer_aliases')
      .select('import_id')
      .distinct()
      .where('customer_id', 'in', customersOf)
      .where((eb) => eb.or([eb('import_id', '!=', id), eb('import_id', 'is', null)]))
      .execute(),
    'customers this import created got other phone numbers, e-mails or POS ids later',
  )
  const userData: [string, string][] = [
    ['interactions', 'interactions were logged'],
    ['tasks', 'follow-up tasks were made'],
    ['consents', 'consents were recorded'],
    ['survey_responses', 'survey answers were linked'],
    ['customer_tags', 'tags were given'],
  ]
  for (const [table, text] of userData) {
    const n = await count(
      trx
        .selectFrom(table as 'interactions')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('customer_id', 'in', customersOf),
    )
    if (n > 0) reasons.push(`${text} for ${n === 1 ? 'a customer' : `${n} customers`} this import created`)
  }
  const responses = await count(
    trx
      .selectFrom('survey_responses')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('receipt_id', 'in', receiptsOf),
  )
  if (responses > 0) reasons.push('survey answers are linked to receipts of this import')
  return reasons
}

export async function undoImport(
  db: Kysely<Database>,
  id: number,
  /** The clock (the API context's ctx.now; the CLI's own): when the undo happened. */
  now: () => Date,
): Promise<UndoResult> {
  return writeTransaction(db, async (trx) => {
    const row = await trx.selectFrom('imports').selectAll().where('id', '=', id).executeTakeFirst()
    if (!row) throw new LukkhaError('not_found', `There is no import #${id}.`)
    if (row.status === 'undone')
      throw new LukkhaError(
        'import_already_undone',
        `Import #${id} (${row.file_name}) was already undone.`,
        undefined,
        {
          id,
          file: row.file_name,
        },
      )
    if (row.status !== 'done') {
      throw new LukkhaError(
        'import_nothing_to_undo',
        `Import #${id} (${row.file_name}) stored nothing (it ${row.status === 'failed' ? 'was rejected' : 'did not finish'}), so there is nothing to undo.`,
        undefined,
        { id, file: row.file_name },
      )
    }
    const reasons = await dependents(trx, id)
    if (reasons.length) {
      throw new LukkhaError(
        'import_has_dependents',
        `Import #${id} (${row.file_name}) cannot be undone without losing later data: ${reasons.join('; ')}. Undo the later imports first.`,
        { reasons },
        { id, file: row.file_name, reasons: reasons.join('; ') },
      )
    }
    const daysRun = kyselyRunner(trx) // the dashboard's stored days (dashboard/days-update.ts)
    const daysMark = await markDays(daysRun)
    const days = await daysOfImport(daysRun, id)
    const totals = await markUndoTotals(daysRun, id) // the customer totals (customers/totals-update.ts)
    // receipts of earlier imports that this one added lines to: their totals are recomputed afterwards
    const touched = (
      await trx
        .selectFrom('receipt_lines')
        .select('receipt_id')
        .distinct()
        .where('import_id', '=', id)
        .where('receipt_id', 'not in', trx.selectFrom('receipts').select('id').where('import_id', '=', id))
        .execute()
    ).map((r) => r.receipt_id)
    const lines = await trx.deleteFrom('receipt_lines').where('import_id', '=', id).executeTakeFirst()
    const receipts = await trx.deleteFrom('receipts').where('import_id', '=', id).executeTakeFirst()
    for (const receiptId of touched) {
      await sql`update receipts set
          gross_satang = (select coalesce(sum(net_satang + discount_satang), 0) from receipt_lines where receipt_id = receipts.id),
          discount_satang = (select coalesce(sum(discount_satang), 0) from receipt_lines where receipt_id = receipts.id),
          net_satang = (select coalesce(sum(net_satang), 0) from receipt_lines where receipt_id = receipts.id)
        where id = ${receiptId}`.execute(trx)
    }
    const restored = await sql`update customers set
        code = c.code, name = c.name, phone = c.phone, email = c.email, birthday = c.birthday,
        first_seen = c.first_seen, last_seen = c.last_seen
      from (select * from import_customer_changes where import_id = ${id}) as c
      where customers.id = c.customer_id`.execute(trx)
    await trx.deleteFrom('import_customer_changes').where('import_id', '=', id).execute()
    await trx.deleteFrom('customer_aliases').where('import_id', '=', id).execute()
    await trx.deleteFrom('merge_suggestions').where('import_id', '=', id).execute()
    const customers = await trx.deleteFrom('customers').where('import_id', '=', id).executeTakeFirst()
    const products = await trx.deleteFrom('products').where('import_id', '=', id).executeTakeFirst()
    const stores = await trx.deleteFrom('stores').where('import_id', '=', id).executeTakeFirst()
    await undoneDays(daysRun, daysMark, days)
    await trx
      .updateTable('imports')
      .set({ status: 'undone', undone_at: localTimestamp(now()) })
      .where('id', '=', id)
      .execute()
    await undoneTotals(daysRun, totals)
    return {
      importId: id,
      receiptsRemoved: Number(receipts.numDeletedRows),
      linesRemoved: Number(lines.numDeletedRows),
      customersRemoved: Number(customers.numDeletedRows),
      customersRestored: Number(restored.numAffectedRows ?? 0n),
      productsRemoved: Number(products.numDeletedRows),
      storesRemoved: Number(stores.numDeletedRows),
    }
  })
}

/** The customers an import created (the first 100), for its summary. */
export async function newCustomersOf(
  db: Db,
  importId: number,
): Promise<{ id: number; name: string; phone: string | null; email: string | null }[]> {
  return db
    .selectFrom('customers')
    .select(['id', 'name', 'phone', 'email'])
    .where('import_id', '=', importId)
    .orderBy('id')
    .limit(100)
    .execute()
}

import { sql, type Kysely } from 'kysely'
import type { Database } from '../db/schema'
import type { TableExportOptions } from '../../shared/api/export'
import type { TargetList } from '../../shared/api/products'
import { LukkhaError } from '../errors'
import { exportTable, type TableColumn } from '../export'
import { productSummaries } from './rules-page'

// The target list "customers who bought A but never B", with their contacts, for a cross-sell offer or a
// campaign; exported through the shared safe table writer.

type TargetRow = TargetList['customers'][number]

export async function basketTargetList(
  db: Kysely<Database>,
  boughtProductId: number,
  neverProductId: number,
): Promise<TargetList> {
  const products = await productSummaries(db, [boughtProductId, neverProductId])
  const bought = products.get(boughtProductId)
  const never = products.get(neverProductId)
  if (!bought) throw new LukkhaError('not_found', `There is no product with id ${boughtProductId}.`)
  if (!never) throw new LukkhaError('not_found', `There is no product with id ${neverProductId}.`)
  const customers = await db
    .selectFrom('receipts as r')
    .innerJoin('receipt_lines as l', 'l.receipt_id', 'r.id')
    .innerJoin('customers as c', 'c.id', 'r.customer_id')
    .select((eb) => [
      'c.id as customerId',
      'c.code as code',
      'c.name as name',
      'c.phone as phone',
      'c.line_id as lineId',
      'c.email as email',
      eb.fn.count<number>('r.id').distinct().as('timesBought'),
      eb.fn.max<string>('r.occurred_at').as('lastBought'),
    ])
    .where('r.kind', '=', 'sale')
    .where('l.product_id', '=', boughtProductId)
    .where('l.quantity', '>', 0)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('receipts as r2')
            .innerJoin('receipt_lines as l2', 'l2.receipt_id', 'r2.id')
            .select('r2.id')
            .whereRef('r2.customer_id', '=', 'c.id')
            .where('r2.kind', '=', 'sale')
            .where('l2.product_id', '=', neverProductId),
        ),
      ),
    )
    .groupBy('c.id')
    .orderBy('timesBought', 'desc')
    .orderBy('lastBought', 'desc')
    .orderBy('c.id')
    .execute()
  return { bought, never, customers }
}

const columns: TableColumn<TargetRow>[] = [
  { id: 'code', header: 'Code', value: (r) => r.code },
  { id: 'name', header: 'Name', value: (r) => r.name, width: 28 },
  { id: 'phone', header: 'Phone', value: (r) => r.phone, width: 16 },
  { id: 'line_id', header: 'LINE', value: (r) => r.lineId, width: 16 },
  { id: 'email', header: 'E-mail', value: (r) => r.email, width: 26 },
  { id: 'times_bought', header: 'Times bought', kind: 'integer', value: (r) => r.timesBought },
  { id: 'last_bought', header: 'Last bought', kind: 'date', value: (r) => r.lastBought.slice(0, 10) },
]

export async function exportBasketTargetList(
  db: Kysely<Database>,
  input: { boughtProductId: number; neverProductId: number } & TableExportOptions,
) {
  const list = await basketTargetList(db, input.boughtProductId, input.neverProductId)
  return exportTable(columns, list.customers, input, `${list.bought.name} - ${list.never.name}`)
}

/** Customers by name, code or phone, for the suggestions' picker (at most 20). */
export async function searchCustomers(db: Kysely<Database>, query: string) {
  const q = query.trim()
  let select = db
    .selectFrom('customers as c')
    .select([
      'c.id as customerId',
      'c.code as code',
      'c.name as name',
      'c.phone as phone',
      'c.line_id as lineId',
      'c.email as email',
    ])
  if (q !== '') {
    const needle = q.toLowerCase()
    select = select.where((eb) =>
      eb.or([
        eb(sql`instr(lower(c.name), ${needle})`, '>', 0),
        eb(sql`instr(lower(coalesce(c.code, '')), ${needle})`, '>', 0),
        eb(sql`instr(coalesce(c.phone, ''), ${needle})`, '>', 0),
      ]),
    )
  }
  return select.orderBy('c.name').orderBy('c.id').limit(20).execute()
}

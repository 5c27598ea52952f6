import type { Kysely } from 'kysely'
import type { Database } from './db/schema'
import type { ShopStatus, Stats } from '../shared/api/system'

export async function getStats(db: Kysely<Database>): Promise<Stats> {
  const count = async (table: 'customers' | 'receipts' | 'receipt_lines' | 'products'): Promise<number> => {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    return row.n
  }
  return {
    customers: await count('customers'),
    receipts: await count('receipts'),
    lines: await count('receipt_lines'),
    products: await count('products'),
  }
}

/**
 * Whether the shop is empty (no customer, no receipt): what the start screen asks. getStats counts every row of
 * four tables, ~2M receipt lines at 100k customers (60-300 ms); this looks for one row of two.
 */
export async function getShopStatus(db: Kysely<Database>): Promise<ShopStatus> {
  const row = await db
    .selectNoFrom((eb) => [
      eb.exists(eb.selectFrom('customers').select('id')).as('customers'),
      eb.exists(eb.selectFrom('receipts').select('id')).as('receipts'),
    ])
    .executeTakeFirstOrThrow()
  return { empty: !row.customers && !row.receipts }
}

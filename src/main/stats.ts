import type { Kysely } from 'kysely'
import type { Database } from './db/schema'
import type { Stats } from '../shared/api/system'

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

import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'

// Customers by their shop code, as the CLI names them (`--customer K0012`, the code column of its tables).

/** Every customer's code by id (null: the customer has none). */
export async function customerCodes(db: Kysely<Database>): Promise<Map<number, string | null>> {
  const rows = await db.selectFrom('customers').select(['id', 'code']).execute()
  return new Map(rows.map((r) => [r.id, r.code]))
}

/** The customer with this code, or null. */
export async function customerIdByCode(db: Kysely<Database>, code: string): Promise<number | null> {
  const row = await db.selectFrom('customers').select('id').where('code', '=', code).executeTakeFirst()
  return row?.id ?? null
}

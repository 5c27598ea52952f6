import { sql, type Kysely } from 'kysely'
import type { Database } from '../../src/main/db/schema'

export const NOW = '2026-11-30T10:00:00'

/** Every table's rows in rowid order, for comparing a database before and after (caches left out). */
export async function dumpTables(
  db: Kysely<Database>,
  skip: string[] = [],
): Promise<Record<string, unknown[]>> {
  const { rows: tables } = await sql<{ name: string; sql: string }>`select name, sql from sqlite_master
    where type = 'table' and name not like 'sqlite_%' and name not like 'customers_fts%' order by name`.execute(
    db,
  )
  const out: Record<string, unknown[]> = {}
  for (const { name, sql: ddl } of tables) {
    if (skip.includes(name)) continue
    // a WITHOUT ROWID table has no rowid; it is read in its primary key's order
    out[name] = /without\s+rowid/i.test(ddl)
      ? (await sql`select * from ${sql.table(name)}`.execute(db)).rows
      : (await sql`select rowid as __rowid, * from ${sql.table(name)} order by rowid`.execute(db)).rows
  }
  return out
}

let receiptNo = 0

export async function addReceipt(
  db: Kysely<Database>,
  customerId: number | null,
  occurredAt: string,
  netSatang: number,
  kind: 'sale' | 'refund' = 'sale',
): Promise<number> {
  const product = await db
    .insertInto('products')
    .values({ name: `product ${++receiptNo}`, category: receiptNo % 2 ? 'กาแฟ' : 'ขนม' })
    .returning('id')
    .executeTakeFirstOrThrow()
  const r = await db
    .insertInto('receipts')
    .values({
      source: 'test',
      receipt_number: `R${receiptNo}`,
      customer_id: customerId,
      occurred_at: occurredAt,
      kind,
      net_satang: netSatang,
      gross_satang: netSatang,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await db
    .insertInto('receipt_lines')
    .values({ receipt_id: r.id, line_no: 1, product_id: product.id, quantity: 1, net_satang: netSatang })
    .execute()
  return r.id
}

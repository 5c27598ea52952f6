import { sql, type Kysely } from 'kysely'

// receipts_customer_activity holds only the receipts that name a customer. Every reader of it asks for a
// customer's receipts (customer_id = ?, in (...), is not null: the analysis, the retention cards, the
// customer totals, merges), and a shop's walk-in sales (no customer: 40 % of the bench's Loyverse export,
// most of a small shop's day) only made it bigger. Measured on the 1,000,000-line import (541,546 receipts,
// 324,496 with a customer): the index 22.6 -> 13.6 MB, its rebuild at the import's end 0.63-0.95 ->
// 0.44-0.57 s. Frozen in time (Kysely<any>), like every migration.

const COLUMNS = sql`customer_id, occurred_at, kind, net_satang, unixepoch(substr(occurred_at, 1, 10)) / 86400`

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('receipts_customer_activity').execute()
  await sql`create index receipts_customer_activity on receipts (${COLUMNS})
            where customer_id is not null`.execute(db)
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's schema types
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('receipts_customer_activity').execute()
  await sql`create index receipts_customer_activity on receipts (${COLUMNS})`.execute(db)
}

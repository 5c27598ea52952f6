import { sql, type Kysely } from 'kysely'

// The dashboard's sales by day and by day and product, stored so its revenue, monthly chart and best sellers
// sum a few hundred day rows instead of the receipts and their lines (0.5 s of CPU for the best sellers alone
// at 100k customers). Rebuilt after each analysis run (src/main/dashboard/stored-days.ts) and used only while
// the receipts and lines are unchanged since (data_key); otherwise the dashboard reads the receipts. Frozen in
// time (Kysely<any>), like every migration.

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('sales_days')
    .addColumn('day', 'text', (c) => c.primaryKey()) // YYYY-MM-DD
    .addColumn('net_satang', 'integer', (c) => c.notNull()) // every receipt's net: sales plus refunds
    .addColumn('sales', 'integer', (c) => c.notNull()) // sale receipts
    .modifyEnd(sql`without rowid`)
    .execute()
  await db.schema
    .createTable('product_days')
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('product_id', 'integer', (c) => c.notNull())
    .addColumn('quantity', 'real', (c) => c.notNull())
    .addColumn('net_satang', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('product_days_pk', ['day', 'product_id'])
    .modifyEnd(sql`without rowid`)
    .execute()
  await db.schema
    .createTable('dashboard_days_state')
    .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn('data_key', 'text', (c) => c.notNull())
    .execute()
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's schema types
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['dashboard_days_state', 'product_days', 'sales_days']) {
    await db.schema.dropTable(table).execute()
  }
}

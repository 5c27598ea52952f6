import { sql, type Kysely } from 'kysely'

// The dashboard's retention cards (retention/cards.ts) need per customer only a few purchase figures (a
// purchase is a sale receipt with a net total not 0, as retention/history.ts defines it): how many purchase
// days, the first, second and last one (day numbers) and the net spend with refunds as -abs(net). Held in
// customer_totals beside the list's figures (which count every sale, zero totals too), the cards read 100,000
// rows of one table instead of every receipt; the index on the first and second purchase day answers the
// new-customers and second-purchase cards' windows without the table rows. The rows are filled by the next
// rebuild: the totals are marked stale here. Frozen in time (Kysely<any>), like every migration.

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('customer_totals')
    .addColumn('purchase_days', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()
  for (const column of ['first_purchase_day', 'second_purchase_day', 'last_purchase_day']) {
    await db.schema.alterTable('customer_totals').addColumn(column, 'integer').execute()
  }
  await db.schema
    .alterTable('customer_totals')
    .addColumn('net_satang', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()
  await db.schema
    .createIndex('customer_totals_first_purchase_day')
    .on('customer_totals')
    .columns(['first_purchase_day', 'second_purchase_day'])
    .execute()
  await sql`delete from customer_totals_state`.execute(db)
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('customer_totals_first_purchase_day').execute()
  for (const column of [
    'net_satang',
    'last_purchase_day',
    'second_purchase_day',
    'first_purchase_day',
    'purchase_days',
  ]) {
    await db.schema.alterTable('customer_totals').dropColumn(column).execute()
  }
  await sql`delete from customer_totals_state`.execute(db)
}

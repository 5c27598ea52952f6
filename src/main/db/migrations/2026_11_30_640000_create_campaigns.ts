import { sql, type Kysely } from 'kysely'

// Campaigns (#15, the "Action" of DEAR): a campaign, its members drawn into contacted and hold-out, and the
// customer list's saved filters a campaign can target. customers.address is the postal address that letters
// and address labels print (nullable: most POS exports carry none). Frozen in time: typed on Kysely<any>.

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  const now = sql`(strftime('%Y-%m-%dT%H:%M:%S', 'now'))`

  await db.schema.alterTable('customers').addColumn('address', 'text').execute()

  await db.schema
    .createTable('saved_filters')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('filter', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .execute()

  await db.schema
    .createTable('campaigns')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) =>
      c.notNull().check(sql`channel in ('line', 'sms', 'email', 'letter', 'phone')`),
    )
    .addColumn('target_kind', 'text', (c) =>
      c.notNull().check(sql`target_kind in ('segment', 'saved_filter', 'basket')`),
    )
    .addColumn('target', 'text', (c) => c.notNull())
    .addColumn('target_label', 'text', (c) => c.notNull())
    .addColumn('window_start', 'text', (c) => c.notNull())
    .addColumn('window_end', 'text', (c) => c.notNull().check(sql`window_end >= window_start`))
    .addColumn('holdout_share', 'real', (c) =>
      c.notNull().check(sql`holdout_share >= 0 and holdout_share < 1`),
    )
    .addColumn('seed', 'integer', (c) => c.notNull())
    .addColumn('message', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .execute()

  await db.schema
    .createTable('campaign_members')
    .addColumn('campaign_id', 'integer', (c) => c.notNull().references('campaigns.id').onDelete('cascade'))
    .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id').onDelete('cascade'))
    .addColumn('holdout', 'integer', (c) => c.notNull().check(sql`holdout in (0, 1)`))
    .addPrimaryKeyConstraint('campaign_members_pk', ['campaign_id', 'customer_id'])
    .execute()
  await db.schema
    .createIndex('campaign_members_customer')
    .on('campaign_members')
    .column('customer_id')
    .execute()
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's schema types
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('campaign_members').execute()
  await db.schema.dropTable('campaigns').execute()
  await db.schema.dropTable('saved_filters').execute()
  await db.schema.alterTable('customers').dropColumn('address').execute()
}

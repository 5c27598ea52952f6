import { sql, type Kysely } from 'kysely'

// Frozen in time: typed on Kysely<any> so later changes to the Database interface never alter what this did.
// Money is integer satang (1/100 baht). Timestamps are shop-local ISO text 'YYYY-MM-DDTHH:MM:SS'.

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  const now = sql`(strftime('%Y-%m-%dT%H:%M:%S', 'now'))`

  await db.schema
    .createTable('imports')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('file_hash', 'text', (c) => c.notNull())
    .addColumn('preset', 'text', (c) => c.notNull())
    .addColumn('encoding', 'text')
    .addColumn('rows_read', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('receipts_added', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('lines_added', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('duplicates_skipped', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('customers_created', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('customers_matched', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rows_rejected', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('running', 'done', 'failed', 'undone')`),
    )
    .addColumn('started_at', 'text', (c) => c.notNull().defaultTo(now))
    .addColumn('finished_at', 'text')
    .execute()

  await db.schema
    .createTable('stores')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('import_id', 'integer', (c) => c.references('imports.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .execute()

  await db.schema
    .createTable('customers')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('code', 'text', (c) => c.unique())
    .addColumn('name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('phone', 'text') // E.164, e.g. +66812345678
    .addColumn('email', 'text') // lower-cased
    .addColumn('line_id', 'text')
    .addColumn('birthday', 'text') // YYYY-MM-DD
    .addColumn('acquisition_source', 'text')
    .addColumn('referred_by', 'integer', (c) => c.references('customers.id').onDelete('set null'))
    .addColumn('first_seen', 'text')
    .addColumn('last_seen', 'text')
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('import_id', 'integer', (c) => c.references('imports.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'text', (c) => c.notNull().defaultTo(now))
    .execute()
  await db.schema.createIndex('customers_phone').on('customers').column('phone').execute()
  await db.schema.createIndex('customers_email').on('customers').column('email').execute()
  await db.schema.createIndex('customers_name').on('customers').column('name').execute()
  await db.schema.createIndex('customers_referred_by').on('customers').column('referred_by').execute()

  // Other identities of the same customer: POS ids (Square Customer ID, Shopify Customer ID, Loyverse code),
  // extra phones and e-mails. Import matches on these before creating a customer.
  await db.schema
    .createTable('customer_aliases')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('pos_id', 'phone', 'email')`))
    .addColumn('source', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('import_id', 'integer', (c) => c.references('imports.id').onDelete('set null'))
    .addUniqueConstraint('customer_aliases_kind_source_value', ['kind', 'source', 'value'])
    .execute()
  await db.schema
    .createIndex('customer_aliases_customer')
    .on('customer_aliases')
    .column('customer_id')
    .execute()

  await db.schema
    .createTable('customer_tags')
    .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id').onDelete('cascade'))
    .addColumn('tag', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('customer_tags_pk', ['customer_id', 'tag'])
    .execute()
  await db.schema.createIndex('customer_tags_tag').on('customer_tags').column('tag').execute()

  await db.schema
    .createTable('products')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('sku', 'text', (c) => c.unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('import_id', 'integer', (c) => c.references('imports.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .execute()
  await db.schema.createIndex('products_name').on('products').column('name').execute()
  await db.schema.createIndex('products_category').on('products').column('category').execute()

  await db.schema
    .createTable('receipts')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('source', 'text', (c) => c.notNull()) // preset or 'manual'; part of the natural key
    .addColumn('receipt_number', 'text', (c) => c.notNull())
    .addColumn('store_id', 'integer', (c) => c.references('stores.id').onDelete('set null'))
    .addColumn('customer_id', 'integer', (c) => c.references('customers.id').onDelete('set null'))
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('sale', 'refund')`))
    .addColumn('gross_satang', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('discount_satang', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('net_satang', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('staff', 'text')
    .addColumn('import_id', 'integer', (c) => c.references('imports.id').onDelete('set null'))
    .addUniqueConstraint('receipts_natural_key', ['source', 'receipt_number'])
    .execute()
  await db.schema
    .createIndex('receipts_customer_time')
    .on('receipts')
    .columns(['customer_id', 'occurred_at'])
    .execute()
  await db.schema.createIndex('receipts_time').on('receipts').column('occurred_at').execute()
  await db.schema.createIndex('receipts_import').on('receipts').column('import_id').execute()

  await db.schema
    .createTable('receipt_lines')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('receipt_id', 'integer', (c) => c.notNull().references('receipts.id').onDelete('cascade'))
    .addColumn('line_no', 'integer', (c) => c.notNull())
    .addColumn('product_id', 'integer', (c) => c.references('products.id').onDelete('set null'))
    .addColumn('quantity', 'real', (c) => c.notNull())
    .addColumn('unit_price_satang', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('discount_satang', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('net_satang', 'integer', (c) => c.notNull())
    .addColumn('import_id', 'integer', (c) => c.references('imports.id').onDelete('set null'))
    .addUniqueConstraint('receipt_lines_natural_key', ['receipt_id', 'line_no'])
    .execute()
  await db.schema.createIndex('receipt_lines_product').on('receipt_lines').column('product_id').execute()
  await db.schema.createIndex('receipt_lines_import').on('receipt_lines').column('import_id').execute()

  await db.schema
    .createTable('interactions')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id').onDelete('cascade'))
    .addColumn('channel', 'text', (c) =>
      c.notNull().check(sql`channel in ('visit', 'phone', 'line', 'email', 'sms', 'letter')`),
    )
    .addColumn('direction', 'text', (c) =>
      c
        .notNull()
        .defaultTo('outbound')
        .check(sql`direction in ('inbound', 'outbound')`),
    )
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .execute()
  await db.schema
    .createIndex('interactions_customer_time')
    .on('interactions')
    .columns(['customer_id', 'occurred_at'])
    .execute()

  await db.schema
    .createTable('tasks')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('customer_id', 'integer', (c) => c.references('customers.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('due_date', 'text')
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('open')
        .check(sql`status in ('open', 'done', 'cancelled')`),
    )
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .addColumn('done_at', 'text')
    .execute()
  await db.schema.createIndex('tasks_status_due').on('tasks').columns(['status', 'due_date']).execute()
  await db.schema.createIndex('tasks_customer').on('tasks').column('customer_id').execute()

  await db.schema
    .createTable('consents')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id').onDelete('cascade'))
    .addColumn('channel', 'text', (c) =>
      c.notNull().check(sql`channel in ('phone', 'line', 'email', 'sms', 'letter')`),
    )
    .addColumn('purpose', 'text', (c) => c.notNull().defaultTo('marketing'))
    .addColumn('granted', 'integer', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull().defaultTo(now))
    .addColumn('source', 'text', (c) => c.notNull().defaultTo(''))
    .execute()
  await db.schema
    .createIndex('consents_customer')
    .on('consents')
    .columns(['customer_id', 'channel', 'recorded_at'])
    .execute()

  await db.schema
    .createTable('surveys')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('active')
        .check(sql`status in ('draft', 'active', 'closed')`),
    )
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .execute()

  await db.schema
    .createTable('survey_aspects')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('survey_id', 'integer', (c) => c.notNull().references('surveys.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('label_th', 'text', (c) => c.notNull())
    .addColumn('label_en', 'text', (c) => c.notNull())
    .addUniqueConstraint('survey_aspects_position', ['survey_id', 'position'])
    .execute()

  await db.schema
    .createTable('survey_responses')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('survey_id', 'integer', (c) => c.notNull().references('surveys.id').onDelete('cascade'))
    .addColumn('customer_id', 'integer', (c) => c.references('customers.id').onDelete('set null'))
    .addColumn('receipt_id', 'integer', (c) => c.references('receipts.id').onDelete('set null'))
    .addColumn('store_id', 'integer', (c) => c.references('stores.id').onDelete('set null'))
    .addColumn('staff', 'text')
    .addColumn('responded_at', 'text', (c) => c.notNull())
    .addColumn('comment', 'text', (c) => c.notNull().defaultTo(''))
    .execute()
  await db.schema
    .createIndex('survey_responses_survey_time')
    .on('survey_responses')
    .columns(['survey_id', 'responded_at'])
    .execute()
  await db.schema
    .createIndex('survey_responses_customer')
    .on('survey_responses')
    .column('customer_id')
    .execute()

  // Every aspect of a purchase is rated on exactly three levels (RTS-AMPQ-237A).
  await db.schema
    .createTable('survey_answers')
    .addColumn('response_id', 'integer', (c) =>
      c.notNull().references('survey_responses.id').onDelete('cascade'),
    )
    .addColumn('aspect_id', 'integer', (c) => c.notNull().references('survey_aspects.id').onDelete('cascade'))
    .addColumn('level', 'text', (c) =>
      c.notNull().check(sql`level in ('delighted', 'satisfied', 'disappointed')`),
    )
    .addPrimaryKeyConstraint('survey_answers_pk', ['response_id', 'aspect_id'])
    .execute()
  await db.schema.createIndex('survey_answers_aspect').on('survey_answers').column('aspect_id').execute()

  await db.schema
    .createTable('settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull()) // JSON
    .addColumn('updated_at', 'text', (c) => c.notNull().defaultTo(now))
    .execute()
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'settings',
    'survey_answers',
    'survey_responses',
    'survey_aspects',
    'surveys',
    'consents',
    'tasks',
    'interactions',
    'receipt_lines',
    'receipts',
    'products',
    'customer_tags',
    'customer_aliases',
    'customers',
    'stores',
    'imports',
  ]) {
    await db.schema.dropTable(table).execute()
  }
}

import { sql, type Kysely } from 'kysely'

// Tables the importer needs beyond the core schema. Frozen in time like every migration.
//
// - imports gains the natural-key source it wrote under, the rows it ignored on purpose (cancelled or voided
//   receipts), the options it ran with, and when it was undone.
// - import_mappings: column mappings the user made in the wizard, offered again for a file with the same header.
// - merge_suggestions: customers an import could not tell apart (never merged silently).
// - import_customer_changes: what an import changed on customers that existed before it, so undo restores them.

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  const now = sql`(strftime('%Y-%m-%dT%H:%M:%S', 'now'))`

  await db.schema.alterTable('imports').addColumn('source', 'text').execute()
  await db.schema
    .alterTable('imports')
    .addColumn('rows_ignored', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()
  await db.schema.alterTable('imports').addColumn('options', 'text').execute() // JSON
  await db.schema.alterTable('imports').addColumn('undone_at', 'text').execute()
  await db.schema.createIndex('imports_file_hash').on('imports').column('file_hash').execute()

  await db.schema
    .createTable('import_mappings')
    .addColumn('header_signature', 'text', (c) => c.primaryKey())
    .addColumn('headers', 'text', (c) => c.notNull()) // JSON array, as the file had them
    .addColumn('mapping', 'text', (c) => c.notNull()) // JSON
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .addColumn('used_at', 'text', (c) => c.notNull().defaultTo(now))
    .execute()

  await db.schema
    .createTable('merge_suggestions')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id').onDelete('cascade'))
    .addColumn('other_customer_id', 'integer', (c) =>
      c.notNull().references('customers.id').onDelete('cascade'),
    )
    .addColumn('reason', 'text', (c) => c.notNull().check(sql`reason in ('code', 'phone', 'email', 'name')`))
    .addColumn('value', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('open')
        .check(sql`status in ('open', 'merged', 'dismissed')`),
    )
    .addColumn('import_id', 'integer', (c) => c.references('imports.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .addCheckConstraint('merge_suggestions_ordered', sql`customer_id < other_customer_id`)
    .addUniqueConstraint('merge_suggestions_pair', ['customer_id', 'other_customer_id'])
    .execute()
  await db.schema
    .createIndex('merge_suggestions_other')
    .on('merge_suggestions')
    .column('other_customer_id')
    .execute()
  await db.schema
    .createIndex('merge_suggestions_import')
    .on('merge_suggestions')
    .column('import_id')
    .execute()

  await db.schema
    .createTable('import_customer_changes')
    .addColumn('import_id', 'integer', (c) => c.notNull().references('imports.id').onDelete('cascade'))
    .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id').onDelete('cascade'))
    // the customer's values before the import touched it
    .addColumn('code', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('phone', 'text')
    .addColumn('email', 'text')
    .addColumn('birthday', 'text')
    .addColumn('first_seen', 'text')
    .addColumn('last_seen', 'text')
    .addPrimaryKeyConstraint('import_customer_changes_pk', ['import_id', 'customer_id'])
    .execute()
  await db.schema
    .createIndex('import_customer_changes_customer')
    .on('import_customer_changes')
    .column('customer_id')
    .execute()
  await db.schema.createIndex('customer_aliases_import').on('customer_aliases').column('import_id').execute()
  await db.schema.createIndex('customers_import').on('customers').column('import_id').execute()
  await db.schema.createIndex('products_import').on('products').column('import_id').execute()
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('products_import').execute()
  await db.schema.dropIndex('customers_import').execute()
  await db.schema.dropIndex('customer_aliases_import').execute()
  await db.schema.dropTable('import_customer_changes').execute()
  await db.schema.dropTable('merge_suggestions').execute()
  await db.schema.dropTable('import_mappings').execute()
  await db.schema.dropIndex('imports_file_hash').execute()
  for (const column of ['undone_at', 'options', 'rows_ignored', 'source']) {
    await db.schema.alterTable('imports').dropColumn(column).execute()
  }
}

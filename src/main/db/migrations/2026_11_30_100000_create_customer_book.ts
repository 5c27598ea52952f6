import { sql, type Kysely } from 'kysely'

// The customer book (#11): search, interactions with staff, follow-up tasks, PDPA consents, merges that can be
// undone, erasures and data-subject requests. Frozen in time: typed on Kysely<any>.
//
// customers_fts is a contentless FTS5 table with the trigram tokenizer: any 3+ character part of a Thai or
// Latin name, code, e-mail or phone matches (case-insensitively). It holds no copy of the text (content=''),
// so erasing a customer leaves nothing readable behind once the index is optimised. Phones are indexed in
// their Thai local form (0812345678) and with the country code (66812345678), so every typed form matches.

const phoneForms = (p: string): string =>
  `case when ${p} like '+66%' then '0' || substr(${p}, 4) || ' ' || substr(${p}, 2) else coalesce(replace(${p}, '+', ''), '') end`

const ftsValues = (row: string): string =>
  `${row}.id, ${row}.name, coalesce(${row}.code, ''), coalesce(${row}.email, ''), ${phoneForms(`${row}.phone`)}`

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  const now = sql`(strftime('%Y-%m-%dT%H:%M:%S', 'now'))`

  await sql`create virtual table customers_fts using fts5(name, code, email, phone, tokenize = 'trigram', content = '', contentless_delete = 1)`.execute(
    db,
  )
  await sql
    .raw(
      `insert into customers_fts (rowid, name, code, email, phone) select ${ftsValues('customers')} from customers`,
    )
    .execute(db)
  await sql
    .raw(
      `create trigger customers_fts_insert after insert on customers begin
         insert into customers_fts (rowid, name, code, email, phone) values (${ftsValues('new')});
       end`,
    )
    .execute(db)
  await sql
    .raw(
      `create trigger customers_fts_delete after delete on customers begin
         delete from customers_fts where rowid = old.id;
       end`,
    )
    .execute(db)
  // only the searched columns: the import's first/last-seen updates do not touch the index
  await sql
    .raw(
      `create trigger customers_fts_update after update of name, code, email, phone on customers begin
         delete from customers_fts where rowid = old.id;
         insert into customers_fts (rowid, name, code, email, phone) values (${ftsValues('new')});
       end`,
    )
    .execute(db)

  await db.schema.alterTable('customers').addColumn('erased_at', 'text').execute()

  await db.schema
    .alterTable('interactions')
    .addColumn('staff', 'text', (c) => c.notNull().defaultTo(''))
    .execute()

  await db.schema
    .alterTable('tasks')
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .execute()
  await db.schema
    .alterTable('tasks')
    .addColumn('interaction_id', 'integer', (c) => c.references('interactions.id').onDelete('set null'))
    .execute()
  // who made the task: 'staff', or another domain such as 'survey'
  await db.schema
    .alterTable('tasks')
    .addColumn('source', 'text', (c) => c.notNull().defaultTo('staff'))
    .execute()

  await db.schema
    .alterTable('consents')
    .addColumn('notice_version', 'text', (c) => c.notNull().defaultTo(''))
    .execute()
  await db.schema
    .alterTable('consents')
    .addColumn('recorded_by', 'text', (c) => c.notNull().defaultTo(''))
    .execute()
  await db.schema
    .createIndex('consents_customer_purpose')
    .on('consents')
    .columns(['customer_id', 'purpose', 'recorded_at'])
    .execute()

  // A merge: everything needed to undo it exactly (the merged customer, the kept one before, every row moved
  // or removed, every row created), as JSON.
  await db.schema
    .createTable('customer_merges')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('kept_id', 'integer', (c) => c.notNull())
    .addColumn('merged_id', 'integer', (c) => c.notNull())
    .addColumn('snapshot', 'text', (c) => c.notNull())
    .addColumn('merged_at', 'text', (c) => c.notNull().defaultTo(now))
    .addColumn('undone_at', 'text')
    .execute()
  await db.schema.createIndex('customer_merges_kept').on('customer_merges').column('kept_id').execute()

  // Each customer's purchase totals, so the list sorts and filters by spend and last purchase at 100,000
  // customers without summing every receipt per page. Rebuilt when the receipts changed (see totals.ts).
  await db.schema
    .createTable('customer_totals')
    .addColumn('customer_id', 'integer', (c) => c.primaryKey().references('customers.id').onDelete('cascade'))
    .addColumn('receipts', 'integer', (c) => c.notNull())
    .addColumn('visits', 'integer', (c) => c.notNull())
    .addColumn('spend_satang', 'integer', (c) => c.notNull())
    .addColumn('first_purchase', 'text')
    .addColumn('last_purchase', 'text')
    .execute()
  await db.schema.createIndex('customer_totals_spend').on('customer_totals').column('spend_satang').execute()
  await db.schema.createIndex('customer_totals_last').on('customer_totals').column('last_purchase').execute()
  await db.schema
    .createTable('customer_totals_state')
    .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn('receipts_key', 'text', (c) => c.notNull())
    .execute()

  // PDPA: erasures keep only a masked name, so a restored backup can have them re-applied.
  await db.schema
    .createTable('customer_erasures')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('customer_id', 'integer', (c) => c.notNull())
    .addColumn('masked_name', 'text', (c) => c.notNull())
    .addColumn('erased_at', 'text', (c) => c.notNull().defaultTo(now))
    .addColumn('erased_by', 'text', (c) => c.notNull().defaultTo(''))
    .execute()

  // PDPA data-subject requests (access, erasure, ...): due within 30 days; refusals are logged with a reason.
  await db.schema
    .createTable('subject_requests')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('customer_id', 'integer', (c) => c.references('customers.id').onDelete('set null'))
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind in ('access', 'erasure', 'rectification', 'objection')`),
    )
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('open')
        .check(sql`status in ('open', 'fulfilled', 'refused')`),
    )
    .addColumn('refusal_reason', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('handled_at', 'text')
    .addColumn('handled_by', 'text', (c) => c.notNull().defaultTo(''))
    .execute()
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'subject_requests',
    'customer_erasures',
    'customer_totals_state',
    'customer_totals',
    'customer_merges',
  ]) {
    await db.schema.dropTable(table).execute()
  }
  await db.schema.dropIndex('consents_customer_purpose').execute()
  for (const [table, column] of [
    ['consents', 'recorded_by'],
    ['consents', 'notice_version'],
    ['tasks', 'source'],
    ['tasks', 'interaction_id'],
    ['tasks', 'notes'],
    ['interactions', 'staff'],
    ['customers', 'erased_at'],
  ] as const) {
    await db.schema.alterTable(table).dropColumn(column).execute()
  }
  for (const trigger of ['customers_fts_update', 'customers_fts_delete', 'customers_fts_insert']) {
    await sql.raw(`drop trigger ${trigger}`).execute(db)
  }
  await sql`drop table customers_fts`.execute(db)
}

import { sql, type Kysely } from 'kysely'

// PDPA data-subject requests (#11): every right of the Act can be logged (access s.30, portability s.31,
// objection s.32, erasure s.33, restriction s.34, rectification s.35, consent withdrawal s.19), with how it
// arrived, what was asked and who logged it. SQLite cannot change a CHECK, so the table is rebuilt with its
// rows. The erasure log also keeps the erased customer's created_at, so re-applying an erasure after a
// restore erases the same record and never another customer that later got the same id. Frozen in time.

const KINDS = `'access', 'portability', 'objection', 'erasure', 'restriction', 'rectification', 'withdraw_consent'`

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  await sql
    .raw(
      `create table subject_requests_new (
        id integer primary key autoincrement,
        customer_id integer references customers(id) on delete set null,
        kind text not null check (kind in (${KINDS})),
        received_at text not null,
        due_date text not null,
        status text not null default 'open' check (status in ('open', 'fulfilled', 'refused')),
        refusal_reason text not null default '',
        handled_at text,
        handled_by text not null default '',
        channel text not null default '',
        details text not null default '',
        logged_by text not null default ''
      )`,
    )
    .execute(db)
  await sql`insert into subject_requests_new (id, customer_id, kind, received_at, due_date, status, refusal_reason, handled_at, handled_by)
    select id, customer_id, kind, received_at, due_date, status, refusal_reason, handled_at, handled_by from subject_requests`.execute(
    db,
  )
  await sql`drop table subject_requests`.execute(db)
  await sql`alter table subject_requests_new rename to subject_requests`.execute(db)
  await db.schema
    .createIndex('subject_requests_open')
    .on('subject_requests')
    .columns(['status', 'due_date'])
    .execute()
  await db.schema.alterTable('customer_erasures').addColumn('customer_created_at', 'text').execute()
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('customer_erasures').dropColumn('customer_created_at').execute()
  await sql
    .raw(
      `create table subject_requests_old (
        id integer primary key autoincrement,
        customer_id integer references customers(id) on delete set null,
        kind text not null check (kind in ('access', 'erasure', 'rectification', 'objection')),
        received_at text not null,
        due_date text not null,
        status text not null default 'open' check (status in ('open', 'fulfilled', 'refused')),
        refusal_reason text not null default '',
        handled_at text,
        handled_by text not null default ''
      )`,
    )
    .execute(db)
  await sql`insert into subject_requests_old select id, customer_id, kind, received_at, due_date, status, refusal_reason, handled_at, handled_by
    from subject_requests where kind in ('access', 'erasure', 'rectification', 'objection')`.execute(db)
  await sql`drop table subject_requests`.execute(db)
  await sql`alter table subject_requests_old rename to subject_requests`.execute(db)
}

import { sql, type Kysely } from 'kysely'

// analysis_scores without its index by customer and without the foreign key to customers that needed it (#17).
// Every analysis run appends 100,000 rows (at 100k customers) to that index at random places, and once the app
// keeps its 20 runs, every run also deletes the oldest run's 100,000 entries from it: measured, the saves of a
// shop with 20 runs stored went from ~1.7 s to ~0.9 s of CPU without it. One customer's rows are still found
// through the primary key (run_id, customer_id), one seek per stored run: `run_id in (select id from
// analysis_runs) and customer_id = ?`. That is how the trigger below deletes a deleted customer's scores (what
// the foreign key's cascade did), and how the merge, the privacy export and a customer's score history read
// them. The analysis save checks that its customers still exist (the foreign key's insert check did).
// SQLite cannot drop a foreign key, so the table is rebuilt with the same columns in the same order and every
// row keeps its rowid (a merge's snapshot names the scores it moved by rowid). Frozen in time (Kysely<any>).

const COLUMNS = `run_id, customer_id, recency_days, frequency, monetary_satang, r, f, m, segment, value_tier,
  purchase_days, first_purchase, last_purchase, usual_interval_days, p_alive, expected_purchases_30,
  expected_purchases_90, expected_purchases_365, expected_spend_satang, clv_satang, churn_risk, churn_level`

const table = (name: string, customer: string): string => `create table ${name} (
  run_id integer not null references analysis_runs (id) on delete cascade,
  customer_id integer not null${customer},
  recency_days integer not null,
  frequency integer not null,
  monetary_satang integer not null,
  r integer not null,
  f integer not null,
  m integer not null,
  segment text not null,
  value_tier text not null,
  purchase_days integer not null,
  first_purchase text not null,
  last_purchase text not null,
  usual_interval_days real,
  p_alive real,
  expected_purchases_30 real,
  expected_purchases_90 real,
  expected_purchases_365 real,
  expected_spend_satang integer,
  clv_satang integer,
  churn_risk real,
  churn_level text not null check (churn_level in ('low', 'medium', 'high')),
  constraint analysis_scores_pk primary key (run_id, customer_id)
)`

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's schema types
async function rebuild(db: Kysely<any>, customer: string): Promise<void> {
  await sql.raw(table('analysis_scores_new', customer)).execute(db)
  await sql
    .raw(
      `insert into analysis_scores_new (rowid, ${COLUMNS}) select rowid, ${COLUMNS} from analysis_scores order by rowid`,
    )
    .execute(db)
  await sql`drop table analysis_scores`.execute(db)
  await sql`alter table analysis_scores_new rename to analysis_scores`.execute(db)
  await sql`create index analysis_scores_segment on analysis_scores (run_id, segment)`.execute(db)
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  await rebuild(db, '')
  await sql`create trigger customers_delete_scores after delete on customers begin
      delete from analysis_scores where run_id in (select id from analysis_runs) and customer_id = old.id;
    end`.execute(db)
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's schema types
export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger customers_delete_scores`.execute(db)
  await rebuild(db, ' references customers (id) on delete cascade')
  await sql`create index analysis_scores_customer on analysis_scores (customer_id)`.execute(db)
}

import { sql, type Kysely } from 'kysely'

// Analysis snapshots and the editable RFM segment map. Frozen in time (Kysely<any>), like every migration.

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  const now = sql`(strftime('%Y-%m-%dT%H:%M:%S', 'now'))`

  // Per-customer aggregates (RFM, purchase days, cohorts) read receipts in customer order. A covering index
  // lets SQLite answer them from the index alone, in order, instead of visiting 450k scattered table rows
  // (measured on the 100k-customer bench: 170 ms instead of 500-900 ms). It replaces receipts_customer_time,
  // whose columns are its prefix, so lookups by customer and time are served as before.
  await db.schema
    .createIndex('receipts_customer_activity')
    .on('receipts')
    .columns(['customer_id', 'occurred_at', 'kind', 'net_satang'])
    .execute()
  await db.schema.dropIndex('receipts_customer_time').execute()

  // The user's segment map. No rows means "the built-in default map" (src/main/analysis/segment-rules.ts),
  // so a later version's improved default texts reach everyone who never edited the map.
  await db.schema
    .createTable('segments')
    .addColumn('id', 'text', (c) =>
      c.primaryKey().check(sql`id glob '[a-z]*' and id not glob '*[^a-z0-9_]*'`),
    )
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('name_th', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('action_th', 'text', (c) => c.notNull())
    .addColumn('action_en', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull().defaultTo(now))
    .execute()

  // One row per cell of the 5 x 5 grid of R and FM = round((F + M) / 2): the primary key makes every cell
  // belong to at most one segment; the engine checks that all 25 are present before saving.
  await db.schema
    .createTable('segment_cells')
    .addColumn('r', 'integer', (c) => c.notNull().check(sql`r between 1 and 5`))
    .addColumn('fm', 'integer', (c) => c.notNull().check(sql`fm between 1 and 5`))
    .addColumn('segment_id', 'text', (c) =>
      c.notNull().references('segments.id').onDelete('cascade').onUpdate('cascade'),
    )
    .addPrimaryKeyConstraint('segment_cells_pk', ['r', 'fm'])
    .execute()

  // One analysis run: its as-of date, its parameters, the fitted models (null when the data could not
  // support them, with the reason in model_note) and a copy of the segment map it used.
  await db.schema
    .createTable('analysis_runs')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('as_of', 'text', (c) => c.notNull()) // YYYY-MM-DD, inclusive
    .addColumn('window_days', 'integer') // null: all history up to as_of
    .addColumn('horizon_days', 'integer', (c) => c.notNull())
    .addColumn('annual_discount_rate', 'real', (c) => c.notNull())
    .addColumn('customers', 'integer', (c) => c.notNull())
    .addColumn('revenue_satang', 'integer', (c) => c.notNull())
    .addColumn('bgnbd_r', 'real')
    .addColumn('bgnbd_alpha', 'real') // per day
    .addColumn('bgnbd_a', 'real')
    .addColumn('bgnbd_b', 'real')
    .addColumn('bgnbd_ll', 'real')
    .addColumn('gg_p', 'real')
    .addColumn('gg_q', 'real')
    .addColumn('gg_gamma', 'real') // baht
    .addColumn('gg_ll', 'real')
    .addColumn('model_note', 'text')
    // median of the customers' own average gaps between purchase days: the yardstick for one-time buyers
    .addColumn('shop_interval_days', 'real')
    .addColumn('segment_rules', 'text', (c) => c.notNull()) // JSON
    .addColumn('duration_ms', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .execute()
  await db.schema.createIndex('analysis_runs_as_of').on('analysis_runs').column('as_of').execute()

  // Each customer's scores in a run (customers with a sale in the run's window).
  await db.schema
    .createTable('analysis_scores')
    .addColumn('run_id', 'integer', (c) => c.notNull().references('analysis_runs.id').onDelete('cascade'))
    .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id').onDelete('cascade'))
    .addColumn('recency_days', 'integer', (c) => c.notNull())
    .addColumn('frequency', 'integer', (c) => c.notNull())
    .addColumn('monetary_satang', 'integer', (c) => c.notNull())
    .addColumn('r', 'integer', (c) => c.notNull())
    .addColumn('f', 'integer', (c) => c.notNull())
    .addColumn('m', 'integer', (c) => c.notNull())
    .addColumn('segment', 'text', (c) => c.notNull())
    .addColumn('value_tier', 'text', (c) => c.notNull())
    .addColumn('purchase_days', 'integer', (c) => c.notNull())
    .addColumn('first_purchase', 'text', (c) => c.notNull())
    .addColumn('last_purchase', 'text', (c) => c.notNull())
    .addColumn('usual_interval_days', 'real')
    .addColumn('p_alive', 'real')
    .addColumn('expected_purchases_30', 'real')
    .addColumn('expected_purchases_90', 'real')
    .addColumn('expected_purchases_365', 'real')
    .addColumn('expected_spend_satang', 'integer')
    .addColumn('clv_satang', 'integer')
    .addColumn('churn_risk', 'real')
    .addColumn('churn_level', 'text', (c) => c.notNull().check(sql`churn_level in ('low', 'medium', 'high')`))
    .addPrimaryKeyConstraint('analysis_scores_pk', ['run_id', 'customer_id'])
    .execute()
  await db.schema
    .createIndex('analysis_scores_segment')
    .on('analysis_scores')
    .columns(['run_id', 'segment'])
    .execute()
  await db.schema
    .createIndex('analysis_scores_customer')
    .on('analysis_scores')
    .column('customer_id')
    .execute()
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['analysis_scores', 'analysis_runs', 'segment_cells', 'segments']) {
    await db.schema.dropTable(table).execute()
  }
  await db.schema
    .createIndex('receipts_customer_time')
    .on('receipts')
    .columns(['customer_id', 'occurred_at'])
    .execute()
  await db.schema.dropIndex('receipts_customer_activity').execute()
}

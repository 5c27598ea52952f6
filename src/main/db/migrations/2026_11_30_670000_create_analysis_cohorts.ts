import { sql, type Kysely } from 'kysely'

// The acquisition cohorts of an analysis run, stored with its snapshot (src/main/analysis/stored-cohorts.ts):
// the cohorts page reads them instead of walking every receipt again (1.5 s live at 100k customers). One JSON
// document per run, all months from the first purchase to the run's as-of date; deleted with its run. Frozen in
// time (Kysely<any>), like every migration.

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('analysis_cohorts')
    .addColumn('run_id', 'integer', (c) => c.primaryKey().references('analysis_runs.id').onDelete('cascade'))
    .addColumn('cohorts', 'text', (c) => c.notNull().check(sql`json_valid(cohorts)`))
    .execute()
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's schema types
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('analysis_cohorts').execute()
}

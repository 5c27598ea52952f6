import { sql, type Kysely } from 'kysely'

// Surveys (issue 12): what the core schema's survey tables lacked for capture, analysis and service recovery.
// Frozen in time: typed on Kysely<any>.

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  // The overall question, the optional comment and the expectation/perception gap rule, per survey.
  await db.schema
    .alterTable('surveys')
    .addColumn('overall_th', 'text', (c) => c.notNull().defaultTo('โดยรวมแล้ว การซื้อครั้งนี้เป็นอย่างไร'))
    .execute()
  await db.schema
    .alterTable('surveys')
    .addColumn('overall_en', 'text', (c) => c.notNull().defaultTo('Overall, how was this purchase?'))
    .execute()
  await db.schema
    .alterTable('surveys')
    .addColumn('asks_comment', 'integer', (c) => c.notNull().defaultTo(1))
    .execute()
  // Perception minus expectation at or above +threshold is delighted, at or below -threshold disappointed.
  await db.schema
    .alterTable('surveys')
    .addColumn('gap_threshold', 'integer', (c) => c.notNull().defaultTo(1))
    .execute()

  // A stable key per aspect (the CLI and exports name aspects by it); null for aspects written before.
  await db.schema.alterTable('survey_aspects').addColumn('key', 'text').execute()
  await db.schema
    .alterTable('survey_aspects')
    .addColumn('asks_gap', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()

  await db.schema
    .alterTable('survey_responses')
    .addColumn('channel', 'text', (c) =>
      c.check(sql`channel in ('counter', 'paper', 'phone', 'line', 'imported')`),
    )
    .execute()
  await db.schema
    .alterTable('survey_responses')
    .addColumn('overall_level', 'text', (c) =>
      c.check(sql`overall_level in ('delighted', 'satisfied', 'disappointed')`),
    )
    .execute()
  await db.schema
    .createIndex('survey_responses_receipt')
    .on('survey_responses')
    .column('receipt_id')
    .execute()

  await db.schema
    .alterTable('survey_answers')
    .addColumn('expectation', 'integer', (c) => c.check(sql`expectation between 1 and 5`))
    .execute()
  await db.schema
    .alterTable('survey_answers')
    .addColumn('perception', 'integer', (c) => c.check(sql`perception between 1 and 5`))
    .execute()

  // Service recovery: exactly one follow-up task per disappointed response (the primary key says so).
  await db.schema
    .createTable('survey_followups')
    .addColumn('response_id', 'integer', (c) =>
      c.primaryKey().references('survey_responses.id').onDelete('cascade'),
    )
    .addColumn('task_id', 'integer', (c) => c.notNull().unique().references('tasks.id').onDelete('cascade'))
    .addColumn('outcome', 'text', (c) =>
      c.check(sql`outcome in ('recovered', 'not_recovered', 'unreachable')`),
    )
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('closed_at', 'text')
    .execute()
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('survey_followups').execute()
  await db.schema.dropIndex('survey_responses_receipt').execute()
  for (const [table, column] of [
    ['survey_answers', 'perception'],
    ['survey_answers', 'expectation'],
    ['survey_responses', 'overall_level'],
    ['survey_responses', 'channel'],
    ['survey_aspects', 'asks_gap'],
    ['survey_aspects', 'key'],
    ['surveys', 'gap_threshold'],
    ['surveys', 'asks_comment'],
    ['surveys', 'overall_en'],
    ['surveys', 'overall_th'],
  ] as const) {
    await db.schema.alterTable(table).dropColumn(column).execute()
  }
}

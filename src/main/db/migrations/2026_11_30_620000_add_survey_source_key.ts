import type { Kysely } from 'kysely'

// Surveys (issue 12): the identity of an imported response (src/main/surveys/identity.ts), so a file imported
// again does not add its answers twice. Null for responses recorded in the app (counter, paper keyed in).
// Frozen in time: typed on Kysely<any>.

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('survey_responses').addColumn('source_key', 'text').execute()
  await db.schema
    .createIndex('survey_responses_source_key')
    .unique()
    .on('survey_responses')
    .column('source_key')
    .execute()
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('survey_responses_source_key').execute()
  await db.schema.alterTable('survey_responses').dropColumn('source_key').execute()
}

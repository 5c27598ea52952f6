import { sql, type Kysely } from 'kysely'

// A segment of the RFM map may need a lowest F score (src/main/analysis/segment-rules.ts): the segments that
// mean repeat buying need F >= 2, so a one-time buyer is never "loyal". Maps stored before this keep F 1
// everywhere, exactly as they behaved. Frozen in time (Kysely<any>), like every migration.

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('segments')
    .addColumn('min_f', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(1)
        .check(sql`min_f between 1 and 5`),
    )
    .execute()
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's schema types
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('segments').dropColumn('min_f').execute()
}

import type { Kysely } from 'kysely'
import { Migrator, type MigrationResult } from 'kysely/migration'
import { LukkhaError } from '../errors'
import { migrations } from './migrations'
import type { Database } from './schema'

const MIGRATION_TABLE = 'kysely_migration'

/** Names of the migrations already applied to this database, oldest first. */
async function appliedMigrations(db: Kysely<Database>): Promise<string[]> {
  const tables = await db.introspection.getTables({ withInternalKyselyTables: true })
  if (!tables.some((t) => t.name === MIGRATION_TABLE)) return []
  // The migration table is Kysely's own, not part of Database.
  const rows = await (db as unknown as Kysely<Record<typeof MIGRATION_TABLE, { name: string }>>)
    .selectFrom(MIGRATION_TABLE)
    .select('name')
    .orderBy('name')
    .execute()
  return rows.map((r) => r.name)
}

/**
 * Brings the database to the latest schema in one transaction. Refuses a database that has migrations this
 * build does not know: it was written by a newer Lukkha, and running older code on it could lose data.
 */
export async function migrateToLatest(db: Kysely<Database>): Promise<MigrationResult[]> {
  const unknown = (await appliedMigrations(db)).filter((name) => !(name in migrations))
  if (unknown.length > 0) {
    throw new LukkhaError(
      'too_new',
      `This database was written by a newer version of Lukkha (it has schema change ${unknown.join(', ')}, which this version does not know). Update Lukkha to open it; nothing was changed.`,
    )
  }
  const migrator = new Migrator({ db, provider: { getMigrations: () => Promise.resolve(migrations) } })
  const { error, results } = await migrator.migrateToLatest()
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown'
    throw new Error(
      `Database migration ${failed} failed and was rolled back: ${error instanceof Error ? error.message : JSON.stringify(error)}`,
      {
        cause: error,
      },
    )
  }
  return results ?? []
}

export async function schemaVersion(db: Kysely<Database>): Promise<string | null> {
  return (await appliedMigrations(db)).at(-1) ?? null
}

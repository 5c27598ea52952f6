import { sql, type Kysely } from 'kysely'
import type { Migration } from 'kysely/migration'
import { LukkhaError } from '../errors'
import { backupBeforeMigration } from './backup'
import { connectionOf } from './connection'
import { LUKKHA_APPLICATION_ID } from './identity'
import { migrations as allMigrations } from './migrations'
import type { Database } from './schema'

// Kysely's Migrator cannot keep a rollback promise on SQLite (its adapter runs DDL outside a transaction),
// so Lukkha runs its own loop over the same kysely_migration table: each migration and the row recording it
// commit together in one BEGIN IMMEDIATE transaction, or neither does. SQLite's DDL is transactional, so a
// migration that fails half-way leaves no table, index or row behind. A migration must not itself begin a
// transaction, change journal_mode or VACUUM (none of those can run inside one).

const MIGRATION_TABLE = 'kysely_migration'

export interface MigrationResult {
  migrationName: string
  direction: 'Up'
  status: 'Success'
}

export interface MigrateOptions {
  /** The migrations to apply, by name in date order; tests pass their own. Defaults to Lukkha's. */
  migrations?: Record<string, Migration>
}

type MigrationDb = Kysely<Record<typeof MIGRATION_TABLE, { name: string; timestamp: string }>>

/** Names of the migrations already applied to this database, oldest first. */
async function appliedMigrations(db: Kysely<Database>): Promise<string[]> {
  const tables = await db.introspection.getTables({ withInternalKyselyTables: true })
  if (!tables.some((t) => t.name === MIGRATION_TABLE)) return []
  // The migration table is Kysely's own, not part of Database.
  const rows = await (db as unknown as MigrationDb)
    .selectFrom(MIGRATION_TABLE)
    .select('name')
    .orderBy('name')
    .execute()
  return rows.map((r) => r.name)
}

/**
 * Brings the database to the latest schema, one transaction per migration. Before the first change to a
 * database that already holds a schema, an online backup is written beside the file
 * (`<db>.before-<migration>.bak`, the newest three kept). Refuses a database that has migrations this build
 * does not know: it was written by a newer Lukkha, and running older code on it could lose data.
 */
export async function migrateToLatest(
  db: Kysely<Database>,
  options: MigrateOptions = {},
): Promise<MigrationResult[]> {
  const known = options.migrations ?? allMigrations
  const applied = await appliedMigrations(db)
  const unknown = applied.filter((name) => !(name in known))
  if (unknown.length > 0) {
    throw new LukkhaError(
      'too_new',
      `This database was written by a newer version of Lukkha (it has schema change ${unknown.join(', ')}, which this version does not know). Update Lukkha to open it; nothing was changed.`,
    )
  }
  const names = Object.keys(known)
  const pending = names.filter((name) => !applied.includes(name))
  if (pending.length === 0) {
    await markDatabase(db, applied.length) // a database from before the marks gets them now
    return []
  }

  const connection = connectionOf(db)
  const memory = !connection || connection.file === ':memory:' || connection.file === ''
  if (connection && !memory && applied.length > 0) {
    await backupBeforeMigration(connection.sqlite, connection.file, pending[0] ?? 'migration')
  }

  await sql`create table if not exists kysely_migration (name varchar(255) not null primary key, timestamp varchar(255) not null)`.execute(
    db,
  )
  const results: MigrationResult[] = []
  for (const name of pending) {
    const migration = known[name]
    if (!migration) continue
    const version = applied.length + results.length + 1 // schema changes applied once this one commits
    try {
      await db.connection().execute(async (conn) => {
        await sql`begin immediate`.execute(conn)
        try {
          await migration.up(conn)
          await (conn as unknown as MigrationDb)
            .insertInto(MIGRATION_TABLE)
            .values({ name, timestamp: new Date().toISOString() })
            .execute()
          // The header marks (application_id, user_version) are written in the same transaction.
          await writeMarks(conn, version)
          await sql`commit`.execute(conn)
        } catch (error) {
          await sql`rollback`.execute(conn)
          throw error
        }
      })
    } catch (error) {
      const reason = error instanceof Error ? error.message : JSON.stringify(error)
      throw new Error(
        `Database migration ${name} failed and was rolled back; the database is as it was before it (${results.length} earlier change(s) of this run kept): ${reason}`,
        { cause: error },
      )
    }
    results.push({ migrationName: name, direction: 'Up', status: 'Success' })
  }
  return results
}

async function writeMarks(db: Kysely<Database>, version: number): Promise<void> {
  await sql.raw(`pragma application_id = ${LUKKHA_APPLICATION_ID}`).execute(db)
  await sql.raw(`pragma user_version = ${version}`).execute(db)
}

async function markDatabase(db: Kysely<Database>, version: number): Promise<void> {
  const id = await sql<{ application_id: number }>`pragma application_id`.execute(db)
  const user = await sql<{ user_version: number }>`pragma user_version`.execute(db)
  if (id.rows[0]?.application_id === LUKKHA_APPLICATION_ID && user.rows[0]?.user_version === version) return
  await writeMarks(db, version)
}

export async function schemaVersion(db: Kysely<Database>): Promise<string | null> {
  return (await appliedMigrations(db)).at(-1) ?? null
}

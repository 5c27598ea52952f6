import { sql, type Kysely } from 'kysely'
import type { Database } from './schema'

/**
 * A transaction that takes SQLite's write lock at BEGIN (BEGIN IMMEDIATE). Kysely's transactions begin
 * DEFERRED: one that reads first and writes later fails at once with SQLITE_BUSY when another connection
 * (the analysis or import worker) commits in between, and the busy timeout cannot help. Use this for
 * read-then-write work such as undoing an import.
 */
export async function writeTransaction<T>(
  db: Kysely<Database>,
  work: (trx: Kysely<Database>) => Promise<T>,
): Promise<T> {
  return db.connection().execute(async (conn) => {
    await sql`begin immediate`.execute(conn)
    try {
      const result = await work(conn)
      await sql`commit`.execute(conn)
      return result
    } catch (error) {
      await sql`rollback`.execute(conn)
      throw error
    }
  })
}

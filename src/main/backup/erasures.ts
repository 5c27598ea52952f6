import BetterSqlite3 from 'better-sqlite3'
import { Kysely, SqliteDialect } from 'kysely'
import { erasuresToReapply, reapplyErasures } from '../customers/privacy'
import { migrateToLatest, openDatabase } from '../db'
import type { Database } from '../db/schema'

// PDPA after a restore: a backup taken before a customer was erased still holds their personal data. The
// customer book keeps an erasure log (customer_erasures); the log of the database as it was before the
// restore (its undo point) is read, and every customer in it whom the restored file still holds is erased
// again with the customer book's own eraseCustomer (secure_delete, search index optimised, checkpoint).

/** Reads the erasure log of `undoPoint` (read-only) and re-applies it to `dbFile`; returns how many. */
export async function reapplyErasuresAfterRestore(dbFile: string, undoPoint: string): Promise<number> {
  const erasures = await readErasureLog(undoPoint)
  if (erasures.length === 0) return 0
  // this process holds the write lock while the file is replaced; the connection joins it
  const connection = openDatabase(dbFile)
  try {
    await migrateToLatest(connection.db) // an older backup first gets the schema eraseCustomer writes to
    return await reapplyErasures(connection.db, erasures)
  } finally {
    await connection.close()
  }
}

async function readErasureLog(file: string): Promise<Awaited<ReturnType<typeof erasuresToReapply>>> {
  let sqlite: BetterSqlite3.Database | null = null
  try {
    sqlite = new BetterSqlite3(file, { readonly: true, fileMustExist: true })
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) })
    return await erasuresToReapply(db)
  } catch {
    // an undo point too damaged to read, or older than the erasure log: nothing to re-apply from it
    return []
  } finally {
    sqlite?.close()
  }
}

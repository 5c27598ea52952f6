import { reapplyErasures } from '../customers/erasure'
import { migrateToLatest, openDatabase } from '../db'

// PDPA after a restore: a backup taken before a customer was erased still holds their personal data. Every
// erasure is also written to a journal beside the database file (customers/erasure.ts), which a restore does
// not replace; after the file is restored, the customer book's reapplyErasures erases again every journalled
// customer the restored copy still holds (secure_delete, search index optimised, checkpoint).

/** Re-applies the erasure journal to the restored `dbFile`; returns how many customers were erased again. */
export async function reapplyErasuresAfterRestore(dbFile: string): Promise<number> {
  // this process holds the write lock while the file is replaced; the connection joins it, and registering it
  // lets the customer book find the file (and so its journal) from the connection
  const connection = openDatabase(dbFile)
  try {
    await migrateToLatest(connection.db) // an older backup first gets the schema the erasure writes to
    return await reapplyErasures(connection.db)
  } finally {
    await connection.close()
  }
}

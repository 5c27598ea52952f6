import type { Kysely } from 'kysely'
import { takeBackup, type BackupInfo } from '../backup/store'
import { connectionOf } from '../db/connection'
import type { Database } from '../db/schema'

// The customer book's writes that are big or final take a verified backup first (src/main/backup/store.ts):
// a merge moves every row of a customer, and an erasure cannot be undone by the app at all. A database
// without a file (':memory:' in some tests) has nothing to copy.

/** The shop database's file, or null for an in-memory database. */
export function databaseFile(db: Kysely<Database>): string | null {
  const file = connectionOf(db)?.file
  return file && file !== ':memory:' ? file : null
}

/** Takes the backup before a merge or an erasure; `now` is the shop-local time 'YYYY-MM-DDTHH:MM:SS'. */
export async function backupBefore(
  db: Kysely<Database>,
  reason: 'before-merge' | 'before-erasure',
  now: string,
): Promise<BackupInfo | null> {
  const connection = connectionOf(db)
  const file = databaseFile(db)
  if (!connection || file === null) return null
  const at = new Date(now) // a date-time without an offset is read as local time, like the stamp it names
  return takeBackup(connection.sqlite, file, reason, Number.isNaN(at.getTime()) ? new Date() : at)
}

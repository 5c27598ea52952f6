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
  // a date-time without an offset is read as local time, like the stamp it names; the time comes from the
  // caller's clock (ctx.now), so one that does not parse is a caller's mistake, not a reason to read the clock
  const at = new Date(now)
  if (Number.isNaN(at.getTime())) throw new Error(`backupBefore: "${now}" is not a local date-time`)
  return takeBackup(connection.sqlite, file, reason, at)
}

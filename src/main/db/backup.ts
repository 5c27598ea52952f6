import { chmodSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { LukkhaError } from '../errors'
import type { Sqlite } from './connection'
import { checkOutputTarget } from '../export/target'

// Copies of the shop database taken with SQLite's online backup API: consistent even while other
// connections (the app's worker threads) read or write, and written to a temporary name first so a copy
// that exists is a whole copy. Reused by the backup job (daily, before an undo, a merge or an erasure).

/** How many pre-migration copies are kept beside the database; older ones are removed. */
export const MIGRATION_BACKUPS_KEPT = 3

/**
 * Writes a consistent copy of the open database to `target` (created 0600: it holds the same personal data).
 * The copy appears under its final name only once complete. Returns the target path.
 */
export interface CopyOptions {
  /** Pages copied so far of the total, after each step of the online backup. */
  progress?: (done: number, total: number) => void
  /** Aborting stops the copy between steps (it then throws LukkhaError 'cancelled' and leaves no file). */
  signal?: AbortSignal
}

export async function backupDatabase(
  sqlite: Sqlite,
  target: string,
  options: CopyOptions = {},
): Promise<string> {
  checkOutputTarget(target)
  const partial = `${target}.partial`
  rmSync(partial, { force: true })
  try {
    await sqlite.backup(partial, {
      progress: ({ totalPages, remainingPages }) => {
        if (options.signal?.aborted) throw new LukkhaError('cancelled', 'The backup was cancelled.')
        options.progress?.(totalPages - remainingPages, totalPages)
        return 256 // pages per step: small enough for cancel and progress, big enough to be quick
      },
    })
    chmodSync(partial, 0o600)
    renameSync(partial, target)
  } catch (error) {
    rmSync(partial, { force: true })
    throw error
  }
  return target
}

/** The name of the copy taken before `migration` runs on `dbFile`: `lukkha.db.before-<migration>.bak`. */
export function migrationBackupPath(dbFile: string, migration: string): string {
  return `${dbFile}.before-${migration}.bak`
}

/** Pre-migration copies of `dbFile` beside it, newest first. */
export function listMigrationBackups(dbFile: string): string[] {
  const dir = dirname(dbFile)
  const prefix = `${basename(dbFile)}.before-`
  return readdirSync(dir)
    .filter((name) => name.startsWith(prefix) && name.endsWith('.bak'))
    .map((name) => join(dir, name))
    .map((path) => ({ path, mtime: statSync(path).mtimeMs }))
    .sort((a, b) => b.mtime - a.mtime || b.path.localeCompare(a.path))
    .map((entry) => entry.path)
}

/**
 * Takes the copy of a database that is about to be migrated (`<db>.before-<first pending migration>.bak`)
 * and keeps only the newest MIGRATION_BACKUPS_KEPT such copies. Returns the copy's path.
 */
export async function backupBeforeMigration(
  sqlite: Sqlite,
  dbFile: string,
  migration: string,
): Promise<string> {
  const target = await backupDatabase(sqlite, migrationBackupPath(dbFile, migration))
  for (const old of listMigrationBackups(dbFile).slice(MIGRATION_BACKUPS_KEPT)) rmSync(old, { force: true })
  return target
}

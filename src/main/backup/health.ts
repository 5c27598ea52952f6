import type { Sqlite } from '../db'
import { LukkhaError } from '../errors'
import { listBackups, verifyDatabaseFile, type BackupInfo } from './store'

// Start-up health: quick_check (a few seconds on a big file, unlike integrity_check) before the app lets
// anything write. A damaged database goes on working for reads as far as it can, but every write is refused
// with database_corrupt, and the app offers the latest backup that passes integrity_check.

export type Health =
  { status: 'ok' } | { status: 'corrupt'; problem: string; latestGoodBackup: BackupInfo | null }

export function quickCheck(sqlite: Sqlite): string {
  try {
    const rows = sqlite.pragma('quick_check(5)') as { quick_check: string }[]
    const problems = rows.map((r) => r.quick_check).filter((t) => t !== 'ok')
    return problems.length ? problems.join('; ') : 'ok'
  } catch (error) {
    return error instanceof Error ? error.message : String(error)
  }
}

/** The newest backup of dbFile that passes integrity_check, or null. */
export function latestGoodBackup(dbFile: string): BackupInfo | null {
  for (const backup of listBackups(dbFile)) if (verifyDatabaseFile(backup.path) === 'ok') return backup
  return null
}

export function checkHealth(sqlite: Sqlite, dbFile: string): Health {
  const problem = quickCheck(sqlite)
  if (problem === 'ok') return { status: 'ok' }
  return { status: 'corrupt', problem, latestGoodBackup: latestGoodBackup(dbFile) }
}

/**
 * Stops all writing on a damaged database: SQLite's query_only pragma makes every INSERT/UPDATE/DELETE and
 * every write transaction fail, whoever issues it; the engine reports that as database_corrupt.
 */
export function stopWriting(sqlite: Sqlite): void {
  sqlite.pragma('query_only = ON')
}

/** Throws database_corrupt when the start-up check found damage; call it where the app opens the file. */
export function assertHealthy(sqlite: Sqlite, dbFile: string): void {
  const health = checkHealth(sqlite, dbFile)
  if (health.status === 'ok') return
  stopWriting(sqlite)
  const backup = health.latestGoodBackup
  throw new LukkhaError(
    'database_corrupt',
    `The database ${dbFile} is damaged (${health.problem}). Lukkha stopped writing to it. ${backup ? `Restore the latest good backup: ${backup.path}` : 'There is no good backup to restore; keep a copy of the file and ask for help.'}`,
    { backup: backup?.path ?? null },
  )
}

import type { BackupDto, RestoreResultDto } from '../../shared/api/backup'
import type { Sqlite } from '../db'
import { LukkhaError } from '../errors'
import type { JobKind } from '../jobs/registry'
import { withDatabaseClosed, setDamagedFileAside, type DatabaseHolder } from './session'
import { listBackups, restoreBackup, takeBackup, type BackupInfo, type BackupReason } from './store'

// Backups and restores as kinds of the one job registry (src/main/jobs): progress while the online backup
// copies pages, cancel between its steps. A restore (and "start fresh") closes the app's database, replaces
// the file and opens it again; it cannot be cancelled once the file is being replaced.

/** What the contract shows of a backup: its opaque id (the file name, never a path) and facts. */
export function backupDto(b: Pick<BackupInfo, 'name' | 'takenAt' | 'reason' | 'bytes'>): BackupDto {
  return { id: b.name, takenAt: b.takenAt.slice(0, 19), reason: b.reason, bytes: b.bytes }
}

export interface BackupJobInput {
  sqlite: Sqlite
  dbFile: string
  reason: BackupReason
  now: Date
}

export const backupJob: JobKind<BackupJobInput, BackupInfo> = {
  kind: 'backup',
  firstPhase: 'backup.phase.copying',
  run: ({ sqlite, dbFile, reason, now }, job) =>
    takeBackup(sqlite, dbFile, reason, now, {
      signal: job.signal,
      progress: (done, total) => {
        job.progress({ phase: done < total ? 'backup.phase.copying' : 'backup.phase.verifying', done, total })
      },
    }),
  present: (b) => backupDto(b),
}

/** The backup a renderer's opaque id names (a file name in the backups folder), or backup_not_found. */
export function findBackup(dbFile: string, id: string): BackupInfo {
  const found = listBackups(dbFile).find((b) => b.name === id)
  if (!found) throw new LukkhaError('backup_not_found', `There is no backup ${id}.`, undefined, { name: id })
  return found
}

export interface RestoreJobInput {
  holder: DatabaseHolder
  backupId: string
  now: Date
}

export const restoreJob: JobKind<RestoreJobInput, RestoreResultDto> = {
  kind: 'restore',
  firstPhase: 'restore.phase.checking',
  async run({ holder, backupId, now }, job) {
    const backup = findBackup(holder.connection.file, backupId)
    if (job.signal.aborted) throw new LukkhaError('cancelled', 'The restore was cancelled.')
    job.progress({ phase: 'restore.phase.restoring' })
    const result = await withDatabaseClosed(holder, (dbFile) => restoreBackup(dbFile, backup.path, now))
    return {
      restoredFrom: backupDto(backup),
      undoPointId: result.undoPoint.split(/[\\/]/).pop() ?? '',
      erasuresReapplied: result.erasuresReapplied,
      healthy: holder.health?.status !== 'corrupt',
    }
  },
}

export interface FreshStartInput {
  holder: DatabaseHolder
  now: Date
}

/** Keeps the damaged file aside under a new name and opens a new empty database in its place. */
export async function startFresh({ holder, now }: FreshStartInput): Promise<{ keptAs: string }> {
  const keptAs = await withDatabaseClosed(holder, (dbFile) =>
    Promise.resolve(setDamagedFileAside(dbFile, now)),
  )
  return { keptAs: keptAs.split(/[\\/]/).pop() ?? '' }
}

import { statSync } from 'node:fs'
import type { BackupDto, FileBackupDto, RestoreResultDto } from '../../shared/api/backup'
import type { Sqlite } from '../db'
import { LukkhaError } from '../errors'
import type { JobControl, JobKind, JobRegistry } from '../jobs/registry'
import { withDatabaseClosed, setDamagedFileAside, type DatabaseHolder } from './session'
import type { SaveFileChooser } from './chooser'
import {
  backupToFile,
  listBackups,
  restoreBackup,
  takeBackup,
  type BackupInfo,
  type BackupReason,
} from './store'

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
      progress: copyProgress(job, 'backup'),
    }),
  present: (b) => backupDto(b),
}

/** A progress report of the online backup: copying pages, then checking the copy. */
const copyProgress =
  (job: JobControl, kind: string) =>
  (done: number, total: number): void =>
    job.progress({ phase: done < total ? `${kind}.phase.copying` : `${kind}.phase.verifying`, done, total })

export interface FileBackupJobInput {
  sqlite: Sqlite
  /** Where the user chose to save it (from the main process's save dialog). */
  target: string
}

/** A backup to a file the user chose: the same verified copy, written beside the target and renamed. */
export const fileBackupJob: JobKind<FileBackupJobInput, FileBackupDto> = {
  kind: 'backup-file',
  firstPhase: 'backup-file.phase.copying',
  async run({ sqlite, target }, job) {
    const path = await backupToFile(sqlite, target, {
      signal: job.signal,
      progress: copyProgress(job, 'backup-file'),
    })
    return { path, bytes: statSync(path).size }
  },
}

/** The file name the save dialog suggests: lukkha-backup-2026-11-30.db (the local day). */
export function suggestedBackupName(now: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0')
  return `lukkha-backup-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.db`
}

/**
 * Asks the user (through the main process's chooser) where to save a backup and starts the backup job;
 * null when the user closed the dialog. Without a chooser (the CLI) it refuses with save_dialog_unavailable.
 */
export async function startFileBackup(
  jobs: JobRegistry,
  sqlite: Sqlite,
  chooser: SaveFileChooser | undefined,
  now: Date,
): Promise<string | null> {
  if (!chooser) {
    throw new LukkhaError(
      'save_dialog_unavailable',
      'Choosing a file needs the Lukkha window; from the command line use: lukkha backup --out FILE',
    )
  }
  const target = await chooser(suggestedBackupName(now), 'backup')
  if (target === null) return null
  return jobs.start(fileBackupJob, { sqlite, target })
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

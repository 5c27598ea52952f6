import { randomUUID } from 'node:crypto'
import {
  accessSync,
  constants,
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs'
import { basename, dirname, join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import type { Sqlite } from '../db'
import { backupDatabase, type CopyOptions } from '../db/backup'
import { LukkhaError, toCodedError } from '../errors'
import { reapplyErasuresAfterRestore } from './erasures'
import { checkOutputTarget } from '../export/target'

// The shop database's backups: consistent copies taken with SQLite's online backup API (db/backup.ts, the
// same function the pre-migration copy uses) into `<db folder>/backups/`, each verified with
// integrity_check before it counts, rotated so the folder stays small, and restorable with an undo point.

export const backupReasons = [
  'daily',
  'manual',
  'before-undo',
  'before-merge',
  'before-erasure',
  'before-restore',
] as const
export type BackupReason = (typeof backupReasons)[number]

/** Rotation: the newest KEEP_TODAY of the newest day, then one per earlier day, MAX_KEPT in all. */
export const KEEP_TODAY = 3
export const MAX_KEPT = 10

export interface BackupInfo {
  path: string
  name: string
  /** Local time it was taken, YYYY-MM-DDTHH:MM:SS. */
  takenAt: string
  reason: BackupReason
  bytes: number
}

const NAME = /^lukkha-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})(?:-(\d+))?-([a-z-]+)\.db$/

export function backupFolder(dbFile: string): string {
  return join(dirname(dbFile), 'backups')
}

/**
 * The backups folder, made (0700) when missing. On storage that cannot be written (a read-only folder or
 * mount) this is the coded read_only error naming the database's folder (Node's recursive mkdir would
 * report a confusing ENOENT there).
 */
function ensureBackupFolder(dbFile: string): string {
  const folder = backupFolder(dbFile)
  const exists = existsSync(folder)
  try {
    accessSync(exists ? folder : dirname(dbFile), constants.W_OK)
  } catch (error) {
    throw toCodedError(error)
  }
  if (exists) return folder
  mkdirSync(folder, { recursive: true, mode: 0o700 })
  return folder
}

const pad = (n: number): string => String(n).padStart(2, '0')

function stamp(at: Date): string {
  return `${at.getFullYear()}${pad(at.getMonth() + 1)}${pad(at.getDate())}-${pad(at.getHours())}${pad(at.getMinutes())}${pad(at.getSeconds())}`
}

function parseName(name: string): Omit<BackupInfo, 'path' | 'bytes'> | null {
  const m = NAME.exec(name)
  if (!m) return null
  const reason = backupReasons.find((r) => r === m[8])
  if (!reason) return null
  return { name, takenAt: `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}`, reason }
}

/** The backups of `dbFile`, newest first. */
export function listBackups(dbFile: string): BackupInfo[] {
  const folder = backupFolder(dbFile)
  if (!existsSync(folder)) return []
  return readdirSync(folder)
    .map((name) => ({ name, info: parseName(name) }))
    .filter((e): e is { name: string; info: NonNullable<ReturnType<typeof parseName>> } => e.info !== null)
    .map(({ name, info }) => ({
      ...info,
      path: join(folder, name),
      bytes: statSync(join(folder, name)).size,
    }))
    .sort((a, b) => b.name.localeCompare(a.name))
}

/** A copy stands alone: rollback journal, not WAL, so opening it never leaves -wal/-shm files beside it. */
function standalone(path: string): void {
  const db = new BetterSqlite3(path, { fileMustExist: true })
  try {
    db.pragma('journal_mode = DELETE')
  } finally {
    db.close()
  }
}

/** integrity_check of a database file opened read-only: 'ok', or SQLite's first complaint. */
export function verifyDatabaseFile(path: string): string {
  let db: BetterSqlite3.Database | null = null
  try {
    db = new BetterSqlite3(path, { readonly: true, fileMustExist: true })
    const result = db.pragma('integrity_check', { simple: true })
    return String(result)
  } catch (error) {
    return error instanceof Error ? error.message : String(error)
  } finally {
    db?.close()
  }
}

/** Which backups rotation keeps (see KEEP_TODAY, MAX_KEPT); the others are deleted. */
export function backupsToKeep(backups: BackupInfo[]): Set<string> {
  const keep = new Set<string>()
  const newestDay = backups[0]?.takenAt.slice(0, 10)
  const days = new Set<string>()
  for (const b of backups) {
    const day = b.takenAt.slice(0, 10)
    if (day === newestDay) {
      if ([...keep].length < KEEP_TODAY) keep.add(b.path)
    } else if (!days.has(day)) {
      days.add(day)
      keep.add(b.path)
    }
    if (keep.size >= MAX_KEPT) break
  }
  return keep
}

function rotate(dbFile: string): void {
  const backups = listBackups(dbFile)
  const keep = backupsToKeep(backups)
  for (const b of backups) if (!keep.has(b.path)) rmSync(b.path, { force: true })
}

/**
 * Takes a verified backup of the open database into its backups folder and rotates the folder. Throws
 * backup_failed (or disk_full / read_only) and leaves no file when the copy cannot be made or fails its
 * integrity_check.
 */
export async function takeBackup(
  sqlite: Sqlite,
  dbFile: string,
  reason: BackupReason,
  now: Date,
  copy: CopyOptions = {},
): Promise<BackupInfo> {
  const folder = ensureBackupFolder(dbFile)
  let name = `lukkha-${stamp(now)}-${reason}.db`
  for (let n = 2; existsSync(join(folder, name)); n++) name = `lukkha-${stamp(now)}-${n}-${reason}.db`
  const path = join(folder, name)
  try {
    await backupDatabase(sqlite, path, copy)
    standalone(path)
  } catch (error) {
    rmSync(path, { force: true })
    if (error instanceof LukkhaError && error.code === 'cancelled') throw error
    const coded = toCodedError(error)
    if (coded.code !== 'internal') throw coded
    throw new LukkhaError('backup_failed', `The backup could not be made: ${coded.message}`, undefined, {
      detail: coded.message,
    })
  }
  const check = verifyDatabaseFile(path)
  if (check !== 'ok') {
    rmSync(path, { force: true })
    throw new LukkhaError(
      'backup_failed',
      `The backup failed its integrity check (${check}); the database itself may be damaged.`,
      undefined,
      { detail: check },
    )
  }
  rotate(dbFile)
  return { path, name, takenAt: now.toISOString(), reason, bytes: statSync(path).size }
}

/** A backup is due today when none was taken on this calendar day. */
export function dailyBackupDue(dbFile: string, now: Date): boolean {
  const today = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
  return !listBackups(dbFile).some((b) => b.takenAt.startsWith(today))
}

/**
 * A manual backup to a file the user chose (the CLI's --out, or the shell's save dialog): copied with the
 * online backup API to a temporary file beside the target, made standalone and verified with
 * integrity_check there, and only then renamed to the target (replacing a file the user chose to
 * overwrite). A copy that fails, is cancelled or fails its check leaves no file behind, partial or whole.
 * Not rotated: the file is the user's.
 */
export async function backupToFile(sqlite: Sqlite, target: string, copy: CopyOptions = {}): Promise<string> {
  checkOutputTarget(target) // renamed over a device or a folder, the copy would replace it
  const temp = join(dirname(target), `.${basename(target)}.${randomUUID()}.partial`)
  try {
    await backupDatabase(sqlite, temp, copy)
    standalone(temp)
    const check = verifyDatabaseFile(temp)
    if (check !== 'ok') {
      throw new LukkhaError('backup_failed', `The backup failed its integrity check (${check}).`, undefined, {
        detail: check,
      })
    }
    renameSync(temp, target)
  } catch (error) {
    rmSync(temp, { force: true })
    rmSync(`${temp}-journal`, { force: true })
    if (error instanceof LukkhaError) throw error
    const coded = toCodedError(error, { file: target })
    if (coded.code !== 'internal') throw coded
    const detail = String(coded.params.detail ?? coded.message)
    throw new LukkhaError('backup_failed', `The backup could not be made: ${detail}`, undefined, { detail })
  }
  return target
}

/**
 * Things to do after a restore brought back older data: the customer book re-applies the erasures made
 * since the backup (an erased customer must stay erased). The customers domain registers its function here.
 */
export type AfterRestoreHook = (dbFile: string, restoredFrom: BackupInfo) => Promise<void> | void
const afterRestore: AfterRestoreHook[] = []
export function onRestored(hook: AfterRestoreHook): void {
  afterRestore.push(hook)
}

export interface RestoreResult {
  restoredFrom: string
  /** The database as it was before the restore (a raw copy when it was too damaged to back up). */
  undoPoint: string
  /** Customers erased (in the database as it was) whom the restored backup still held: erased again. */
  erasuresReapplied: number
}

/**
 * Replaces the database file with a backup. The database must be CLOSED (no connection, no write lock held
 * by this process). The current file is kept first as an undo point ('before-restore'); the backup is
 * verified before it is copied; the copy is written under a temporary name and renamed over the database,
 * and the old -wal/-shm files are removed so SQLite cannot replay them onto the restored file.
 */
export async function restoreBackup(dbFile: string, backupPath: string, now: Date): Promise<RestoreResult> {
  const from = parseName(basename(backupPath))
  if (!existsSync(backupPath)) {
    throw new LukkhaError('backup_not_found', `There is no backup ${backupPath}.`, undefined, {
      name: basename(backupPath),
    })
  }
  const check = verifyDatabaseFile(backupPath)
  if (check !== 'ok') {
    throw new LukkhaError(
      'backup_failed',
      `The backup ${backupPath} is damaged (${check}); choose another.`,
      undefined,
      {
        detail: check,
      },
    )
  }
  const folder = ensureBackupFolder(dbFile)
  let undoPoint = join(folder, `lukkha-${stamp(now)}-before-restore.db`)
  for (let n = 2; existsSync(undoPoint); n++)
    undoPoint = join(folder, `lukkha-${stamp(now)}-${n}-before-restore.db`)
  if (existsSync(dbFile)) {
    // a raw copy (with its WAL folded in when SQLite can still open it) so even a damaged file is kept
    try {
      const db = new BetterSqlite3(dbFile)
      try {
        await db.backup(`${undoPoint}.partial`)
      } finally {
        db.close()
      }
      renameSync(`${undoPoint}.partial`, undoPoint)
    } catch {
      rmSync(`${undoPoint}.partial`, { force: true })
      copyFileSync(dbFile, undoPoint)
    }
  }
  const partial = `${dbFile}.restoring`
  copyFileSync(backupPath, partial)
  rmSync(`${dbFile}-wal`, { force: true })
  rmSync(`${dbFile}-shm`, { force: true })
  renameSync(partial, dbFile)
  const restored = new BetterSqlite3(dbFile) // backups stand alone (rollback journal); the shop db runs in WAL
  try {
    restored.pragma('journal_mode = WAL')
  } finally {
    restored.close()
  }
  const info: BackupInfo = {
    path: backupPath,
    name: basename(backupPath),
    takenAt: from?.takenAt ?? '',
    reason: from?.reason ?? 'manual',
    bytes: statSync(dbFile).size,
  }
  // a backup older than an erasure brings the erased customer back: erase them again, from the erasure
  // journal kept beside the database file
  const erasuresReapplied = await reapplyErasuresAfterRestore(dbFile)
  for (const hook of afterRestore) await hook(dbFile, info)
  return { restoredFrom: backupPath, undoPoint, erasuresReapplied }
}

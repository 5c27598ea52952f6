import { z } from 'zod'
import { exportedFileSchema, tableExportOptionsSchema } from './export'
import { jobIdSchema, jobSchemaOf } from './job-shape'

// Backups, restore and the recovery screen. Backups cross as opaque ids (the backup's file name, checked
// against the backups folder's list in main): no path ever crosses from the renderer.

export const backupReasonSchema = z.enum([
  'daily',
  'manual',
  'before-undo',
  'before-merge',
  'before-erasure',
  'before-restore',
])

/** A backup's id: its file name in the backups folder (never a path). */
export const backupIdSchema = z
  .string()
  .max(80)
  .regex(/^lukkha-[0-9a-z-]+\.db$/)

export const backupSchema = z.object({
  id: backupIdSchema,
  /** Local time it was taken, YYYY-MM-DDTHH:MM:SS. */
  takenAt: z.string(),
  reason: backupReasonSchema,
  bytes: z.number().int().min(0),
})
export type BackupDto = z.infer<typeof backupSchema>

export const healthSchema = z.object({
  status: z.enum(['ok', 'corrupt']),
  /** The newest backup that passes integrity_check, offered first on the recovery screen. */
  latestGoodBackup: backupSchema.nullable(),
})
export type HealthDto = z.infer<typeof healthSchema>

export const restoreResultSchema = z.object({
  restoredFrom: backupSchema,
  /** The database as it was before the restore, kept as a backup: restoring it undoes the restore. */
  undoPointId: backupIdSchema,
  /** Customers erased since the backup was taken whom it still held, erased again. */
  erasuresReapplied: z.number().int().min(0),
  /** The reopened database passed its check. */
  healthy: z.boolean(),
})
export type RestoreResultDto = z.infer<typeof restoreResultSchema>

/** A backup written to a file the user chose in the save dialog: where it is now (shown, never sent back). */
export const fileBackupSchema = z.object({
  path: z.string(),
  bytes: z.number().int().min(0),
})
export type FileBackupDto = z.infer<typeof fileBackupSchema>

export const backupJobSchema = jobSchemaOf('backup', backupSchema)
export const fileBackupJobSchema = jobSchemaOf('backup-file', fileBackupSchema)
export const restoreJobSchema = jobSchemaOf('restore', restoreResultSchema)

export const salvageTableSchema = z.enum(['customers', 'receipts'])

export const backupContract = {
  /** The start-up check's verdict: 'corrupt' means writing has stopped and the recovery screen shows. */
  getHealth: { input: z.undefined(), output: healthSchema },
  listBackups: { input: z.undefined(), output: z.array(backupSchema) },
  startBackup: { input: z.undefined(), output: z.object({ jobId: jobIdSchema }) },
  /**
   * A backup to a file the user chooses: the main process asks with the system's save dialog (the path never
   * comes from the renderer). jobId null: the user closed the dialog (not an error). Where there is no
   * dialog (the CLI) it answers save_dialog_unavailable.
   */
  startBackupToFile: { input: z.undefined(), output: z.object({ jobId: jobIdSchema.nullable() }) },
  startRestore: { input: z.object({ backupId: backupIdSchema }), output: z.object({ jobId: jobIdSchema }) },
  /** What can still be read of a damaged database, table by table, through the shared safe writer. */
  exportReadable: {
    input: z.object({ table: salvageTableSchema, options: tableExportOptionsSchema }),
    output: exportedFileSchema.extend({ unreadable: z.number().int().min(0) }),
  },
  /** Only on a damaged database: keeps the damaged file aside and starts a new empty one. */
  startFresh: { input: z.undefined(), output: z.object({ keptAs: z.string() }) },
} as const

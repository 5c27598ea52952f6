import type { BackupDto } from '../../../../shared/api/backup'
import type { Format } from '../../format/useFormat'

/** When a backup was taken, in the calendar the settings choose: '30 พ.ย. 2569 14:05'. */
export function takenAt(fmt: Format, backup: Pick<BackupDto, 'takenAt'>): string {
  return `${fmt.date(backup.takenAt.slice(0, 10))} ${backup.takenAt.slice(11, 16)}`
}

/** A file size in megabytes with one decimal (at least 0.1). */
export function megabytes(fmt: Format, bytes: number): string {
  return fmt.number(Math.max(0.1, Math.round(bytes / 104_857.6) / 10), 1)
}

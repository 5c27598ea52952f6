import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { BackupDto } from '../../../../shared/api/backup'
import { languages, type Language } from '../../../../shared/api/setting-words'
import { formatDate } from '../../format/dates'
import { formatNumber, formatPercent } from '../../format/money'
import { useFormat } from '../../format/useFormat'

/** The folder beside the shop database that holds the backups (a real folder name, not UI text). */
export const BACKUP_FOLDER = 'backups'

export interface BackupFormat {
  date(isoDate: string): string
  number(value: number, digits?: number): string
  percent(ratio: number): string
}

/**
 * Dates and numbers in the calendar the settings choose and the language shown now: on the recovery screen
 * the language can be switched without saving it (the damaged database cannot store settings).
 */
export function useBackupFormat(): BackupFormat {
  const fmt = useFormat()
  const { i18n } = useTranslation()
  const shown = (languages as readonly string[]).includes(i18n.language)
    ? (i18n.language as Language)
    : fmt.language
  return useMemo(
    () => ({
      date: (isoDate) => formatDate(isoDate, shown, fmt.dateStyle),
      number: (value, digits) => formatNumber(value, shown, digits),
      percent: (ratio) => formatPercent(ratio, shown),
    }),
    [shown, fmt.dateStyle],
  )
}

/** When a backup was taken, in the calendar the settings choose: '30 พ.ย. 2569 14:05'. */
export function takenAt(fmt: BackupFormat, backup: Pick<BackupDto, 'takenAt'>): string {
  return `${fmt.date(backup.takenAt.slice(0, 10))} ${backup.takenAt.slice(11, 16)}`
}

/** A file size in megabytes with one decimal (at least 0.1). */
export function megabytes(fmt: BackupFormat, bytes: number): string {
  return fmt.number(Math.max(0.1, Math.round(bytes / 104_857.6) / 10), 1)
}

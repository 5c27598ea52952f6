import { useMemo } from 'react'
import type { DateStyle, Language } from '../../../shared/api/settings'
import { useSettings } from '../features/settings/queries'
import {
  formatDate,
  formatMonthAxis,
  formatMonthLong,
  formatMonthShort,
  formatWeekdayShort,
  formatYear,
} from './dates'
import { formatBaht, formatBahtCompact, formatChange, formatNumber, formatPercent } from './money'

export interface Format {
  language: Language
  dateStyle: DateStyle
  baht(satang: number, whole?: boolean): string
  bahtCompact(satang: number): string
  number(value: number, maximumFractionDigits?: number): string
  percent(ratio: number): string
  change(ratio: number): string
  date(isoDate: string): string
  monthLong(month: string): string
  monthAxis(month: string): [string, string]
  /** The year of a date in the date style's era ('2569' / '2026'). */
  year(isoDate: string): string
  monthShort(isoDate: string): string
  weekdayShort(isoDate: string): string
}

/** Formatting for the current language and date style (from the settings). */
export function useFormat(): Format {
  const { data } = useSettings()
  const language = data?.language ?? 'th'
  const dateStyle = data?.dateStyle ?? 'buddhist'
  return useMemo(
    () => ({
      language,
      dateStyle,
      baht: (satang, whole) => formatBaht(satang, language, whole),
      bahtCompact: (satang) => formatBahtCompact(satang, language),
      number: (value, digits) => formatNumber(value, language, digits),
      percent: (ratio) => formatPercent(ratio, language),
      change: (ratio) => formatChange(ratio, language),
      date: (isoDate) => formatDate(isoDate, language, dateStyle),
      monthLong: (month) => formatMonthLong(month, language, dateStyle),
      monthAxis: (month) => formatMonthAxis(month, language, dateStyle),
      year: (isoDate) => formatYear(isoDate, language, dateStyle),
      monthShort: (isoDate) => formatMonthShort(isoDate, language),
      weekdayShort: (isoDate) => formatWeekdayShort(isoDate, language),
    }),
    [language, dateStyle],
  )
}

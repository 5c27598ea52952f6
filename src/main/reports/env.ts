import type { ReactElement } from 'react'
import type { DateStyle, Language } from '../../shared/api/settings'
import { formatDate, formatMonthAxis, formatMonthLong } from '../../shared/format/dates'
import { formatBaht, formatBahtCompact, formatNumber, formatPercent } from '../../shared/format/money'
import { reportText, type Translate } from './i18n'
import type { Orientation } from './styles'

/** What every report builder gets: the language, the date style and formatters bound to them. */
export interface ReportEnv {
  language: Language
  dateStyle: DateStyle
  t: Translate
  money: (satang: number) => string
  moneyCompact: (satang: number) => string
  date: (isoDate: string) => string
  month: (month: string) => string
  monthAxis: (month: string) => [string, string]
  number: (value: number, digits?: number) => string
  percent: (ratio: number) => string
}

export function reportEnv(language: Language, dateStyle: DateStyle): ReportEnv {
  return {
    language,
    dateStyle,
    t: reportText(language),
    money: (satang) => formatBaht(satang, language),
    moneyCompact: (satang) => formatBahtCompact(satang, language),
    date: (isoDate) => formatDate(isoDate, language, dateStyle),
    month: (month) => formatMonthLong(month, language, dateStyle),
    monthAxis: (month) => formatMonthAxis(month, language, dateStyle),
    number: (value, digits = 0) => formatNumber(value, language, digits),
    // never shows a non-zero share as 0%
    percent: (ratio) => formatPercent(ratio, language),
  }
}

/** A report's content before the shared page is put around it. */
export interface BuiltReport {
  title: string
  /** The as-of date of the data shown, when there is one. */
  asOf: string | null
  orientation: Orientation
  /** File name without extension, ASCII (e.g. 'segments-champions'). */
  fileStem: string
  body: ReactElement
}

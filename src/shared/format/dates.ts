import type { DateStyle, Language } from '../api/settings'

// Dates in the Buddhist era (20 พ.ย. 2569) or Gregorian (20 Nov 2026), in the UI language. Stored dates are
// shop-local calendar dates, so they are formatted as UTC midnights to keep the day whatever the zone.

const CALENDAR: Record<DateStyle, string> = { buddhist: 'buddhist', gregorian: 'gregory' }
const REGION: Record<Language, string> = { th: 'th-TH', en: 'en-GB' }

// Building an Intl.DateTimeFormat costs far more than formatting with one (the Buddhist calendar's most: ~0.1 ms
// each; 40-140 ms of the page's CPU before the dashboard showed, one per date drawn), so each distinct
// (language, style, options) is built once and kept. The options are a handful of fixed literals: few entries.
const formatters = new Map<string, Intl.DateTimeFormat>()

function formatter(
  language: Language,
  style: DateStyle,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  const key = `${language}|${style}|${JSON.stringify(options)}`
  let format = formatters.get(key)
  if (!format) {
    format = new Intl.DateTimeFormat(`${REGION[language]}-u-ca-${CALENDAR[style]}`, {
      ...options,
      timeZone: 'UTC',
    })
    formatters.set(key, format)
  }
  return format
}

function utc(isoDate: string): Date {
  return new Date(`${isoDate.slice(0, 10)}T00:00:00Z`)
}

/** '2026-11-20' -> '20 พ.ย. 2569' / '20 Nov 2026'. */
export function formatDate(isoDate: string, language: Language, style: DateStyle): string {
  return formatter(language, style, { day: 'numeric', month: 'short', year: 'numeric' }).format(utc(isoDate))
}

/** '2026-11' -> 'พฤศจิกายน 2569' / 'November 2026'. */
export function formatMonthLong(month: string, language: Language, style: DateStyle): string {
  return formatter(language, style, { month: 'long', year: 'numeric' }).format(utc(`${month}-01`))
}

/** '2026-11' -> ['พ.ย.', '69'] / ['Nov', '26']: two lines under a chart bar, so no label needs tilting. */
export function formatMonthAxis(month: string, language: Language, style: DateStyle): [string, string] {
  const parts = formatter(language, style, { month: 'short', year: '2-digit' }).formatToParts(
    utc(`${month}-01`),
  )
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? ''
  return [part('month'), [part('year'), part('era')].filter(Boolean).join(' ')]
}

/** '2026-11-20' -> '2569' / '2026' (the year alone, in the date style's era). */
export function formatYear(isoDate: string, language: Language, style: DateStyle): string {
  const parts = formatter(language, style, { year: 'numeric' }).formatToParts(utc(isoDate))
  return parts.find((p) => p.type === 'year')?.value ?? isoDate.slice(0, 4)
}

/** '2026-11-20' -> 'พ.ย.' / 'Nov'. */
export function formatMonthShort(isoDate: string, language: Language): string {
  return formatter(language, 'gregorian', { month: 'short' }).format(utc(isoDate))
}

/** '2026-11-20' (a Friday) -> 'ศ.' / 'Fri'. */
export function formatWeekdayShort(isoDate: string, language: Language): string {
  return formatter(language, 'gregorian', { weekday: 'short' }).format(utc(isoDate))
}

const BUDDHIST_OFFSET = 543

function monthNames(): Map<string, number> {
  const names = new Map<string, number>()
  for (const language of ['th', 'en'] as const) {
    for (const month of ['short', 'long'] as const) {
      const format = formatter(language, 'gregorian', { month })
      for (let m = 1; m <= 12; m++) {
        const name = format.format(utc(`2026-${String(m).padStart(2, '0')}-01`))
        names.set(name.toLowerCase().replace(/\.$/, ''), m)
      }
    }
  }
  return names
}
let months: Map<string, number> | null = null

function isoOf(year: number, month: number, day: number): string | null {
  const gregorian = year >= 2400 ? year - BUDDHIST_OFFSET : year
  if (gregorian < 1000 || gregorian > 9999 || month < 1 || month > 12 || day < 1) return null
  const date = new Date(Date.UTC(gregorian, month - 1, day))
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null
  return date.toISOString().slice(0, 10)
}

/**
 * A date a person typed, as an ISO date, or null when it is not one. Takes what the date fields show and what
 * Thai shop owners type: '2026-11-20', '20/11/2569' or '20/11/2026' (day first; a year from 2400 on is
 * Buddhist era), '20 พ.ย. 2569', '20 พฤศจิกายน 2569', '20 Nov 2026'. Impossible dates (31/2) are null.
 */
export function parseDateInput(text: string): string | null {
  // the era's name may follow the year ('28 May 2569 BE', '28 พ.ค. พ.ศ. 2569')
  const value = text
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/ ?(B\.?E\.?|A\.?D\.?|C\.?E\.?|พ\.ศ\.|ค\.ศ\.)( |$)/gi, ' ')
    .trim()
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value)
  if (iso) return isoOf(Number(iso[1]), Number(iso[2]), Number(iso[3]))
  const numeric = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value)
  if (numeric) return isoOf(Number(numeric[3]), Number(numeric[2]), Number(numeric[1]))
  const named = /^(\d{1,2}) (.+?) (\d{4})$/.exec(value)
  if (named) {
    months ??= monthNames()
    const month = months.get((named[2] ?? '').toLowerCase().replace(/\.$/, ''))
    if (month) return isoOf(Number(named[3]), month, Number(named[1]))
  }
  return null
}

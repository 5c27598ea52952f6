import type { DateStyle, Language } from '../api/settings'

// Dates in the Buddhist era (20 พ.ย. 2569) or Gregorian (20 Nov 2026), in the UI language. Stored dates are
// shop-local calendar dates, so they are formatted as UTC midnights to keep the day whatever the zone.

const CALENDAR: Record<DateStyle, string> = { buddhist: 'buddhist', gregorian: 'gregory' }
const REGION: Record<Language, string> = { th: 'th-TH', en: 'en-GB' }

function formatter(
  language: Language,
  style: DateStyle,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(`${REGION[language]}-u-ca-${CALENDAR[style]}`, {
    ...options,
    timeZone: 'UTC',
  })
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

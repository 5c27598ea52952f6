// Calendar-day arithmetic on shop-local 'YYYY-MM-DD' dates. Day numbers count days since 1970-01-01 in UTC,
// which makes differences whole calendar days with no daylight-saving or time-zone drift.

const MS_PER_DAY = 86_400_000
const DATE = /^(\d{4})-(\d{2})-(\d{2})/

/** Day number of a 'YYYY-MM-DD' date (or the date part of a 'YYYY-MM-DDTHH:MM:SS' timestamp). */
export function dayNumber(date: string): number {
  const m = DATE.exec(date)
  if (!m) throw new RangeError(`Not a date (YYYY-MM-DD): ${JSON.stringify(date)}`)
  const [, y, mo, d] = m
  const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d))
  const back = new Date(ms)
  if (back.getUTCMonth() !== Number(mo) - 1 || back.getUTCDate() !== Number(d)) {
    throw new RangeError(`Not a calendar date: ${JSON.stringify(date)}`)
  }
  return Math.round(ms / MS_PER_DAY)
}

/** The 'YYYY-MM-DD' date of a day number. */
export function dateOfDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10)
}

/** Adds whole days to a 'YYYY-MM-DD' date. */
export function addDays(date: string, days: number): string {
  return dateOfDay(dayNumber(date) + days)
}

/** 'YYYY-MM' of a date. */
export function monthOf(date: string): string {
  return date.slice(0, 7)
}

/** Months from 'YYYY-MM' a to 'YYYY-MM' b (b - a). */
export function monthsBetween(a: string, b: string): number {
  const ya = Number(a.slice(0, 4))
  const ma = Number(a.slice(5, 7))
  const yb = Number(b.slice(0, 4))
  const mb = Number(b.slice(5, 7))
  return (yb - ya) * 12 + (mb - ma)
}

/** 'YYYY-MM' plus n months. */
export function addMonths(month: string, n: number): string {
  const total = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + n
  const y = Math.floor(total / 12)
  const mo = (total % 12) + 1
  return `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}`
}

export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/

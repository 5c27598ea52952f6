// Calendar dates as the database stores them ('YYYY-MM-DD', shop-local). Arithmetic goes through UTC
// midnights so no time zone or daylight-saving shift can move a date.

const DAY_MS = 86_400_000
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

export function isIsoDate(text: string): boolean {
  const match = ISO_DATE.exec(text)
  if (!match) return false
  const [, y, m, d] = match.map(Number)
  const date = new Date(Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 0))
  return date.getUTCFullYear() === y && date.getUTCMonth() + 1 === m && date.getUTCDate() === d
}

/** Days since 1970-01-01 of an ISO date. */
export function dayNumber(isoDate: string): number {
  if (!isIsoDate(isoDate)) throw new Error(`Not a date (YYYY-MM-DD): ${isoDate}`)
  return Math.round(Date.parse(`${isoDate}T00:00:00Z`) / DAY_MS)
}

export function fromDayNumber(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10)
}

export function addDays(isoDate: string, days: number): string {
  return fromDayNumber(dayNumber(isoDate) + days)
}

/** The first day of the month `months` months after the month of isoDate (negative goes back). */
export function monthStart(isoDate: string, months = 0): string {
  const [y, m] = isoDate.split('-').map(Number)
  const date = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1 + months, 1))
  return date.toISOString().slice(0, 10)
}

/** 0 = Sunday ... 6 = Saturday. */
export function weekday(isoDate: string): number {
  return new Date(`${isoDate}T00:00:00Z`).getUTCDay()
}

/** The shop-local date of a moment (the caller's clock: ctx.now() in the engine, the machine's in the UI). */
export function localToday(now: Date): string {
  const y = now.getFullYear()
  const m = String(now.getMonth() + 1).padStart(2, '0')
  const d = String(now.getDate()).padStart(2, '0')
  return `${y}-${m}-${d}`
}

/** A moment as stored timestamps are written ('YYYY-MM-DDTHH:MM:SS'), shop-local; the caller gives the moment. */
export function localTimestamp(now: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0')
  return `${localToday(now)}T${pad(now.getHours())}:${pad(now.getMinutes())}:${pad(now.getSeconds())}`
}

// Dates and times as POS exports write them, to shop-local 'YYYY-MM-DDTHH:MM:SS' (Gregorian).
//
// Handles ISO (with 'T' or a space, optional seconds, fractions and a UTC offset), d/m/y and m/d/y with '/',
// '-' or '.', two- or four-digit years, 12-hour times with AM/PM, Thai 'น.' after the time, month names in
// English and Thai, and Buddhist-era years (2567 -> 2024). Whether '7/8/26' is the 7th of August or July 8th
// is never guessed: the caller passes the order the whole file fits (see date-order.ts).

import type { DateOrder } from '../../../shared/api/import'

const TIME =
  String.raw`(?:(?:[ T]+|,\s*)(\d{1,2})[:.](\d{2})(?:[:.](\d{2})(?:\.\d+)?)?\s*([AaPp]\.?\s?[Mm]\.?)?\s*(?:น\.?)?)?` +
  String.raw`\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2})?`
const NUMERIC = new RegExp(String.raw`^(\d{1,4})([/.-])(\d{1,2})\2(\d{1,4})${TIME}$`)
const DAY_MONTH_NAME = new RegExp(String.raw`^(\d{1,2})[\s-]+([^\s\d,-]+)[\s,-]+(\d{2,4})${TIME}$`)
const MONTH_NAME_DAY = new RegExp(String.raw`^([^\s\d,-]+)[\s-]+(\d{1,2}),?[\s-]+(\d{2,4})${TIME}$`)

const MONTHS: Record<string, number> = {}
const monthNames: [number, string[]][] = [
  [1, ['jan', 'january', 'มค', 'มกราคม']],
  [2, ['feb', 'february', 'กพ', 'กุมภาพันธ์']],
  [3, ['mar', 'march', 'มีค', 'มีนาคม']],
  [4, ['apr', 'april', 'เมย', 'เมษายน']],
  [5, ['may', 'พค', 'พฤษภาคม']],
  [6, ['jun', 'june', 'มิย', 'มิถุนายน']],
  [7, ['jul', 'july', 'กค', 'กรกฎาคม']],
  [8, ['aug', 'august', 'สค', 'สิงหาคม']],
  [9, ['sep', 'sept', 'september', 'กย', 'กันยายน']],
  [10, ['oct', 'october', 'ตค', 'ตุลาคม']],
  [11, ['nov', 'november', 'พย', 'พฤศจิกายน']],
  [12, ['dec', 'december', 'ธค', 'ธันวาคม']],
]
for (const [month, names] of monthNames) for (const name of names) MONTHS[name] = month

function monthFromName(token: string): number | undefined {
  return MONTHS[token.toLowerCase().replace(/\./g, '')]
}

/**
 * A written year to a Gregorian one. Four digits above 2400 are Buddhist era. Two digits are 20YY, except
 * 50-99, which no sales export can mean as 2050-2099: those are Buddhist-era years written short (67 = 2567).
 */
export function gregorianYear(written: string): number | null {
  const y = Number(written)
  if (written.length === 4) {
    const g = y > 2400 ? y - 543 : y
    return g >= 1900 && g <= 2200 ? g : null
  }
  if (written.length === 2) return y < 50 ? 2000 + y : 2500 + y - 543
  return null
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n))

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

/** Days in a month of the (proleptic) Gregorian calendar; without a Date per call (a million rows). */
function daysInMonth(year: number, month: number): number {
  if (month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) return 29
  return MONTH_DAYS[month - 1] ?? 0
}

interface Parts {
  year: number
  month: number
  day: number
  hour: number
  minute: number
  second: number
  /** Offset of the written time from UTC in minutes, when the value carries one. */
  offset: number | null
}

function timeParts(
  h: string | undefined,
  mi: string | undefined,
  s: string | undefined,
  ampm: string | undefined,
  zone: string | undefined,
): Pick<Parts, 'hour' | 'minute' | 'second' | 'offset'> | null {
  let hour = h === undefined ? 0 : Number(h)
  const minute = mi === undefined ? 0 : Number(mi)
  const second = s === undefined ? 0 : Number(s)
  if (ampm) {
    if (hour < 1 || hour > 12) return null
    const pm = ampm[0] === 'p' || ampm[0] === 'P'
    hour = (hour % 12) + (pm ? 12 : 0)
  }
  if (hour > 23 || minute > 59 || second > 59) return null
  let offset: number | null = null
  if (zone) {
    if (zone === 'Z' || zone === 'UTC' || zone === 'GMT') offset = 0
    else {
      const digits = zone.replace(':', '')
      const sign = digits[0] === '-' ? -1 : 1
      offset = sign * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5)))
    }
  }
  return { hour, minute, second, offset }
}

function parts(value: string, order: DateOrder | null): Parts | null {
  let m = NUMERIC.exec(value)
  let year: number | null
  let month: number
  let day: number
  let rest: RegExpExecArray
  if (m) {
    rest = m
    const a = m[1] ?? ''
    const b = Number(m[3])
    if (a.length === 4 || a.length === 3) {
      if ((m[4] ?? '').length > 2) return null
      year = gregorianYear(a)
      month = b
      day = Number(m[4])
    } else {
      year = gregorianYear(m[4] ?? '')
      const first = Number(a)
      const effective = order ?? (first > 12 ? 'dmy' : b > 12 ? 'mdy' : first === b ? 'dmy' : null)
      if (effective === null) return null
      day = effective === 'dmy' ? first : b
      month = effective === 'dmy' ? b : first
    }
    return finish(year, month, day, rest, 5)
  }
  m = DAY_MONTH_NAME.exec(value)
  if (m) {
    const mon = monthFromName(m[2] ?? '')
    if (mon === undefined) return null
    return finish(gregorianYear(m[3] ?? ''), mon, Number(m[1]), m, 4)
  }
  m = MONTH_NAME_DAY.exec(value)
  if (m) {
    const mon = monthFromName(m[1] ?? '')
    if (mon === undefined) return null
    return finish(gregorianYear(m[3] ?? ''), mon, Number(m[2]), m, 4)
  }
  return null
}

function finish(
  year: number | null,
  month: number,
  day: number,
  m: RegExpExecArray,
  timeAt: number,
): Parts | null {
  if (year === null || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null
  const time = timeParts(m[timeAt], m[timeAt + 1], m[timeAt + 2], m[timeAt + 3], m[timeAt + 4])
  return time && { year, month, day, ...time }
}

function format(p: Omit<Parts, 'offset'>): string {
  return `${p.year}-${pad2(p.month)}-${pad2(p.day)}T${pad2(p.hour)}:${pad2(p.minute)}:${pad2(p.second)}`
}

/**
 * Parses a date or date-time to shop-local 'YYYY-MM-DDTHH:MM:SS', or null when it is not a valid date. A value
 * with a UTC offset (Shopify's '+0000') is moved to the shop's offset (Thailand: +420 minutes, no DST).
 */
export function parseDateTime(raw: string, order: DateOrder | null, shopOffsetMinutes = 420): string | null {
  const plain = plainDateTime(raw, order)
  return plain !== undefined ? plain : parseAnyDateTime(raw, order, shopOffsetMinutes)
}

/** parseDateTime without its fast path for the common shapes (what that path is tested against). */
export function parseAnyDateTime(
  raw: string,
  order: DateOrder | null,
  shopOffsetMinutes = 420,
): string | null {
  const value = raw.trim()
  const p = parts(value, order)
  if (!p) return null
  if (p.offset === null || p.offset === shopOffsetMinutes) return format(p)
  const utc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - p.offset * 60_000
  const local = new Date(utc + shopOffsetMinutes * 60_000)
  return format({
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
    second: local.getUTCSeconds(),
  })
}

const digitAt = (s: string, i: number): number => {
  const c = s.charCodeAt(i) - 48
  return c >= 0 && c <= 9 ? c : -1
}

/**
 * The shapes POS exports write on every line, read by character codes instead of the regexes: 'A/B/C',
 * 'A-B-C' or 'A.B.C' (A and B of 1-2 digits, or A of 4 digits: year first; C of 1-4 digits), alone or
 * followed by one space or 'T' and 'H:MM' or 'H:MM:SS' (H of 1-2 digits), nothing else. Gives what `parts`
 * and `format` give for such a value (the same checks, in the same order); undefined for any other shape
 * (the regexes decide).
 */
function plainDateTime(v: string, order: DateOrder | null): string | null | undefined {
  const n = v.length
  let i = 0
  let a = 0
  for (; i < n && i < 5; i++) {
    const d = digitAt(v, i)
    if (d < 0) break
    a = a * 10 + d
  }
  const aLen = i
  if (aLen === 0 || aLen === 3 || aLen > 4 || i >= n) return undefined
  const sep = v.charCodeAt(i++)
  if (sep !== 47 /* / */ && sep !== 45 /* - */ && sep !== 46 /* . */) return undefined
  let b = 0
  const bStart = i
  for (; i < n && i - bStart < 3; i++) {
    const d = digitAt(v, i)
    if (d < 0) break
    b = b * 10 + d
  }
  const bLen = i - bStart
  if (bLen === 0 || bLen > 2 || i >= n || v.charCodeAt(i++) !== sep) return undefined
  let c = 0
  const cStart = i
  for (; i < n && i - cStart < 5; i++) {
    const d = digitAt(v, i)
    if (d < 0) break
    c = c * 10 + d
  }
  const cLen = i - cStart
  if (cLen === 0 || cLen > 4) return undefined
  let hour = 0
  let minute = 0
  let second = 0
  if (i < n) {
    const t = v.charCodeAt(i++)
    if (t !== 32 /* space */ && t !== 84 /* T */) return undefined
    const h1 = digitAt(v, i)
    if (h1 < 0) return undefined
    const h2 = digitAt(v, i + 1)
    hour = h2 < 0 ? h1 : h1 * 10 + h2
    i += h2 < 0 ? 1 : 2
    if (v.charCodeAt(i) !== 58 /* : */) return undefined
    const m1 = digitAt(v, i + 1)
    const m2 = digitAt(v, i + 2)
    if (m1 < 0 || m2 < 0) return undefined
    minute = m1 * 10 + m2
    i += 3
    if (i < n) {
      if (v.charCodeAt(i) !== 58) return undefined
      const s1 = digitAt(v, i + 1)
      const s2 = digitAt(v, i + 2)
      if (s1 < 0 || s2 < 0 || i + 3 !== n) return undefined
      second = s1 * 10 + s2
    }
  }
  let year: number | null
  let month: number
  let day: number
  if (aLen === 4) {
    if (cLen > 2) return null
    year = gregorianYear(v.slice(0, 4))
    month = b
    day = c
  } else {
    year = gregorianYear(v.slice(cStart, cStart + cLen))
    const effective = order ?? (a > 12 ? 'dmy' : b > 12 ? 'mdy' : a === b ? 'dmy' : null)
    if (effective === null) return null
    day = effective === 'dmy' ? a : b
    month = effective === 'dmy' ? b : a
  }
  if (year === null || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null
  if (hour > 23 || minute > 59 || second > 59) return null
  return format({ year, month, day, hour, minute, second })
}

/** Which day/month orders a value can be read in: the evidence date-order detection collects per row. */
export type OrderFit = 'both' | 'dmy' | 'mdy' | 'neither'

export function orderFit(raw: string): OrderFit {
  const value = raw.trim()
  const m = NUMERIC.exec(value)
  if (!m) return parts(value, null) ? 'both' : 'neither'
  const a = m[1] ?? ''
  if (a.length >= 3) return parts(value, 'dmy') ? 'both' : 'neither'
  const dmy = parts(value, 'dmy') !== null
  const mdy = parts(value, 'mdy') !== null
  return dmy && mdy ? 'both' : dmy ? 'dmy' : mdy ? 'mdy' : 'neither'
}

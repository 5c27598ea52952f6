// Money and quantities as POS exports write them. Money becomes integer satang (1/100 baht), exactly: the
// digits are read as text, never through a float, and a third decimal rounds half away from zero.

import type { DecimalSeparator } from '../../../shared/api/import'

// Currency marks and words that may stand before or after an amount, and the spaces Excel leaves.
const CURRENCY = /฿|\$|€|£|THB|บาท|[\s\u00a0\u202f']/gi
const PLAIN = /^-?\d+(?:\.\d{1,2})?$/

function clean(raw: string, decimal: DecimalSeparator): { digits: string; negative: boolean } | null {
  let s = raw.trim()
  let negative = false
  if (s.startsWith('(') && s.endsWith(')')) {
    negative = true
    s = s.slice(1, -1)
  }
  s = s.replace(CURRENCY, '')
  if (s.startsWith('-') || s.startsWith('\u2212')) {
    negative = !negative
    s = s.slice(1)
  } else if (s.endsWith('-')) {
    negative = !negative
    s = s.slice(0, -1)
  } else if (s.startsWith('+')) {
    s = s.slice(1)
  }
  s = s.replace(CURRENCY, '')
  const digits = ungroup(s, decimal)
  if (digits === null || !/^(?:\d+(?:\.\d*)?|\.\d+)$/.test(digits)) return null
  return { digits, negative }
}

const GROUPED = { '.': /^\d{1,3}(?:,\d{3})+$/, ',': /^\d{1,3}(?:\.\d{3})+$/ } as const

/**
 * Removes thousands separators, but only where they group thousands: with a decimal dot, '1,234.50' is
 * 1234.50 while '1.234,50' is not an amount (read as 1.23 it would silently lose a thousand baht).
 * Returns the number with '.' as its decimal mark, or null when the marks do not fit the decimal setting.
 */
function ungroup(s: string, decimal: DecimalSeparator): string | null {
  const group = decimal === '.' ? ',' : '.'
  const parts = s.split(decimal)
  if (parts.length > 2) return null
  const [whole = '', fraction] = parts
  if (fraction?.includes(group)) return null
  if (whole.includes(group) && !GROUPED[decimal].test(whole)) return null
  const digits = whole.split(group).join('')
  return fraction === undefined ? digits : `${digits}.${fraction}`
}

/**
 * The common case without a regex or a substring: '-?digits' with at most two decimals and at most 15 digits
 * before the point (exact in a double), as PLAIN reads it; null for anything else (the general path decides).
 */
function plainSatang(raw: string): number | null {
  const n = raw.length
  let i = raw.charCodeAt(0) === 45 /* '-' */ ? 1 : 0
  const start = i
  let whole = 0
  for (; i < n; i++) {
    const c = raw.charCodeAt(i) - 48
    if (c < 0 || c > 9) break
    whole = whole * 10 + c
  }
  const digits = i - start
  if (digits === 0 || digits > 15) return null
  let cents = whole * 100
  if (i < n) {
    if (raw.charCodeAt(i) !== 46 /* '.' */) return null
    const decimals = n - i - 1
    if (decimals < 1 || decimals > 2) return null
    const d1 = raw.charCodeAt(i + 1) - 48
    const d2 = decimals === 2 ? raw.charCodeAt(i + 2) - 48 : 0
    if (d1 < 0 || d1 > 9 || d2 < 0 || d2 > 9) return null
    cents += d1 * 10 + d2
  }
  return start === 1 ? -cents : cents
}

/**
 * '฿1,234.50', '1.234,50' (with decimal ','), '(12.00)', '-12', '12-', '$8.00 ' -> satang. Returns undefined for an
 * empty value and null for text that is not an amount.
 */
export function parseSatang(raw: string, decimal: DecimalSeparator = '.'): number | null | undefined {
  if (raw === '') return undefined
  if (decimal === '.') {
    const fast = plainSatang(raw)
    if (fast !== null) return fast
  }
  if (decimal === '.' && PLAIN.test(raw)) {
    // the common case, kept cheap: plain digits with at most two decimals
    const dot = raw.indexOf('.')
    if (dot < 0) return Number(raw) * 100
    const whole = raw.slice(0, dot)
    const frac = raw.slice(dot + 1).padEnd(2, '0')
    const cents = Number(whole.replace('-', '')) * 100 + Number(frac)
    return whole.startsWith('-') ? -cents : cents
  }
  if (raw.trim() === '') return undefined
  const c = clean(raw, decimal)
  if (!c) return null
  const [whole = '', fraction = ''] = c.digits.split('.')
  const frac = fraction.padEnd(3, '0')
  let cents = Number(whole || '0') * 100 + Number(frac.slice(0, 2))
  if (frac.charCodeAt(2) >= 53 /* '5' */) cents += 1
  if (!Number.isSafeInteger(cents)) return null
  return c.negative ? -cents : cents
}

/** Whether a text is '-?digits(.digits)?' (DECIMAL), checked without a regex. */
function plainDecimal(raw: string): boolean {
  const n = raw.length
  let i = raw.charCodeAt(0) === 45 /* '-' */ ? 1 : 0
  const start = i
  while (i < n && isDigit(raw.charCodeAt(i))) i++
  if (i === start) return false
  if (i === n) return true
  if (raw.charCodeAt(i) !== 46 /* '.' */) return false
  const point = ++i
  while (i < n && isDigit(raw.charCodeAt(i))) i++
  return i === n && i > point
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57

/** A quantity such as '1.000', '2', '-1' or '0,5' (with decimal ','). Undefined when empty, null when not a number. */
export function parseQuantity(raw: string, decimal: DecimalSeparator = '.'): number | null | undefined {
  if (raw === '') return undefined
  if (decimal === '.' && plainDecimal(raw)) return Number(raw)
  if (raw.trim() === '') return undefined
  const c = clean(raw, decimal)
  if (!c) return null
  const n = Number(c.digits)
  return c.negative ? -n : n
}

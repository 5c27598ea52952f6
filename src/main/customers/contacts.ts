import { parsePhoneNumberFromString } from 'libphonenumber-js'
import { detach } from '../import/detach'

// Names, phone numbers and e-mail addresses as they identify a customer.

/** Trimmed, inner whitespace collapsed, Unicode NFC (Thai vowels and tone marks typed in different orders). */
export function cleanName(raw: string): string {
  return raw.normalize('NFC').replace(/\s+/g, ' ').trim()
}

/** The form two names are compared in: cleaned and lower-cased. */
export function nameKey(raw: string): string {
  return cleanName(raw).toLowerCase()
}

/** Excel's text marker: `'+66812345678`, `'7210448301122`. */
export function stripApostrophe(raw: string): string {
  const s = raw.trim()
  return s.startsWith("'") ? s.slice(1).trim() : s
}

const THAI_LOCAL = /^0[1-9]\d{7,8}$/
const SEPARATORS = /[\s\-().]/g
const phoneCache = new Map<string, string | null>()
const PHONE_CACHE_LIMIT = 100_000

/**
 * A phone number to E.164 (+66812345678), reading numbers without a country code as Thai. Returns null when
 * it is not a valid number. The common Thai forms (08x-xxx-xxxx, 02-xxx-xxxx) go through libphonenumber-js
 * once per distinct value; a cache keeps a million-line import from parsing the same customers again.
 */
export function normalizePhone(raw: string): string | null {
  const value = stripApostrophe(raw)
  if (value === '') return null
  const cached = phoneCache.get(value)
  if (cached !== undefined) return cached
  const digits = value.replace(SEPARATORS, '')
  // separators are dropped first when what is left is only digits, so '081-234-5678' and '0812345678' agree
  const parsed = parsePhoneNumberFromString(
    /^\+?\d{6,15}$/.test(digits) || THAI_LOCAL.test(digits) ? digits : value,
    'TH',
  )
  const result = parsed?.isValid() ? parsed.number : null
  if (phoneCache.size >= PHONE_CACHE_LIMIT) phoneCache.clear()
  phoneCache.set(detach(value), result)
  return result
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

/** Lower-cased and trimmed; null when it is not an e-mail address. */
export function normalizeEmail(raw: string): string | null {
  const value = stripApostrophe(raw).toLowerCase()
  return EMAIL.test(value) ? detach(value) : null
}

/** Loyverse's 'Customer contacts' holds a phone number or an e-mail address. */
export function splitContact(raw: string): { phone: string | null; email: string | null } {
  const value = raw.trim()
  if (value === '') return { phone: null, email: null }
  if (value.includes('@')) return { phone: null, email: normalizeEmail(value) }
  return { phone: normalizePhone(value), email: null }
}

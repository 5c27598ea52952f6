import type { Format } from '../../format/useFormat'

// Small display helpers of the Import page: how a separator, a timestamp and a phone read to a person.

const DELIMITERS: Record<string, 'comma' | 'semicolon' | 'tab' | 'pipe'> = {
  ',': 'comma',
  ';': 'semicolon',
  '\t': 'tab',
  '|': 'pipe',
}

/** The i18n key (import:delimiter.<key>) of a column separator, or null for one Lukkha does not name. */
export function delimiterKey(delimiter: string): 'comma' | 'semicolon' | 'tab' | 'pipe' | null {
  return DELIMITERS[delimiter] ?? null
}

/** 'YYYY-MM-DDTHH:MM:SS' (shop-local) -> the date in the chosen era and the time: '31 ธ.ค. 2568 14:05'. */
export function dateTime(fmt: Format, timestamp: string): string {
  const time = timestamp.slice(11, 16)
  return time ? `${fmt.date(timestamp)} ${time}` : fmt.date(timestamp)
}

/** Thai numbers are stored as +66…; people read them as 08x-xxx-xxxx (mobile) or 0x-xxx-xxxx (landline). */
export function displayPhone(phone: string | null): string {
  if (!phone) return ''
  const m = /^\+66(\d{8,9})$/.exec(phone)
  if (!m?.[1]) return phone
  const local = `0${m[1]}`
  return local.length === 10
    ? `${local.slice(0, 3)}-${local.slice(3, 6)}-${local.slice(6)}`
    : `${local.slice(0, 2)}-${local.slice(2, 5)}-${local.slice(5)}`
}

import type { Language } from '../api/settings'

const LOCALES: Record<Language, string> = { th: 'th-TH', en: 'en-GB' }

export function numberLocale(language: Language): string {
  return LOCALES[language]
}

// An Intl.NumberFormat is built once per (locale, options) and kept: building one costs far more than
// formatting with it, and a screen formats hundreds of figures with the same few options.
const formats = new Map<string, Intl.NumberFormat>()

function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`
  let format = formats.get(key)
  if (!format) {
    format = new Intl.NumberFormat(locale, options)
    formats.set(key, format)
  }
  return format
}

/** Baht from integer satang: ฿1,234.50, or ฿1,235 when `whole`. */
export function formatBaht(satang: number, language: Language, whole = false): string {
  return numberFormat(LOCALES[language], {
    style: 'currency',
    currency: 'THB',
    currencyDisplay: 'narrowSymbol',
    minimumFractionDigits: whole ? 0 : 2,
    maximumFractionDigits: whole ? 0 : 2,
  }).format(satang / 100)
}

export function formatNumber(value: number, language: Language, maximumFractionDigits = 0): string {
  return numberFormat(LOCALES[language], { maximumFractionDigits }).format(value)
}

/** A signed percentage such as +12% or −4%. */
export function formatChange(ratio: number, language: Language): string {
  return numberFormat(LOCALES[language], {
    style: 'percent',
    signDisplay: 'exceptZero',
    maximumFractionDigits: 0,
  }).format(ratio)
}

/**
 * A share as a whole percentage; a small non-zero share keeps one decimal (0.4%) or reads "<0.1%", so a
 * segment that has customers never shows as 0%.
 */
export function formatPercent(ratio: number, language: Language): string {
  const small = ratio !== 0 && Math.abs(ratio) < 0.095
  const format = numberFormat(LOCALES[language], {
    style: 'percent',
    maximumFractionDigits: small ? 1 : 0,
  })
  if (ratio !== 0 && Math.abs(ratio) < 0.0005) return `<${format.format(Math.sign(ratio) * 0.001)}`
  return format.format(ratio)
}

// Thai reads large amounts in its own units (พัน thousand, ล้าน million), not a Latin K or M.
const THAI_UNITS: [number, string][] = [
  [1_000_000, ' ล้าน'],
  [1_000, ' พัน'],
]

/** A short amount for chart axes: ฿350K in English, ฿350 พัน in Thai. */
export function formatBahtCompact(satang: number, language: Language): string {
  if (language === 'th') {
    const baht = satang / 100
    const [size, unit] = THAI_UNITS.find(([n]) => Math.abs(baht) >= n) ?? [1, '']
    const number = numberFormat('th-TH', { maximumFractionDigits: 1 }).format(baht / size)
    return `฿${number}${unit}`
  }
  return numberFormat(LOCALES[language], {
    style: 'currency',
    currency: 'THB',
    currencyDisplay: 'narrowSymbol',
    notation: 'compact',
  }).format(satang / 100)
}

import type { Language } from '../api/settings'

const LOCALES: Record<Language, string> = { th: 'th-TH', en: 'en-GB' }

export function numberLocale(language: Language): string {
  return LOCALES[language]
}

/** Baht from integer satang: ฿1,234.50, or ฿1,235 when `whole`. */
export function formatBaht(satang: number, language: Language, whole = false): string {
  return new Intl.NumberFormat(LOCALES[language], {
    style: 'currency',
    currency: 'THB',
    currencyDisplay: 'narrowSymbol',
    minimumFractionDigits: whole ? 0 : 2,
    maximumFractionDigits: whole ? 0 : 2,
  }).format(satang / 100)
}

export function formatNumber(value: number, language: Language, maximumFractionDigits = 0): string {
  return new Intl.NumberFormat(LOCALES[language], { maximumFractionDigits }).format(value)
}

/** A signed percentage such as +12% or −4%. */
export function formatChange(ratio: number, language: Language): string {
  return new Intl.NumberFormat(LOCALES[language], {
    style: 'percent',
    signDisplay: 'exceptZero',
    maximumFractionDigits: 0,
  }).format(ratio)
}

export function formatPercent(ratio: number, language: Language): string {
  return new Intl.NumberFormat(LOCALES[language], { style: 'percent', maximumFractionDigits: 0 }).format(
    ratio,
  )
}

/** A short amount for chart axes: ฿350K. */
export function formatBahtCompact(satang: number, language: Language): string {
  return new Intl.NumberFormat(LOCALES[language], {
    style: 'currency',
    currency: 'THB',
    currencyDisplay: 'narrowSymbol',
    notation: 'compact',
  }).format(satang / 100)
}

import type { CellValue, ColumnKind } from './table'

// Formula injection ("CSV injection"): a spreadsheet treats a cell that starts with = + - @ (and, in some
// programs, a tab or a line break before one of them) as a formula, so a customer named "=HYPERLINK(...)"
// would run in the shop owner's Excel. Every text cell that starts with one of these characters gets a single
// quote in front: Excel, LibreOffice and Google Sheets then show it as text. Numbers the engine computed are
// written as numbers (a negative amount is not text the user typed).

const FORMULA_TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r', '\n'])

/** The text with a leading single quote when a spreadsheet could read it as a formula. */
export function neutralizeCell(text: string): string {
  return text.length > 0 && FORMULA_TRIGGERS.has(text[0] ?? '') ? `'${text}` : text
}

/** True when `neutralizeCell` would change the text. */
export function looksLikeFormula(text: string): boolean {
  return neutralizeCell(text) !== text
}

/** Integer satang as an exact decimal string of baht ('-12.05'); never through a float. */
export function bahtText(satang: number): string {
  const sign = satang < 0 ? '-' : ''
  const abs = Math.abs(Math.round(satang))
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`
}

/** A typed cell: a number the spreadsheet may compute with, or neutralised text. */
export type OutputCell =
  { type: 'number'; value: number; text: string } | { type: 'text'; value: string } | null

export function outputCell(kind: ColumnKind, value: CellValue): OutputCell {
  if (value === null || value === undefined || value === '') return null
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return null
    switch (kind) {
      case 'money': {
        const text = bahtText(value)
        return { type: 'number', value: Number(text), text }
      }
      case 'integer':
        return { type: 'number', value: Math.round(value), text: String(Math.round(value)) }
      case 'percent':
        // a share 0..1; written as the number, shown as a percentage in XLSX
        return { type: 'number', value, text: String(value) }
      default:
        return { type: 'number', value, text: String(value) }
    }
  }
  return { type: 'text', value: neutralizeCell(value) }
}

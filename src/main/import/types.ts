import { rowReasons, type ImportSummaryDto } from '../../shared/api/import'
import type { TextEncoding } from './encoding'
import type { ColumnMapping } from './mapping'
import type { DecimalSeparator } from './normalize/amounts'
import type { DateOrder } from './normalize/dates'
import type { PresetChoice } from './presets'

export { rowReasons }
export type RowReason = (typeof rowReasons)[number]

export interface RowIssue {
  /** 1-based data row number (the header is not counted). */
  row: number
  /** The column's name as the file's header has it. */
  column: string
  value: string
  reason: RowReason
  message: string
}

export interface Identity {
  code: string | null
  phone: string | null
  email: string | null
  name: string
}

export interface SaleRow {
  row: number
  receiptNumber: string
  occurredAt: string
  /** The row's receipt type says refund (Loyverse 'Refund', Square 'Refund'). */
  refund: boolean
  identity: Identity | null
  sku: string | null
  productName: string | null
  category: string
  quantity: number
  unitPrice: number
  discount: number
  net: number
  store: string | null
  staff: string | null
  /** Shopify: money refunded on the whole order, written on its first row. */
  refundedAmount: number | null
}

export interface CustomerRow {
  row: number
  identity: Identity
  birthday: string | null
  firstVisit: string | null
  lastVisit: string | null
}

export interface ImportOptions {
  /** Shown in history; defaults to the file's base name. */
  fileName?: string
  encoding?: TextEncoding
  delimiter?: string
  sheet?: string
  /** A preset, 'generic' (needs mapping) or 'auto' (detect from the header; the default). */
  preset?: PresetChoice | 'auto'
  mapping?: ColumnMapping
  /** Day/month order of d/m/y-style dates; required when the file fits both. */
  dateOrder?: DateOrder
  decimalSeparator?: DecimalSeparator
  /** Store the valid rows even though some are rejected (the user's choice after seeing the errors). */
  validRowsOnly?: boolean
  /** Where to write the rejected rows as CSV (the original columns plus lukkha_error). */
  rejectedOut?: string
  /** The shop's offset from UTC in minutes, for timestamps that carry one. Thailand: 420. */
  shopOffsetMinutes?: number
}

/** The contract's words (src/shared/api/import.ts): a file with rejected rows stored nothing and failed. */
export type ImportStatusResult = ImportSummaryDto['status']

export interface ImportSummary {
  status: ImportStatusResult
  /** The history entry: the stored import, or the record of a rejected one; null when cancelled. */
  importId: number | null
  fileName: string
  format: 'csv' | 'xlsx'
  preset: PresetChoice
  kind: 'sales' | 'customers'
  source: string
  encoding: TextEncoding | null
  delimiter: string | null
  sheet: string | null
  dateOrder: DateOrder | null
  rowsRead: number
  rowsRejected: number
  rowsIgnored: number
  receiptsAdded: number
  linesAdded: number
  duplicatesSkipped: number
  customersCreated: number
  customersMatched: number
  productsCreated: number
  storesCreated: number
  mergeSuggestions: number
  /** Net amount of the lines added, satang. */
  netAdded: number
  /** The first errors (up to MAX_LISTED); errorCount says how many rows were rejected in all. */
  errors: RowIssue[]
  warnings: RowIssue[]
  warningCount: number
  rejectedFile: string | null
  elapsedMs: number
}

export const MAX_LISTED_ISSUES = 1000

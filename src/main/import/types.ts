import type {
  DateOrder,
  DecimalSeparator,
  ImportSummaryDto,
  PresetChoice,
  RowIssueDto,
  TextEncoding,
} from '../../shared/api/import'
import type { ColumnMapping } from './mapping'
import type { ImportParts } from './parts'

/** A rejected or warned row, in the contract's words (1-based data row; the column as the header names it). */
export type RowIssue = RowIssueDto

export type { Identity } from '../customers/identity'
import type { Identity } from '../customers/identity'

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

/**
 * The import's summary as the engine ends it: the contract's ImportSummaryDto, with the rejected rows' file
 * (a path the main process keeps) instead of what the API adds from it and from the database
 * (hasRejectedRows, newCustomers; see job.ts).
 */
export type ImportSummary = Omit<ImportSummaryDto, 'hasRejectedRows' | 'newCustomers'> & {
  rejectedFile: string | null
  /** Where the time went, ms per part (parts.ts), for the benchmark; not part of the contract. */
  parts?: ImportParts
}

export const MAX_LISTED_ISSUES = 1000

import type { DateOrder, DecimalSeparator, FieldName } from '../../shared/api/import'
import { detach } from './detach'
import { columnName, type ResolvedMapping } from './mapping'
import {
  cleanName,
  normalizeEmail,
  normalizePhone,
  splitContact,
  stripApostrophe,
} from './normalize/contacts'
import { parseDateTime } from './normalize/dates'
import type { Identity, RowIssue } from './types'

// One data row of the file -> one normalised sale line or customer, or the reasons it cannot be used.
// Runs a million times per big import: no per-row regex compilation, the last date string is remembered
// (a receipt's lines share it), and values are read straight from the row's cells.

export const IGNORED_STATUS = new Set(['cancelled', 'canceled', 'voided', 'void', 'ยกเลิก', 'ยกเลิกแล้ว'])
export const REFUND_TYPES = new Set(['refund', 'refunded', 'return', 'คืนเงิน', 'คืนสินค้า', 'การคืนเงิน'])

export type Mapped<T> =
  | { ok: true; value: T; warnings: RowIssue[] | null }
  | { ok: false; errors: RowIssue[]; warnings: RowIssue[] | null }
  | { ok: 'ignored' }

export interface RowContext {
  dateOrder: DateOrder | null
  shopOffsetMinutes: number
  /** The file had bytes that are not UTF-8: a cell holding U+FFFD is a bad row, never stored. */
  checkText?: boolean
}

/** 100 million baht: no line of a small shop's sale comes near it; beyond is a typo or not money. */
export const MAX_AMOUNT_SATANG = 10_000_000_000
/** A line's quantity beyond this is not a count of goods sold. */
export const MAX_QUANTITY = 1_000_000
export const REPLACEMENT = '\uFFFD'
/** A text cell whose leading whitespace hides a formula-like start: stored exactly, never trimmed. */
export const HIDDEN_FORMULA = /^\s+[=+\-@]/
/** A cell the shared export neutralised: a quote before = + - @ tab CR LF. */
export const QUOTED_FORMULA = /^'[=+\-@\t\r\n]/

/** More than two decimals that are not zeros (50.001, 1,5 with decimal ','-grouping aside). */
export function extraDecimals(raw: string, decimal: DecimalSeparator): boolean {
  const at = raw.lastIndexOf(decimal)
  if (at < 0) return false
  let digits = 0
  for (let i = at + 1; i < raw.length; i++) {
    const c = raw.charCodeAt(i)
    if (c < 48 || c > 57) break
    digits++
    if (digits > 2 && c !== 48) return true
  }
  return false
}

const CLEAN_CACHE_LIMIT = 50_000

/**
 * A pure function of one cell's text, remembered per distinct text: a file repeats each regular's phone and
 * e-mail on line after line, and parsing them (libphonenumber above all) costs far more than a map lookup.
 * (Amounts are not worth it: their plain-digits fast path costs about what the lookup does.) Bounded like the name cache; keys are detached so no chunk stays pinned.
 */
function remembered<T>(f: (raw: string) => T): (raw: string) => T {
  const cache = new Map<string, T>()
  return (raw) => {
    const had = cache.get(raw)
    if (had !== undefined || cache.has(raw)) return had as T
    if (cache.size >= CLEAN_CACHE_LIMIT) cache.clear()
    const value = f(raw)
    cache.set(detach(raw), value)
    return value
  }
}

/** Whether a character could be one String.prototype.trim removes (all of those are <= 32, 160 or >= U+1680). */
export function maybeSpace(code: number): boolean {
  return code <= 32 || code === 160 || code >= 0x1680
}

export abstract class RowReader {
  protected lastDateRaw = ''
  protected lastDate: string | null = null
  /** Products, categories, stores and staff repeat on most rows: clean each distinct text once. */
  private readonly cleaned = new Map<string, string>()

  private readonly phoneOf = remembered(normalizePhone)
  private readonly emailOf = remembered(normalizeEmail)
  private readonly contactOf = remembered(splitContact)

  /** Lukkha's own export quotes formula-like text ('=1+1): its import reads the text back exactly. */
  private readonly unquote: boolean
  /** The identity fields' columns, looked up once (a million rows read them). */
  private readonly idColumns: Record<
    'code' | 'name' | 'first' | 'last' | 'phone' | 'email' | 'contact',
    readonly number[] | undefined
  >
  /** The last row's identity cells and what they gave: a receipt's lines repeat them (see identity). */
  private lastIdentityCells: string[] = []
  private lastIdentity: Identity | null = null

  constructor(
    protected readonly mapping: ResolvedMapping,
    protected readonly context: RowContext,
  ) {
    this.unquote = mapping.preset === 'lukkha_sales'
    const index = mapping.index
    this.idColumns = {
      code: index.customer_code,
      name: index.customer_name,
      first: index.first_name,
      last: index.last_name,
      phone: index.phone,
      email: index.email,
      contact: index.contact,
    }
  }

  /** Reused for every row; copied out only for a row that has issues (few do). */
  protected readonly errors: RowIssue[] = []
  protected readonly warnings: RowIssue[] = []

  /** The first non-empty cell among the field's columns, trimmed; '' when none. */
  protected get(row: string[], field: FieldName): string {
    return this.cell(row, this.mapping.index[field])
  }

  /** get() with the field's columns looked up beforehand. */
  protected cell(row: string[], columns: readonly number[] | undefined): string {
    if (columns === undefined) return ''
    for (let i = 0; i < columns.length; i++) {
      let v = row[columns[i] as number]
      if (v !== undefined && v !== '') {
        if (this.unquote && v.charCodeAt(0) === 39 && QUOTED_FORMULA.test(v)) v = v.slice(1)
        // most cells need no trimming: skip the copy when neither end can be whitespace
        if (!maybeSpace(v.charCodeAt(0)) && !maybeSpace(v.charCodeAt(v.length - 1))) return v
        // text is stored exactly: a tab or space before '=' is not stripped (the export neutralises it)
        if (HIDDEN_FORMULA.test(v)) return v.trimEnd()
        const t = v.trim()
        if (t !== '') return t
      }
    }
    return ''
  }

  protected clean(raw: string): string {
    let c = this.cleaned.get(raw)
    if (c === undefined) {
      if (this.cleaned.size >= CLEAN_CACHE_LIMIT) this.cleaned.clear()
      c = detach(HIDDEN_FORMULA.test(raw) ? raw.normalize('NFC') : cleanName(raw))
      this.cleaned.set(detach(raw), c)
    }
    return c
  }

  protected column(field: FieldName): string {
    return columnName(this.mapping, field)
  }

  protected date(raw: string): string | null {
    if (raw === this.lastDateRaw) return this.lastDate
    this.lastDateRaw = raw
    this.lastDate = parseDateTime(raw, this.context.dateOrder, this.context.shopOffsetMinutes)
    return this.lastDate
  }

  protected issue(
    row: number,
    field: FieldName,
    value: string,
    reason: RowIssue['reason'],
    message: string,
  ): RowIssue {
    return { row, column: this.column(field), value, reason, message }
  }

  /** Cells with U+FFFD (bytes that were not text in the file's encoding) -> one bad_encoding issue each. */
  protected badText(cells: string[], rowNo: number, into: RowIssue[]): void {
    for (let c = 0; c < cells.length; c++) {
      const v = cells[c] ?? ''
      if (v.includes(REPLACEMENT)) {
        into.push({
          row: rowNo,
          column: this.mapping.header[c] ?? String(c + 1),
          value: v,
          reason: 'bad_encoding',
          message: `"${v}" has bytes that are not text in the file's encoding; fix the file and import this row again`,
        })
      }
    }
  }

  /** A row with fewer cells than the header (a cut-off last line): the values may be cut too. */
  protected shortRow(cells: string[], rowNo: number, into: RowIssue[]): void {
    const want = this.mapping.header.length
    if (cells.length >= want) return
    into.push({
      row: rowNo,
      column: this.mapping.header[cells.length] ?? '',
      value: cells.at(-1) ?? '',
      reason: 'short_row',
      message: `the row has ${cells.length} of the header's ${want} columns; it may be cut off`,
    })
  }

  protected dateMessage(value: string): string {
    const order = this.context.dateOrder
    return order
      ? `"${value}" is not a date in ${order === 'dmy' ? 'day/month/year' : 'month/day/year'} order`
      : `"${value}" is not a date`
  }

  /**
   * Who the row's customer is. A receipt's lines repeat its customer's cells: when they equal the last row's
   * (and that row warned about none of them) the last row's identity is the answer, without cleaning the same
   * texts again. Identities are never changed once made, so rows may share one.
   */
  protected identity(row: string[], rowNo: number, warnings: RowIssue[]): Identity | null {
    const c = this.idColumns
    const codeRaw = this.cell(row, c.code)
    const nameRaw = this.cell(row, c.name)
    const firstRaw = nameRaw === '' ? this.cell(row, c.first) : ''
    const lastRaw = nameRaw === '' ? this.cell(row, c.last) : ''
    const phoneRaw = this.cell(row, c.phone)
    const emailRaw = this.cell(row, c.email)
    const contactRaw = this.cell(row, c.contact)
    const last = this.lastIdentityCells
    if (
      last.length === 7 &&
      last[0] === codeRaw &&
      last[1] === nameRaw &&
      last[2] === firstRaw &&
      last[3] === lastRaw &&
      last[4] === phoneRaw &&
      last[5] === emailRaw &&
      last[6] === contactRaw
    )
      return this.lastIdentity
    const warned = warnings.length
    const identity = this.identityOf(
      rowNo,
      warnings,
      codeRaw,
      nameRaw,
      firstRaw,
      lastRaw,
      phoneRaw,
      emailRaw,
      contactRaw,
    )
    // (detached: the cells of the last row would otherwise keep their chunk of the file alive)
    this.lastIdentityCells =
      warnings.length === warned
        ? [codeRaw, nameRaw, firstRaw, lastRaw, phoneRaw, emailRaw, contactRaw].map(detach)
        : []
    this.lastIdentity = identity
    return identity
  }

  private identityOf(
    rowNo: number,
    warnings: RowIssue[],
    codeRaw: string,
    nameRaw: string,
    firstRaw: string,
    lastRaw: string,
    phoneRaw: string,
    emailRaw: string,
    contactRaw: string,
  ): Identity | null {
    const code = detach(stripApostrophe(codeRaw))
    const name = this.clean(nameRaw === '' ? `${firstRaw} ${lastRaw}` : nameRaw)
    let phone: string | null = null
    let email: string | null = null
    if (phoneRaw !== '') {
      phone = this.phoneOf(phoneRaw)
      if (phone === null)
        warnings.push(
          this.issue(rowNo, 'phone', phoneRaw, 'bad_phone', `"${phoneRaw}" is not a phone number; left out`),
        )
    }
    if (emailRaw !== '') {
      email = this.emailOf(emailRaw)
      if (email === null)
        warnings.push(
          this.issue(
            rowNo,
            'email',
            emailRaw,
            'bad_email',
            `"${emailRaw}" is not an e-mail address; left out`,
          ),
        )
    }
    if (contactRaw !== '' && phone === null && email === null) {
      const contact = this.contactOf(contactRaw)
      phone = contact.phone
      email = contact.email
      if (phone === null && email === null) {
        warnings.push(
          this.issue(
            rowNo,
            'contact',
            contactRaw,
            'bad_phone',
            `"${contactRaw}" is neither a phone number nor an e-mail address; left out`,
          ),
        )
      }
    }
    if (code === '' && name === '' && phone === null && email === null) return null
    return { code: code === '' ? null : code, phone, email, name }
  }
}

/**
 * f(text) for a cell whose text mostly repeats the previous row's (a store, a cashier, a category, a status):
 * compared with the last text first, so a repeat needs no hash of the fresh cell text and no map lookup.
 */
export class LastOf {
  private raw: string | null = null
  private value = ''

  constructor(private readonly f: (raw: string) => string) {}

  of(raw: string): string {
    if (raw !== this.raw) {
      const value = this.f(raw)
      this.raw = value === raw ? value : detach(raw)
      this.value = value
    }
    return this.value
  }
}

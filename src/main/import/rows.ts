import type { DateOrder, DecimalSeparator, FieldName } from '../../shared/api/import'
import { detach } from './detach'
import type { ResolvedMapping } from './mapping'
import { parseQuantity, parseSatang } from './normalize/amounts'
import {
  cleanName,
  normalizeEmail,
  normalizePhone,
  splitContact,
  stripApostrophe,
} from './normalize/contacts'
import { parseDateTime } from './normalize/dates'
import type { CustomerRow, Identity, RowIssue, SaleRow } from './types'

// One data row of the file -> one normalised sale line or customer, or the reasons it cannot be used.
// Runs a million times per big import: no per-row regex compilation, the last date string is remembered
// (a receipt's lines share it), and values are read straight from the row's cells.

const IGNORED_STATUS = new Set(['cancelled', 'canceled', 'voided', 'void', 'ยกเลิก', 'ยกเลิกแล้ว'])
const REFUND_TYPES = new Set(['refund', 'refunded', 'return', 'คืนเงิน', 'คืนสินค้า', 'การคืนเงิน'])

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
const REPLACEMENT = '\uFFFD'
/** A text cell whose leading whitespace hides a formula-like start: stored exactly, never trimmed. */
const HIDDEN_FORMULA = /^\s+[=+\-@]/
/** A cell the shared export neutralised: a quote before = + - @ tab CR LF. */
const QUOTED_FORMULA = /^'[=+\-@\t\r\n]/

/** More than two decimals that are not zeros (50.001, 1,5 with decimal ','-grouping aside). */
function extraDecimals(raw: string, decimal: DecimalSeparator): boolean {
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
function maybeSpace(code: number): boolean {
  return code <= 32 || code === 160 || code >= 0x1680
}

abstract class RowReader {
  protected lastDateRaw = ''
  protected lastDate: string | null = null
  /** Products, categories, stores and staff repeat on most rows: clean each distinct text once. */
  private readonly cleaned = new Map<string, string>()

  private readonly phoneOf = remembered(normalizePhone)
  private readonly emailOf = remembered(normalizeEmail)
  private readonly contactOf = remembered(splitContact)

  constructor(
    protected readonly mapping: ResolvedMapping,
    protected readonly context: RowContext,
  ) {}

  /** Reused for every row; copied out only for a row that has issues (few do). */
  protected readonly errors: RowIssue[] = []
  protected readonly warnings: RowIssue[] = []

  /** The first non-empty cell among the field's columns, trimmed; '' when none. */
  /** Lukkha's own export quotes formula-like text ('=1+1): its import reads the text back exactly. */
  private get unquote(): boolean {
    return this.mapping.preset === 'lukkha_sales'
  }

  protected get(row: string[], field: FieldName): string {
    const columns = this.mapping.index[field]
    if (columns === undefined) return ''
    for (const c of columns) {
      let v = row[c]
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
    const c = this.mapping.index[field]?.[0]
    return c === undefined ? field : (this.mapping.header[c] ?? field)
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

  protected identity(row: string[], rowNo: number, warnings: RowIssue[]): Identity | null {
    const code = detach(stripApostrophe(this.get(row, 'customer_code')))
    let name = this.get(row, 'customer_name')
    if (name === '') name = `${this.get(row, 'first_name')} ${this.get(row, 'last_name')}`
    name = this.clean(name)
    let phone: string | null = null
    let email: string | null = null
    const phoneRaw = this.get(row, 'phone')
    if (phoneRaw !== '') {
      phone = this.phoneOf(phoneRaw)
      if (phone === null)
        warnings.push(
          this.issue(rowNo, 'phone', phoneRaw, 'bad_phone', `"${phoneRaw}" is not a phone number; left out`),
        )
    }
    const emailRaw = this.get(row, 'email')
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
    const contactRaw = this.get(row, 'contact')
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

export class SaleRowReader extends RowReader {
  private fillReceipt = ''
  private readonly filled = new Map<FieldName, string>()

  /** Shopify writes order-level fields on an order's first row only; the order's later rows inherit them. */
  private fillDown(row: string[], receiptNumber: string): string[] {
    const fields = this.mapping.fillDown
    if (fields.length === 0) return row
    if (receiptNumber !== this.fillReceipt) {
      this.fillReceipt = receiptNumber
      this.filled.clear()
      for (const f of fields) this.filled.set(f, this.get(row, f))
      return row
    }
    const copy = row.slice()
    for (const f of fields) {
      const c = this.mapping.index[f]?.[0]
      if (c !== undefined && this.get(row, f) === '') copy[c] = this.filled.get(f) ?? ''
    }
    return copy
  }

  /** Receipt number -> 'day|customer' of its first row, to warn when a number is reused. */
  private readonly receiptKeys = new Map<string, string>()

  private amount(row: string[], rowNo: number, field: FieldName): number | null | undefined {
    const raw = this.get(row, field)
    const v = parseSatang(raw, this.mapping.decimalSeparator)
    if (v === null) {
      this.errors.push(this.issue(rowNo, field, raw, 'bad_amount', `"${raw}" is not an amount`))
      return null
    }
    if (v === undefined) return v
    if (!Number.isSafeInteger(v) || Math.abs(v) > MAX_AMOUNT_SATANG) {
      this.errors.push(
        this.issue(
          rowNo,
          field,
          raw,
          'amount_too_large',
          `"${raw}" is beyond ${MAX_AMOUNT_SATANG / 100} baht, too large to be a sale`,
        ),
      )
      return null
    }
    if (extraDecimals(raw, this.mapping.decimalSeparator)) {
      this.errors.push(
        this.issue(
          rowNo,
          field,
          raw,
          'too_many_decimals',
          `"${raw}" has more than two decimals; money is kept to the satang and is not rounded silently`,
        ),
      )
      return null
    }
    return v
  }

  /** Net against quantity x unit price (or gross) less the discount the layout names, beyond rounding. */
  private checkNet(
    rowNo: number,
    q: number,
    unit: number | null | undefined,
    gross: number | null | undefined,
    discount: number | null | undefined,
    net: number,
  ): void {
    const expected = gross != null ? gross : unit != null ? Math.round(q * unit) : null
    if (expected === null) return
    const named = discount == null ? 0 : Math.abs(discount)
    // rounding: a satang per unit sold (unit prices rounded by the POS), at least one
    const slack = Math.max(1, Math.ceil(Math.abs(q)))
    const gap = Math.abs(expected - net)
    if (Math.abs(gap - named) <= slack || Math.abs(expected - named - net) <= slack) return
    this.warnings.push(
      this.issue(
        rowNo,
        'net_amount',
        String(net / 100),
        'net_mismatch',
        `net ${net / 100} is not ${gross != null ? `gross ${gross / 100}` : `${q} x ${(unit ?? 0) / 100}`}${named ? ` less discount ${named / 100}` : ''}`,
      ),
    )
  }

  private checkReceipt(rowNo: number, receiptNumber: string, day: string, identity: Identity | null): void {
    if (receiptNumber === '') return
    const who = identity ? (identity.code ?? identity.phone ?? identity.email ?? identity.name) : ''
    const key = `${day}|${who}`
    const seen = this.receiptKeys.get(receiptNumber)
    if (seen === undefined) {
      if (this.receiptKeys.size < 2_000_000) this.receiptKeys.set(detach(receiptNumber), detach(key))
      return
    }
    if (seen === key) return
    const [seenDay = '', seenWho = ''] = seen.split('|')
    if (seenDay === day && (seenWho === '' || who === '')) return // a customer named on one line only
    this.warnings.push(
      this.issue(
        rowNo,
        'receipt_number',
        receiptNumber,
        'receipt_conflict',
        seenDay !== day
          ? `receipt ${receiptNumber} was dated ${seenDay} on an earlier row and ${day} here`
          : `receipt ${receiptNumber} belongs to another customer on an earlier row`,
      ),
    )
  }

  read(cells: string[], rowNo: number): Mapped<SaleRow> {
    const errors = this.errors
    const warnings = this.warnings
    errors.length = 0
    warnings.length = 0
    if (this.context.checkText) this.badText(cells, rowNo, errors)
    this.shortRow(cells, rowNo, warnings)
    let receiptNumber = detach(stripApostrophe(this.get(cells, 'receipt_number')))
    const row = this.fillDown(cells, receiptNumber)
    const status = this.get(row, 'status').toLowerCase()
    if ((status !== '' && IGNORED_STATUS.has(status)) || this.get(row, 'cancelled_at') !== '')
      return { ok: 'ignored' }

    if (receiptNumber === '') {
      errors.push(this.issue(rowNo, 'receipt_number', '', 'missing_value', 'the receipt number is empty'))
    }
    let dateRaw = this.get(row, 'date')
    const time = this.get(row, 'time')
    if (time !== '' && dateRaw !== '') dateRaw = `${dateRaw} ${time}`
    const occurredAt = dateRaw === '' ? null : this.date(dateRaw)
    if (dateRaw === '') errors.push(this.issue(rowNo, 'date', '', 'missing_value', 'the date is empty'))
    else if (occurredAt === null)
      errors.push(this.issue(rowNo, 'date', dateRaw, 'bad_date', this.dateMessage(dateRaw)))

    const qtyRaw = this.get(row, 'quantity')
    let quantity = parseQuantity(qtyRaw, this.mapping.decimalSeparator)
    if (quantity === undefined)
      errors.push(this.issue(rowNo, 'quantity', '', 'missing_value', 'the quantity is empty'))
    else if (quantity === null || !Number.isFinite(quantity) || Math.abs(quantity) > MAX_QUANTITY) {
      errors.push(this.issue(rowNo, 'quantity', qtyRaw, 'bad_quantity', `"${qtyRaw}" is not a quantity`))
      quantity = null
    }

    const unit = this.amount(row, rowNo, 'unit_price')
    const gross = this.amount(row, rowNo, 'gross_amount')
    const discountRaw = this.amount(row, rowNo, 'discount')
    let net = this.amount(row, rowNo, 'net_amount')
    const refunded = this.amount(row, rowNo, 'refunded_amount')
    const q = typeof quantity === 'number' ? quantity : 0
    let discount = discountRaw == null ? 0 : Math.abs(discountRaw)
    if (net != null && errors.length === 0) this.checkNet(rowNo, q, unit, gross, discountRaw, net)
    if (net === undefined) {
      if (gross != null) net = gross - discount
      else if (unit != null) net = Math.round(q * unit) - discount
      else if (gross === undefined && unit === undefined) {
        errors.push(
          this.issue(
            rowNo,
            'net_amount',
            '',
            'missing_amount',
            'the row has no amount (unit price or net amount)',
          ),
        )
      }
    }
    if (errors.length > 0 || net == null || occurredAt === null || quantity == null) {
      return { ok: false, errors: errors.slice(), warnings: warnings.length ? warnings.slice() : null }
    }
    // The discount is what separates the gross (or quantity x unit price) from the net when both are known.
    if (gross != null) discount = gross - net
    else if (unit != null) discount = Math.round(q * unit) - net
    let unitPrice = unit ?? (q !== 0 ? Math.round((net + discount) / q) : 0)

    const type = this.get(row, 'receipt_type').toLowerCase()
    const refund = type !== '' && REFUND_TYPES.has(type)
    if (refund) {
      // A refund receipt's lines take money back whatever sign the export used.
      quantity = -Math.abs(quantity)
      net = -Math.abs(net)
      discount = -Math.abs(discount)
      unitPrice = Math.abs(unitPrice)
      if (this.mapping.refundReceiptSuffix) receiptNumber += this.mapping.refundReceiptSuffix
    }

    let productName = this.get(row, 'product_name')
    const variant = this.get(row, 'variant')
    if (variant !== '' && variant !== this.mapping.defaultVariant)
      productName = `${productName} (${variant})`.trim()
    const sku = detach(stripApostrophe(this.get(row, 'sku')))
    const store = this.get(row, 'store')
    const staff = this.get(row, 'staff')
    const identity = this.identity(row, rowNo, warnings)
    this.checkReceipt(rowNo, receiptNumber, occurredAt.slice(0, 10), identity)

    return {
      ok: true,
      value: {
        row: rowNo,
        receiptNumber,
        occurredAt,
        refund,
        identity,
        sku: sku === '' ? null : sku,
        productName: productName === '' ? null : this.clean(productName),
        category: this.clean(this.get(row, 'category')),
        quantity,
        unitPrice,
        discount,
        net,
        store: store === '' ? null : this.clean(store),
        staff: staff === '' ? null : this.clean(staff),
        refundedAmount: refunded != null && refunded !== 0 ? Math.abs(refunded) : null,
      },
      warnings: warnings.length ? warnings.slice() : null,
    }
  }
}

export class CustomerRowReader extends RowReader {
  private optionalDate(row: string[], rowNo: number, field: FieldName, errors: RowIssue[]): string | null {
    const raw = this.get(row, field)
    if (raw === '') return null
    const parsed = this.date(raw)
    if (parsed === null) errors.push(this.issue(rowNo, field, raw, 'bad_date', this.dateMessage(raw)))
    return parsed === null ? null : parsed.slice(0, 10)
  }

  read(row: string[], rowNo: number): Mapped<CustomerRow> {
    const errors: RowIssue[] = []
    const warnings: RowIssue[] = []
    if (this.context.checkText) this.badText(row, rowNo, errors)
    this.shortRow(row, rowNo, warnings)
    const birthday = this.optionalDate(row, rowNo, 'birthday', errors)
    const firstVisit = this.optionalDate(row, rowNo, 'first_visit', errors)
    const lastVisit = this.optionalDate(row, rowNo, 'last_visit', errors)
    const identity = this.identity(row, rowNo, warnings)
    if (identity === null && errors.length === 0) {
      errors.push(
        this.issue(
          rowNo,
          'customer_name',
          '',
          'missing_value',
          'the row has no customer code, name, phone or e-mail',
        ),
      )
    }
    if (errors.length > 0 || identity === null)
      return { ok: false, errors, warnings: warnings.length ? warnings : null }
    return {
      ok: true,
      value: { row: rowNo, identity, birthday, firstVisit, lastVisit },
      warnings: warnings.length ? warnings : null,
    }
  }
}

import { detach } from './detach'
import type { Field } from './fields'
import type { ResolvedMapping } from './mapping'
import { parseQuantity, parseSatang } from './normalize/amounts'
import {
  cleanName,
  normalizeEmail,
  normalizePhone,
  splitContact,
  stripApostrophe,
} from './normalize/contacts'
import { parseDateTime, type DateOrder } from './normalize/dates'
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
  protected get(row: string[], field: Field): string {
    const columns = this.mapping.index[field]
    if (columns === undefined) return ''
    for (const c of columns) {
      const v = row[c]
      if (v !== undefined && v !== '') {
        // most cells need no trimming: skip the copy when neither end can be whitespace
        if (!maybeSpace(v.charCodeAt(0)) && !maybeSpace(v.charCodeAt(v.length - 1))) return v
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
      c = detach(cleanName(raw))
      this.cleaned.set(detach(raw), c)
    }
    return c
  }

  protected column(field: Field): string {
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
    field: Field,
    value: string,
    reason: RowIssue['reason'],
    message: string,
  ): RowIssue {
    return { row, column: this.column(field), value, reason, message }
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
  private readonly filled = new Map<Field, string>()

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

  private amount(row: string[], rowNo: number, field: Field): number | null | undefined {
    const raw = this.get(row, field)
    const v = parseSatang(raw, this.mapping.decimalSeparator)
    if (v === null) this.errors.push(this.issue(rowNo, field, raw, 'bad_amount', `"${raw}" is not an amount`))
    return v
  }

  read(cells: string[], rowNo: number): Mapped<SaleRow> {
    const errors = this.errors
    const warnings = this.warnings
    errors.length = 0
    warnings.length = 0
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
    else if (quantity === null)
      errors.push(this.issue(rowNo, 'quantity', qtyRaw, 'bad_quantity', `"${qtyRaw}" is not a quantity`))

    const unit = this.amount(row, rowNo, 'unit_price')
    const gross = this.amount(row, rowNo, 'gross_amount')
    const discountRaw = this.amount(row, rowNo, 'discount')
    let net = this.amount(row, rowNo, 'net_amount')
    const refunded = this.amount(row, rowNo, 'refunded_amount')
    const q = typeof quantity === 'number' ? quantity : 0
    let discount = discountRaw == null ? 0 : Math.abs(discountRaw)
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

    return {
      ok: true,
      value: {
        row: rowNo,
        receiptNumber,
        occurredAt,
        refund,
        identity: this.identity(row, rowNo, warnings),
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
  private optionalDate(row: string[], rowNo: number, field: Field, errors: RowIssue[]): string | null {
    const raw = this.get(row, field)
    if (raw === '') return null
    const parsed = this.date(raw)
    if (parsed === null) errors.push(this.issue(rowNo, field, raw, 'bad_date', this.dateMessage(raw)))
    return parsed === null ? null : parsed.slice(0, 10)
  }

  read(row: string[], rowNo: number): Mapped<CustomerRow> {
    const errors: RowIssue[] = []
    const warnings: RowIssue[] = []
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

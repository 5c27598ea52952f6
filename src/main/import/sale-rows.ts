import type { FieldName } from '../../shared/api/import'
import { detach } from './detach'
import { parseQuantity, parseSatang } from './normalize/amounts'
import { stripApostrophe } from './normalize/contacts'
import type { Identity, RowIssue, SaleRow } from './types'

import {
  IGNORED_STATUS,
  MAX_AMOUNT_SATANG,
  MAX_QUANTITY,
  REFUND_TYPES,
  LastOf,
  RowReader,
  extraDecimals,
  type Mapped,
} from './row-reader'

const SALE_FIELDS = [
  'receipt_number',
  'status',
  'cancelled_at',
  'date',
  'time',
  'quantity',
  'unit_price',
  'gross_amount',
  'discount',
  'net_amount',
  'refunded_amount',
  'receipt_type',
  'product_name',
  'variant',
  'sku',
  'store',
  'staff',
  'category',
] as const
type SaleField = (typeof SALE_FIELDS)[number]

const lower = (raw: string): string => raw.toLowerCase()

// A sales export's row -> one normalised sale line, or the reasons it cannot be used (row-reader.ts holds
// what sales and customer rows share).
export class SaleRowReader extends RowReader {
  /** Each field's columns, looked up once: read() runs a million times. */
  private readonly col: Record<SaleField, readonly number[] | undefined>

  constructor(...args: ConstructorParameters<typeof RowReader>) {
    super(...args)
    const col = {} as Record<SaleField, readonly number[] | undefined>
    for (const f of SALE_FIELDS) col[f] = this.mapping.index[f]
    this.col = col
  }

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

  private amount(row: string[], rowNo: number, field: SaleField): number | null | undefined {
    const raw = this.cell(row, this.col[field])
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

  /** Status and receipt type lower-cased, remembering the last value of each (they repeat row after row). */
  private readonly status = new LastOf(lower)
  private readonly type = new LastOf(lower)
  /** Category, store and cashier cleaned (clean() remembers every text; these the last one of each). */
  private readonly category = new LastOf((raw) => this.clean(raw))
  private readonly store = new LastOf((raw) => this.clean(raw))
  private readonly staff = new LastOf((raw) => this.clean(raw))

  /** One row as a SaleRow object (the preview's few rows); a big import's rows go to a sink (readInto). */
  read(cells: string[], rowNo: number): Mapped<SaleRow> {
    const m = this.readInto(cells, rowNo, this.one)
    if (m.ok !== true) return m
    return { ok: true, value: this.one.rows.pop() as SaleRow, warnings: m.warnings }
  }

  private readonly one = new SaleRows()

  /**
   * One row -> its sale line handed to `sink` (no object per row: a million-line import writes the fields
   * straight into the columns that cross to the writer, batches.ts), or the reasons it cannot be used.
   */
  readInto(cells: string[], rowNo: number, sink: SaleSink): RowOutcome {
    const errors = this.errors
    const warnings = this.warnings
    errors.length = 0
    warnings.length = 0
    if (this.context.checkText) this.badText(cells, rowNo, errors)
    this.shortRow(cells, rowNo, warnings)
    let receiptNumber = detach(stripApostrophe(this.cell(cells, this.col.receipt_number)))
    const row = this.fillDown(cells, receiptNumber)
    const status = this.status.of(this.cell(row, this.col.status))
    if ((status !== '' && IGNORED_STATUS.has(status)) || this.cell(row, this.col.cancelled_at) !== '')
      return IGNORED

    if (receiptNumber === '') {
      errors.push(this.issue(rowNo, 'receipt_number', '', 'missing_value', 'the receipt number is empty'))
    }
    let dateRaw = this.cell(row, this.col.date)
    const time = this.cell(row, this.col.time)
    if (time !== '' && dateRaw !== '') dateRaw = `${dateRaw} ${time}`
    const occurredAt = dateRaw === '' ? null : this.date(dateRaw)
    if (dateRaw === '') errors.push(this.issue(rowNo, 'date', '', 'missing_value', 'the date is empty'))
    else if (occurredAt === null)
      errors.push(this.issue(rowNo, 'date', dateRaw, 'bad_date', this.dateMessage(dateRaw)))

    const qtyRaw = this.cell(row, this.col.quantity)
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

    const type = this.type.of(this.cell(row, this.col.receipt_type))
    const refund = type !== '' && REFUND_TYPES.has(type)
    if (refund) {
      // A refund receipt's lines take money back whatever sign the export used.
      quantity = -Math.abs(quantity)
      net = -Math.abs(net)
      discount = -Math.abs(discount)
      unitPrice = Math.abs(unitPrice)
      if (this.mapping.refundReceiptSuffix) receiptNumber += this.mapping.refundReceiptSuffix
    }

    let productName = this.cell(row, this.col.product_name)
    const variant = this.cell(row, this.col.variant)
    if (variant !== '' && variant !== this.mapping.defaultVariant)
      productName = `${productName} (${variant})`.trim()
    const sku = detach(stripApostrophe(this.cell(row, this.col.sku)))
    const store = this.cell(row, this.col.store)
    const staff = this.cell(row, this.col.staff)
    const identity = this.identity(row, rowNo, warnings)

    sink.sale(
      rowNo,
      receiptNumber,
      occurredAt,
      refund,
      identity,
      sku === '' ? null : sku,
      productName === '' ? null : this.clean(productName),
      this.category.of(this.cell(row, this.col.category)),
      quantity,
      unitPrice,
      discount,
      net,
      store === '' ? null : this.store.of(store),
      staff === '' ? null : this.staff.of(staff),
      refunded != null && refunded !== 0 ? Math.abs(refunded) : null,
    )
    return warnings.length ? { ok: true, warnings: warnings.slice() } : OK
  }
}

/** What a valid row was turned into (its sale line went to the sink), or why it was not. */
export type RowOutcome =
  | { ok: true; warnings: RowIssue[] | null }
  | { ok: false; errors: RowIssue[]; warnings: RowIssue[] | null }
  | { ok: 'ignored' }

const OK: RowOutcome = { ok: true, warnings: null }
const IGNORED: RowOutcome = { ok: 'ignored' }

/** Where SaleRowReader.readInto puts a valid row's sale line: a SaleRow's fields in their order. */
export interface SaleSink {
  sale(
    row: number,
    receiptNumber: string,
    occurredAt: string,
    refund: boolean,
    identity: Identity | null,
    sku: string | null,
    productName: string | null,
    category: string,
    quantity: number,
    unitPrice: number,
    discount: number,
    net: number,
    store: string | null,
    staff: string | null,
    refundedAmount: number | null,
  ): void
}

/** A sink that keeps the sale lines as SaleRow objects (an import read in one thread, the preview). */
export class SaleRows implements SaleSink {
  constructor(readonly rows: SaleRow[] = []) {}

  sale(
    row: number,
    receiptNumber: string,
    occurredAt: string,
    refund: boolean,
    identity: Identity | null,
    sku: string | null,
    productName: string | null,
    category: string,
    quantity: number,
    unitPrice: number,
    discount: number,
    net: number,
    store: string | null,
    staff: string | null,
    refundedAmount: number | null,
  ): void {
    this.rows.push({
      row,
      receiptNumber,
      occurredAt,
      refund,
      identity,
      sku,
      productName,
      category,
      quantity,
      unitPrice,
      discount,
      net,
      store,
      staff,
      refundedAmount,
    })
  }
}

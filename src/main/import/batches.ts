import type { ResolvedMapping } from './mapping'
import type { RowBatch } from './read'
import { CustomerRowReader } from './customer-rows'
import type { RowContext } from './row-reader'
import { SaleRowReader, SaleRows, type SaleSink } from './sale-rows'
import type { CustomerRow, Identity, RowIssue, SaleRow } from './types'

// The reading half of an import, on one batch of rows: each row mapped to a sale line or a customer, or
// rejected with its issues. It runs in the importing thread, or in a parser thread of its own while the
// importing thread writes (parse-thread.ts), so it touches no database.

export interface RejectedRow {
  row: number
  cells: string[]
  issues: RowIssue[]
}

export interface MappedBatch {
  sales: SaleRow[]
  customers: CustomerRow[]
  rejected: RejectedRow[]
  warnings: RowIssue[]
  ignored: number
  rowsRead: number
  bytesRead: number
}

export class BatchMapper {
  private readonly sales: SaleRowReader | null
  private readonly customers: CustomerRowReader | null

  constructor(mapping: ResolvedMapping, context: RowContext) {
    this.sales = mapping.kind === 'sales' ? new SaleRowReader(mapping, context) : null
    this.customers = mapping.kind === 'customers' ? new CustomerRowReader(mapping, context) : null
  }

  /**
   * Maps a batch. Its sale lines go to `sink` when one is given (the parser thread's columns: `sales` stays
   * empty), otherwise into `sales` as objects.
   */
  map(batch: RowBatch, sink?: SaleSink): MappedBatch {
    const out: MappedBatch = {
      sales: [],
      customers: [],
      rejected: [],
      warnings: [],
      ignored: 0,
      rowsRead: batch.rows.length + batch.malformed.length,
      bytesRead: batch.bytesRead,
    }
    const { rows, rowNumbers } = batch
    const sales = this.sales
    const to = sink ?? new SaleRows(out.sales)
    for (let i = 0; i < rows.length; i++) {
      const cells = rows[i] ?? []
      const rowNo = rowNumbers[i] ?? 0
      if (sales) {
        const m = sales.readInto(cells, rowNo, to)
        if (m.ok === 'ignored') out.ignored++
        else {
          if (m.warnings) for (const w of m.warnings) out.warnings.push(w)
          if (!m.ok) out.rejected.push({ row: rowNo, cells, issues: m.errors })
        }
        continue
      }
      if (!this.customers) continue
      const m = this.customers.read(cells, rowNo)
      if (m.ok === 'ignored') {
        out.ignored++
        continue
      }
      if (m.warnings) for (const w of m.warnings) out.warnings.push(w)
      if (!m.ok) out.rejected.push({ row: rowNo, cells, issues: m.errors })
      else out.customers.push(m.value)
    }
    for (const bad of batch.malformed) {
      out.rejected.push({
        row: bad.row,
        cells: [],
        issues: [
          {
            row: bad.row,
            column: '',
            value: '',
            reason: 'malformed_row',
            message: `the row cannot be split into columns (${bad.message})`,
          },
        ],
      })
    }
    return out
  }
}

// Sale lines cross between threads as columns, not objects: numbers in a Float64Array and every text as an
// index into the batch's table of distinct strings (Int32Array), both transferred without a copy. A
// receipt's lines repeat its number, time and customer, and products, stores and staff repeat all over the
// file, so a batch carries far fewer strings than fields; structured-cloning a million small objects (or
// even one flat array of their values) cost several times more, in the parser thread and in the writer.
const NUMBERS = 7
const TEXTS = 11
/**
 * Slots 0 and 1 (receipt number and time) change with every receipt and hardly repeat otherwise: only a run
 * of equal values (a receipt's lines) shares one string; looking each up in the table would cost more.
 */
const UNIQUE_SLOTS = 2
const NULL = -1
/** no identity at all (code is null for an identity without one) */
const NO_IDENTITY = -2

export interface PackedSales {
  numbers: Float64Array
  texts: Int32Array
  strings: string[]
}

/**
 * A sink that writes each sale line straight into a batch's transfer columns (no SaleRow object in the
 * parser thread), one batch's worth.
 */
export class SalesColumns implements SaleSink {
  private numbers: Float64Array
  private texts: Int32Array
  private readonly strings: string[] = []
  private readonly seen = new Map<string, number>()
  // A receipt's lines follow each other: a text equal to the previous row's in the same slot needs no lookup.
  private readonly lastText: (string | null)[] = new Array<string | null>(TEXTS).fill(null)
  private readonly lastIndex = new Int32Array(TEXTS).fill(NULL)
  private n = 0
  private t = 0

  constructor(private capacity: number) {
    this.numbers = new Float64Array(capacity * NUMBERS)
    this.texts = new Int32Array(capacity * TEXTS)
  }

  private text(slot: number, v: string | null): number {
    if (v === null) return NULL
    if (v === this.lastText[slot]) return this.lastIndex[slot] as number
    let i = slot < UNIQUE_SLOTS ? undefined : this.seen.get(v)
    if (i === undefined) {
      i = this.strings.length
      this.strings.push(v)
      if (slot >= UNIQUE_SLOTS) this.seen.set(v, i)
    }
    this.lastText[slot] = v
    this.lastIndex[slot] = i
    return i
  }

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
    if (this.n === this.numbers.length) this.grow()
    const numbers = this.numbers
    const texts = this.texts
    let n = this.n
    let t = this.t
    numbers[n++] = row
    numbers[n++] = refund ? 1 : 0
    numbers[n++] = quantity
    numbers[n++] = unitPrice
    numbers[n++] = discount
    numbers[n++] = net
    numbers[n++] = refundedAmount ?? NaN
    texts[t++] = this.text(0, receiptNumber)
    texts[t++] = this.text(1, occurredAt)
    texts[t++] = identity ? this.text(2, identity.code) : NO_IDENTITY
    texts[t++] = this.text(3, identity?.phone ?? null)
    texts[t++] = this.text(4, identity?.email ?? null)
    texts[t++] = this.text(5, identity?.name ?? '')
    texts[t++] = this.text(6, sku)
    texts[t++] = this.text(7, productName)
    texts[t++] = this.text(8, category)
    texts[t++] = this.text(9, store)
    texts[t++] = this.text(10, staff)
    this.n = n
    this.t = t
  }

  private grow(): void {
    this.capacity = Math.max(16, this.capacity * 2)
    const numbers = new Float64Array(this.capacity * NUMBERS)
    numbers.set(this.numbers)
    const texts = new Int32Array(this.capacity * TEXTS)
    texts.set(this.texts)
    this.numbers = numbers
    this.texts = texts
  }

  /** The sale lines written so far, packed to cross to the writer. */
  packed(): PackedSales {
    return {
      numbers: this.numbers.subarray(0, this.n),
      texts: this.texts.subarray(0, this.t),
      strings: this.strings,
    }
  }
}

/** The buffers to transfer with a packed batch. */
export function packedTransfer(packed: PackedSales): ArrayBuffer[] {
  return [packed.numbers.buffer as ArrayBuffer, packed.texts.buffer as ArrayBuffer]
}

export function unpackSales({ numbers, texts, strings }: PackedSales): SaleRow[] {
  const rows: SaleRow[] = []
  const str = (i: number): string | null => (i < 0 ? null : (strings[i] as string))
  for (let n = 0, t = 0; n + NUMBERS <= numbers.length; n += NUMBERS, t += TEXTS) {
    const code = texts[t + 2] as number
    const refunded = numbers[n + 6] as number
    rows.push({
      row: numbers[n] as number,
      receiptNumber: str(texts[t] as number) as string,
      occurredAt: str(texts[t + 1] as number) as string,
      refund: numbers[n + 1] === 1,
      identity:
        code === NO_IDENTITY
          ? null
          : {
              code: str(code),
              phone: str(texts[t + 3] as number),
              email: str(texts[t + 4] as number),
              name: str(texts[t + 5] as number) as string,
            },
      sku: str(texts[t + 6] as number),
      productName: str(texts[t + 7] as number),
      category: str(texts[t + 8] as number) as string,
      quantity: numbers[n + 2] as number,
      unitPrice: numbers[n + 3] as number,
      discount: numbers[n + 4] as number,
      net: numbers[n + 5] as number,
      store: str(texts[t + 9] as number),
      staff: str(texts[t + 10] as number),
      refundedAmount: Number.isNaN(refunded) ? null : refunded,
    })
  }
  return rows
}

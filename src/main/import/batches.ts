import type { ResolvedMapping } from './mapping'
import type { RowBatch } from './read'
import { CustomerRowReader } from './customer-rows'
import type { RowContext } from './row-reader'
import { SaleRowReader } from './sale-rows'
import type { CustomerRow, RowIssue, SaleRow } from './types'

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

  map(batch: RowBatch): MappedBatch {
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
    for (let i = 0; i < rows.length; i++) {
      const cells = rows[i] ?? []
      const rowNo = rowNumbers[i] ?? 0
      const m = this.sales
        ? this.sales.read(cells, rowNo)
        : this.customers
          ? this.customers.read(cells, rowNo)
          : null
      if (m === null) continue
      if (m.ok === 'ignored') {
        out.ignored++
        continue
      }
      if (m.warnings) for (const w of m.warnings) out.warnings.push(w)
      if (!m.ok) out.rejected.push({ row: rowNo, cells, issues: m.errors })
      else if (this.sales) out.sales.push(m.value as SaleRow)
      else out.customers.push(m.value as CustomerRow)
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

export function packSales(rows: SaleRow[]): PackedSales {
  const numbers = new Float64Array(rows.length * NUMBERS)
  const texts = new Int32Array(rows.length * TEXTS)
  const strings: string[] = []
  const seen = new Map<string, number>()
  // A receipt's lines follow each other: a text equal to the previous row's in the same slot needs no lookup.
  const lastText: (string | null)[] = new Array<string | null>(TEXTS).fill(null)
  const lastIndex = new Int32Array(TEXTS).fill(NULL)
  const text = (slot: number, v: string | null): number => {
    if (v === null) return NULL
    if (v === lastText[slot]) return lastIndex[slot] as number
    let i = slot < UNIQUE_SLOTS ? undefined : seen.get(v)
    if (i === undefined) {
      i = strings.length
      strings.push(v)
      if (slot >= UNIQUE_SLOTS) seen.set(v, i)
    }
    lastText[slot] = v
    lastIndex[slot] = i
    return i
  }
  let n = 0
  let t = 0
  for (const r of rows) {
    const id = r.identity
    numbers[n++] = r.row
    numbers[n++] = r.refund ? 1 : 0
    numbers[n++] = r.quantity
    numbers[n++] = r.unitPrice
    numbers[n++] = r.discount
    numbers[n++] = r.net
    numbers[n++] = r.refundedAmount ?? NaN
    texts[t++] = text(0, r.receiptNumber)
    texts[t++] = text(1, r.occurredAt)
    texts[t++] = id ? text(2, id.code) : NO_IDENTITY
    texts[t++] = text(3, id?.phone ?? null)
    texts[t++] = text(4, id?.email ?? null)
    texts[t++] = text(5, id?.name ?? '')
    texts[t++] = text(6, r.sku)
    texts[t++] = text(7, r.productName)
    texts[t++] = text(8, r.category)
    texts[t++] = text(9, r.store)
    texts[t++] = text(10, r.staff)
  }
  return { numbers, texts, strings }
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

import type { ResolvedMapping } from './mapping'
import type { RowBatch } from './read'
import { CustomerRowReader, SaleRowReader, type RowContext } from './rows'
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

// Sale lines cross between threads as one flat array of primitives: structured-cloning a million small
// objects costs several times more than the same values in one array.
const SALE_WIDTH = 18

export function packSales(rows: SaleRow[]): unknown[] {
  const flat: unknown[] = new Array(rows.length * SALE_WIDTH)
  let k = 0
  for (const r of rows) {
    const id = r.identity
    flat[k++] = r.row
    flat[k++] = r.receiptNumber
    flat[k++] = r.occurredAt
    flat[k++] = r.refund
    flat[k++] = id ? id.code : undefined // undefined: no identity at all
    flat[k++] = id?.phone ?? null
    flat[k++] = id?.email ?? null
    flat[k++] = id?.name ?? ''
    flat[k++] = r.sku
    flat[k++] = r.productName
    flat[k++] = r.category
    flat[k++] = r.quantity
    flat[k++] = r.unitPrice
    flat[k++] = r.discount
    flat[k++] = r.net
    flat[k++] = r.store
    flat[k++] = r.staff
    flat[k++] = r.refundedAmount
  }
  return flat
}

export function unpackSales(flat: unknown[]): SaleRow[] {
  const rows: SaleRow[] = []
  for (let k = 0; k + SALE_WIDTH <= flat.length; k += SALE_WIDTH) {
    const code = flat[k + 4] as string | null | undefined
    rows.push({
      row: flat[k] as number,
      receiptNumber: flat[k + 1] as string,
      occurredAt: flat[k + 2] as string,
      refund: flat[k + 3] as boolean,
      identity:
        code === undefined
          ? null
          : {
              code,
              phone: flat[k + 5] as string | null,
              email: flat[k + 6] as string | null,
              name: flat[k + 7] as string,
            },
      sku: flat[k + 8] as string | null,
      productName: flat[k + 9] as string | null,
      category: flat[k + 10] as string,
      quantity: flat[k + 11] as number,
      unitPrice: flat[k + 12] as number,
      discount: flat[k + 13] as number,
      net: flat[k + 14] as number,
      store: flat[k + 15] as string | null,
      staff: flat[k + 16] as string | null,
      refundedAmount: flat[k + 17] as number | null,
    })
  }
  return rows
}

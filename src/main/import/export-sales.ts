import { closeSync, openSync, writeSync } from 'node:fs'
import type { Sqlite } from '../db'
import { lukkhaSalesHeader } from './fields'
import { csvLine } from './rejected'

// `cli export sales`: every receipt line in the native "Lukkha sales CSV" layout, streamed from the database.
// Importing the file again gives the same receipts, lines, products, stores and customers. Receipts that came
// from another source are written as '<source>:<number>' (e.g. 'loyverse:4-10378'); the importer reads that
// prefix back as the source, so re-importing an export into the same database adds nothing twice.

export function baht(satang: number): string {
  const sign = satang < 0 ? '-' : ''
  const abs = Math.abs(satang)
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`
}

export const NATIVE_SOURCE = 'lukkha'

export function exportedReceiptNumber(source: string, number: string): string {
  return source === NATIVE_SOURCE ? number : `${source}:${number}`
}

export interface ExportCounts {
  lines: number
  receipts: number
}

export function exportSales(sqlite: Sqlite, out: string): ExportCounts {
  const rows = sqlite
    .prepare(
      `select r.id, r.source, r.receipt_number, r.occurred_at, c.code, c.name, c.phone, c.email, p.sku, p.name, p.category,
              l.quantity, l.unit_price_satang, l.net_satang, s.name, r.staff
         from receipt_lines l
         join receipts r on r.id = l.receipt_id
         left join customers c on c.id = r.customer_id
         left join products p on p.id = l.product_id
         left join stores s on s.id = r.store_id
        order by r.occurred_at, r.id, l.line_no`,
    )
    .raw()
  const fd = openSync(out, 'w')
  let buffer = csvLine(lukkhaSalesHeader)
  let lines = 0
  let receipts = 0
  let lastReceipt = -1
  try {
    for (const row of rows.iterate() as Iterable<
      [
        number,
        string,
        string,
        string,
        string | null,
        string | null,
        string | null,
        string | null,
        string | null,
        string | null,
        string | null,
        number,
        number,
        number,
        string | null,
        string | null,
      ]
    >) {
      const [
        id,
        source,
        number,
        at,
        code,
        name,
        phone,
        email,
        sku,
        product,
        category,
        qty,
        unit,
        net,
        store,
        staff,
      ] = row
      if (id !== lastReceipt) {
        receipts++
        lastReceipt = id
      }
      lines++
      buffer += csvLine([
        exportedReceiptNumber(source, number),
        at,
        code ?? '',
        name ?? '',
        phone ?? '',
        email ?? '',
        sku ?? '',
        product ?? '',
        category ?? '',
        String(qty),
        baht(unit),
        baht(net),
        store ?? '',
        staff ?? '',
      ])
      if (buffer.length > 1 << 16) {
        writeSync(fd, buffer)
        buffer = ''
      }
    }
    writeSync(fd, buffer)
  } finally {
    closeSync(fd)
  }
  return { lines, receipts }
}

import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs'
import type { Sqlite } from '../db'
import { lukkhaSalesHeader } from './fields'
import { csvLine, partialPath, safeCsvLine } from './rejected'
import { checkOutputTarget } from '../export/target'

// `cli export sales`: every receipt line in the native "Lukkha sales CSV" layout, streamed from the database.
// Importing the file again gives the same receipts, lines, products, stores and customers. Receipts that came
// from another source are written as '<source>:<number>' (e.g. 'loyverse:4-10378'); the importer reads that
// prefix back as the source, so re-importing an export into the same database adds nothing twice.
// Text cells are neutralised against formula injection (a leading ' before = + - @ tab CR LF, as the shared
// writer in src/main/export does); the native import takes that quote off again, so the round trip is exact.
// Numbers (quantity, prices) and dates are written plain. The file is streamed to '<out>.partial' and
// renamed when complete: a full disk or a crash leaves no partial export under the real name.

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
  checkOutputTarget(out)
  const partial = partialPath(out)
  const fd = openSync(partial, 'w', 0o600)
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
      buffer +=
        safeCsvLine([
          exportedReceiptNumber(source, number),
          at,
          code ?? '',
          name ?? '',
          phone ?? '',
          email ?? '',
          sku ?? '',
          product ?? '',
          category ?? '',
        ]).slice(0, -2) +
        ',' +
        csvLine([String(qty), baht(unit), baht(net)]).slice(0, -2) +
        ',' +
        safeCsvLine([store ?? '', staff ?? ''])
      if (buffer.length > 1 << 16) {
        writeSync(fd, buffer)
        buffer = ''
      }
    }
    writeSync(fd, buffer)
    fsyncSync(fd)
  } catch (error) {
    closeSync(fd)
    rmSync(partial, { force: true })
    throw error
  }
  closeSync(fd)
  renameSync(partial, out)
  return { lines, receipts }
}

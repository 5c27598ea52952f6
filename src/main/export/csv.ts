import { outputCell } from './cells'
import type { TableColumn } from './table'

// CSV as Excel on a Thai Windows PC opens it correctly: UTF-8 with a byte-order mark (without it Excel reads
// Windows-874 and Thai turns into mojibake), comma-separated, CRLF line ends, RFC 4180 quoting.

const BOM = '\uFEFF'

function quote(text: string): string {
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

function line(cells: readonly string[]): string {
  return `${cells.map(quote).join(',')}\r\n`
}

/** The whole table as CSV text, starting with the BOM; every text cell neutralised against formulas. */
export function tableToCsv<Row>(columns: readonly TableColumn<Row>[], rows: Iterable<Row>): string {
  const parts = [BOM, line(columns.map((c) => outputCell('text', c.header)?.value.toString() ?? ''))]
  for (const row of rows) {
    parts.push(
      line(
        columns.map((column) => {
          const cell = outputCell(column.kind ?? 'text', column.value(row))
          if (cell === null) return ''
          return cell.type === 'number' ? cell.text : cell.value
        }),
      ),
    )
  }
  return parts.join('')
}

/** The CSV as UTF-8 bytes (BOM included). */
export function tableToCsvBytes<Row>(columns: readonly TableColumn<Row>[], rows: Iterable<Row>): Uint8Array {
  return new Uint8Array(Buffer.from(tableToCsv(columns, rows), 'utf8'))
}

import type ExcelJS from 'exceljs'
import { outputCell } from './cells'
import type { ColumnKind, TableColumn } from './table'

// XLSX through exceljs (the maintained writer; the npm `xlsx` package is frozen with known CVEs, TOOLCHAIN.md).
// Text is written as plain strings (never as formulas) and also neutralised, so the file stays safe when
// someone saves it again as CSV.

const numberFormats: Partial<Record<ColumnKind, string>> = {
  integer: '#,##0',
  decimal: '#,##0.00',
  money: '#,##0.00',
  percent: '0.0%',
}

const defaultWidths: Record<ColumnKind, number> = {
  text: 24,
  integer: 12,
  decimal: 12,
  money: 14,
  percent: 10,
  date: 12,
}

export interface XlsxOptions {
  /** The worksheet's name (Excel allows 31 characters, no []:*?/\). */
  sheetName?: string
}

function sheetNameOf(name: string | undefined): string {
  const clean = (name ?? '').replace(/[[\]:*?/\\]/g, ' ').trim()
  return (clean || 'Sheet1').slice(0, 31)
}

/** The table as an .xlsx workbook with one sheet: a bold header row, frozen, numbers as numbers. */
export async function tableToXlsx<Row>(
  columns: readonly TableColumn<Row>[],
  rows: Iterable<Row>,
  options: XlsxOptions = {},
): Promise<Uint8Array> {
  // loaded on first use, as the import's reader does: a CSV export (and the CLI) does not pay for exceljs
  const { default: excel } = await import('exceljs')
  const workbook: ExcelJS.Workbook = new excel.Workbook()
  workbook.creator = 'Lukkha'
  const sheet = workbook.addWorksheet(sheetNameOf(options.sheetName), {
    views: [{ state: 'frozen', ySplit: 1 }],
  })
  sheet.columns = columns.map((column) => {
    const kind = column.kind ?? 'text'
    const format = numberFormats[kind]
    return {
      key: column.id,
      width: column.width ?? defaultWidths[kind],
      ...(format ? { style: { numFmt: format } } : {}),
    }
  })
  const header = sheet.getRow(1)
  columns.forEach((column, i) => {
    const cell = outputCell('text', column.header)
    header.getCell(i + 1).value = cell?.type === 'text' ? cell.value : column.header
  })
  header.font = { bold: true }
  for (const row of rows) {
    sheet.addRow(
      columns.map((column) => {
        const cell = outputCell(column.kind ?? 'text', column.value(row))
        return cell === null ? null : cell.value
      }),
    )
  }
  const buffer = await workbook.xlsx.writeBuffer()
  return new Uint8Array(buffer)
}

// Writes a table as CSV (UTF-8 with a BOM, so Excel reads Thai) or XLSX, with every text cell that a
// spreadsheet would run as a formula (= + - @, tab, carriage return) prefixed with an apostrophe.
// The customer book's one way out to a file: swap this for the shared safe table writer of src/main/export/
// (truth-ui) once it lands; callers pass columns and rows and get bytes.

export type Cell = string | number | null

export interface TableColumn {
  header: string
}

const FORMULA_START = /^[=+\-@\t\r]/

export function safeCell(value: Cell): Cell {
  return typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : value
}

function csvField(value: Cell): string {
  const s = value === null ? '' : String(safeCell(value))
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s
}

export async function writeTableFile(
  format: 'csv' | 'xlsx',
  columns: TableColumn[],
  rows: Cell[][],
): Promise<Buffer> {
  if (format === 'csv') {
    const lines = [
      columns.map((c) => csvField(c.header)).join(','),
      ...rows.map((r) => r.map(csvField).join(',')),
    ]
    return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8')
  }
  const { default: excel } = await import('exceljs') // loaded on first use, as the import's reader does
  const workbook = new excel.Workbook()
  const sheet = workbook.addWorksheet('Customers')
  sheet.addRow(columns.map((c) => c.header))
  for (const row of rows) sheet.addRow(row.map(safeCell))
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

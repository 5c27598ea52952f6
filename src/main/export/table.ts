// The shape of a table to export: columns that know their header label and how to read a row's value.
// Header labels are passed in by the caller (the renderer sends them in the user's language), so the writer
// itself holds no UI text.

/** How a column's values are written. `money` values are integer satang and come out as baht (2 decimals). */
export type ColumnKind = 'text' | 'integer' | 'decimal' | 'money' | 'percent' | 'date'

export type CellValue = string | number | null | undefined

export interface TableColumn<Row> {
  /** A stable id (e.g. 'phone'); also the header when no label is given. */
  id: string
  /** The header as the user should read it, in their language. */
  header: string
  kind?: ColumnKind
  value: (row: Row) => CellValue
  /** XLSX column width in characters; a sensible default per kind otherwise. */
  width?: number
}

export type TableFormat = 'csv' | 'xlsx'

export const tableFormats = ['csv', 'xlsx'] as const satisfies readonly TableFormat[]

export const mimeTypes: Record<TableFormat, string> = {
  csv: 'text/csv;charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
}

/**
 * Replaces the default headers with labels the caller passes in (keyed by column id), e.g. translated ones
 * from the renderer; ids without a label keep their default header.
 */
export function withHeaders<Row>(
  columns: readonly TableColumn<Row>[],
  labels: Readonly<Record<string, string>> | undefined,
): TableColumn<Row>[] {
  return columns.map((column) => ({ ...column, header: labels?.[column.id] ?? column.header }))
}

/** A file name without characters that Windows or Linux refuse, with the format's extension. */
export function exportFileName(base: string, format: TableFormat): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
  const clean = base.replace(/[\u0000-\u001f<>:"/\\|?*]+/g, '-').trim() || 'export'
  return `${clean.slice(0, 120)}.${format}`
}

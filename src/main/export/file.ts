import type { ExportedFile, TableExportOptions } from '../../shared/api/export'
import { exportFileName, mimeTypes, withHeaders, type TableColumn } from './table'
import { renderTable } from './write'

/**
 * One call for an API handler's "export this list": applies the caller's header labels, renders the rows in
 * the requested format and returns the file as bytes (base64) for the renderer to offer as a download.
 */
export async function exportTable<Row>(
  columns: readonly TableColumn<Row>[],
  rows: readonly Row[],
  options: TableExportOptions,
  defaultTitle: string,
): Promise<ExportedFile> {
  const title = options.title?.trim() || defaultTitle
  const bytes = await renderTable(options.format, withHeaders(columns, options.headers), rows, {
    sheetName: title,
  })
  return {
    fileName: exportFileName(title, options.format),
    mimeType: mimeTypes[options.format],
    base64: Buffer.from(bytes).toString('base64'),
    rows: rows.length,
  }
}

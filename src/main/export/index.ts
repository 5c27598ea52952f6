// The shared safe table writer: CSV (UTF-8 with BOM) and XLSX, every text cell neutralised against formula
// injection. See README.md.
export { neutralizeCell, looksLikeFormula, bahtText } from './cells'
export { tableToCsv, tableToCsvBytes } from './csv'
export { tableToXlsx, type XlsxOptions } from './xlsx'
export { renderTable, writeFileAtomic, writeTableFile } from './write'
export {
  exportFileName,
  mimeTypes,
  tableFormats,
  withHeaders,
  type CellValue,
  type ColumnKind,
  type TableColumn,
  type TableFormat,
} from './table'
export { exportTable } from './file'

import type { TextEncoding } from '../../../shared/api/import'

// What every reader (CSV, XLSX) hands the importer: the header row, then the data rows in batches, each row
// as an array of cell texts with its 1-based data row number (the header is not counted), and how far
// through the file it is, for the progress bar.

export interface ReadOptions {
  /** CSV only: the text encoding and field delimiter. */
  encoding?: TextEncoding
  delimiter?: string
  /** XLSX only: the sheet to read, by name; the first sheet when absent. */
  sheet?: string
  /** Stop after this many data rows (the preview). */
  limit?: number
  signal?: AbortSignal
}

export interface RowBatch {
  rows: string[][]
  /** 1-based data row number of each row (the header is not counted). */
  rowNumbers: number[]
  /** Rows the reader could not split into cells (unbalanced quotes), with why. */
  malformed: { row: number; message: string }[]
  bytesRead: number
}

export interface TableHandler {
  /** The first non-empty row. Called once, before any batch. */
  header(cells: string[], info: { sheet: string | null; sheets: string[] }): void
  batch(batch: RowBatch): void
}

export interface ReadResult {
  /** Data rows read (empty rows are skipped but still counted in row numbers). */
  rows: number
  bytes: number
  sheet: string | null
  sheets: string[]
  aborted: boolean
}

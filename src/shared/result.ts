// What every API call returns across the process boundary. An error is a code and its parameters: the
// renderer words it in the user's language (i18n namespace `errors`, key = the code, {{param}}s
// interpolated: src/renderer/src/i18n/errors); the English `message` is for the CLI and the logs.
// Adding a code: one line here, one sentence in src/renderer/src/i18n/errors/en.ts and th.ts (the types
// fail until both have it). Keep the list additive: append, never reorder.
export const errorCodes = [
  'validation', // an argument did not match the contract
  'not_found',
  'conflict', // the action clashes with what is stored (e.g. a duplicate)
  'bad_input', // a file or value the user brought cannot be used; message names file, row and field
  'in_use', // another process has the database open for writing
  'too_new', // the database was written by a newer version of Lukkha
  'cancelled',
  'internal',
  // --- specific codes (params in the comment) ---
  'file_not_table', // {file}: neither text (CSV) nor a workbook (XLSX): binary or damaged
  'file_empty', // {file}: no header row
  'file_no_sheet', // {file, sheet}: the workbook has no such sheet / no sheet with data ('' = none)
  'file_damaged', // {file}: a workbook (zip) that cannot be read: truncated, bit-flipped
  'file_too_big', // {file, limit}: beyond what the importer reads safely (zip bomb, size, entries)
  'file_too_slow', // {file, seconds}: reading it took longer than the time bound
  'file_too_much_memory', // {file, mb}: reading it needed more memory than the cap
  'file_incomplete', // {file}: an upload that did not fully arrive
  'mapping_needed', // {file}: the header is no known layout; map the columns
  'mapping_invalid', // {file, detail}: a mapping that does not fit the file
  'date_order_needed', // {file}: every date fits d/m/y and m/d/y
  'rows_rejected', // {file, rows}: rows were rejected and nothing was stored
  'import_running', // {}: an import is running; try when it has finished
  'import_already_undone', // {id, file}
  'import_nothing_to_undo', // {id, file}
  'import_has_dependents', // {id, file, reasons}
  'demo_not_empty', // {}: the demo loads only into an empty database
  'no_sales', // {}: nothing to analyse yet
  'analysis_stale', // {}: customers were deleted or merged while the analysis ran; nothing was stored
  'disk_full', // {}: the disk (or the database's size limit) is full; nothing was half-written
  'read_only', // {path}: the database or its folder cannot be written
  'database_corrupt', // {}: the database file is damaged; writing stopped, restore a backup
  'store_failed', // {detail}: a value could not be stored (a constraint); nothing was stored
  'backup_failed', // {detail}
  'backup_not_found', // {name}
  'work_running', // {}: other work (an import, an analysis, a backup) is running; try when it has finished
  'save_dialog_unavailable', // {}: choosing a file needs the app's window (the CLI takes --out FILE)
] as const

export type ErrorCode = (typeof errorCodes)[number]

/** The values a coded error's sentence needs (file, row, field, limit ...): plain strings and numbers. */
export type ErrorParams = Record<string, string | number>

export interface ApiError {
  code: ErrorCode
  /** English, for the CLI and the logs; the UI words the code and params instead. */
  message: string
  params?: ErrorParams
  /** Where the error is about a file: its rows, columns and values. */
  details?: unknown
}

export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ApiError }

export function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && (errorCodes as readonly string[]).includes(code)
}

// What every API call returns across the process boundary. The codes are fixed so the UI can switch on
// them and show a translated message (i18n key `errors.<code>`).
export const errorCodes = [
  'validation', // an argument did not match the contract
  'not_found',
  'conflict', // the action clashes with what is stored (e.g. a duplicate)
  'bad_input', // a file or value the user brought cannot be used; message names file, row and field
  'in_use', // another process has the database open for writing
  'too_new', // the database was written by a newer version of Lukkha
  'cancelled',
  'internal',
] as const

export type ErrorCode = (typeof errorCodes)[number]

export interface ApiError {
  code: ErrorCode
  message: string
  /** Where the error is about a file: its rows, columns and values. */
  details?: unknown
}

export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ApiError }

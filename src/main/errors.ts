import type { ApiError, ErrorCode, ErrorParams } from '../shared/result'

/**
 * An error the engine raises on purpose: its code and params cross the API boundary (the renderer words
 * them in the user's language); its English message is what the CLI prints and the logs keep.
 */
export class LukkhaError extends Error {
  readonly code: ErrorCode
  readonly details: unknown
  readonly params: ErrorParams

  constructor(code: ErrorCode, message: string, details?: unknown, params: ErrorParams = {}) {
    super(message)
    this.name = 'LukkhaError'
    this.code = code
    this.details = details
    this.params = params
  }
}

/** A coded error: the code, the params its sentence needs, and the English sentence for the CLI. */
export function codedError(
  code: ErrorCode,
  params: ErrorParams,
  message: string,
  details?: unknown,
): LukkhaError {
  return new LukkhaError(code, message, details, params)
}

type Failure = Error & { code?: unknown; path?: unknown }

// Messages of the zip and XML layers under exceljs when a workbook is truncated or damaged.
const DAMAGED_WORKBOOK =
  /FILE_ENDED|end of central directory|invalid signature|Invalid column letter|Out of bounds|invalid (?:distance|block type|stored block|code lengths|literal)|incorrect header check|unexpected end|Corrupted zip|Unexpected close tag|Non-whitespace before first tag|Invalid character in entity|Text data outside of root node|Unclosed root tag|Bad (?:zip|compressed)|crc32|too many length or distance/i

/** The text after SQLite's own prefix, for a store_failed sentence. */
function firstLine(message: string): string {
  return message.split('\n')[0]?.trim() ?? message
}

/**
 * Turns any error into a coded one: a LukkhaError as it is; SQLite and file-system failures (disk full,
 * read-only, corrupt, constraint) and a damaged workbook into their codes with a plain sentence; anything
 * else into 'internal' with its first line (never a stack trace). `file` names the file being read, where
 * there is one. Used by the API dispatcher, the job system and the CLI.
 */
export function toCodedError(error: unknown, context: { file?: string } = {}): LukkhaError {
  if (error instanceof LukkhaError) return error
  const e = (error instanceof Error ? error : new Error(String(error))) as Failure
  const code = typeof e.code === 'string' ? e.code : ''
  const message = firstLine(e.message)
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || /database or disk is full/i.test(message)) {
    return codedError(
      'disk_full',
      {},
      'The disk is full (or the database reached its size limit). Nothing was half-written; free some space and try again.',
    )
  }
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS' || code === 'EACCES' || code === 'EPERM') {
    const path = typeof e.path === 'string' ? e.path : (context.file ?? '')
    return codedError(
      'read_only',
      { path },
      `Lukkha cannot write${path ? ` to ${path}` : ' to the database'}: the file or its folder is read-only. Nothing was changed.`,
    )
  }
  if (
    code.startsWith('SQLITE_CORRUPT') ||
    code === 'SQLITE_NOTADB' ||
    /malformed|not a database/i.test(message)
  ) {
    return codedError(
      'database_corrupt',
      {},
      'The database file is damaged. Lukkha stopped writing to it; restore the latest good backup.',
    )
  }
  if (code.startsWith('SQLITE_CONSTRAINT')) {
    return codedError(
      'store_failed',
      { detail: message },
      `A value could not be stored (${message}). Nothing was stored.`,
    )
  }
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
    return codedError(
      'in_use',
      {},
      'Another Lukkha window or program is writing to this database; try again.',
    )
  }
  if (DAMAGED_WORKBOOK.test(message) || code.startsWith('Z_') || code === 'ERR_ZLIB') {
    const file = context.file ?? 'The workbook'
    return codedError(
      'file_damaged',
      { file },
      `${file} is a damaged workbook (${message}); Lukkha cannot read it. Save it again from Excel or the POS and retry. Nothing was stored.`,
    )
  }
  return codedError('internal', { detail: message }, `Internal error: ${message}`)
}

/** A coded error as plain JSON (ApiError): what a job stores and a worker thread posts to its parent. */
export function toApiError(error: unknown, context: { file?: string } = {}): ApiError {
  const coded = toCodedError(error, context)
  return {
    code: coded.code,
    message: coded.message,
    params: coded.params,
    ...(coded.details === undefined ? {} : { details: coded.details }),
  }
}

/** An ApiError (e.g. one a worker thread posted) raised again as a LukkhaError. */
export function fromApiError(error: ApiError): LukkhaError {
  return new LukkhaError(error.code, error.message, error.details, error.params)
}

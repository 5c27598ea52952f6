import type { ApiError, ErrorCode } from '../shared/result'

/** An error the engine raises on purpose; its code and message cross the API boundary unchanged. */
export class LukkhaError extends Error {
  readonly code: ErrorCode
  readonly details: unknown

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message)
    this.name = 'LukkhaError'
    this.code = code
    this.details = details
  }
}

/**
 * Any thrown value as the API's error: a LukkhaError keeps its code, message and details; anything else is
 * 'internal' with its message. The one place this conversion is written (API calls, jobs, worker threads).
 */
export function toApiError(error: unknown): ApiError {
  if (error instanceof LukkhaError) {
    return error.details === undefined
      ? { code: error.code, message: error.message }
      : { code: error.code, message: error.message, details: error.details }
  }
  return { code: 'internal', message: error instanceof Error ? error.message : String(error) }
}

/** An ApiError (e.g. one a worker thread posted) raised again as a LukkhaError. */
export function fromApiError(error: ApiError): LukkhaError {
  return new LukkhaError(error.code, error.message, error.details)
}

import type { ErrorCode } from '../shared/result'

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

import type { Input, Method, Output } from '../../../shared/api'
import type { ApiError, ApiResult, ErrorCode, ErrorParams } from '../../../shared/result'

/** A failed API call: its code and params pick the translated sentence (errors:codes.<code>, errorText.ts). */
export class ApiCallError extends Error {
  readonly code: ErrorCode
  readonly details: unknown
  readonly params: ErrorParams

  constructor(error: ApiError) {
    super(error.message)
    this.name = 'ApiCallError'
    this.code = error.code
    this.details = error.details
    this.params = error.params ?? {}
  }
}

type Args<M extends Method> = undefined extends Input<M> ? [input?: Input<M>] : [input: Input<M>]

/**
 * Calls one API method through window.lukkha (the preload in the app, the HTTP bridge in tests) and
 * unwraps its result, so TanStack Query sees a value or a thrown ApiCallError.
 */
export async function call<M extends Method>(method: M, ...args: Args<M>): Promise<Output<M>> {
  // TypeScript cannot narrow window.lukkha[method] for a generic M; every entry has this shape.
  const fn = window.lukkha[method] as (input?: Input<M>) => Promise<ApiResult<Output<M>>>
  const result = await fn(args[0])
  if (!result.ok) throw new ApiCallError(result.error)
  return result.data
}

import type { TFunction } from 'i18next'
import { isErrorCode, type ApiError, type ErrorCode, type ErrorParams } from '../../../shared/result'
import { ApiCallError } from '../api/client'

// The one place an error becomes words in the UI: its code picks the sentence of the `errors` namespace
// and its params fill it in. The engine's English message is shown only where no code says more (an
// internal error, for support; and, in English, the generic codes whose message names the field).

const GENERIC: ReadonlySet<ErrorCode> = new Set(['validation', 'not_found', 'conflict', 'bad_input'])

export interface ErrorWords {
  code: ErrorCode
  sentence: string
  /** The engine's own text, when it adds something the sentence cannot say; null otherwise. */
  technical: string | null
}

/** Any thrown value, a failed API call, or a job's stored error -> its code, params and English text. */
export function asApiError(error: unknown): ApiError {
  if (error instanceof ApiCallError) return { code: error.code, message: error.message, params: error.params }
  if (typeof error === 'object' && error !== null && 'code' in error && 'message' in error) {
    const e = error as { code: unknown; message: unknown; params?: unknown }
    const params = typeof e.params === 'object' && e.params !== null ? (e.params as ErrorParams) : {}
    return { code: isErrorCode(e.code) ? e.code : 'internal', message: String(e.message), params }
  }
  return { code: 'internal', message: error instanceof Error ? error.message : String(error) }
}

export function errorWords(error: unknown, t: TFunction<'errors'>, language: string): ErrorWords {
  const e = asApiError(error)
  const sentence = t(`codes.${e.code}`, { ...e.params })
  const showMessage = e.code === 'internal' || (language === 'en' && GENERIC.has(e.code))
  const technical =
    showMessage && e.message
      ? e.code === 'internal'
        ? t('technical', { detail: e.message })
        : e.message
      : null
  return { code: e.code, sentence, technical }
}

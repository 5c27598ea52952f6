import type { TFunction } from 'i18next'
import { en } from './en'

// A refused value of a customer-book form, worded in the UI's language from the error's params
// ({ field, reason, value }, src/main/customers/edit.ts fieldError): the engine's English never shows here.
// Reads any error with `params` (a failed API call, or the API's error shape), so tests run it in Node.

type Reason = keyof typeof en.fieldErrors

const isReason = (reason: unknown): reason is Reason =>
  typeof reason === 'string' && Object.hasOwn(en.fieldErrors, reason)

function paramsOf(error: unknown): Record<string, unknown> {
  if (typeof error !== 'object' || error === null || !('params' in error)) return {}
  const params = error.params
  return typeof params === 'object' && params !== null ? (params as Record<string, unknown>) : {}
}

/** The field a failed save is about, or null when it is about no one field. */
export function errorField(error: unknown): string | null {
  const params = paramsOf(error)
  return typeof params.field === 'string' && isReason(params.reason) ? params.field : null
}

/** The sentence to show under `field` for the error, or undefined when the error is not about it. */
export function fieldErrorText(error: unknown, field: string, t: TFunction<'customers'>): string | undefined {
  if (errorField(error) !== field) return undefined
  const params = paramsOf(error)
  const value = typeof params.value === 'string' ? params.value : ''
  return isReason(params.reason) ? t(`fieldErrors.${params.reason}`, { value }) : undefined
}

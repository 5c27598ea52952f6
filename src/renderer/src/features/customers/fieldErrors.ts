import type { TFunction } from 'i18next'
import { asApiError } from '../../components/errorText'
import { en } from './i18n/en'

// A refused value of a customer-book form, worded in the UI's language from the error's params
// ({ field, reason, value }, src/main/customers/edit.ts fieldError): the engine's English never shows here.

type Reason = keyof typeof en.fieldErrors

const isReason = (reason: unknown): reason is Reason =>
  typeof reason === 'string' && Object.hasOwn(en.fieldErrors, reason)

/** The field a failed save is about, or null when it is about no one field. */
export function errorField(error: unknown): string | null {
  if (error === null || error === undefined) return null
  const { params } = asApiError(error)
  return typeof params?.field === 'string' && isReason(params.reason) ? params.field : null
}

/** The sentence to show under `field` for the error, or undefined when the error is not about it. */
export function fieldErrorText(error: unknown, field: string, t: TFunction<'customers'>): string | undefined {
  if (errorField(error) !== field) return undefined
  const { params } = asApiError(error)
  const reason = params?.reason
  return isReason(reason) ? t(`fieldErrors.${reason}`, { value: params?.value ?? '' }) : undefined
}

import type { ExpressionBuilder, Kysely } from 'kysely'
import type { CustomerInput } from '../../shared/api/customers'
import type { Database } from '../db/schema'
import { LukkhaError } from '../errors'
import { cleanName, normalizeEmail, normalizePhone } from './contacts'

// Creating, editing and deleting a customer by hand. Every value is checked and normalised the way the
// import stores it (phones E.164 through libphonenumber-js, e-mails lower-cased); a bad value is refused with
// the field it is about.

// A LINE ID a person chooses (4-20 letters, digits, . _ -, optionally with @ for official accounts) or the
// user ID of the Messaging API (U + 32 hex digits).
const LINE_ID = /^(@?[a-z0-9._-]{4,20}|U[0-9a-f]{32})$/i

/**
 * Why a value of the customer form was refused, as the renderer words it (customers i18n `fieldErrors`):
 * params `{ field, reason, value }`; the English message is for the CLI and the logs.
 */
export type FieldErrorReason =
  | 'name_missing'
  | 'phone_invalid'
  | 'email_invalid'
  | 'line_invalid'
  | 'birthday_invalid'
  | 'code_taken'
  | 'referrer_self'
  | 'referrer_missing'
  | 'title_missing'

export function fieldError(
  field: string,
  reason: FieldErrorReason,
  message: string,
  value = '',
  code: 'bad_input' | 'conflict' = 'bad_input',
): LukkhaError {
  return new LukkhaError(code, `${field}: ${message}`, { field }, { field, reason, value })
}

function validDate(value: string): boolean {
  const d = new Date(`${value}T00:00:00Z`)
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(value)
}

interface CleanCustomer {
  code: string | null
  name: string
  phone: string | null
  email: string | null
  line_id: string | null
  birthday: string | null
  address: string | null
  acquisition_source: string | null
  referred_by: number | null
  notes: string
}

const blank = (v: string | null | undefined): string | null =>
  v === undefined || v === null || v.trim() === '' ? null : v.trim()

export async function validateCustomer(
  db: Kysely<Database>,
  input: CustomerInput,
  today: string,
  selfId: number | null,
): Promise<CleanCustomer> {
  const name = cleanName(input.name)
  if (name === '') throw fieldError('name', 'name_missing', 'a customer needs a name')
  const rawPhone = blank(input.phone)
  const phone = rawPhone === null ? null : normalizePhone(rawPhone)
  if (rawPhone !== null && phone === null)
    throw fieldError(
      'phone',
      'phone_invalid',
      `"${rawPhone}" is not a valid phone number (Thai numbers: 08x-xxx-xxxx, 02-xxx-xxxx)`,
      rawPhone,
    )
  const rawEmail = blank(input.email)
  const email = rawEmail === null ? null : normalizeEmail(rawEmail)
  if (rawEmail !== null && email === null)
    throw fieldError('email', 'email_invalid', `"${rawEmail}" is not an e-mail address`, rawEmail)
  const lineId = blank(input.lineId)
  if (lineId !== null && !LINE_ID.test(lineId))
    throw fieldError('lineId', 'line_invalid', `"${lineId}" is not a LINE ID`, lineId)
  const birthday = blank(input.birthday)
  if (birthday !== null && (!validDate(birthday) || birthday > today || birthday < '1900-01-01'))
    throw fieldError(
      'birthday',
      'birthday_invalid',
      `"${birthday}" is not a birthday (a past date, Gregorian YYYY-MM-DD)`,
      birthday,
    )
  const code = blank(input.code)
  if (code !== null) {
    const other = await db.selectFrom('customers').select('id').where('code', '=', code).executeTakeFirst()
    if (other && other.id !== selfId)
      throw fieldError('code', 'code_taken', `another customer has code ${code}`, code, 'conflict')
  }
  const referredBy = input.referredBy ?? null
  if (referredBy !== null) {
    if (referredBy === selfId)
      throw fieldError('referredBy', 'referrer_self', 'a customer cannot refer themselves')
    const ref = await db
      .selectFrom('customers')
      .select(['id', 'erased_at'])
      .where('id', '=', referredBy)
      .executeTakeFirst()
    if (!ref || ref.erased_at !== null)
      throw fieldError('referredBy', 'referrer_missing', `customer ${referredBy} does not exist`)
  }
  return {
    code,
    name,
    phone,
    email,
    line_id: lineId,
    birthday,
    address: blank(input.address),
    acquisition_source: blank(input.acquisitionSource),
    referred_by: referredBy,
    notes: input.notes ?? '',
  }
}

export async function createCustomer(
  db: Kysely<Database>,
  input: CustomerInput,
  now: string,
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const values = await validateCustomer(trx, input, now.slice(0, 10), null)
    const row = await trx
      .insertInto('customers')
      .values({ ...values, created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow()
    return row.id
  })
}

export async function updateCustomer(
  db: Kysely<Database>,
  customerId: number,
  input: CustomerInput,
  now: string,
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    await liveCustomer(trx, customerId)
    const values = await validateCustomer(trx, input, now.slice(0, 10), customerId)
    await trx
      .updateTable('customers')
      .set({ ...values, notes: input.notes ?? undefined, updated_at: now })
      .where('id', '=', customerId)
      .execute()
    return customerId
  })
}

/** Deletes a customer made by mistake; one with receipts is refused (merge or erase it instead). */
export async function deleteCustomer(db: Kysely<Database>, customerId: number): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    await liveCustomer(trx, customerId)
    const receipt = await trx
      .selectFrom('receipts')
      .select('id')
      .where('customer_id', '=', customerId)
      .limit(1)
      .executeTakeFirst()
    if (receipt)
      throw new LukkhaError(
        'conflict',
        `Customer ${customerId} has purchases; merge them into another customer or erase their personal data instead.`,
      )
    await trx
      .updateTable('customers')
      .set({ referred_by: null })
      .where('referred_by', '=', customerId)
      .execute()
    const result = await trx.deleteFrom('customers').where('id', '=', customerId).executeTakeFirst()
    return result.numDeletedRows > 0n
  })
}

export async function liveCustomer(
  db: Kysely<Database>,
  customerId: number,
): Promise<{ id: number; name: string }> {
  const row = await db
    .selectFrom('customers')
    .select(['id', 'name', 'erased_at'])
    .where('id', '=', customerId)
    .executeTakeFirst()
  if (!row || row.erased_at !== null)
    throw new LukkhaError('not_found', `Customer ${customerId} does not exist.`)
  return row
}

export async function customerByCode(db: Kysely<Database>, code: string): Promise<number> {
  const row = await db
    .selectFrom('customers')
    .select('id')
    .where((eb) => eb.or([eb('code', '=', code), eb('id', '=', /^\d+$/.test(code) ? Number(code) : -1)]))
    .where('erased_at', 'is', null)
    .orderBy(sqlCodeFirst(code))
    .executeTakeFirst()
  if (!row) throw new LukkhaError('not_found', `No customer has code ${code}.`)
  return row.id
}

const sqlCodeFirst = (code: string) => (eb: ExpressionBuilder<Database, 'customers'>) =>
  eb.case().when('code', '=', code).then(0).else(1).end()

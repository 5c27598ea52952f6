import type { Kysely } from 'kysely'
import { LukkhaError } from '../errors'
import type { Database } from '../db/schema'

export interface ContactRow {
  id: number
  code: string | null
  name: string
  phone: string | null
  email: string | null
  lineId: string | null
  birthday: string | null
  acquisitionSource: string | null
}

const CHUNK = 500 // well under SQLite's bound-parameter limit

/** Contact details of the given customers, by id (missing ids are left out). */
export async function contactsOf(
  db: Kysely<Database>,
  ids: readonly number[],
): Promise<Map<number, ContactRow>> {
  const found = new Map<number, ContactRow>()
  for (let i = 0; i < ids.length; i += CHUNK) {
    const rows = await db
      .selectFrom('customers')
      .select(['id', 'code', 'name', 'phone', 'email', 'line_id', 'birthday', 'acquisition_source'])
      .where('id', 'in', ids.slice(i, i + CHUNK))
      .execute()
    for (const r of rows) {
      found.set(r.id, {
        id: r.id,
        code: r.code,
        name: r.name,
        phone: r.phone,
        email: r.email,
        lineId: r.line_id,
        birthday: r.birthday,
        acquisitionSource: r.acquisition_source,
      })
    }
  }
  return found
}

/** The ids of the customers with these member codes, in the same order; throws naming a code not found. */
export async function customerIdsByCode(db: Kysely<Database>, codes: readonly string[]): Promise<number[]> {
  const rows =
    codes.length === 0
      ? []
      : await db.selectFrom('customers').select(['id', 'code']).where('code', 'in', codes).execute()
  const byCode = new Map(rows.map((r) => [r.code, r.id]))
  return codes.map((code) => {
    const id = byCode.get(code)
    if (id === undefined) throw new LukkhaError('not_found', `There is no customer with the code ${code}.`)
    return id
  })
}

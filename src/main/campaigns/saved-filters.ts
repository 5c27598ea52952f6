import type { Kysely } from 'kysely'
import { customerFilterSchema, type CustomerFilter } from '../../shared/api/customers'
import type { SavedFilter } from '../../shared/api/campaigns'
import type { Database } from '../db/schema'
import { LukkhaError } from '../errors'

// A saved filter: a named filter of the customer list (the list's own filter schema, stored as JSON), so a
// campaign can target "everyone who matches" as the user set it up on the customers page.

type Row = { id: number; name: string; filter: string; created_at: string }

function toSavedFilter(row: Row): SavedFilter {
  return {
    id: row.id,
    name: row.name,
    filter: customerFilterSchema.parse(JSON.parse(row.filter)),
    createdAt: row.created_at,
  }
}

export async function listSavedFilters(db: Kysely<Database>): Promise<SavedFilter[]> {
  const rows = await db.selectFrom('saved_filters').selectAll().orderBy('name').execute()
  return rows.map(toSavedFilter)
}

export async function getSavedFilter(db: Kysely<Database>, id: number): Promise<SavedFilter> {
  const row = await db.selectFrom('saved_filters').selectAll().where('id', '=', id).executeTakeFirst()
  if (!row) throw new LukkhaError('not_found', `There is no saved filter ${id}.`)
  return toSavedFilter(row)
}

/** Saves the filter under the name; saving again under the same name replaces it. */
export async function saveFilter(
  db: Kysely<Database>,
  input: { name: string; filter: CustomerFilter },
  now: string,
): Promise<SavedFilter> {
  const filter = JSON.stringify(customerFilterSchema.parse(input.filter))
  const row = await db
    .insertInto('saved_filters')
    .values({ name: input.name.trim(), filter, created_at: now })
    .onConflict((oc) => oc.column('name').doUpdateSet({ filter, created_at: now }))
    .returningAll()
    .executeTakeFirstOrThrow()
  return toSavedFilter(row)
}

export async function deleteSavedFilter(db: Kysely<Database>, id: number): Promise<boolean> {
  const result = await db.deleteFrom('saved_filters').where('id', '=', id).executeTakeFirst()
  return Number(result.numDeletedRows) > 0
}

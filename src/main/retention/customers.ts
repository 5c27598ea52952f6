import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'

// Contacts of the customers a list shows. Erased customers (PDPA) are never listed.

export interface Contact {
  id: number
  code: string | null
  name: string
  phone: string | null
  lineId: string | null
  email: string | null
  birthday: string | null
  acquisitionSource: string | null
  referredBy: number | null
}

const CHUNK = 500 // well under SQLite's bound-parameter limit

/** The book's customers that may be listed (not erased), with the columns a Contact holds. */
function listable(db: Kysely<Database>) {
  return db
    .selectFrom('customers')
    .select([
      'id',
      'code',
      'name',
      'phone',
      'line_id',
      'email',
      'birthday',
      'acquisition_source',
      'referred_by',
    ])
    .where('erased_at', 'is', null)
}

export async function contactsById(
  db: Kysely<Database>,
  ids: readonly number[],
): Promise<Map<number, Contact>> {
  const found = new Map<number, Contact>()
  for (let i = 0; i < ids.length; i += CHUNK) {
    const rows = await listable(db)
      .where('id', 'in', ids.slice(i, i + CHUNK))
      .execute()
    for (const r of rows) found.set(r.id, toContact(r))
  }
  return found
}

export function toContact(r: {
  id: number
  code: string | null
  name: string
  phone: string | null
  line_id: string | null
  email: string | null
  birthday: string | null
  acquisition_source: string | null
  referred_by: number | null
}): Contact {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    phone: r.phone,
    lineId: r.line_id,
    email: r.email,
    birthday: r.birthday,
    acquisitionSource: r.acquisition_source,
    referredBy: r.referred_by,
  }
}

/** Every customer not erased (the birthday and referral lists start from the book, not the sales). */
export async function allContacts(db: Kysely<Database>): Promise<Contact[]> {
  const rows = await listable(db).orderBy('id').execute()
  return rows.map(toContact)
}

/** The newest analysis run as of `asOf` or before, whose scores the at-risk list and card use. */
export function scoresRun(db: Kysely<Database>, asOf: string) {
  return db
    .selectFrom('analysis_runs')
    .select(['id', 'as_of'])
    .where('as_of', '<=', asOf)
    .orderBy('as_of', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst()
}

/** Churn scores of the newest analysis run as of `asOf` or before (the at-risk list uses them). */
export async function churnScores(
  db: Kysely<Database>,
  asOf: string,
): Promise<{ runAsOf: string | null; risk: Map<number, { risk: number | null; level: string }> }> {
  const run = await scoresRun(db, asOf)
  if (!run) return { runAsOf: null, risk: new Map() }
  const rows = await db
    .selectFrom('analysis_scores')
    .select(['customer_id', 'churn_risk', 'churn_level'])
    .where('run_id', '=', run.id)
    .execute()
  return {
    runAsOf: run.as_of.slice(0, 10),
    risk: new Map(rows.map((r) => [r.customer_id, { risk: r.churn_risk, level: r.churn_level }])),
  }
}

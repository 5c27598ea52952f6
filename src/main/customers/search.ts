import { sql, type Kysely } from 'kysely'
import type { Database } from '../db/schema'

// Customer search: any part of a name, code, e-mail or phone. Terms of three characters or more go through
// the FTS5 trigram index (customers_fts, see migration 2026_11_30_100000); a term shorter than that cannot be
// a trigram, so such a search scans with LIKE instead (measured in bench/suites/customers.ts).

export interface SearchHit {
  id: number
  code: string | null
  name: string
  phone: string | null
  email: string | null
}

const PHONE_LIKE = /^\+?[\d\s\-().]+$/

/** The words of a query; a phone typed with spaces or dashes is one word of its digits. */
export function searchTerms(text: string): string[] {
  const q = text.normalize('NFC').trim()
  if (q === '') return []
  if (PHONE_LIKE.test(q)) {
    const digits = q.replace(/\D/g, '')
    if (digits.length > 0) return [digits]
  }
  return q.split(/\s+/).filter((t) => t !== '')
}

const quote = (term: string): string => `"${term.replaceAll('"', '""')}"`

/** An FTS5 MATCH expression for the terms, or null when some term is too short for the trigram index. */
export function ftsQuery(terms: string[]): string | null {
  if (terms.length === 0 || terms.some((t) => Array.from(t).length < 3)) return null
  return terms.map(quote).join(' AND ')
}

const likePattern = (term: string): string => `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`

/**
 * The ids of customers matching the text, as a SQL condition on `c.id` (for the list's filters), or null for
 * an empty text.
 */
export function searchCondition(text: string) {
  const terms = searchTerms(text)
  if (terms.length === 0) return null
  const match = ftsQuery(terms)
  if (match !== null)
    return sql<boolean>`c.id in (select rowid from customers_fts where customers_fts match ${match})`
  const parts = terms.map((term) => {
    const p = likePattern(term.toLowerCase())
    const local = /^\d+$/.test(term) ? sql` or replace(c.phone, '+66', '0') like ${p} escape '\\'` : sql``
    return sql`(lower(c.name) like ${p} escape '\\' or lower(c.code) like ${p} escape '\\' or c.email like ${p} escape '\\' or c.phone like ${p} escape '\\'${local})`
  })
  return sql<boolean>`(${sql.join(parts, sql` and `)})`
}

/** Customers matching the text, best match first: the exact code, names starting with it, then FTS rank. */
export async function searchCustomers(db: Kysely<Database>, text: string, limit = 50): Promise<SearchHit[]> {
  const terms = searchTerms(text)
  if (terms.length === 0) return []
  const first = terms[0] ?? ''
  const match = ftsQuery(terms)
  const prefix = `${likePattern(first).slice(1)}`
  const select = sql`c.id, c.code, c.name, c.phone, c.email`
  const query =
    match !== null
      ? sql<SearchHit>`select ${select} from customers_fts f join customers c on c.id = f.rowid
          where customers_fts match ${match} and c.erased_at is null
          order by (c.code = ${text.trim()}) desc, (c.name like ${prefix} escape '\\') desc, f.rank, c.name, c.id
          limit ${limit}`
      : sql<SearchHit>`select ${select} from customers c
          where ${searchCondition(text) ?? sql`1`} and c.erased_at is null
          order by (c.code = ${text.trim()}) desc, (c.name like ${prefix} escape '\\') desc, c.name, c.id
          limit ${limit}`
  const { rows } = await query.execute(db)
  return rows
}

import { sql, type Kysely } from 'kysely'
import type { Database } from '../db/schema'
import { normalizePhone } from './contacts'

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

const isLong = (term: string): boolean => Array.from(term).length >= 3

/** An FTS5 MATCH expression for the terms long enough for the trigram index, or null when none is. */
export function ftsQuery(terms: string[]): string | null {
  const long = terms.filter(isLong)
  return long.length === 0 ? null : long.map(quote).join(' AND ')
}

const likePattern = (term: string): string => `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`

/** Terms as LIKE conditions on `c` (any part of name, code, e-mail or phone, phones also in local form). */
function likeConditions(terms: string[]) {
  return terms.map((term) => {
    const p = likePattern(term.toLowerCase())
    const local = /^\d+$/.test(term) ? sql` or replace(c.phone, '+66', '0') like ${p} escape '\\'` : sql``
    return sql<boolean>`(c.name like ${p} escape '\\' or c.code like ${p} escape '\\' or c.email like ${p} escape '\\' or c.phone like ${p} escape '\\'${local})`
  })
}

/** The terms shorter than a trigram, which the index cannot find, as LIKE conditions. */
const shortConditions = (terms: string[]) => likeConditions(terms.filter((t) => !isLong(t)))

/**
 * The ids of customers matching the text, as a SQL condition on `c.id` (for the list's filters), or null for
 * an empty text: the trigram index for terms of 3+ characters, LIKE for shorter ones.
 */
export function searchCondition(text: string) {
  const terms = searchTerms(text)
  if (terms.length === 0) return null
  const match = ftsQuery(terms)
  const parts = shortConditions(terms)
  if (match !== null)
    parts.unshift(sql<boolean>`c.id in (select rowid from customers_fts where customers_fts match ${match})`)
  return sql<boolean>`(${sql.join(parts, sql` and `)})`
}

/** How many index matches are ranked when a short text matches thousands of customers (see searchCustomers). */
export const RANKED_CANDIDATES = 500

/** The first string after every string that starts with `prefix` (binary order): the end of a prefix range. */
function prefixEnd(prefix: string): string {
  const chars = Array.from(prefix)
  const last = chars.pop() ?? ''
  return chars.join('') + String.fromCodePoint((last.codePointAt(0) ?? 0) + 1)
}

/**
 * Customers matching the text, best match first: the exact code, names starting with the text, then shorter
 * names (the text is more of the name), then by name. FTS rank (bm25) is left out: computing it for every
 * match of a common three-letter part cost more than the 50 ms budget at 100,000 customers. For the same
 * reason the candidates are: the exact code, names starting with the first term (a range of the name index)
 * and at most RANKED_CANDIDATES other matches (the trigram index in id order; for terms shorter than a
 * trigram, a scan in name order that stops at `limit`). Only a text matching more than that many customers
 * can leave a better-ranked one out of the first `limit`; the list page (searchCondition) finds every match.
 */
export async function searchCustomers(db: Kysely<Database>, text: string, limit = 50): Promise<SearchHit[]> {
  const terms = searchTerms(text)
  if (terms.length === 0) return []
  const exact = text.trim()
  const first = terms[0] ?? ''
  const match = ftsQuery(terms)
  const short = shortConditions(terms)
  // checked row by row on the few rows of a name range or a scan: LIKE costs microseconds a row, where an
  // FTS lookup per row (MATCH with rowid = c.id) cost about 0.2 ms
  const all = sql.join(likeConditions(terms), sql` and `)
  // a whole phone number (any typed form) is one lookup in the phone index: its trigram phrase would walk
  // the doclists of '081', '810' ..., which hold nearly every customer (4 ms of CPU at 100,000)
  const phone = PHONE_LIKE.test(exact) && first.length >= 9 ? normalizePhone(exact) : null
  const others =
    phone !== null
      ? sql`select c.id from customers c where c.phone = ${phone}`
      : match !== null
        ? sql`select c.id from customers_fts f join customers c on c.id = f.rowid
          where customers_fts match ${match} ${short.length > 0 ? sql`and ${sql.join(short, sql` and `)}` : sql``}
          limit ${RANKED_CANDIDATES}`
        : sql`select c.id from customers c where ${all} and +c.erased_at is null order by c.name limit ${limit}`
  const { rows } = await sql<SearchHit>`with hits(id) as (
      select c.id from customers c where c.code = ${exact}
      union select id from (select c.id from customers c where c.name >= ${first} and c.name < ${prefixEnd(first)}
        and ${all} limit ${limit})
      union select id from (${others}))
    select c.id, c.code, c.name, c.phone, c.email from hits join customers c on c.id = hits.id
    where +c.erased_at is null
    order by (c.code = ${exact}) desc, (c.name like ${likePattern(first).slice(1)} escape '\\') desc,
      length(c.name), c.name, c.id
    limit ${limit}`.execute(db)
  return rows
}

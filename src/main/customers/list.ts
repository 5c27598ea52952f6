import { sql, type Kysely, type RawBuilder } from 'kysely'
import type {
  CustomerFilter,
  CustomerListQuery,
  CustomerRow,
  CustomerSortColumn,
} from '../../shared/api/customers'
import type { ValueTier } from '../../shared/api/analysis'
import type { Database } from '../db/schema'
import { hasConsent, marketingConsentFilter } from './consent'
import { searchCondition } from './search'
import { freshTotals } from './totals'

// The customer list: one page of the filtered, sorted book with each customer's totals (customer_totals),
// latest analysis scores (segment, value tier), tags and marketing consent. Erased customers are not listed.

const sortSql: Record<CustomerSortColumn, string> = {
  name: 'c.name',
  code: 'c.code',
  phone: 'c.phone',
  email: 'c.email',
  segment: 's.segment',
  value_tier: 's.value_tier',
  spend: 'coalesce(t.spend_satang, 0)',
  visits: 'coalesce(t.visits, 0)',
  last_purchase: 't.last_purchase',
  acquisition_source: 'c.acquisition_source',
  created_at: 'c.created_at',
}

/** The WHERE of a filter over `customers c`, `customer_totals t` and the latest run's `analysis_scores s`. */
export function filterConditions(filter: CustomerFilter): RawBuilder<unknown>[] {
  const where: RawBuilder<unknown>[] = [sql`c.erased_at is null`]
  const search = filter.search === undefined ? null : searchCondition(filter.search)
  if (search) where.push(search)
  if (filter.segment) where.push(sql`s.segment = ${filter.segment}`)
  if (filter.valueTier) where.push(sql`s.value_tier = ${filter.valueTier}`)
  if (filter.tag)
    where.push(
      sql`exists (select 1 from customer_tags g where g.customer_id = c.id and g.tag = ${filter.tag})`,
    )
  if (filter.lastPurchaseFrom) where.push(sql`t.last_purchase >= ${filter.lastPurchaseFrom}`)
  if (filter.lastPurchaseTo) where.push(sql`t.last_purchase < ${`${filter.lastPurchaseTo}T99`}`)
  if (filter.spendMinSatang !== undefined)
    where.push(sql`coalesce(t.spend_satang, 0) >= ${filter.spendMinSatang}`)
  if (filter.spendMaxSatang !== undefined)
    where.push(sql`coalesce(t.spend_satang, 0) <= ${filter.spendMaxSatang}`)
  if (filter.consent) {
    const yes = hasConsent(filter.consent.purpose)
    where.push(filter.consent.state === 'granted' ? yes : sql`not ${yes}`)
  }
  if (filter.acquisitionSource) where.push(sql`c.acquisition_source = ${filter.acquisitionSource}`)
  return where
}

const FROM = sql`customers c
  left join customer_totals t on t.customer_id = c.id
  left join analysis_scores s on s.customer_id = c.id and s.run_id = (select max(id) from analysis_runs)`

interface RawRow {
  id: number
  code: string | null
  name: string
  phone: string | null
  email: string | null
  line_id: string | null
  segment: string | null
  value_tier: string | null
  spend: number
  visits: number
  last_purchase: string | null
  acquisition_source: string | null
  tags: string | null
  marketing: number
}

export function toRow(r: RawRow): CustomerRow {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    phone: r.phone,
    email: r.email,
    lineId: r.line_id,
    segment: r.segment,
    valueTier: r.value_tier as ValueTier | null,
    spendSatang: r.spend,
    visits: r.visits,
    lastPurchase: r.last_purchase,
    acquisitionSource: r.acquisition_source,
    tags: r.tags === null ? [] : r.tags.split('\u001f').sort(),
    marketingConsent: r.marketing === 1,
  }
}

const COLUMNS = sql`c.id, c.code, c.name, c.phone, c.email, c.line_id, s.segment, s.value_tier,
  coalesce(t.spend_satang, 0) as spend, coalesce(t.visits, 0) as visits, t.last_purchase, c.acquisition_source,
  (select group_concat(g.tag, char(31)) from customer_tags g where g.customer_id = c.id) as tags,
  ${marketingConsentFilter()} as marketing`

/** Rows of the filtered list in order; `marketing` keeps only customers with marketing consent. */
export async function selectCustomers(
  db: Kysely<Database>,
  query: CustomerListQuery & { marketing?: boolean },
): Promise<CustomerRow[]> {
  await freshTotals(db)
  const where = filterConditions(query)
  if (query.marketing) where.push(marketingConsentFilter())
  const column = sql.raw(sortSql[query.sort ?? 'name'])
  const direction = sql.raw(query.direction === 'desc' ? 'desc' : 'asc')
  const limit = query.limit === undefined ? sql`` : sql`limit ${query.limit} offset ${query.offset ?? 0}`
  const { rows } = await sql<RawRow>`select ${COLUMNS} from ${FROM} where ${sql.join(where, sql` and `)}
    order by ${column} is null, ${column} ${direction}, c.id ${direction} ${limit}`.execute(db)
  return rows.map(toRow)
}

export async function countCustomers(db: Kysely<Database>, filter: CustomerFilter): Promise<number> {
  await freshTotals(db)
  const { rows } = await sql<{ n: number }>`select count(*) as n from ${FROM}
    where ${sql.join(filterConditions(filter), sql` and `)}`.execute(db)
  return rows[0]?.n ?? 0
}

export async function filteredIds(db: Kysely<Database>, filter: CustomerFilter): Promise<number[]> {
  await freshTotals(db)
  const { rows } = await sql<{ id: number }>`select c.id from ${FROM}
    where ${sql.join(filterConditions(filter), sql` and `)}`.execute(db)
  return rows.map((r) => r.id)
}

export async function listCustomers(
  db: Kysely<Database>,
  query: CustomerListQuery,
): Promise<{ total: number; rows: CustomerRow[] }> {
  const rows = await selectCustomers(db, { ...query, limit: query.limit ?? 100 })
  return { total: await countCustomers(db, query), rows }
}

export async function customerFacets(
  db: Kysely<Database>,
): Promise<{ tags: string[]; segments: string[]; sources: string[] }> {
  const tags = await db.selectFrom('customer_tags').select('tag').distinct().orderBy('tag').execute()
  const segments = await db.selectFrom('segments').select('id').orderBy('position').execute()
  const sources = await db
    .selectFrom('customers')
    .select('acquisition_source')
    .distinct()
    .where('acquisition_source', 'is not', null)
    .orderBy('acquisition_source')
    .execute()
  return {
    tags: tags.map((t) => t.tag),
    segments: segments.map((s) => s.id),
    sources: sources.map((s) => s.acquisition_source ?? ''),
  }
}

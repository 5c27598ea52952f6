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

// Each sort column, which table it reads (t: customer_totals, s: the latest analysis scores) and whether it
// can be null. Every customer has a customer_totals row (totals.ts), so spend and visits are never null and
// their sort walks an index; nulls of the others go last in both directions.
const sortSql: Record<CustomerSortColumn, { column: string; reads?: 't' | 's'; nullable: boolean }> = {
  name: { column: 'c.name', nullable: false },
  code: { column: 'c.code', nullable: true },
  phone: { column: 'c.phone', nullable: true },
  email: { column: 'c.email', nullable: true },
  segment: { column: 's.segment', reads: 's', nullable: true },
  value_tier: { column: 's.value_tier', reads: 's', nullable: true },
  spend: { column: 't.spend_satang', reads: 't', nullable: false },
  visits: { column: 't.visits', reads: 't', nullable: false },
  last_purchase: { column: 't.last_purchase', reads: 't', nullable: true },
  acquisition_source: { column: 'c.acquisition_source', nullable: true },
  created_at: { column: 'c.created_at', nullable: false },
}

/** The WHERE of a filter over `customers c`, `customer_totals t` and the latest run's `analysis_scores s`. */
export function filterConditions(filter: CustomerFilter): RawBuilder<unknown>[] {
  // `+` keeps the planner off the customers_live index here: the page walks the sort column's index instead
  const where: RawBuilder<unknown>[] = [sql`+c.erased_at is null`]
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
  if (filter.spendMinSatang !== undefined) where.push(sql`t.spend_satang >= ${filter.spendMinSatang}`)
  if (filter.spendMaxSatang !== undefined) where.push(sql`t.spend_satang <= ${filter.spendMaxSatang}`)
  if (filter.consent) {
    const yes = hasConsent(filter.consent.purpose)
    where.push(filter.consent.state === 'granted' ? yes : sql`not ${yes}`)
  }
  if (filter.acquisitionSource) where.push(sql`c.acquisition_source = ${filter.acquisitionSource}`)
  return where
}

/** Which joined tables a filter reads: customer_totals (t) and the latest analysis scores (s). */
function filterReads(filter: CustomerFilter): { t: boolean; s: boolean } {
  return {
    t:
      filter.lastPurchaseFrom !== undefined ||
      filter.lastPurchaseTo !== undefined ||
      filter.spendMinSatang !== undefined ||
      filter.spendMaxSatang !== undefined,
    s: filter.segment !== undefined || filter.valueTier !== undefined,
  }
}

const TOTALS = sql`join customer_totals t on t.customer_id = c.id`
const PAGE_TOTALS = sql`cross join customer_totals t on t.customer_id = c.id`
const SCORES = sql`left join analysis_scores s on s.customer_id = c.id and s.run_id = (select max(id) from analysis_runs)`
const JOINS = sql`${PAGE_TOTALS} ${SCORES}`

/** `customers c` with only the joins the filter and sort read: each join left out is work saved per row. */
function fromFor(reads: { t: boolean; s: boolean }) {
  return sql`customers c ${reads.t ? TOTALS : sql``} ${reads.s ? SCORES : sql``}`
}

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
  t.spend_satang as spend, t.visits as visits, t.last_purchase, c.acquisition_source,
  (select group_concat(g.tag, char(31)) from customer_tags g where g.customer_id = c.id) as tags,
  ${marketingConsentFilter()} as marketing`

/** Rows of the filtered list in order; `marketing` keeps only customers with marketing consent. */
export async function selectCustomers(
  db: Kysely<Database>,
  query: CustomerListQuery & { marketing?: boolean; customerId?: number },
): Promise<CustomerRow[]> {
  await freshTotals(db)
  const where = filterConditions(query)
  if (query.marketing) where.push(marketingConsentFilter())
  if (query.customerId !== undefined) where.push(sql`c.id = ${query.customerId}`)
  const sort = sortSql[query.sort ?? 'name']
  const reads = filterReads(query)
  if (sort.reads) reads[sort.reads] = true
  const column = sql.raw(sort.column)
  // on a customer_totals column the tie-break is t's own key, so the index on the column gives the order
  const id = sql.raw(sort.reads === 't' ? 't.customer_id' : 'c.id')
  const direction = sql.raw(query.direction === 'desc' ? 'desc' : 'asc')
  const order = sort.nullable
    ? sql`${column} is null, ${column} ${direction}, ${id} ${direction}`
    : sql`${column} ${direction}, ${id} ${direction}`
  const limit = query.limit === undefined ? sql`` : sql`limit ${query.limit} offset ${query.offset ?? 0}`
  // the page's ids first (with only the joins they need), then their columns: the tags and consent
  // subqueries run for the page's rows only. CROSS JOIN keeps the page as the outer loop: with the limit a
  // bound parameter, the planner otherwise walked every customer in sort order to skip a 200-row sort.
  const { rows } = await sql<RawRow>`with page as (
      select ${id} as id from ${fromFor(reads)}
      where ${sql.join(where, sql` and `)} order by ${order} ${limit})
    select ${COLUMNS} from page cross join customers c on c.id = page.id ${JOINS}
    order by ${order}`.execute(db)
  return rows.map(toRow)
}

export async function countCustomers(db: Kysely<Database>, filter: CustomerFilter): Promise<number> {
  await freshTotals(db)
  const where = filterConditions(filter)
  if (where.length === 1) {
    // unfiltered: SQLite counts a whole table from its smallest index's pages without reading a row
    // (0.1 ms at 100,000), less the erased few through customers_live (reading that index for every
    // customer cost 20-40 ms under load)
    const { rows } = await sql<{ n: number }>`select (select count(*) from customers)
      - (select count(*) from customers where erased_at is not null) as n`.execute(db)
    return rows[0]?.n ?? 0
  }
  // the joins only when a filter reads them
  const { rows } = await sql<{ n: number }>`select count(*) as n from ${fromFor(filterReads(filter))}
    where ${sql.join(where, sql` and `)}`.execute(db)
  return rows[0]?.n ?? 0
}

export async function filteredIds(db: Kysely<Database>, filter: CustomerFilter): Promise<number[]> {
  await freshTotals(db)
  const { rows } = await sql<{ id: number }>`select c.id from ${fromFor(filterReads(filter))}
    where ${sql.join(filterConditions(filter), sql` and `)}`.execute(db)
  return rows.map((r) => r.id)
}

/** One page of the list and the filtered total. */
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

import { sql, type Kysely } from 'kysely'
import type { Database, SatisfactionLevel } from '../db/schema'

type Db = Kysely<Database>

// Reads what the satisfaction analysis needs for one survey and period, a few queries in all; the
// arithmetic then runs over plain arrays (analysis.ts). A shop has thousands of responses, not millions.

export interface Period {
  /** Inclusive 'YYYY-MM-DD' bounds on the response date. */
  from?: string | undefined
  to?: string | undefined
}

export interface LoadedResponse {
  id: number
  customerId: number | null
  receiptId: number | null
  store: string | null
  staff: string | null
  respondedAt: string
  comment: string
  overall: SatisfactionLevel | null
  /** aspect id -> level */
  answers: Map<number, SatisfactionLevel>
  categories: string[]
  segment: string | null
  /** The purchase the answer is about: the receipt's time, else the response's. */
  base: string
  /** The customer's first sale after the purchase (not the purchase itself); null when none. */
  nextSale: string | null
  /** Net spend (sales less refunds) in the 90 days after the purchase, satang. */
  spend90: number
}

function responsesQuery(db: Db, surveyId: number, period: Period) {
  let q = db.selectFrom('survey_responses as r').where('r.survey_id', '=', surveyId)
  if (period.from) q = q.where('r.responded_at', '>=', period.from)
  if (period.to) q = q.where('r.responded_at', '<', sql<string>`date(${period.to}, '+1 day')`)
  return q
}

export async function loadResponses(db: Db, surveyId: number, period: Period): Promise<LoadedResponse[]> {
  const rows = await responsesQuery(db, surveyId, period)
    .leftJoin('stores as s', 's.id', 'r.store_id')
    .leftJoin('receipts as p', 'p.id', 'r.receipt_id')
    .select((eb) => [
      'r.id',
      'r.customer_id',
      'r.receipt_id',
      's.name as store',
      'r.staff',
      'r.responded_at',
      'r.comment',
      'r.overall_level',
      eb.fn.coalesce('p.occurred_at', 'r.responded_at').as('base'),
    ])
    .orderBy('r.id')
    .execute()
  // The customer's later buying, per response: one correlated query each, on the (customer_id, occurred_at) index.
  const later = await responsesQuery(db, surveyId, period)
    .leftJoin('receipts as p', 'p.id', 'r.receipt_id')
    .where('r.customer_id', 'is not', null)
    .select((eb) => [
      'r.id',
      eb
        .selectFrom('receipts as x')
        .select((e) => e.fn.min('x.occurred_at').as('t'))
        .whereRef('x.customer_id', '=', 'r.customer_id')
        .where('x.kind', '=', 'sale')
        .where(sql<boolean>`x.occurred_at > coalesce(p.occurred_at, r.responded_at)`)
        .where(sql<boolean>`x.id is not coalesce(r.receipt_id, -1)`)
        .as('next_sale'),
      eb
        .selectFrom('receipts as x')
        .select((e) => e.fn.coalesce(e.fn.sum<number>('x.net_satang'), e.lit(0)).as('s'))
        .whereRef('x.customer_id', '=', 'r.customer_id')
        .where(sql<boolean>`x.occurred_at > coalesce(p.occurred_at, r.responded_at)`)
        .where(sql<boolean>`x.occurred_at <= datetime(coalesce(p.occurred_at, r.responded_at), '+90 days')`)
        .where(sql<boolean>`x.id is not coalesce(r.receipt_id, -1)`)
        .as('spend90'),
    ])
    .execute()
  const answers = await responsesQuery(db, surveyId, period)
    .innerJoin('survey_answers as a', 'a.response_id', 'r.id')
    .select(['a.response_id', 'a.aspect_id', 'a.level'])
    .execute()
  const categories = await responsesQuery(db, surveyId, period)
    .innerJoin('receipt_lines as l', 'l.receipt_id', 'r.receipt_id')
    .innerJoin('products as pr', 'pr.id', 'l.product_id')
    .select(['r.id', 'pr.category'])
    .distinct()
    .execute()
  const latestRun = await db.selectFrom('analysis_runs').select('id').orderBy('id', 'desc').executeTakeFirst()
  const segments = latestRun
    ? await responsesQuery(db, surveyId, period)
        .innerJoin('analysis_scores as sc', 'sc.customer_id', 'r.customer_id')
        .where('sc.run_id', '=', latestRun.id)
        .select(['r.id', 'sc.segment'])
        .execute()
    : []

  const byId = new Map<number, LoadedResponse>()
  for (const r of rows) {
    byId.set(r.id, {
      id: r.id,
      customerId: r.customer_id,
      receiptId: r.receipt_id,
      store: r.store,
      staff: r.staff,
      respondedAt: r.responded_at,
      comment: r.comment,
      overall: r.overall_level,
      answers: new Map(),
      categories: [],
      segment: null,
      base: r.base,
      nextSale: null,
      spend90: 0,
    })
  }
  for (const l of later) {
    const r = byId.get(l.id)
    if (r) {
      r.nextSale = l.next_sale ?? null
      r.spend90 = l.spend90 ?? 0
    }
  }
  for (const a of answers) byId.get(a.response_id)?.answers.set(a.aspect_id, a.level)
  for (const c of categories) if (c.category) byId.get(c.id)?.categories.push(c.category)
  for (const s of segments) {
    const r = byId.get(s.id)
    if (r) r.segment = s.segment
  }
  return [...byId.values()]
}

/** The last day with a sale: behaviour after a response is measured up to it. */
export async function salesUntil(db: Db): Promise<string | null> {
  const row = await db
    .selectFrom('receipts')
    .select((eb) => eb.fn.max('occurred_at').as('t'))
    .executeTakeFirst()
  return row?.t ? row.t.slice(0, 10) : null
}

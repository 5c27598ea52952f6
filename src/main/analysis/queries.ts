import { sql, type Kysely, type Selectable } from 'kysely'
import type { AnalysisRun, AnalysisScoresTable, CustomersTable, Database } from '../db/schema'
import { LukkhaError } from '../errors'
import {
  segmentRulesSchema,
  valueTiers,
  type AnalysisRunSummary,
  type CustomerPage,
  type CustomerScoreHistory,
  type CustomerScore,
  type SegmentCustomersQuery,
  type SegmentRules,
  type SegmentsOverview,
  type ValueOverview,
  type ValueQuery,
} from '../../shared/api/analysis'

// Read side of the stored runs: the DTOs the Segments and Value pages and the customer profile show.
// Every method takes an optional run id and defaults to the latest run.

type ScoreRow = Selectable<AnalysisScoresTable> &
  Pick<Selectable<CustomersTable>, 'code' | 'name' | 'phone' | 'email' | 'line_id'>

export function toRunSummary(row: AnalysisRun): AnalysisRunSummary {
  const bg =
    row.bgnbd_r !== null && row.bgnbd_alpha !== null && row.bgnbd_a !== null && row.bgnbd_b !== null
      ? {
          r: row.bgnbd_r,
          alpha: row.bgnbd_alpha,
          a: row.bgnbd_a,
          b: row.bgnbd_b,
          logLikelihood: row.bgnbd_ll ?? 0,
        }
      : null
  const gg =
    row.gg_p !== null && row.gg_q !== null && row.gg_gamma !== null
      ? { p: row.gg_p, q: row.gg_q, gamma: row.gg_gamma, logLikelihood: row.gg_ll ?? 0 }
      : null
  return {
    runId: row.id,
    asOf: row.as_of,
    windowDays: row.window_days,
    horizonDays: row.horizon_days,
    annualDiscountRate: row.annual_discount_rate,
    customers: row.customers,
    revenueSatang: row.revenue_satang,
    bgnbd: bg,
    gammaGamma: gg,
    modelNote: row.model_note,
    shopIntervalDays: row.shop_interval_days,
    durationMs: row.duration_ms,
    createdAt: row.created_at,
  }
}

export function runRules(row: AnalysisRun): SegmentRules {
  return segmentRulesSchema.parse(JSON.parse(row.segment_rules))
}

/** The run with this id, or the latest run; null when there is none (or throws not_found for a bad id). */
export async function findRun(db: Kysely<Database>, runId?: number): Promise<AnalysisRun | null> {
  if (runId !== undefined) {
    const row = await db.selectFrom('analysis_runs').selectAll().where('id', '=', runId).executeTakeFirst()
    if (!row) throw new LukkhaError('not_found', `There is no analysis run ${runId}.`)
    return row
  }
  return (
    (await db.selectFrom('analysis_runs').selectAll().orderBy('id', 'desc').limit(1).executeTakeFirst()) ??
    null
  )
}

export async function listRuns(db: Kysely<Database>): Promise<AnalysisRunSummary[]> {
  const rows = await db.selectFrom('analysis_runs').selectAll().orderBy('id', 'desc').execute()
  return rows.map(toRunSummary)
}

export function toCustomerScore(row: ScoreRow): CustomerScore {
  const tier = valueTiers.find((t) => t === row.value_tier) ?? 'rest'
  return {
    customerId: row.customer_id,
    code: row.code,
    name: row.name,
    phone: row.phone,
    email: row.email,
    lineId: row.line_id,
    recencyDays: row.recency_days,
    frequency: row.frequency,
    monetarySatang: row.monetary_satang,
    r: row.r,
    f: row.f,
    m: row.m,
    segment: row.segment,
    valueTier: tier,
    firstPurchase: row.first_purchase,
    lastPurchase: row.last_purchase,
    pAlive: row.p_alive,
    expectedPurchases30: row.expected_purchases_30,
    expectedPurchases90: row.expected_purchases_90,
    expectedPurchases365: row.expected_purchases_365,
    expectedSpendSatang: row.expected_spend_satang,
    clvSatang: row.clv_satang,
    churnRisk: row.churn_risk,
    churnLevel: row.churn_level,
  }
}

export function scoresOf(db: Kysely<Database>, runId: number) {
  return db
    .selectFrom('analysis_scores as s')
    .innerJoin('customers as c', 'c.id', 's.customer_id')
    .selectAll('s')
    .select(['c.code', 'c.name', 'c.phone', 'c.email', 'c.line_id'])
    .where('s.run_id', '=', runId)
}

export async function segmentsOverview(
  db: Kysely<Database>,
  runId?: number,
): Promise<SegmentsOverview | null> {
  const run = await findRun(db, runId)
  if (!run) return null
  const rules = runRules(run)
  const bySegment = await db
    .selectFrom('analysis_scores')
    .where('run_id', '=', run.id)
    .groupBy('segment')
    .select((eb) => [
      'segment',
      eb.fn.countAll<number>().as('customers'),
      eb.fn.sum<number>('monetary_satang').as('revenue'),
      eb.fn.avg<number>('recency_days').as('recency'),
      eb.fn.avg<number>('frequency').as('frequency'),
      eb.fn.avg<number>('monetary_satang').as('monetary'),
      eb.fn.sum<number | null>('clv_satang').as('clv'),
    ])
    .execute()
  const grid = await db
    .selectFrom('analysis_scores')
    .where('run_id', '=', run.id)
    // FM = round((F + M) / 2) with halves up, as the engine assigns it (integer division)
    .select((eb) => [
      'r',
      sql<number>`(f + m + 1) / 2`.as('fm'),
      'segment',
      eb.fn.countAll<number>().as('customers'),
      eb.fn.sum<number>('monetary_satang').as('revenue'),
    ])
    .groupBy(['r', sql`(f + m + 1) / 2`, 'segment'])
    .execute()
  const stats = new Map(bySegment.map((s) => [s.segment, s]))
  const total = run.customers
  const revenue = run.revenue_satang
  const owner = new Map<string, string>()
  for (const s of rules.segments) for (const { r, fm } of s.cells) owner.set(`${r} ${fm}`, s.id)
  // A customer below their cell's segment's minF was placed in the segment of (R, FM 1): count them there,
  // so every cell's customers are those of the segment it shows, and the cells add up to the run.
  const cellCount = new Map<string, { customers: number; revenue: number }>()
  for (const g of grid) {
    const key = owner.get(`${g.r} ${g.fm}`) === g.segment ? `${g.r} ${g.fm}` : `${g.r} 1`
    const cell = cellCount.get(key) ?? { customers: 0, revenue: 0 }
    cell.customers += g.customers
    cell.revenue += g.revenue
    cellCount.set(key, cell)
  }
  return {
    run: toRunSummary(run),
    segments: rules.segments.map((s) => {
      const st = stats.get(s.id)
      const customers = st?.customers ?? 0
      const revenueSatang = st?.revenue ?? 0
      return {
        id: s.id,
        nameTh: s.nameTh,
        nameEn: s.nameEn,
        actionTh: s.actionTh,
        actionEn: s.actionEn,
        customers,
        customerShare: total > 0 ? customers / total : 0,
        revenueSatang,
        revenueShare: revenue !== 0 ? revenueSatang / revenue : 0,
        avgRecencyDays: st ? st.recency : null,
        avgFrequency: st ? st.frequency : null,
        avgMonetarySatang: st ? st.monetary : null,
        clvSatang: st?.clv ?? null,
      }
    }),
    grid: [5, 4, 3, 2, 1].flatMap((r) =>
      [1, 2, 3, 4, 5].map((fm) => {
        const cell = cellCount.get(`${r} ${fm}`)
        return {
          r,
          fm,
          segment: owner.get(`${r} ${fm}`) ?? '',
          customers: cell?.customers ?? 0,
          revenueSatang: cell?.revenue ?? 0,
        }
      }),
    ),
  }
}

/** The columns a customer list sorts by (the page and its export sort the same way). */
export const sortColumns = {
  monetary: 's.monetary_satang',
  recency: 's.recency_days',
  frequency: 's.frequency',
  clv: 's.clv_satang',
  p_alive: 's.p_alive',
  churn_risk: 's.churn_risk',
  name: 'c.name',
} as const

type ListQuery = Pick<SegmentCustomersQuery, 'list' | 'segment' | 'sort' | 'direction'>

/**
 * The customers of one analysis list in the list's order: a segment (by spend), the best customers (by
 * predicted value) or the customers slipping away (high churn level first, then by spend); a chosen sort
 * column comes first. The page, its export and its printout all read through this one query.
 */
export function customerList(db: Kysely<Database>, runId: number, query: ListQuery) {
  const list = query.list ?? 'segment'
  let rows = scoresOf(db, runId)
  if (list === 'segment') {
    if (!query.segment) throw new LukkhaError('validation', 'A segment list needs the segment.')
    rows = rows.where('s.segment', '=', query.segment)
  } else if (list === 'at_risk') {
    rows = rows.where('s.churn_level', 'in', ['high', 'medium'])
  }
  if (query.sort) {
    rows = rows.orderBy(sortColumns[query.sort], query.direction ?? 'desc')
  } else if (list === 'best_customers') {
    rows = rows.orderBy('s.clv_satang', 'desc').orderBy('s.monetary_satang', 'desc')
  } else if (list === 'at_risk') {
    rows = rows
      .orderBy((eb) => eb.case().when('s.churn_level', '=', 'high').then(0).else(1).end())
      .orderBy('s.monetary_satang', 'desc')
  } else {
    rows = rows.orderBy('s.monetary_satang', 'desc')
  }
  return rows.orderBy('s.customer_id', 'asc')
}

/** One page of an analysis customer list, with the list's total. */
export async function segmentCustomers(
  db: Kysely<Database>,
  query: SegmentCustomersQuery,
): Promise<CustomerPage> {
  const page = query.page ?? 1
  const pageSize = query.pageSize ?? 50
  const run = await findRun(db, query.runId)
  if (!run) throw new LukkhaError('not_found', 'There is no analysis run yet. Run the analysis first.')
  const rows = await customerList(db, run.id, query)
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute()
  const list = query.list ?? 'segment'
  let count = db.selectFrom('analysis_scores').where('run_id', '=', run.id)
  if (list === 'segment') count = count.where('segment', '=', query.segment ?? '')
  if (list === 'at_risk') count = count.where('churn_level', 'in', ['high', 'medium'])
  const total = await count.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  return {
    runId: run.id,
    total: total.n,
    page,
    pageSize,
    rows: rows.map(toCustomerScore),
  }
}

/** Rounds a bin width up to 1, 2 or 5 times a power of ten (in baht), so bin edges read well. */
function niceWidth(raw: number): number {
  if (!(raw > 0)) return 100
  const baht = raw / 100
  const power = Math.pow(10, Math.floor(Math.log10(baht)))
  const step = [1, 2, 5, 10].find((s) => s * power >= baht) ?? 10
  return Math.max(100, Math.round(step * power * 100))
}

export async function valueOverview(
  db: Kysely<Database>,
  query: ValueQuery = {},
): Promise<ValueOverview | null> {
  const options = { bins: query.bins ?? 20, limit: query.limit ?? 20 }
  const run = await findRun(db, query.runId)
  if (!run) return null
  const values = await db
    .selectFrom('analysis_scores')
    .where('run_id', '=', run.id)
    .select(['clv_satang', 'monetary_satang', 'value_tier'])
    .execute()
  const n = values.length

  // CLV histogram: equal-width bins from 0 up to the 99th percentile, the last bin open-ended
  const clvs = values.map((v) => v.clv_satang).filter((v): v is number => v !== null)
  clvs.sort((a, b) => a - b)
  let clvHistogram: ValueOverview['clvHistogram'] = []
  let totalClvSatang: number | null = null
  if (clvs.length > 0) {
    totalClvSatang = clvs.reduce((s, v) => s + v, 0)
    const p99 = clvs[Math.min(clvs.length - 1, Math.floor(clvs.length * 0.99))] ?? 0
    const width = niceWidth(p99 / (options.bins - 1))
    const counts = new Array<number>(options.bins).fill(0)
    for (const v of clvs) {
      const at = Math.min(options.bins - 1, Math.max(0, Math.floor(v / width)))
      counts[at] = (counts[at] ?? 0) + 1
    }
    clvHistogram = counts.map((customers, i) => ({
      fromSatang: i * width,
      toSatang: i === options.bins - 1 ? null : (i + 1) * width,
      customers,
    }))
  }

  const revenue = run.revenue_satang
  const tiers = valueTiers.map((tier) => {
    const members = values.filter((v) => v.value_tier === tier)
    const revenueSatang = members.reduce((s, v) => s + v.monetary_satang, 0)
    return {
      tier,
      customers: members.length,
      revenueSatang,
      revenueShare: revenue !== 0 ? revenueSatang / revenue : 0,
    }
  })

  const spend = values.map((v) => v.monetary_satang).sort((a, b) => b - a)
  const cumulative: number[] = []
  spend.reduce((s, v, i) => (cumulative[i] = s + v), 0)
  const pareto = Array.from({ length: 21 }, (_, k) => {
    const customerShare = k / 20
    const count = Math.round(customerShare * n)
    return {
      customerShare,
      revenueShare: revenue !== 0 && count > 0 ? (cumulative[count - 1] ?? 0) / revenue : 0,
    }
  })
  let customerShareFor80: number | null = null
  if (revenue > 0) {
    const at = cumulative.findIndex((c) => c >= 0.8 * revenue)
    customerShareFor80 = at === -1 ? 1 : (at + 1) / n
  }

  const top = await customerList(db, run.id, { list: 'best_customers' }).limit(options.limit).execute()
  const atRisk = await customerList(db, run.id, { list: 'at_risk' }).limit(options.limit).execute()
  return {
    run: toRunSummary(run),
    totalClvSatang,
    clvHistogram,
    tiers,
    pareto,
    customerShareFor80,
    topCustomers: top.map(toCustomerScore),
    atRisk: atRisk.map(toCustomerScore),
  }
}

export async function customerScore(
  db: Kysely<Database>,
  customerId: number,
  runId?: number,
): Promise<{ run: AnalysisRun; row: ScoreRow } | null> {
  const run = await findRun(db, runId)
  if (!run) return null
  const row = await scoresOf(db, run.id).where('s.customer_id', '=', customerId).executeTakeFirst()
  return row ? { run, row } : null
}

export async function customerScoreHistory(
  db: Kysely<Database>,
  customerId: number,
): Promise<CustomerScoreHistory> {
  const rows = await db
    .selectFrom('analysis_scores as s')
    .innerJoin('analysis_runs as r', 'r.id', 's.run_id')
    .select([
      's.run_id',
      'r.as_of',
      's.segment',
      's.r',
      's.f',
      's.m',
      's.monetary_satang',
      's.p_alive',
      's.clv_satang',
      's.churn_level',
    ])
    // through the primary key, one seek per stored run (there is no index by customer)
    .where('s.run_id', 'in', (eb) => eb.selectFrom('analysis_runs').select('id'))
    .where('s.customer_id', '=', customerId)
    .orderBy('r.as_of')
    .orderBy('s.run_id')
    .execute()
  return rows.map((row) => ({
    runId: row.run_id,
    asOf: row.as_of,
    segment: row.segment,
    r: row.r,
    f: row.f,
    m: row.m,
    monetarySatang: row.monetary_satang,
    pAlive: row.p_alive,
    clvSatang: row.clv_satang,
    churnLevel: row.churn_level,
  }))
}

import type { Kysely, RawBuilder } from 'kysely'
import { sql } from 'kysely'
import { addDays } from '../../shared/calendar'
import type { Database } from '../db/schema'
import { totalsCurrent } from '../customers/totals'
import { UNKNOWN_SOURCE } from './growth'
import { LAPSED_DAYS, MIN_PURCHASE_DAYS_FOR_RHYTHM, OVERDUE_RATIO } from './rules'

// The retention cards (cards.ts) from the purchase figures customer_totals holds per customer (purchase days,
// first, second and last purchase day, net spend: customers/totals.ts), one row per customer instead of every
// receipt. They are the figures as of a date when the totals match the receipts (imports and undos keep them
// so; the analysis job and the customer list rebuild them otherwise) and no purchase is dated after it;
// receipts after it that are no purchase (refunds after the last sale, the default as-of date) only change
// the net spend, which the at-risk card takes them out of. Otherwise the cards read the receipts.

/** Whether customer_totals give the cards' purchase figures as of `asOf`. */
export async function purchasesStored(db: Kysely<Database>, asOf: string): Promise<boolean> {
  if (!(await totalsCurrent(db))) return false
  // receipts_time from the as-of date on: stops at the first purchase
  const { rows } = await sql<{ one: number }>`select 1 as one from receipts
    where occurred_at >= ${addDays(asOf, 1)} and kind = 'sale' and net_satang <> 0 limit 1`.execute(db)
  return rows.length === 0
}

/**
 * Each customer's net of the receipts after `asOf` (as the at-risk card counts it: refunds as -abs). The
 * unary + keeps SQLite on receipts_time (the few receipts after the date), not every customer's receipts.
 */
export async function netAfter(db: Kysely<Database>, asOf: string): Promise<Map<number, number>> {
  const { rows } = await sql<{ id: number; net: number }>`
    select customer_id as id, sum(case when kind = 'refund' then -abs(net_satang) else net_satang end) as net
    from receipts where occurred_at >= ${addDays(asOf, 1)} and +customer_id is not null
    group by +customer_id`.execute(db)
  return new Map(rows.map((r) => [r.id, r.net]))
}

/** One at-risk candidate: purchase days, first and last purchase day (day numbers), net spend. */
export interface AtRiskFacts {
  id: number
  days: number
  first: number
  last: number
  net: number
  /** 1 when the analysis run's churn level for the customer is high. */
  high: number
}

/** 1 when the churn level of customer `id` in analysis run `runId` is high (0 without a run). */
export function highChurn(runId: number | null, id: RawBuilder<unknown>) {
  return runId === null
    ? sql`0`
    : sql`exists (select 1 from analysis_scores s
        where s.run_id = ${runId} and s.customer_id = ${id} and s.churn_level = 'high')`
}

/**
 * The at-risk candidates as of `asOf` (when purchasesStored says so): repeat buyers in the book (not erased)
 * whose last purchase day is after `lastAfter` and who may be overdue or have a high churn level in the run
 * (`run`, its day number). The overdue test here lets a little more through than the card's (cards.ts
 * decides), so only the likely rows cross to JavaScript and the run's score is looked up only for the others.
 */
export async function storedAtRiskFacts(
  db: Kysely<Database>,
  asOf: string,
  lastAfter: number,
  run: { id: number; day: number } | null,
): Promise<AtRiskFacts[]> {
  const asOfDay = lastAfter + LAPSED_DAYS
  const high =
    run === null
      ? sql`0`
      : sql`(t.last_purchase_day <= ${run.day} and ${highChurn(run.id, sql`t.customer_id`)})`
  const { rows } = await sql<AtRiskFacts>`
    select t.customer_id as id, t.purchase_days as days, t.first_purchase_day as first,
      t.last_purchase_day as last, t.net_satang as net, ${high} as high
    from customer_totals t join customers c on c.id = t.customer_id
    where t.purchase_days >= 2 and t.last_purchase_day > ${lastAfter} and c.erased_at is null
      and ((t.purchase_days >= ${MIN_PURCHASE_DAYS_FOR_RHYTHM} and t.last_purchase_day > t.first_purchase_day
            and (${asOfDay} - t.last_purchase_day) * (t.purchase_days - 1)
              >= ${OVERDUE_RATIO - 1e-6} * (t.last_purchase_day - t.first_purchase_day))
        or ${high})`.execute(db)
  const later = await netAfter(db, asOf)
  if (later.size > 0) for (const r of rows) r.net -= later.get(r.id) ?? 0
  return rows
}

/** Buyers whose first purchase day is on or after `from` (erased ones count), with their source. */
export async function storedFirstPurchases(db: Kysely<Database>, from: number) {
  const { rows } = await sql<{ first: number; source: string | null }>`
    select t.first_purchase_day as first, c.acquisition_source as source
    from customer_totals t join customers c on c.id = t.customer_id
    where t.first_purchase_day >= ${from}`.execute(db)
  return rows.map((r) => ({ first: r.first, source: r.source?.trim() || UNKNOWN_SOURCE }))
}

/**
 * Buyers whose first purchase day is from `from` to `to`, and how many of them had a second purchase day at
 * most `windowDays` after the first.
 */
export async function storedSecondPurchases(
  db: Kysely<Database>,
  from: number,
  to: number,
  windowDays: number,
) {
  const { rows } = await sql<{ eligible: number; returnedWithin: number }>`
    select count(*) as eligible,
      coalesce(sum(t.second_purchase_day <= t.first_purchase_day + ${windowDays}), 0) as returnedWithin
    from customer_totals t
    where t.first_purchase_day between ${from} and ${to}`.execute(db)
  return { eligible: rows[0]?.eligible ?? 0, returnedWithin: rows[0]?.returnedWithin ?? 0 }
}

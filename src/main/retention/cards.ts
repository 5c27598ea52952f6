import type { Kysely } from 'kysely'
import { sql } from 'kysely'
import { addDays, dayNumber, fromDayNumber, monthStart } from '../../shared/calendar'
import type { Database } from '../db/schema'
import { receiptDay } from '../db/receipt-day'
import { UNKNOWN_SOURCE } from './growth'
import { buyers, resolveAsOf, type History } from './history'
import { buildList } from './lists'
import { scoresRun } from './customers'
import { yearlyValue } from './facts'
import {
  highChurn,
  purchasesStored,
  storedAtRiskFacts,
  storedFirstPurchases,
  storedSecondPurchases,
  type AtRiskFacts,
} from './stored-cards'
import { LAPSED_DAYS, MIN_PURCHASE_DAYS_FOR_RHYTHM, OVERDUE_RATIO, SECOND_PURCHASE_DAYS } from './rules'

// The dashboard's retention cards, one call each so each card loads on its own. The new-customers and
// second-purchase cards need only each buyer's first purchase day (and whether a second one followed within
// the window), so they read that with one grouped pass over the covering index receipts_customer_activity
// instead of every customer's day history (README.md, Cost); `newCustomersCardOf` is the same card over a
// loaded history, the reference the tests compare with.

/**
 * The at-risk card: how many customers the at-risk list has and their value at stake (lists.ts has the
 * rules). Each customer's facts come from four figures (purchase days, first and last purchase day, net
 * spend), read from customer_totals when they are current for the as-of date (stored-cards.ts), else with one
 * grouped pass over receipts_customer_activity, keeping only repeat buyers who are not lapsed and are in the
 * book (not erased: never listed), each with whether the analysis run's churn level is high;
 * `atRiskCardOfList` is the same card from the list.
 */
export async function atRiskCard(db: Kysely<Database>, asOf: string | undefined, today: string) {
  const at = await resolveAsOf(db, asOf, today)
  const asOfDay = dayNumber(at)
  const run = await scoresRun(db, at)
  const runDay = run === undefined ? null : dayNumber(run.as_of.slice(0, 10))
  const rows = (await purchasesStored(db, at))
    ? await storedAtRiskFacts(
        db,
        at,
        asOfDay - LAPSED_DAYS,
        run === undefined || runDay === null ? null : { id: run.id, day: runDay },
      )
    : await scannedAtRiskFacts(db, at, asOfDay - LAPSED_DAYS, run?.id ?? null)
  let customers = 0
  let valueAtStakeSatang = 0
  for (const r of rows) {
    const { first, last } = r
    const since = asOfDay - last
    const gap = r.days >= MIN_PURCHASE_DAYS_FOR_RHYTHM ? (last - first) / (r.days - 1) : null
    const overdue = gap !== null && gap > 0 && since / gap >= OVERDUE_RATIO
    // a score is about the run's day: a customer who bought after it is judged by their rhythm only
    const high = runDay !== null && last <= runDay && r.high === 1
    if (!overdue && !high) continue
    customers++
    valueAtStakeSatang += yearlyValue(r.net, first, asOfDay)
  }
  return { asOf: at, customers, valueAtStakeSatang }
}

/** The at-risk card's facts from the receipts up to `asOf` (the fallback of storedAtRiskFacts). */
async function scannedAtRiskFacts(
  db: Kysely<Database>,
  asOf: string,
  lastAfter: number,
  runId: number | null,
): Promise<AtRiskFacts[]> {
  const purchase = sql`r.kind = 'sale' and r.net_satang <> 0`
  // the receipt's day number as receipts_customer_activity holds it (its last column): read from the index,
  // integers to count distinct and compare instead of date texts cut from every receipt's time
  const day = sql.raw(receiptDay('r.occurred_at'))
  const { rows } = await sql<AtRiskFacts>`
    select f.id as id, f.days as days, f.first as first, f.last as last, f.net as net, ${highChurn(runId, sql`f.id`)} as high
    from (select r.customer_id as id,
        count(distinct case when ${purchase} then ${day} end) as days,
        min(case when ${purchase} then ${day} end) as first,
        max(case when ${purchase} then ${day} end) as last,
        sum(case when r.kind = 'refund' then -abs(r.net_satang) else r.net_satang end) as net
      from receipts r
      where r.customer_id is not null and r.occurred_at < ${addDays(asOf, 1)}
      group by r.customer_id) f
    join customers c on c.id = f.id
    where c.erased_at is null and f.days >= 2 and f.last > ${lastAfter}`.execute(db)
  return rows
}

/** The at-risk card from the whole at-risk list (the list endpoints' path). */
export async function atRiskCardOfList(db: Kysely<Database>, asOf: string | undefined, today: string) {
  const list = await buildList(db, 'at_risk', asOf, today)
  return {
    asOf: list.asOf,
    customers: list.rows.length,
    valueAtStakeSatang: list.rows.reduce((s, r) => s + (r.valueAtStakeSatang ?? 0), 0),
  }
}

/** The month windows of the new-customers card, as day numbers. */
function newCustomerSpans(asOf: string) {
  const thisMonth = dayNumber(monthStart(asOf))
  const lastMonth = dayNumber(monthStart(asOf, -1))
  // last month from its 1st to the same day of the month (or its last day when it is shorter)
  const lastMonthTo = Math.min(lastMonth + (dayNumber(asOf) - thisMonth), thisMonth - 1)
  return { thisMonth, lastMonth, lastMonthTo }
}

function newCustomersResult(asOf: string, firsts: Iterable<{ first: number; source: string }>) {
  const { thisMonth, lastMonth, lastMonthTo } = newCustomerSpans(asOf)
  let count = 0
  let before = 0
  const tally = new Map<string, number>()
  for (const { first, source } of firsts) {
    if (first >= thisMonth) {
      count++
      tally.set(source, (tally.get(source) ?? 0) + 1)
    } else if (first >= lastMonth && first <= lastMonthTo) before++
  }
  const top = [...tally].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]
  return { asOf, thisMonth: count, lastMonthSameDays: before, topSource: top?.[0] ?? null }
}

/** The new-customers card over a loaded history and every customer's acquisition source (growth.ts). */
export function newCustomersCardOf(history: History, sources: Map<number, string>) {
  return newCustomersResult(
    history.asOf,
    buyers(history).map((c) => ({
      first: c.purchaseDays[0] ?? 0,
      source: sources.get(c.customerId) ?? UNKNOWN_SOURCE,
    })),
  )
}

/**
 * Each buyer's first purchase day up to `asOf` (a sale receipt with a net total not 0, as history.ts), as
 * a subquery over receipts_customer_activity: one grouped index scan, no table rows.
 */
function firstPurchases(asOf: string) {
  return sql`(select r.customer_id as id, substr(min(r.occurred_at), 1, 10) as first
    from receipts r
    where r.customer_id is not null and r.kind = 'sale' and r.net_satang <> 0 and r.occurred_at < ${addDays(asOf, 1)}
    group by r.customer_id)`
}

export async function newCustomersCard(db: Kysely<Database>, asOf: string | undefined, today: string) {
  const at = await resolveAsOf(db, asOf, today)
  const { lastMonth } = newCustomerSpans(at)
  if (await purchasesStored(db, at)) return newCustomersResult(at, await storedFirstPurchases(db, lastMonth))
  // only the buyers whose first purchase is in last month or this one; the join keeps receipts of customers
  // in the book (erased ones count, as in history.ts)
  const { rows } = await sql<{ first: string; source: string | null }>`
    select f.first as first, c.acquisition_source as source
    from ${firstPurchases(at)} f join customers c on c.id = f.id
    where f.first >= ${fromDayNumber(lastMonth)}`.execute(db)
  return newCustomersResult(
    at,
    rows.map((r) => ({ first: dayNumber(r.first), source: r.source?.trim() || UNKNOWN_SOURCE })),
  )
}

/** The second-purchase card: a year of new customers whose window has closed by the as-of date. */
export async function secondPurchaseCard(
  db: Kysely<Database>,
  asOf: string | undefined,
  today: string,
  windowDays = SECOND_PURCHASE_DAYS,
) {
  const at = await resolveAsOf(db, asOf, today)
  const to = fromDayNumber(dayNumber(at) - windowDays)
  const from = addDays(to, -364)
  const { eligible, returnedWithin } = (await purchasesStored(db, at))
    ? await storedSecondPurchases(db, dayNumber(from), dayNumber(to), windowDays)
    : await scannedSecondPurchases(db, at, from, to, windowDays)
  return {
    asOf: at,
    windowDays,
    from,
    to,
    eligible,
    returnedWithin,
    rate: eligible > 0 ? returnedWithin / eligible : null,
  }
}

/** The second-purchase card's counts from the receipts (the fallback of storedSecondPurchases). */
async function scannedSecondPurchases(
  db: Kysely<Database>,
  at: string,
  from: string,
  to: string,
  windowDays: number,
) {
  // back within the window = a purchase on a later day, at most windowDays after the first (such a day is
  // never after the as-of date: the first is at least windowDays before it)
  const { rows } = await sql<{ eligible: number; returnedWithin: number }>`
    select count(*) as eligible, coalesce(sum(exists (
      select 1 from receipts r2
      where r2.customer_id = f.id and r2.occurred_at >= date(f.first, '+1 day')
        and r2.occurred_at < date(f.first, ${`+${windowDays + 1} day`})
        and r2.kind = 'sale' and r2.net_satang <> 0
    )), 0) as returnedWithin
    from ${firstPurchases(at)} f join customers c on c.id = f.id
    where f.first between ${from} and ${to}`.execute(db)
  return { eligible: rows[0]?.eligible ?? 0, returnedWithin: rows[0]?.returnedWithin ?? 0 }
}

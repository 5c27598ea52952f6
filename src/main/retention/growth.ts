import type { Kysely } from 'kysely'
import { sql } from 'kysely'
import { addDays, dayNumber, fromDayNumber } from '../../shared/calendar'
import type { Acquisition, ReferralSummary, RevenueGrowth } from '../../shared/api/growth'
import type { Database } from '../db/schema'
import { buyers, loadHistory, monthOfDay, resolveAsOf, type History } from './history'
import { monthsUpTo } from './monthly'

// Growth views (README.md): new customers by acquisition source, new vs returning revenue by month, where the
// year's growth comes from (the existing base, new customers, walk-ins), and the referral totals.

export const UNKNOWN_SOURCE = 'unknown'

/** Every customer's acquisition source ('unknown' when not recorded). */
export async function sourcesById(db: Kysely<Database>): Promise<Map<number, string>> {
  const rows = await db.selectFrom('customers').select(['id', 'acquisition_source']).execute()
  return new Map(rows.map((r) => [r.id, r.acquisition_source?.trim() || UNKNOWN_SOURCE]))
}

export function acquisitionOf(history: History, sources: Map<number, string>): Acquisition {
  const months: Acquisition['months'] = monthsUpTo(history.asOf).map((s) => ({
    month: s.month,
    total: 0,
    bySource: {},
  }))
  const at = new Map(months.map((m, i) => [m.month, i]))
  const totals = new Map<string, number>()
  for (const c of buyers(history)) {
    const row = months[at.get(monthOfDay(c.purchaseDays[0] ?? 0)) ?? -1]
    if (!row) continue
    const source = sources.get(c.customerId) ?? UNKNOWN_SOURCE
    row.total++
    row.bySource[source] = (row.bySource[source] ?? 0) + 1
    totals.set(source, (totals.get(source) ?? 0) + 1)
  }
  return {
    asOf: history.asOf,
    sources: [...totals]
      .map(([source, customers]) => ({ source, customers }))
      .sort((a, b) => b.customers - a.customers || a.source.localeCompare(b.source)),
    months,
  }
}

/** Net revenue of receipts without a customer, by day, from `from` up to and including `asOf`. */
async function walkInByDay(db: Kysely<Database>, from: string, asOf: string): Promise<Map<number, number>> {
  const rows = await db
    .selectFrom('receipts')
    .select([
      sql<string>`substr(occurred_at, 1, 10)`.as('day'),
      sql<number>`sum(case when kind = 'refund' then -abs(net_satang) else net_satang end)`.as('net'),
    ])
    .where('customer_id', 'is', null)
    .where('occurred_at', '>=', from)
    .where('occurred_at', '<', addDays(asOf, 1))
    .groupBy('day')
    .execute()
  return new Map(rows.map((r) => [dayNumber(r.day), r.net]))
}

export function revenueGrowthOf(history: History, walkIn: Map<number, number>): RevenueGrowth {
  const months = monthsUpTo(history.asOf).map((s) => ({
    month: s.month,
    newCustomers: 0,
    newSatang: 0,
    returningCustomers: 0,
    returningSatang: 0,
    walkInSatang: 0,
    totalSatang: 0,
  }))
  const at = new Map(months.map((m, i) => [m.month, i]))
  const curFrom = history.asOfDay - 364
  const prevFrom = curFrom - 365
  const period = (from: number, to: number) => ({
    from: fromDayNumber(from),
    to: fromDayNumber(to),
    newSatang: 0,
    returningSatang: 0,
    walkInSatang: 0,
    totalSatang: 0,
  })
  const current = period(curFrom, history.asOfDay)
  const previous = period(prevFrom, curFrom - 1)
  const periodOf = (day: number) =>
    day >= curFrom ? current : day >= prevFrom && day < curFrom ? previous : null

  for (const c of history.customers) {
    const first = c.purchaseDays[0]
    const cohort = first === undefined ? null : monthOfDay(first)
    const seen = new Set<string>()
    for (const d of c.days) {
      // A refund dated before the first sale counts with the first sale's month, as in the cohorts.
      const month = cohort !== null && monthOfDay(d.day) < cohort ? cohort : monthOfDay(d.day)
      const isNew = month === cohort
      const row = months[at.get(month) ?? -1]
      if (row) {
        if (isNew) row.newSatang += d.netSatang
        else row.returningSatang += d.netSatang
        row.totalSatang += d.netSatang
        if (d.purchase && !seen.has(month)) {
          seen.add(month)
          if (isNew) row.newCustomers++
          else row.returningCustomers++
        }
      }
      // The year comparison: new = acquired within that period, existing = acquired before it began.
      const p = periodOf(d.day)
      if (p) {
        const periodStart = p === current ? curFrom : prevFrom
        if (first !== undefined && first >= periodStart) p.newSatang += d.netSatang
        else p.returningSatang += d.netSatang
        p.totalSatang += d.netSatang
      }
    }
  }
  for (const [day, net] of walkIn) {
    const row = months[at.get(monthOfDay(day)) ?? -1]
    if (row) {
      row.walkInSatang += net
      row.totalSatang += net
    }
    const p = periodOf(day)
    if (p) {
      p.walkInSatang += net
      p.totalSatang += net
    }
  }
  return {
    asOf: history.asOf,
    months,
    current,
    previous,
    change: {
      totalSatang: current.totalSatang - previous.totalSatang,
      fromExistingSatang: current.returningSatang - previous.returningSatang,
      fromNewSatang: current.newSatang - previous.newSatang,
      fromWalkInSatang: current.walkInSatang - previous.walkInSatang,
      growth:
        previous.totalSatang > 0 ? (current.totalSatang - previous.totalSatang) / previous.totalSatang : null,
    },
  }
}

export async function acquisition(
  db: Kysely<Database>,
  asOf: string | undefined,
  today: string,
): Promise<Acquisition> {
  const history = await loadHistory(db, await resolveAsOf(db, asOf, today))
  return acquisitionOf(history, await sourcesById(db))
}

export async function revenueGrowth(
  db: Kysely<Database>,
  asOf: string | undefined,
  today: string,
): Promise<RevenueGrowth> {
  const history = await loadHistory(db, await resolveAsOf(db, asOf, today))
  const from = addDays(history.asOf, -729)
  // the months shown can start before the two years compared
  const firstMonth = `${monthsUpTo(history.asOf)[0]?.month ?? history.asOf.slice(0, 7)}-01`
  return revenueGrowthOf(history, await walkInByDay(db, from < firstMonth ? from : firstMonth, history.asOf))
}

export async function referralSummary(
  db: Kysely<Database>,
  asOf: string | undefined,
  today: string,
): Promise<ReferralSummary> {
  const history = await loadHistory(db, await resolveAsOf(db, asOf, today))
  const referredRows = await db
    .selectFrom('customers')
    .select(['id', 'referred_by'])
    .where('referred_by', 'is not', null)
    .execute()
  const byId = new Map(history.customers.map((c) => [c.customerId, c]))
  let referredBuyers = 0
  let referredNetSatang = 0
  for (const r of referredRows) {
    const h = byId.get(r.id)
    if (h && h.purchaseDays.length > 0) referredBuyers++
    referredNetSatang += h?.netSatang ?? 0
  }
  const walkIn = await walkInByDay(db, '0000-01-01', history.asOf)
  const total =
    history.customers.reduce((s, c) => s + c.netSatang, 0) + [...walkIn.values()].reduce((s, v) => s + v, 0)
  return {
    asOf: history.asOf,
    referred: referredRows.length,
    referredBuyers,
    referrers: new Set(referredRows.map((r) => r.referred_by)).size,
    referredNetSatang,
    shareOfRevenue: total > 0 ? referredNetSatang / total : null,
  }
}

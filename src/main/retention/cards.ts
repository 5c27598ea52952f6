import type { Kysely } from 'kysely'
import { dayNumber, monthStart } from '../../shared/calendar'
import type { Database } from '../db/schema'
import { sourcesById } from './growth'
import { buyers, loadHistory, resolveAsOf } from './history'
import { buildList } from './lists'
import { secondPurchaseCardOf } from './monthly'

// The dashboard's retention cards, one call each so each card loads on its own.

export async function atRiskCard(db: Kysely<Database>, asOf: string | undefined, today: string) {
  const list = await buildList(db, 'at_risk', asOf, today)
  return {
    asOf: list.asOf,
    customers: list.rows.length,
    valueAtStakeSatang: list.rows.reduce((s, r) => s + (r.valueAtStakeSatang ?? 0), 0),
  }
}

export async function newCustomersCard(db: Kysely<Database>, asOf: string | undefined, today: string) {
  const history = await loadHistory(db, await resolveAsOf(db, asOf, today))
  const thisMonth = dayNumber(monthStart(history.asOf))
  const lastMonth = dayNumber(monthStart(history.asOf, -1))
  // last month from its 1st to the same day of the month (or its last day when it is shorter)
  const lastMonthTo = Math.min(lastMonth + (history.asOfDay - thisMonth), thisMonth - 1)
  const sources = await sourcesById(db)
  let count = 0
  let before = 0
  const tally = new Map<string, number>()
  for (const c of buyers(history)) {
    const first = c.purchaseDays[0] ?? 0
    if (first >= thisMonth) {
      count++
      const source = sources.get(c.customerId) ?? 'unknown'
      tally.set(source, (tally.get(source) ?? 0) + 1)
    } else if (first >= lastMonth && first <= lastMonthTo) before++
  }
  const top = [...tally].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]
  return { asOf: history.asOf, thisMonth: count, lastMonthSameDays: before, topSource: top?.[0] ?? null }
}

export async function secondPurchaseCard(db: Kysely<Database>, asOf: string | undefined, today: string) {
  return secondPurchaseCardOf(await loadHistory(db, await resolveAsOf(db, asOf, today)))
}

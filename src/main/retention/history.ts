import type { Kysely } from 'kysely'
import { sql } from 'kysely'
import { addDays, dayNumber, fromDayNumber } from '../../shared/calendar'
import { lastSaleDate } from '../dashboard'
import type { Database } from '../db/schema'

// Every customer's purchase days up to the as-of date, the one input of the retention and growth views
// (README.md). A purchase is a sale receipt whose net total is not 0 (as in the analysis); refunds count in
// the net spend (-abs(net), whichever sign the importer stored) but are no purchase. Erased customers' sales
// stay in the revenue figures but the customers are never listed.

export interface CustomerDay {
  /** Day number (shared/calendar dayNumber). */
  day: number
  /** Net revenue of that day: sales less refunds. */
  netSatang: number
  /** Whether it was a purchase day (a sale receipt with a net total not 0). */
  purchase: boolean
}

export interface CustomerHistory {
  customerId: number
  /** Days with a receipt, in order (purchase days and refund-only days). */
  days: CustomerDay[]
  /** Purchase day numbers, in order; empty when the customer only has refunds or 0 receipts. */
  purchaseDays: number[]
  netSatang: number
  erased: boolean
}

export interface History {
  asOf: string
  asOfDay: number
  customers: CustomerHistory[]
}

/**
 * The page's as-of date: the one chosen, else the day of the last sale, else today (an empty shop; `today` is
 * the caller's, from ctx.now()).
 */
export async function resolveAsOf(
  db: Kysely<Database>,
  chosen: string | undefined,
  today: string,
): Promise<string> {
  return chosen ?? (await lastSaleDate(db)) ?? today
}

/** Every customer with a receipt up to and including `asOf`, with their receipt days. */
export async function loadHistory(db: Kysely<Database>, asOf: string): Promise<History> {
  const rows = await db
    .selectFrom('receipts as r')
    .innerJoin('customers as c', 'c.id', 'r.customer_id')
    .select([
      'r.customer_id as customerId',
      sql<string>`substr(r.occurred_at, 1, 10)`.as('day'),
      sql<number>`sum(case when r.kind = 'refund' then -abs(r.net_satang) else r.net_satang end)`.as('net'),
      sql<number>`max(case when r.kind = 'sale' and r.net_satang <> 0 then 1 else 0 end)`.as('purchase'),
      sql<number>`c.erased_at is not null`.as('erased'),
    ])
    .where('r.occurred_at', '<', addDays(asOf, 1))
    .groupBy(['r.customer_id', 'day'])
    .orderBy('r.customer_id')
    .orderBy('day')
    .execute()
  const customers: CustomerHistory[] = []
  let current: CustomerHistory | undefined
  const dayCache = new Map<string, number>()
  for (const row of rows) {
    const id = row.customerId ?? 0
    if (current?.customerId !== id) {
      current = { customerId: id, days: [], purchaseDays: [], netSatang: 0, erased: row.erased === 1 }
      customers.push(current)
    }
    let day = dayCache.get(row.day)
    if (day === undefined) {
      day = dayNumber(row.day)
      dayCache.set(row.day, day)
    }
    current.days.push({ day, netSatang: row.net, purchase: row.purchase === 1 })
    if (row.purchase === 1) current.purchaseDays.push(day)
    current.netSatang += row.net
  }
  return { asOf, asOfDay: dayNumber(asOf), customers }
}

/** Customers with at least one purchase: the customer base the views count. */
export function buyers(history: History): CustomerHistory[] {
  return history.customers.filter((c) => c.purchaseDays.length > 0)
}

/** 'YYYY-MM' of a day number. */
export function monthOfDay(day: number): string {
  return fromDayNumber(day).slice(0, 7)
}

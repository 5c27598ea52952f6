import type { Kysely } from 'kysely'
import type { Dashboard, SalesPeriod } from '../../shared/api/dashboard'
import { addDays, dayNumber, localToday, monthStart } from '../../shared/calendar'
import type { Database } from '../db/schema'

// The figures of the first screen, straight from the receipts. Revenue is net: sales plus refunds (whose
// amounts are negative). Ranges are half-open on the text timestamps, [from, to), which the receipts_time
// index serves.

const TOP_PRODUCTS = 5

interface Range {
  from: string
  /** Exclusive. */
  to: string
}

async function revenue(db: Kysely<Database>, range: Range): Promise<number> {
  const row = await db
    .selectFrom('receipts')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('net_satang'), eb.lit(0)).as('net'))
    .where('occurred_at', '>=', range.from)
    .where('occurred_at', '<', range.to)
    .executeTakeFirstOrThrow()
  return row.net
}

async function activeCustomers(db: Kysely<Database>, range: Range): Promise<number> {
  const row = await db
    .selectFrom('receipts')
    .select((eb) => eb.fn.count<number>('customer_id').distinct().as('n'))
    .where('kind', '=', 'sale')
    .where('occurred_at', '>=', range.from)
    .where('occurred_at', '<', range.to)
    .executeTakeFirstOrThrow()
  return row.n
}

async function newCustomers(db: Kysely<Database>, range: Range): Promise<number> {
  const firsts = db
    .selectFrom('receipts')
    .select((eb) => [eb.fn.min('occurred_at').as('first')])
    .where('kind', '=', 'sale')
    .where('customer_id', 'is not', null)
    .groupBy('customer_id')
    .as('firsts')
  const row = await db
    .selectFrom(firsts)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('first', '>=', range.from)
    .where('first', '<', range.to)
    .executeTakeFirstOrThrow()
  return row.n
}

async function monthlyRevenue(db: Kysely<Database>, asOf: string): Promise<Dashboard['monthlyRevenue']> {
  const first = monthStart(asOf, -11)
  const rows = await db
    .selectFrom('receipts')
    .select((eb) => [
      eb.fn<string>('substr', ['occurred_at', eb.lit(1), eb.lit(7)]).as('month'),
      eb.fn.sum<number>('net_satang').as('net'),
      eb.fn.sum<number>(eb.case().when('kind', '=', 'sale').then(1).else(0).end()).as('sales'),
    ])
    .where('occurred_at', '>=', first)
    .where('occurred_at', '<', addDays(asOf, 1))
    .groupBy('month')
    .execute()
  const byMonth = new Map(rows.map((r) => [r.month, r]))
  return Array.from({ length: 12 }, (_, i) => {
    const month = monthStart(asOf, i - 11).slice(0, 7)
    const row = byMonth.get(month)
    return { month, netSatang: row?.net ?? 0, receipts: row?.sales ?? 0 }
  })
}

async function topProducts(db: Kysely<Database>, range: Range): Promise<Dashboard['topProducts']> {
  const rows = await db
    .selectFrom('receipt_lines as l')
    .innerJoin('receipts as r', 'r.id', 'l.receipt_id')
    .innerJoin('products as p', 'p.id', 'l.product_id')
    .select((eb) => [
      'p.id as productId',
      'p.name as name',
      'p.category as category',
      eb.fn.sum<number>('l.quantity').as('quantity'),
      eb.fn.sum<number>('l.net_satang').as('netSatang'),
    ])
    .where('r.occurred_at', '>=', range.from)
    .where('r.occurred_at', '<', range.to)
    .groupBy('p.id')
    .orderBy('netSatang', 'desc')
    .orderBy('p.id')
    .limit(TOP_PRODUCTS)
    .execute()
  return rows
}

/** The date of the latest sale receipt, or null when there is none. */
export async function lastSaleDate(db: Kysely<Database>): Promise<string | null> {
  const row = await db
    .selectFrom('receipts')
    .select((eb) => eb.fn.max('occurred_at').as('last'))
    .where('kind', '=', 'sale')
    .executeTakeFirst()
  return row?.last ? row.last.slice(0, 10) : null
}

export async function salesPeriod(db: Kysely<Database>): Promise<SalesPeriod> {
  const row = await db
    .selectFrom('receipts')
    .select((eb) => [eb.fn.min('occurred_at').as('first'), eb.fn.max('occurred_at').as('last')])
    .where('kind', '=', 'sale')
    .executeTakeFirst()
  return {
    firstSaleDate: row?.first ? row.first.slice(0, 10) : null,
    lastSaleDate: row?.last ? row.last.slice(0, 10) : null,
    today: localToday(),
  }
}

/**
 * The dashboard for `asOf`, by default the day of the last sale (as the analysis measures), so an export that
 * ends in May shows May's figures rather than an empty November. Without sales it is today.
 */
export async function getDashboard(db: Kysely<Database>, chosenAsOf?: string): Promise<Dashboard> {
  const lastSale = await lastSaleDate(db)
  const asOf = chosenAsOf ?? lastSale ?? localToday()
  const tomorrow = addDays(asOf, 1)
  const thisMonth = monthStart(asOf)
  const lastMonth = monthStart(asOf, -1)
  // Last month from its 1st to the same day of the month (or its last day when it is shorter).
  const sameDayLastMonth = Math.min(
    dayNumber(lastMonth) + (dayNumber(asOf) - dayNumber(thisMonth)),
    dayNumber(thisMonth) - 1,
  )
  const customers = await db
    .selectFrom('customers')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return {
    asOf,
    asOfChosen: chosenAsOf !== undefined,
    lastSaleDate: lastSale,
    today: localToday(),
    customers: customers.n,
    activeCustomers90d: await activeCustomers(db, { from: addDays(asOf, -89), to: tomorrow }),
    newCustomersThisMonth: await newCustomers(db, { from: thisMonth, to: tomorrow }),
    revenueThisMonthSatang: await revenue(db, { from: thisMonth, to: tomorrow }),
    revenueLastMonthToDateSatang: await revenue(db, {
      from: lastMonth,
      to: addDays(lastMonth, sameDayLastMonth - dayNumber(lastMonth) + 1),
    }),
    revenueLastMonthSatang: await revenue(db, { from: lastMonth, to: thisMonth }),
    monthlyRevenue: await monthlyRevenue(db, asOf),
    topProducts: await topProducts(db, { from: addDays(asOf, -89), to: tomorrow }),
  }
}

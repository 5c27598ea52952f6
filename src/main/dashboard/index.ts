import type { Kysely } from 'kysely'
import type {
  Dashboard,
  DashboardKpis,
  DashboardMonthlyRevenue,
  DashboardTopProducts,
  SalesPeriod,
} from '../../shared/api/dashboard'
import { addDays, dayNumber, monthStart } from '../../shared/calendar'
import type { Database } from '../db/schema'
import { totalsCurrent } from '../customers/totals'
import { storedDaysFresh } from './stored-days'

// The figures of the first screen. Revenue is net: sales plus refunds (whose amounts are negative). Ranges are
// half-open and whole days, [from, to). Each card has its own call (kpis, monthly revenue, best sellers), so the
// first screen shows what has loaded while the rest loads. Revenue, the monthly chart and the best sellers
// sum the stored days (stored-days.ts) while those match the receipts, and the receipts otherwise; the
// customer counts read the customer totals while those match (a merge, which moves receipts between
// customers, marks them stale), and the receipts otherwise.

const TOP_PRODUCTS = 5

interface Range {
  from: string
  /** Exclusive. */
  to: string
}

async function revenue(db: Kysely<Database>, range: Range, stored: boolean): Promise<number> {
  if (stored) {
    const row = await db
      .selectFrom('sales_days')
      .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('net_satang'), eb.lit(0)).as('net'))
      .where('day', '>=', range.from)
      .where('day', '<', range.to)
      .executeTakeFirstOrThrow()
    return row.net
  }
  const row = await db
    .selectFrom('receipts')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('net_satang'), eb.lit(0)).as('net'))
    .where('occurred_at', '>=', range.from)
    .where('occurred_at', '<', range.to)
    .executeTakeFirstOrThrow()
  return row.net
}

async function activeCustomers(db: Kysely<Database>, range: Range, totals: boolean): Promise<number> {
  if (totals) {
    // customers whose last sale is in the range (valid when no sale is dated after it: see dashboardKpis)
    const row = await db
      .selectFrom('customer_totals')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('last_purchase', '>=', range.from)
      .executeTakeFirstOrThrow()
    return row.n
  }
  const row = await db
    .selectFrom('receipts')
    .select((eb) => eb.fn.count<number>('customer_id').distinct().as('n'))
    .where('kind', '=', 'sale')
    .where('occurred_at', '>=', range.from)
    .where('occurred_at', '<', range.to)
    .executeTakeFirstOrThrow()
  return row.n
}

/**
 * Customers whose first purchase falls in the range: a sale receipt with a net total not 0, as the retention
 * cards count them (retention/history.ts), so this card and the new-customers card below it on the same screen
 * give one number. From the customer totals when they are current (first_purchase_day: one pass over 100,000
 * small rows); otherwise from the receipts of the range (time index) with one probe per receipt into
 * receipts_customer_activity: those with a purchase in it and none before it (measured: bench/README.md).
 */
async function newCustomers(db: Kysely<Database>, range: Range, totals: boolean): Promise<number> {
  if (totals) {
    const row = await db
      .selectFrom('customer_totals')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('first_purchase_day', '>=', dayNumber(range.from))
      .where('first_purchase_day', '<', dayNumber(range.to))
      .executeTakeFirstOrThrow()
    return row.n
  }
  const row = await db
    .selectFrom('receipts as r')
    .select((eb) => eb.fn.count<number>('r.customer_id').distinct().as('n'))
    .where('r.kind', '=', 'sale')
    .where('r.net_satang', '<>', 0)
    .where('r.customer_id', 'is not', null)
    .where('r.occurred_at', '>=', range.from)
    .where('r.occurred_at', '<', range.to)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('receipts as p')
            .select('p.id')
            .whereRef('p.customer_id', '=', 'r.customer_id')
            .where('p.occurred_at', '<', range.from)
            .where('p.kind', '=', 'sale')
            .where('p.net_satang', '<>', 0),
        ),
      ),
    )
    .executeTakeFirstOrThrow()
  return row.n
}

async function monthlyRevenue(
  db: Kysely<Database>,
  asOf: string,
  stored: boolean,
): Promise<Dashboard['monthlyRevenue']> {
  const first = monthStart(asOf, -11)
  const rows = stored
    ? await db
        .selectFrom('sales_days')
        .select((eb) => [
          eb.fn<string>('substr', ['day', eb.lit(1), eb.lit(7)]).as('month'),
          eb.fn.sum<number>('net_satang').as('net'),
          eb.fn.sum<number>('sales').as('sales'),
        ])
        .where('day', '>=', first)
        .where('day', '<', addDays(asOf, 1))
        .groupBy('month')
        .execute()
    : await db
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

async function topProducts(
  db: Kysely<Database>,
  range: Range,
  stored: boolean,
): Promise<Dashboard['topProducts']> {
  if (stored) {
    // sum the days per product first, then look up the names of the five (not a join per day row)
    return db
      .selectFrom((eb) =>
        eb
          .selectFrom('product_days')
          .select((e) => [
            'product_id',
            e.fn.sum<number>('quantity').as('quantity'),
            e.fn.sum<number>('net_satang').as('net'),
          ])
          .where('day', '>=', range.from)
          .where('day', '<', range.to)
          .groupBy('product_id')
          .as('d'),
      )
      .innerJoin('products as p', 'p.id', 'd.product_id')
      .select([
        'p.id as productId',
        'p.name as name',
        'p.category as category',
        'd.quantity as quantity',
        'd.net as netSatang',
      ])
      .orderBy('d.net', 'desc')
      .orderBy('p.id')
      .limit(TOP_PRODUCTS)
      .execute()
  }
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

/**
 * The date of the first or the latest sale receipt, or null when there is none. One aggregate per statement:
 * SQLite answers a lone min() or max() from the time index in a few steps, but min() and max() in one SELECT
 * scan a whole index (~0.1 s at 100k customers).
 */
async function saleDate(db: Kysely<Database>, end: 'first' | 'last'): Promise<string | null> {
  const row = await db
    .selectFrom('receipts')
    .select((eb) => (end === 'first' ? eb.fn.min('occurred_at') : eb.fn.max('occurred_at')).as('at'))
    .where('kind', '=', 'sale')
    .executeTakeFirst()
  return row?.at ? row.at.slice(0, 10) : null
}

/** The date of the latest sale receipt, or null when there is none. */
export function lastSaleDate(db: Kysely<Database>): Promise<string | null> {
  return saleDate(db, 'last')
}

export async function salesPeriod(db: Kysely<Database>, today: string): Promise<SalesPeriod> {
  return { firstSaleDate: await saleDate(db, 'first'), lastSaleDate: await lastSaleDate(db), today }
}

/** The day the figures are for: the chosen one, else the last sale's (as the analysis measures), else today. */
async function resolveAsOf(db: Kysely<Database>, chosenAsOf: string | undefined, today: string) {
  const lastSale = await lastSaleDate(db)
  return { asOf: chosenAsOf ?? lastSale ?? today, lastSale }
}

/**
 * The KPI cards for `asOf`, by default the day of the last sale (as the analysis measures), so an export that
 * ends in May shows May's figures rather than an empty November. Without sales it is today.
 */
export async function dashboardKpis(
  db: Kysely<Database>,
  chosenAsOf: string | undefined,
  today: string,
): Promise<DashboardKpis> {
  const { asOf, lastSale } = await resolveAsOf(db, chosenAsOf, today)
  const stored = await storedDaysFresh(db)
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
  // the customer counts read the customer totals while those match the receipts (customers/totals.ts; the
  // analysis job that follows every import brings them up to date), else the receipts; the totals hold
  // each customer's last sale, which is their last sale in the 90 days only when no sale is dated later
  const totals = await totalsCurrent(db)
  const noLaterSale = lastSale === null || lastSale <= asOf
  return {
    asOf,
    asOfChosen: chosenAsOf !== undefined,
    lastSaleDate: lastSale,
    today,
    customers: customers.n,
    activeCustomers90d: await activeCustomers(
      db,
      { from: addDays(asOf, -89), to: tomorrow },
      totals && noLaterSale,
    ),
    newCustomersThisMonth: await newCustomers(db, { from: thisMonth, to: tomorrow }, totals),
    revenueThisMonthSatang: await revenue(db, { from: thisMonth, to: tomorrow }, stored),
    revenueLastMonthToDateSatang: await revenue(
      db,
      { from: lastMonth, to: addDays(lastMonth, sameDayLastMonth - dayNumber(lastMonth) + 1) },
      stored,
    ),
    revenueLastMonthSatang: await revenue(db, { from: lastMonth, to: thisMonth }, stored),
  }
}

/** The monthly revenue chart: the 12 months up to asOf's month. */
export async function dashboardMonthlyRevenue(
  db: Kysely<Database>,
  chosenAsOf: string | undefined,
  today: string,
): Promise<DashboardMonthlyRevenue> {
  const { asOf } = await resolveAsOf(db, chosenAsOf, today)
  return { asOf, months: await monthlyRevenue(db, asOf, await storedDaysFresh(db)) }
}

/** The best sellers of the 90 days ending on asOf. */
export async function dashboardTopProducts(
  db: Kysely<Database>,
  chosenAsOf: string | undefined,
  today: string,
): Promise<DashboardTopProducts> {
  const { asOf } = await resolveAsOf(db, chosenAsOf, today)
  const range = { from: addDays(asOf, -89), to: addDays(asOf, 1) }
  return { asOf, products: await topProducts(db, range, await storedDaysFresh(db)) }
}

/** Every card's figures in one (the CLI, the reports and the tests; the app asks card by card). */
export async function getDashboard(
  db: Kysely<Database>,
  chosenAsOf: string | undefined,
  today: string,
): Promise<Dashboard> {
  const kpis = await dashboardKpis(db, chosenAsOf, today)
  const monthly = await dashboardMonthlyRevenue(db, kpis.asOf, today)
  const top = await dashboardTopProducts(db, kpis.asOf, today)
  return { ...kpis, monthlyRevenue: monthly.months, topProducts: top.products }
}

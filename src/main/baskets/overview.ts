import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../db/schema'
import type { ProductsOverview } from '../../shared/api/products'
import { addDays } from '../../shared/calendar'

// Best sellers and the category mix by month, from the sale lines (refund receipts count against them:
// their lines carry negative net amounts).

type Db = Kysely<Database> | Transaction<Database>

function monthsFrom(first: string, last: string): string[] {
  const months: string[] = []
  let [y, m] = first.split('-').map(Number) as [number, number]
  for (let guard = 0; guard < 1200; guard++) {
    const month = `${y}-${String(m).padStart(2, '0')}`
    months.push(month)
    if (month >= last) break
    m++
    if (m > 12) {
      m = 1
      y++
    }
  }
  return months
}

export async function productsOverview(
  db: Db,
  range: { from?: string; to?: string } = {},
): Promise<ProductsOverview> {
  let lines = db
    .selectFrom('receipt_lines as l')
    .innerJoin('receipts as r', 'r.id', 'l.receipt_id')
    .innerJoin('products as p', 'p.id', 'l.product_id')
  if (range.from) lines = lines.where('r.occurred_at', '>=', range.from)
  // `to` is a day, inclusive
  if (range.to) lines = lines.where('r.occurred_at', '<', addDays(range.to, 1))
  const bestSellers = await lines
    .select((eb) => [
      'p.id as productId',
      'p.sku as sku',
      'p.name as name',
      'p.category as category',
      eb.fn.sum<number>('l.quantity').as('quantity'),
      eb.fn.sum<number>('l.net_satang').as('netSatang'),
      eb.fn.count<number>('r.id').distinct().as('receipts'),
    ])
    .where('r.kind', '=', 'sale')
    .groupBy('p.id')
    .orderBy('netSatang', 'desc')
    .orderBy('p.id')
    .execute()
  const mix = await lines
    .select((eb) => [
      eb.fn<string>('substr', ['r.occurred_at', eb.lit(1), eb.lit(7)]).as('month'),
      'p.category as category',
      eb.fn.sum<number>('l.net_satang').as('netSatang'),
    ])
    .groupBy(['month', 'p.category'])
    .orderBy('month')
    .execute()
  const first = mix[0]?.month
  const last = mix.at(-1)?.month
  const months = first && last ? monthsFrom(first, last) : []
  const monthIndex = new Map(months.map((m, i) => [m, i]))
  const series = new Map<string, number[]>()
  for (const row of mix) {
    let values = series.get(row.category)
    if (!values) {
      values = months.map(() => 0)
      series.set(row.category, values)
    }
    const i = monthIndex.get(row.month)
    if (i !== undefined) values[i] = row.netSatang
  }
  const total = (v: number[]): number => v.reduce((a, b) => a + b, 0)
  return {
    bestSellers,
    categoryMix: {
      months,
      series: [...series.entries()]
        .map(([category, netSatang]) => ({ category, netSatang }))
        .sort((a, b) => total(b.netSatang) - total(a.netSatang) || a.category.localeCompare(b.category)),
    },
  }
}

import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../db/schema'
import { basketLevels, type BasketLevel } from '../../shared/api/products'
import { BasketBuilder, type Baskets } from './baskets'

// The baskets of the shop: one per sale receipt (refunds and lines with no product or a quantity of 0 or
// less are left out), items named by SKU (the product's name when it has none) or by category.

type Db = Kysely<Database> | Transaction<Database>

export { basketLevels, type BasketLevel }

export interface LoadOptions {
  level: BasketLevel
  /** Receipts from this local date-time on ('YYYY-MM-DD' or with time); inclusive. */
  from?: string | null
  /** Receipts before this local date-time; exclusive. */
  to?: string | null
}

export interface ShopBaskets extends Baskets {
  /** Product level: the product id of each item id; category level: empty. */
  productIds: number[]
}

/** What an item is called at the product level: its SKU, else its name. */
export function productLabel(sku: string | null, name: string): string {
  return sku !== null && sku !== '' ? sku : name
}

export async function loadBaskets(db: Db, options: LoadOptions): Promise<ShopBaskets> {
  const products = await db
    .selectFrom('products')
    .select(['id', 'sku', 'name', 'category'])
    .orderBy('id')
    .execute()
  const itemOfProduct = new Map<number, number>()
  const names: string[] = []
  const productIds: number[] = []
  if (options.level === 'product') {
    for (const p of products) {
      itemOfProduct.set(p.id, names.length)
      names.push(productLabel(p.sku, p.name))
      productIds.push(p.id)
    }
  } else {
    const byCategory = new Map<string, number>()
    for (const p of products) {
      let item = byCategory.get(p.category)
      if (item === undefined) {
        item = names.length
        byCategory.set(p.category, item)
        names.push(p.category)
      }
      itemOfProduct.set(p.id, item)
    }
  }
  let query = db
    .selectFrom('receipt_lines as l')
    .innerJoin('receipts as r', 'r.id', 'l.receipt_id')
    .select(['l.receipt_id', 'l.product_id'])
    .where('r.kind', '=', 'sale')
    .where('l.product_id', 'is not', null)
    .where('l.quantity', '>', 0)
  if (options.from) query = query.where('r.occurred_at', '>=', options.from)
  if (options.to) query = query.where('r.occurred_at', '<', options.to)
  const rows = await query.orderBy('l.receipt_id').execute()
  const builder = new BasketBuilder()
  let current = -1
  for (const row of rows) {
    if (row.receipt_id !== current) {
      builder.close()
      current = row.receipt_id
    }
    const item = itemOfProduct.get(row.product_id ?? -1)
    if (item !== undefined) builder.add(item)
  }
  return { ...builder.finish(names), productIds }
}

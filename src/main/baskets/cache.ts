import { sql, type Kysely } from 'kysely'
import type { Database } from '../db/schema'
import { loadBaskets, type LoadOptions, type ShopBaskets } from './load'

// The shop's baskets are read once and kept while the sales stay the same: the page, "bought together" and
// every customer's suggestions then share one read. The key is the options plus a fingerprint of the sales
// (line count, highest line id, product count); an import or an undo changes it.

interface Entry {
  key: string
  baskets: ShopBaskets
}

const cache = new WeakMap<Kysely<Database>, Map<string, Entry>>()

async function fingerprint(db: Kysely<Database>): Promise<string> {
  const row = await db
    .selectNoFrom((eb) => [
      eb
        .selectFrom('receipt_lines')
        .select(sql<number>`count(*)`.as('n'))
        .as('lines'),
      eb
        .selectFrom('receipt_lines')
        .select(sql<number>`max(id)`.as('m'))
        .as('last'),
      eb
        .selectFrom('products')
        .select(sql<number>`count(*)`.as('n'))
        .as('products'),
      eb
        .selectFrom('receipts')
        .select(sql<number>`count(*)`.as('n'))
        .as('receipts'),
    ])
    .executeTakeFirstOrThrow()
  return `${row.lines}:${row.last}:${row.products}:${row.receipts}`
}

export async function cachedBaskets(db: Kysely<Database>, options: LoadOptions): Promise<ShopBaskets> {
  const optionKey = `${options.level}|${options.from ?? ''}|${options.to ?? ''}`
  const key = `${optionKey}|${await fingerprint(db)}`
  let entries = cache.get(db)
  if (!entries) {
    entries = new Map()
    cache.set(db, entries)
  }
  const hit = entries.get(optionKey)
  if (hit?.key === key) return hit.baskets
  const baskets = await loadBaskets(db, options)
  entries.set(optionKey, { key, baskets })
  return baskets
}

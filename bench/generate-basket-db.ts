import { migrateToLatest, openDatabase } from '../src/main/db'
import { seededRandom } from '../test/helpers/random'

// A generated shop for the basket benchmark: `products` products with Zipf-like popularity (a few sell a
// lot, most rarely, as in a real shop) and planted bundles (a product often bought with two others), one
// receipt per basket of 1..(2 * meanLines - 1) lines, written with raw prepared statements in one transaction.

export interface BasketShopOptions {
  lines: number
  products: number
  meanLines: number
  seed: number
}

export async function generateBasketDb(
  file: string,
  options: BasketShopOptions,
): Promise<{ receipts: number; lines: number }> {
  const random = seededRandom(options.seed)
  const connection = openDatabase(file)
  await migrateToLatest(connection.db)
  const { sqlite } = connection
  sqlite.pragma('synchronous = OFF')
  // cumulative Zipf weights (s = 1)
  const cumulative = new Float64Array(options.products)
  let sum = 0
  for (let p = 0; p < options.products; p++) {
    sum += 1 / (p + 1)
    cumulative[p] = sum
  }
  const draw = (): number => {
    const x = random() * sum
    let lo = 0
    let hi = options.products - 1
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if ((cumulative[mid] ?? 0) < x) lo = mid + 1
      else hi = mid
    }
    return lo
  }
  const addProduct = sqlite.prepare('insert into products (id, sku, name, category) values (?, ?, ?, ?)')
  const addReceipt = sqlite.prepare(
    `insert into receipts (id, source, receipt_number, occurred_at, kind, gross_satang, net_satang)
     values (?, 'bench', ?, ?, 'sale', ?, ?)`,
  )
  const addLine = sqlite.prepare(
    `insert into receipt_lines (receipt_id, line_no, product_id, quantity, unit_price_satang, net_satang)
     values (?, ?, ?, 1, 5000, 5000)`,
  )
  let receipts = 0
  let lines = 0
  sqlite.transaction(() => {
    for (let p = 0; p < options.products; p++) {
      addProduct.run(p + 1, `SKU${p + 1}`, `Product ${p + 1}`, `Category ${p % 40}`)
    }
    while (lines < options.lines) {
      receipts++
      const want = Math.min(options.lines - lines, 1 + Math.floor(random() * (2 * options.meanLines - 1)))
      const basket = new Set<number>()
      while (basket.size < want) {
        const p = draw()
        basket.add(p)
        // bundles: product p often comes with p + 1 and p + 2 (when there is room)
        if (p % 7 === 0 && random() < 0.6 && basket.size < want) basket.add((p + 1) % options.products)
        if (p % 7 === 0 && random() < 0.4 && basket.size < want) basket.add((p + 2) % options.products)
      }
      const day = 1 + (receipts % 28)
      addReceipt.run(
        receipts,
        `B${receipts}`,
        `2025-01-${String(day).padStart(2, '0')}T10:00:00`,
        5000 * want,
        5000 * want,
      )
      let n = 0
      for (const p of basket) addLine.run(receipts, ++n, p + 1)
      lines += basket.size
    }
  })()
  await connection.close()
  return { receipts, lines }
}

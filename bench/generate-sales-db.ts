import { migrateToLatest, openDatabase } from '../src/main/db'
import { dateOfDay, dayNumber } from '../src/main/analysis/dates'
import { betaSample, exponentialSample, gammaSample, seededRandom } from '../test/helpers/random'

// A seeded generator of a shop's sales history written straight into a Lukkha database through prepared
// statements (positional parameters, one transaction): customers, products, receipts and receipt lines.
// Customers buy as the BG/NBD story has it (a personal purchase rate, dropping out after a purchase with a
// personal probability), so the CLV models have something real to fit. Same seed, same database.

export interface GeneratedShop {
  customers: number
  receipts: number
  lines: number
  lastDate: string
}

export interface GenerateOptions {
  customers: number
  /** Lines per receipt are 1..(2 * meanLines - 1), uniformly. */
  meanLines: number
  seed: number
  /** Share of receipts without a known customer (walk-ins). */
  walkInShare?: number
  /** Share of customer receipts followed by a refund of one line. */
  refundShare?: number
  firstDate?: string
  days?: number
}

export async function generateSalesDb(file: string, options: GenerateOptions): Promise<GeneratedShop> {
  const random = seededRandom(options.seed)
  const firstDay = dayNumber(options.firstDate ?? '2024-01-01')
  const days = options.days ?? 730
  const walkIn = options.walkInShare ?? 0.1
  const refunds = options.refundShare ?? 0.02
  const connection = openDatabase(file)
  await migrateToLatest(connection.db)
  const { sqlite } = connection
  sqlite.pragma('synchronous = OFF') // generated data: no need to survive a power cut while writing it

  const addCustomer = sqlite.prepare('insert into customers (id, code, name, phone) values (?, ?, ?, ?)')
  const addProduct = sqlite.prepare('insert into products (id, sku, name, category) values (?, ?, ?, ?)')
  const addReceipt = sqlite.prepare(
    `insert into receipts (id, source, receipt_number, customer_id, occurred_at, kind, gross_satang, net_satang)
     values (?, 'bench', ?, ?, ?, ?, ?, ?)`,
  )
  const addLine = sqlite.prepare(
    `insert into receipt_lines (receipt_id, line_no, product_id, quantity, unit_price_satang, net_satang)
     values (?, ?, ?, ?, ?, ?)`,
  )
  const productCount = 500
  const prices = Array.from({ length: productCount }, () => 2000 + Math.floor(random() * 48000))

  // Receipts are drawn per customer, then written in time order, as an import of POS exports leaves them
  // (a customer's receipts scattered over the table, not side by side).
  const events: {
    customer: number | null
    day: number
    second: number
    kind: 'sale' | 'refund'
    lines: number
  }[] = []
  const lineCountFor = (): number => 1 + Math.floor(random() * (2 * options.meanLines - 1))
  const second = (): number => 8 * 3600 + Math.floor(random() * 12 * 3600)
  for (let c = 1; c <= options.customers; c++) {
    const rate = gammaSample(random, 0.8, 40) // purchases per day while active: mean one per 50 days
    const dropout = betaSample(random, 1, 6)
    let day = firstDay + Math.floor(random() * days)
    for (;;) {
      events.push({ customer: c, day, second: second(), kind: 'sale', lines: lineCountFor() })
      if (random() < refunds) {
        events.push({
          customer: c,
          day: day + Math.floor(random() * 7),
          second: second(),
          kind: 'refund',
          lines: 1,
        })
      }
      if (random() < dropout) break
      day += 1 + Math.floor(exponentialSample(random, rate))
      if (day >= firstDay + days) break
    }
    if (random() < walkIn / (1 - walkIn)) {
      events.push({
        customer: null,
        day: firstDay + Math.floor(random() * days),
        second: second(),
        kind: 'sale',
        lines: lineCountFor(),
      })
    }
  }
  events.sort((a, b) => a.day - b.day || a.second - b.second)

  let receiptId = 0
  let lineCount = 0
  let lastDay = firstDay
  // Each customer spends on their own scale (ν in the Gamma-Gamma story), so spend differs between customers
  const spendScale = Array.from({ length: options.customers + 1 }, () => gammaSample(random, 4, 4))
  const pad = (n: number): string => String(n).padStart(2, '0')
  sqlite.transaction(() => {
    for (let p = 0; p < productCount; p++)
      addProduct.run(p + 1, `SKU${p + 1}`, `Product ${p + 1}`, `Category ${p % 12}`)
    for (let c = 1; c <= options.customers; c++) {
      addCustomer.run(
        c,
        `C${String(c).padStart(6, '0')}`,
        `Customer ${c}`,
        `+6681${String(c).padStart(7, '0')}`,
      )
    }
    for (const e of events) {
      receiptId++
      const scale = e.customer === null ? 1 : (spendScale[e.customer] ?? 1)
      const items: [number, number, number][] = []
      let total = 0
      for (let i = 0; i < e.lines; i++) {
        const product = Math.floor(random() * productCount)
        const quantity = 1 + Math.floor(random() * 3)
        const net = Math.round((prices[product] ?? 0) * scale) * quantity * (e.kind === 'refund' ? -1 : 1)
        items.push([product + 1, quantity, net])
        total += net
      }
      const time = `${pad(Math.floor(e.second / 3600))}:${pad(Math.floor(e.second / 60) % 60)}:${pad(e.second % 60)}`
      addReceipt.run(
        receiptId,
        `B-${receiptId}`,
        e.customer,
        `${dateOfDay(e.day)}T${time}`,
        e.kind,
        total,
        total,
      )
      items.forEach(([product, quantity, net], i) => {
        addLine.run(receiptId, i + 1, product, quantity, Math.abs(net) / quantity, net)
      })
      lineCount += e.lines
      if (e.day > lastDay) lastDay = e.day
    }
  })()
  await connection.close()
  return { customers: options.customers, receipts: receiptId, lines: lineCount, lastDate: dateOfDay(lastDay) }
}

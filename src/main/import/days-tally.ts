import type { Sqlite } from '../db'

// The dashboard's stored days (dashboard/days-update.ts) for what an import adds, summed in memory while the
// writer queues its new receipts and their lines, so the finishing phase writes the day rows instead of
// reading back every receipt and line it just wrote (two GROUP BY passes over a join: 2.6 s of the 1M-line
// bench's 7.5 s finish). It only follows the plain case: receipts this import creates, whose lines come
// together, with whole quantities (sums of fractions would round differently from SQLite's sum()). Any line
// appended to a receipt written before (an earlier import's, or this one's when its lines were apart) or a
// fractional quantity makes it `usable = false`, and the SQL passes run as before.

/** Per day: the products' slots in the line sums (product ids are small integers: Map keys stay Smis). */
type DayProducts = Map<number, number>

export class DaysTally {
  usable = true
  private readonly dayIndex = new Map<string, number>()
  private readonly days: string[] = []
  private readonly dayNet: number[] = []
  private readonly daySales: number[] = []
  private readonly dayProducts: DayProducts[] = []
  /** line sums per (day, product) slot */
  private slotQuantity: Float64Array<ArrayBuffer> = new Float64Array(1024)
  private slotNet: Float64Array<ArrayBuffer> = new Float64Array(1024)
  private slots = 0
  /** the day of the receipt whose lines come next */
  private day = -1

  /** A receipt this import creates, with the totals it is written with. */
  receipt(occurredAt: string, sale: boolean, net: number): void {
    if (!this.usable) return
    const day = occurredAt.slice(0, 10)
    let i = this.dayIndex.get(day)
    if (i === undefined) {
      i = this.days.length
      this.dayIndex.set(day, i)
      this.days.push(day)
      this.dayNet.push(0)
      this.daySales.push(0)
      this.dayProducts.push(new Map())
    }
    this.dayNet[i] = (this.dayNet[i] as number) + net
    if (sale) this.daySales[i] = (this.daySales[i] as number) + 1
    this.day = i
  }

  /** A line of the receipt given last. */
  line(productId: number | null, quantity: number, net: number): void {
    if (!this.usable || productId === null) return
    if (!Number.isInteger(quantity)) {
      this.usable = false
      return
    }
    const products = this.dayProducts[this.day] as DayProducts
    let slot = products.get(productId)
    if (slot === undefined) {
      slot = this.slots++
      if (slot === this.slotNet.length) this.grow()
      products.set(productId, slot)
    }
    this.slotQuantity[slot] = (this.slotQuantity[slot] as number) + quantity
    this.slotNet[slot] = (this.slotNet[slot] as number) + net
  }

  /** Lines the tally cannot place (added to a receipt written before): the SQL passes take over. */
  giveUp(): void {
    this.usable = false
  }

  private grow(): void {
    const grown = (from: Float64Array): Float64Array<ArrayBuffer> => {
      const to = new Float64Array(from.length * 2)
      to.set(from)
      return to
    }
    this.slotQuantity = grown(this.slotQuantity)
    this.slotNet = grown(this.slotNet)
  }

  /** Adds the sums to the stored days, in key order (appends to the WITHOUT ROWID b-trees), many rows a statement. */
  write(sqlite: Sqlite): void {
    const upsertSales = `on conflict (day) do update
       set net_satang = net_satang + excluded.net_satang, sales = sales + excluded.sales`
    const sales = rowsWriter(sqlite, 'sales_days (day, net_satang, sales)', 3, upsertSales)
    const products = rowsWriter(
      sqlite,
      'product_days (day, product_id, quantity, net_satang)',
      4,
      `on conflict (day, product_id) do update
          set quantity = quantity + excluded.quantity, net_satang = net_satang + excluded.net_satang`,
    )
    const order = this.days.map((_, i) => i).sort((a, b) => compare(this.days[a], this.days[b]))
    for (const i of order) {
      const day = this.days[i] as string
      sales.add(day, this.dayNet[i], this.daySales[i])
      const slots = this.dayProducts[i] as DayProducts
      for (const id of [...slots.keys()].sort((a, b) => a - b)) {
        const slot = slots.get(id) as number
        products.add(day, id, this.slotQuantity[slot], this.slotNet[slot])
      }
    }
    sales.flush()
    products.flush()
  }
}

const ROWS = 256

/** Multi-row upserts of `width` values a row: one statement per ROWS rows, one per row for the rest. */
function rowsWriter(sqlite: Sqlite, into: string, width: number, conflict: string) {
  const row = `(${Array.from({ length: width }, () => '?').join(', ')})`
  // "where true" is not needed with VALUES: the upsert parses unambiguously
  const sql = (rows: number): string =>
    `insert into ${into} values ${Array.from({ length: rows }, () => row).join(', ')} ${conflict}`
  const full = sqlite.prepare(sql(ROWS))
  const params: unknown[] = new Array<unknown>(ROWS * width)
  let at = 0
  return {
    add(...values: unknown[]): void {
      for (const v of values) params[at++] = v
      if (at === params.length) {
        full.run(params)
        at = 0
      }
    },
    flush(): void {
      if (at > 0) sqlite.prepare(sql(at / width)).run(params.slice(0, at))
      at = 0
    },
  }
}

const compare = (a: string | undefined, b: string | undefined): number =>
  (a as string) < (b as string) ? -1 : (a as string) > (b as string) ? 1 : 0

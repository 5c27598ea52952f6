import type { Sqlite } from '../db'

// The dashboard's stored days (dashboard/days-update.ts) for what an import adds, summed in memory while the
// writer queues its new receipts and their lines, so the finishing phase writes the day rows instead of
// reading back every receipt and line it just wrote (two GROUP BY passes over a join: 2.6 s of the 1M-line
// bench's 7.5 s finish). It only follows the plain case: receipts this import creates, whose lines come
// together, with whole quantities (sums of fractions would round differently from SQLite's sum()). Any line
// appended to a receipt written before (an earlier import's, or this one's when its lines were apart) or a
// fractional quantity makes it `usable = false`, and the SQL passes run as before.
// Memory stays bounded: the (day, product) sums are kept for at most SPILL_SLOTS pairs, then added to a temp
// table of this connection (rolled back with the import) and the tally starts again; the end adds that table
// to product_days in key order. The 1M-line bench file has 469,210 such pairs; a shop with thousands of
// products over years could have tens of millions.

export const SPILL_SLOTS = 65_536
const PRODUCTS_TEMP = 'temp.import_product_days'
/** The temp schema's page cache while the table exists: the spilled sums go to its file, not the heap. */
const TEMP_CACHE_KIB = 1024

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
  private readonly slotQuantity: Float64Array
  private readonly slotNet: Float64Array
  private slots = 0
  private spilled = false
  private tempCache = 0
  /** the day of the receipt whose lines come next */
  private day = -1

  constructor(
    private readonly sqlite: Sqlite,
    /** (day, product) pairs kept in memory before they are added to the temp table */
    private readonly spillSlots = SPILL_SLOTS,
  ) {
    this.slotQuantity = new Float64Array(spillSlots)
    this.slotNet = new Float64Array(spillSlots)
  }

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
      this.giveUp()
      return
    }
    const products = this.dayProducts[this.day] as DayProducts
    let slot = products.get(productId)
    if (slot === undefined) {
      if (this.slots === this.spillSlots) this.spill()
      slot = this.slots++
      products.set(productId, slot)
    }
    this.slotQuantity[slot] = (this.slotQuantity[slot] as number) + quantity
    this.slotNet[slot] = (this.slotNet[slot] as number) + net
  }

  /** Lines the tally cannot place (added to a receipt written before): the SQL passes take over. */
  giveUp(): void {
    if (!this.usable) return
    this.usable = false
    if (this.spilled) this.dropTemp()
    for (const products of this.dayProducts) products.clear()
  }

  /** The (day, product) sums in key order, then empty. */
  private drain(add: (day: string, productId: number, quantity: number, net: number) => void): void {
    for (const i of this.dayOrder()) {
      const day = this.days[i] as string
      const products = this.dayProducts[i] as DayProducts
      for (const id of [...products.keys()].sort((a, b) => a - b)) {
        const slot = products.get(id) as number
        add(day, id, this.slotQuantity[slot] as number, this.slotNet[slot] as number)
      }
      products.clear()
    }
    this.slotQuantity.fill(0)
    this.slotNet.fill(0)
    this.slots = 0
  }

  private dropTemp(): void {
    this.sqlite.exec(`drop table ${PRODUCTS_TEMP}`)
    this.sqlite.pragma(`temp.cache_size = ${this.tempCache}`)
    this.spilled = false
  }

  private dayOrder(): number[] {
    return this.days.map((_, i) => i).sort((a, b) => compare(this.days[a], this.days[b]))
  }

  private spill(): void {
    if (!this.spilled) {
      this.sqlite.exec(
        `create table ${PRODUCTS_TEMP} (day text not null, product_id integer not null, quantity real not null,
           net_satang integer not null, primary key (day, product_id)) without rowid`,
      )
      // the temp schema's own page cache (16 MB by default) would hold the whole table in memory (read once
      // the table has opened the temp schema: before, it answers 0)
      this.tempCache = this.sqlite.pragma('temp.cache_size', { simple: true }) as number
      this.sqlite.pragma(`temp.cache_size = -${TEMP_CACHE_KIB}`)
      this.spilled = true
    }
    const rows = rowsWriter(
      this.sqlite,
      `${PRODUCTS_TEMP} (day, product_id, quantity, net_satang)`,
      4,
      ADD_PRODUCT,
    )
    this.drain(rows.add)
    rows.flush()
  }

  /** Adds the sums to the stored days, in key order (appends to the WITHOUT ROWID b-trees), many rows a statement. */
  write(): void {
    const sqlite = this.sqlite
    const sales = rowsWriter(sqlite, 'sales_days (day, net_satang, sales)', 3, ADD_SALES)
    for (const i of this.dayOrder()) sales.add(this.days[i], this.dayNet[i], this.daySales[i])
    sales.flush()
    if (this.spilled) {
      this.spill()
      sqlite.exec(
        `insert into product_days (day, product_id, quantity, net_satang)
         select day, product_id, quantity, net_satang from ${PRODUCTS_TEMP} where true order by day, product_id
         ${ADD_PRODUCT}`,
      )
      this.dropTemp()
    } else {
      const products = rowsWriter(
        sqlite,
        'product_days (day, product_id, quantity, net_satang)',
        4,
        ADD_PRODUCT,
      )
      this.drain(products.add)
      products.flush()
    }
  }
}

const ADD_SALES = `on conflict (day) do update
  set net_satang = net_satang + excluded.net_satang, sales = sales + excluded.sales`
const ADD_PRODUCT = `on conflict (day, product_id) do update
  set quantity = quantity + excluded.quantity, net_satang = net_satang + excluded.net_satang`

const ROWS = 256

/** Multi-row upserts of `width` values a row: one statement per ROWS rows, one for the rest. */
function rowsWriter(sqlite: Sqlite, into: string, width: number, conflict: string) {
  const row = `(${Array.from({ length: width }, () => '?').join(', ')})`
  const sql = (rows: number): string =>
    `insert into ${into} values ${Array.from({ length: rows }, () => row).join(', ')} ${conflict}`
  const full = sqlite.prepare(sql(ROWS))
  const params: unknown[] = new Array<unknown>(ROWS * width)
  let at = 0
  return {
    add: (...values: unknown[]): void => {
      for (const v of values) params[at++] = v
      if (at === params.length) {
        full.run(params)
        at = 0
      }
    },
    flush: (): void => {
      if (at > 0) sqlite.prepare(sql(at / width)).run(params.slice(0, at))
      at = 0
    },
  }
}

const compare = (a: string | undefined, b: string | undefined): number =>
  (a as string) < (b as string) ? -1 : (a as string) > (b as string) ? 1 : 0

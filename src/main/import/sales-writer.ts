import type { Sqlite } from '../db'
import { BatchInserter } from './batch-insert'
import type { Catalog } from './catalog'
import type { CustomerBook } from '../customers/identity'
import type { DaysTally } from './days-tally'
import type { PartClock } from './parts'
import { presets } from './presets'
import { ReceiptNumbers } from './receipt-numbers'
import type { SaleRow } from './types'

const PRESET_SOURCES = [...new Set(Object.values(presets).map((p) => p.source)), 'generic']

// Writes receipts and their lines, once. The natural key of a receipt is (source, receipt number). The lines
// of a receipt usually follow each other in an export, so they are gathered and the receipt is inserted with
// its totals in one go. A receipt stored by an earlier import is never rewritten: each incoming line is
// compared with the stored lines (product, quantity, net) and only a line it does not have is added. So
// importing the same file again, an overlapping export, or the fixed rejected rows of a file adds nothing
// twice. Receipts that gain lines later (or whose lines are not together in the file) get their totals
// recomputed at the end.

export interface SalesCounts {
  receiptsAdded: number
  linesAdded: number
  duplicatesSkipped: number
  netAdded: number
}

const STORED_WINDOW = 512

const contentKey = (productId: number | null, quantity: number, net: number): string =>
  `${productId ?? ''}|${quantity}|${net}`

export interface SalesWriterOptions {
  /** The native layout: a receipt number '<source>:<number>' (as `export sales` writes it) keeps its source. */
  sourcePrefixes: boolean
  /** Runs before the first receipt or line is written. */
  beforeWrite?: () => void
  /** Counts the receipt and line INSERTs as 'write'. */
  clock?: PartClock
  /** Sums the new receipts and lines per day for the dashboard's stored days. */
  days?: DaysTally
}

export class SalesWriter {
  /** source -> receipt number -> id: the stored ones (loaded on first use of a source) and those this import adds */
  private readonly receiptIds = new Map<string, ReceiptNumbers>()
  private readonly knownSources: Set<string>
  /** ids up to this existed before the import (AUTOINCREMENT ids only grow) */
  private readonly lastIdBefore: number
  /** receipt id -> its stored lines not yet matched by a line of this file */
  private readonly storedContent = new Map<number, string[]>()
  private readonly dirty = new Set<number>()
  private current: SaleRow[] = []
  private currentKey: string | null = null
  readonly counts: SalesCounts = { receiptsAdded: 0, linesAdded: 0, duplicatesSkipped: 0, netAdded: 0 }
  private readonly statements
  private nextId: number
  private readonly receipts: BatchInserter
  private readonly lines: BatchInserter
  private readonly days: DaysTally | undefined

  constructor(
    private readonly sqlite: Sqlite,
    private readonly importId: number,
    private readonly source: string,
    private readonly customers: CustomerBook,
    private readonly catalog: Catalog,
    options: SalesWriterOptions = { sourcePrefixes: false },
  ) {
    this.knownSources = new Set(
      options.sourcePrefixes
        ? (sqlite.prepare('select distinct source from receipts').pluck().all() as string[]).concat(
            PRESET_SOURCES,
          )
        : [],
    )
    this.knownSources.delete(source)
    this.loadSource(source)
    const last = sqlite.prepare("select seq from sqlite_sequence where name = 'receipts'").get() as
      { seq: number } | undefined
    const maxId = sqlite.prepare('select coalesce(max(id), 0) from receipts').pluck().get() as number
    this.lastIdBefore = Math.max(last?.seq ?? 0, maxId)
    // The import holds the write lock in one transaction, so it can number its receipts itself and queue them
    // (and their lines) for multi-row inserts instead of asking SQLite for each new id.
    this.nextId = this.lastIdBefore + 1
    const beforeWrite = options.beforeWrite ?? (() => undefined)
    this.days = options.days
    this.receipts = new BatchInserter(
      sqlite,
      'receipts',
      [
        'id',
        'source',
        'receipt_number',
        'store_id',
        'customer_id',
        'occurred_at',
        'kind',
        'gross_satang',
        'discount_satang',
        'net_satang',
        'staff',
      ],
      {
        // the native layout's prefixes may give receipts other sources; otherwise every one has this import's
        fixed: this.knownSources.size > 0 ? { import_id: importId } : { import_id: importId, source },
        beforeWrite,
        ...(options.clock ? { clock: options.clock } : {}),
        // (a failure rolls the whole import back: no statement journal; SQLite numbers the receipts as nextId)
        orFail: true,
        numbered: 'id',
      },
    )
    this.lines = new BatchInserter(
      sqlite,
      'receipt_lines',
      [
        'receipt_id',
        'line_no',
        'product_id',
        'quantity',
        'unit_price_satang',
        'discount_satang',
        'net_satang',
      ],
      {
        fixed: { import_id: importId },
        beforeWrite,
        ...(options.clock ? { clock: options.clock } : {}),
        orFail: true,
      },
    )
    this.statements = {
      lastLine: sqlite
        .prepare('select coalesce(max(line_no), 0) as n from receipt_lines where receipt_id = ?')
        .pluck(),
      contentWindow: sqlite
        .prepare(
          'select receipt_id, product_id, quantity, net_satang from receipt_lines where receipt_id >= ? and receipt_id < ? order by receipt_id, line_no',
        )
        .raw(),
      totals: sqlite.prepare(
        `update receipts set
           gross_satang = (select coalesce(sum(net_satang + discount_satang), 0) from receipt_lines where receipt_id = receipts.id),
           discount_satang = (select coalesce(sum(discount_satang), 0) from receipt_lines where receipt_id = receipts.id),
           net_satang = (select coalesce(sum(net_satang), 0) from receipt_lines where receipt_id = receipts.id)
         where id = ?`,
      ),
    }
  }

  private loadSource(source: string): ReceiptNumbers {
    let ids = this.receiptIds.get(source)
    if (ids === undefined) {
      ids = new ReceiptNumbers()
      this.receiptIds.set(source, ids)
      for (const [number, id] of this.sqlite
        .prepare('select receipt_number, id from receipts where source = ?')
        .raw()
        .iterate(source) as Iterable<[string, number]>) {
        ids.set(number, id)
      }
    }
    return ids
  }

  /** The natural key of a receipt number: its source (from a known prefix, in the native layout) and number. */
  private keyOf(receiptNumber: string): [source: string, number: string] {
    if (this.knownSources.size > 0) {
      const colon = receiptNumber.indexOf(':')
      if (colon > 0) {
        const prefix = receiptNumber.slice(0, colon)
        if (this.knownSources.has(prefix)) {
          this.loadSource(prefix)
          return [prefix, receiptNumber.slice(colon + 1)]
        }
      }
    }
    return [this.source, receiptNumber]
  }

  add(row: SaleRow): void {
    if (row.receiptNumber !== this.currentKey) {
      this.flush()
      this.currentKey = row.receiptNumber
    }
    this.current.push(row)
  }

  private flush(): void {
    const key = this.currentKey
    const rows = this.current
    if (key === null || rows.length === 0) return
    this.current = []
    this.currentKey = null
    this.write(key, rows)
    const refunded = rows[0]?.refundedAmount
    if (refunded == null) return // (most receipts: no refund key to look up)
    const [refundSource, refundNumber] = this.keyOf(`${key}/refund`)
    const refundId = this.loadSource(refundSource).get(refundNumber)
    // (written once per import even when the order's rows come back later in the file)
    if (rows[0] && !(refundId !== undefined && refundId > this.lastIdBefore)) {
      // Shopify: money refunded on an order becomes a refund receipt of its own, netted in totals.
      const first = rows[0]
      this.write(`${key}/refund`, [
        {
          ...first,
          receiptNumber: `${key}/refund`,
          refund: true,
          sku: null,
          productName: null,
          category: '',
          quantity: 0,
          unitPrice: 0,
          discount: 0,
          net: -refunded,
          refundedAmount: null,
        },
      ])
    }
  }

  private write(receiptNumber: string, rows: SaleRow[]): void {
    const [source, number] = this.keyOf(receiptNumber)
    const ids = this.loadSource(source)
    const id = ids.get(number)
    if (id === undefined) this.insertReceipt(ids, source, number, rows)
    else if (id > this.lastIdBefore) this.appendLines(id, rows)
    else this.mergeIntoStored(id, rows)
  }

  private insertReceipt(ids: ReceiptNumbers, source: string, number: string, rows: SaleRow[]): void {
    const first = rows[0]
    if (!first) return
    let net = 0
    let discount = 0
    for (const r of rows) {
      net += r.net
      discount += r.discount
    }
    const customerId = first.identity
      ? this.customers.resolve(first.identity, first.occurredAt.slice(0, 10))
      : null
    const kind = first.refund || net < 0 ? 'refund' : 'sale'
    const id = this.nextId++
    this.receipts.add(
      id,
      source,
      number,
      this.catalog.storeId(first.store),
      customerId,
      first.occurredAt,
      kind,
      net + discount,
      discount,
      net,
      first.staff,
    )
    ids.set(number, id)
    this.counts.receiptsAdded++
    this.days?.receipt(first.occurredAt, kind === 'sale', net)
    this.insertLines(id, 1, rows)
  }

  private insertLines(receiptId: number, firstLineNo: number, rows: SaleRow[]): void {
    const lines = this.lines
    const days = this.days
    let lineNo = firstLineNo
    for (const r of rows) {
      const productId = this.catalog.productId(r.sku, r.productName, r.category)
      days?.line(productId, r.quantity, r.net)
      lines.add(receiptId, lineNo++, productId, r.quantity, r.unitPrice, r.discount, r.net)
      this.counts.netAdded += r.net
    }
    this.counts.linesAdded += rows.length
  }

  /** A receipt this import created earlier in the file: its lines were not together. */
  private appendLines(id: number, rows: SaleRow[]): void {
    this.days?.giveUp()
    this.flushQueued()
    this.insertLines(id, (this.statements.lastLine.get(id) as number) + 1, rows)
    this.dirty.add(id)
  }

  /**
   * The stored lines of a receipt, as content keys not yet matched by a line of this file. Loaded for a window of
   * receipt ids at a time: an overlapping export meets its stored receipts in id order, so one query serves
   * hundreds of them. A receipt whose lines have all been matched keeps an empty list.
   */
  private storedLines(id: number): string[] {
    const had = this.storedContent.get(id)
    if (had !== undefined) return had
    const end = Math.min(id + STORED_WINDOW, this.lastIdBefore + 1)
    const loading = new Set<number>()
    for (let r = id; r < end; r++) {
      if (!this.storedContent.has(r)) {
        this.storedContent.set(r, [])
        loading.add(r)
      }
    }
    for (const [receiptId, productId, quantity, net] of this.statements.contentWindow.iterate(
      id,
      end,
    ) as Iterable<[number, number | null, number, number]>) {
      if (loading.has(receiptId))
        this.storedContent.get(receiptId)?.push(contentKey(productId, quantity, net))
    }
    return this.storedContent.get(id) ?? []
  }

  /** A receipt stored before this import: add only the lines it does not already have. */
  private mergeIntoStored(id: number, rows: SaleRow[]): void {
    const stored = this.storedLines(id)
    const fresh: SaleRow[] = []
    for (const r of rows) {
      const productId = this.catalog.findProduct(r.sku, r.productName)
      const at = productId === undefined ? -1 : stored.indexOf(contentKey(productId, r.quantity, r.net))
      if (at >= 0) {
        stored.splice(at, 1)
        this.counts.duplicatesSkipped++
      } else fresh.push(r)
    }
    if (fresh.length === 0) return
    this.days?.giveUp()
    this.flushQueued()
    this.insertLines(id, (this.statements.lastLine.get(id) as number) + 1, fresh)
    this.dirty.add(id)
  }

  private flushQueued(): void {
    this.receipts.flush()
    this.lines.flush()
  }

  /** Flushes the last receipt and recomputes the totals of receipts that gained lines out of order. */
  finish(): SalesCounts {
    this.flush()
    this.flushQueued()
    for (const id of this.dirty) this.statements.totals.run(id)
    return this.counts
  }
}

import type { Kysely } from 'kysely'
import { monthStart } from '../../shared/calendar'
import { purchaseTotals } from '../customers/purchases'
import { latestReceipts } from '../customers/receipts'
import type { Database, ReceiptKind } from '../db/schema'

export interface ProfileReceipt {
  id: number
  receiptNumber: string
  date: string
  kind: ReceiptKind
  netSatang: number
  items: string
}

export interface PurchaseFacts {
  firstPurchase: string | null
  lastPurchase: string | null
  visits: number
  netSatang: number
  /** Net spend by month, the last 12 months up to the last purchase ('YYYY-MM'). */
  monthly: { month: string; netSatang: number }[]
  latest: ProfileReceipt[]
}

const LATEST_RECEIPTS = 8
const ITEMS_SHOWN = 5

/** One customer's buying as a profile shows it: first and last purchase, visits, spend, months, latest receipts. */
export async function purchaseFacts(db: Kysely<Database>, customerId: number): Promise<PurchaseFacts> {
  const totals = await purchaseTotals(db, customerId)
  const last = totals.lastPurchase === null ? null : totals.lastPurchase.slice(0, 10)
  const monthly: PurchaseFacts['monthly'] = []
  if (last !== null) {
    const from = monthStart(last, -11)
    const rows = await db
      .selectFrom('receipts')
      .where('customer_id', '=', customerId)
      .where('occurred_at', '>=', from)
      .select((eb) => [
        eb.fn('substr', [eb.ref('occurred_at'), eb.lit(1), eb.lit(7)]).as('month'),
        eb.fn.sum<number>('net_satang').as('net'),
      ])
      .groupBy('month')
      .execute()
    const byMonth = new Map(rows.map((r) => [r.month, r.net]))
    for (let k = 0; k < 12; k++) {
      const month = monthStart(from, k).slice(0, 7)
      monthly.push({ month, netSatang: byMonth.get(month) ?? 0 })
    }
  }
  const receipts = await latestReceipts(db, customerId, LATEST_RECEIPTS)
  return {
    firstPurchase: totals.firstPurchase === null ? null : totals.firstPurchase.slice(0, 10),
    lastPurchase: last,
    visits: totals.purchases,
    netSatang: totals.netSatang,
    monthly,
    latest: receipts.map((r) => {
      const items = r.lines.map((l) =>
        l.quantity === 1 ? (l.product ?? '?') : `${l.product ?? '?'} ×${l.quantity}`,
      )
      const shown = items.slice(0, ITEMS_SHOWN).join(', ')
      return {
        id: r.id,
        receiptNumber: r.receiptNumber,
        date: r.occurredAt.slice(0, 10),
        kind: r.kind,
        netSatang: r.netSatang,
        items: items.length > ITEMS_SHOWN ? `${shown}, +${items.length - ITEMS_SHOWN}` : shown,
      }
    }),
  }
}

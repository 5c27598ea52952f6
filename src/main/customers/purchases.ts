import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'

/** A customer's buying in totals: the one query the profile page and the printed profile both use. */
export interface PurchaseTotals {
  /** The first and last sale as stored ('YYYY-MM-DD HH:MM:SS'); refunds are not purchases. */
  firstPurchase: string | null
  lastPurchase: string | null
  /** Sale receipts. */
  purchases: number
  /** Receipts of every kind (sales and refunds). */
  receipts: number
  /** Net spend: sales less refunds. */
  netSatang: number
}

export async function purchaseTotals(db: Kysely<Database>, customerId: number): Promise<PurchaseTotals> {
  const row = await db
    .selectFrom('receipts')
    .where('customer_id', '=', customerId)
    .select((eb) => {
      return [
        eb.fn.min(eb.case().when('kind', '=', 'sale').then(eb.ref('occurred_at')).end()).as('first'),
        eb.fn.max(eb.case().when('kind', '=', 'sale').then(eb.ref('occurred_at')).end()).as('last'),
        eb.fn
          .coalesce(eb.fn.sum<number>(eb.case().when('kind', '=', 'sale').then(1).else(0).end()), eb.lit(0))
          .as('purchases'),
        eb.fn.countAll<number>().as('receipts'),
        eb.fn.coalesce(eb.fn.sum<number>('net_satang'), eb.lit(0)).as('net'),
      ]
    })
    .executeTakeFirstOrThrow()
  return {
    firstPurchase: row.first,
    lastPurchase: row.last,
    purchases: row.purchases,
    receipts: row.receipts,
    netSatang: row.net,
  }
}

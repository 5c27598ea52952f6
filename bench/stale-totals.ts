import type { Sqlite } from '../src/main/db'

/**
 * Leaves the customer totals as an import of the newest `share` of the receipts would: those receipts'
 * customers' rows zeroed and the totals marked stale, so the next freshTotals rewrites only them.
 */
export function staleNewestTotals(sqlite: Sqlite, share = 0.01): void {
  const [maxReceipt, receipts] = sqlite.prepare('select max(id), count(*) from receipts').raw().get() as [
    number,
    number,
  ]
  sqlite
    .prepare(
      `update customer_totals set receipts = 0, visits = 0, spend_satang = 0, first_purchase = null,
         last_purchase = null where customer_id in (select customer_id from receipts where id > ?)`,
    )
    .run(maxReceipt - Math.round(receipts * share))
  sqlite.exec('delete from customer_totals_state')
}

import { sql, type Kysely } from 'kysely'
import type { Database } from '../db/schema'

// customer_totals: receipts, visits (sale days), spend (net: refunds are negative) and first/last purchase per
// customer, so the list can sort and filter 100,000 customers by spend without summing every receipt for each
// page. Every customer has a row (zeros until counted; migration 2026_11_30_610000 adds a trigger for new
// customers), so a sort by spend walks an index.
//
// The totals are rebuilt when the receipts changed since they were built. The key that says so must be cheap
// (it is read before every list page): the largest receipt id (new receipts) and the import history (every
// import that adds lines to older receipts, and every undo that removes receipts, changes a row of
// `imports`). Counting the receipts instead cost 80-170 ms at 100,000 customers under load. What moves
// receipts between customers without either (merges, erasures) calls staleTotals().

async function receiptsKey(db: Kysely<Database>): Promise<string> {
  const { rows } = await sql<{ key: string }>`select
      coalesce((select max(id) from receipts), 0) || ':' ||
      (select count(*) || ':' || coalesce(max(id), 0) || ':' || count(undone_at) from imports) as key`.execute(
    db,
  )
  return rows[0]?.key ?? ''
}

export async function staleTotals(db: Kysely<Database>): Promise<void> {
  await db.deleteFrom('customer_totals_state').execute()
}

/** Whether customer_totals match the receipts now, without rebuilding them (the dashboard's check). */
export async function totalsCurrent(db: Kysely<Database>): Promise<boolean> {
  const state = await db.selectFrom('customer_totals_state').select('receipts_key').executeTakeFirst()
  return state !== undefined && state.receipts_key === (await receiptsKey(db))
}

/** Makes customer_totals match the receipts; returns whether it had to rebuild them. */
export async function freshTotals(db: Kysely<Database>): Promise<boolean> {
  const key = await receiptsKey(db)
  const state = await db.selectFrom('customer_totals_state').select('receipts_key').executeTakeFirst()
  if (state?.receipts_key === key) return false
  try {
    await rebuild(db, key)
  } catch (error) {
    // a read-only connection (the CLI's show and search) reads the totals as they are
    if ((error as { code?: string }).code === 'SQLITE_READONLY') return false
    throw error
  }
  return true
}

/**
 * Brings every customer's row up to date from one GROUP BY over the receipts (the covering index
 * receipts_customer_activity, in customer order), writing only the rows whose figures changed: after an import
 * most customers' totals are what they were, and an update that leaves a row as it was still rewrites it and
 * its three indexes. (Before, every row was deleted and inserted again: 1.6 s at 100,000 customers.) Every
 * customer has a row (the trigger of migration 2026_11_30_610000); a customer without one gets it here.
 */
async function rebuild(db: Kysely<Database>, key: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`insert into customer_totals (customer_id, receipts, visits, spend_satang, first_purchase, last_purchase)
      select c.id, coalesce(r.receipts, 0), coalesce(r.visits, 0), coalesce(r.spend, 0), r.first, r.last
      from customers c left join (
        select customer_id, count(*) as receipts,
               count(distinct case when kind = 'sale' then substr(occurred_at, 1, 10) end) as visits,
               sum(net_satang) as spend,
               min(case when kind = 'sale' then occurred_at end) as first,
               max(case when kind = 'sale' then occurred_at end) as last
        from receipts where customer_id is not null group by customer_id) r on r.customer_id = c.id
      where true
      on conflict (customer_id) do update set
        receipts = excluded.receipts, visits = excluded.visits, spend_satang = excluded.spend_satang,
        first_purchase = excluded.first_purchase, last_purchase = excluded.last_purchase
      where (receipts, visits, spend_satang, first_purchase, last_purchase)
         is not (excluded.receipts, excluded.visits, excluded.spend_satang, excluded.first_purchase,
                 excluded.last_purchase)`.execute(trx)
    await trx
      .insertInto('customer_totals_state')
      .values({ id: 1, receipts_key: key })
      .onConflict((oc) => oc.column('id').doUpdateSet({ receipts_key: key }))
      .execute()
  })
}

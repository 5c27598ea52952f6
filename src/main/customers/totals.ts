import { sql, type Kysely } from 'kysely'
import type { Database } from '../db/schema'
import { receiptDay } from '../db/receipt-day'

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

/** The receipts key as a SQL expression (also stamped by imports and undos: totals-update.ts). */
export const RECEIPTS_KEY = `coalesce((select max(id) from receipts), 0) || ':' ||
  (select count(*) || ':' || coalesce(max(id), 0) || ':' || count(undone_at) from imports)`

async function receiptsKey(db: Kysely<Database>): Promise<string> {
  const { rows } = await sql<{ key: string }>`select ${sql.raw(RECEIPTS_KEY)} as key`.execute(db)
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
 * The statement that brings customers' rows up to date from one GROUP BY over their receipts (the covering
 * index receipts_customer_activity, in customer order), writing only the rows whose figures changed: after an
 * import most customers' totals are what they were, and an update that leaves a row as it was still rewrites
 * it and its indexes. `customers` is a SQL expression for the customer ids to bring up to date (every
 * customer when null). Beside the list's figures (every sale counts) it holds the retention cards' purchase
 * figures (a purchase: a sale receipt with a net total not 0, as retention/history.ts): purchase days, the
 * first, second and last one as day numbers (receiptDay, read from the index), net spend with a refund as
 * -abs(net). The second purchase day is looked up only for customers with two or more, from the index.
 */
export function totalsUpsert(customers: string | null): string {
  const day = receiptDay('occurred_at')
  const purchase = `kind = 'sale' and net_satang <> 0`
  const ofReceipts = customers === null ? '' : `and customer_id in ${customers}`
  const ofCustomers = customers === null ? 'true' : `c.id in ${customers}`
  return `insert into customer_totals (customer_id, receipts, visits, spend_satang, first_purchase, last_purchase,
        purchase_days, first_purchase_day, second_purchase_day, last_purchase_day, net_satang)
      select c.id, coalesce(r.receipts, 0), coalesce(r.visits, 0), coalesce(r.spend, 0), r.first, r.last,
        coalesce(r.purchase_days, 0), r.first_day,
        case when r.purchase_days >= 2 then (
          select min(${receiptDay('r2.occurred_at')}) from receipts r2
          where r2.customer_id = c.id and r2.kind = 'sale' and r2.net_satang <> 0
            and ${receiptDay('r2.occurred_at')} > r.first_day) end,
        r.last_day, coalesce(r.net, 0)
      from customers c left join (
        select customer_id, count(*) as receipts,
               count(distinct case when kind = 'sale' then substr(occurred_at, 1, 10) end) as visits,
               sum(net_satang) as spend,
               min(case when kind = 'sale' then occurred_at end) as first,
               max(case when kind = 'sale' then occurred_at end) as last,
               count(distinct case when ${purchase} then ${day} end) as purchase_days,
               min(case when ${purchase} then ${day} end) as first_day,
               max(case when ${purchase} then ${day} end) as last_day,
               sum(case when kind = 'refund' then -abs(net_satang) else net_satang end) as net
        from receipts where customer_id is not null ${ofReceipts} group by customer_id) r on r.customer_id = c.id
      where ${ofCustomers}
      on conflict (customer_id) do update set
        receipts = excluded.receipts, visits = excluded.visits, spend_satang = excluded.spend_satang,
        first_purchase = excluded.first_purchase, last_purchase = excluded.last_purchase,
        purchase_days = excluded.purchase_days, first_purchase_day = excluded.first_purchase_day,
        second_purchase_day = excluded.second_purchase_day, last_purchase_day = excluded.last_purchase_day,
        net_satang = excluded.net_satang
      where (receipts, visits, spend_satang, first_purchase, last_purchase, purchase_days, first_purchase_day,
             second_purchase_day, last_purchase_day, net_satang)
         is not (excluded.receipts, excluded.visits, excluded.spend_satang, excluded.first_purchase,
                 excluded.last_purchase, excluded.purchase_days, excluded.first_purchase_day,
                 excluded.second_purchase_day, excluded.last_purchase_day, excluded.net_satang)`
}

/** Brings every customer's row up to date (totalsUpsert); a customer without one gets it here. */
async function rebuild(db: Kysely<Database>, key: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql.raw(totalsUpsert(null)).execute(trx)
    await trx
      .insertInto('customer_totals_state')
      .values({ id: 1, receipts_key: key })
      .onConflict((oc) => oc.column('id').doUpdateSet({ receipts_key: key }))
      .execute()
  })
}

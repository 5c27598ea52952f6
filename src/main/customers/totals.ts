import { sql, type Kysely } from 'kysely'
import type { Database } from '../db/schema'

// customer_totals: receipts, visits (sale days), spend (net: refunds are negative) and first/last purchase per customer, so the list can sort and
// filter 100,000 customers by spend without summing every receipt for each page. The totals are rebuilt when
// the receipts changed since they were built: new receipts change the count and the largest id, an undone
// import the count; what moves receipts between customers without changing either (merges, erasures) calls
// staleTotals().

async function receiptsKey(db: Kysely<Database>): Promise<string> {
  const row = await db
    .selectFrom('receipts')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('id').as('max')])
    .executeTakeFirstOrThrow()
  return `${row.n}:${row.max ?? 0}`
}

export async function staleTotals(db: Kysely<Database>): Promise<void> {
  await db.deleteFrom('customer_totals_state').execute()
}

/** Makes customer_totals match the receipts; returns whether it had to rebuild them. */
export async function freshTotals(db: Kysely<Database>): Promise<boolean> {
  const key = await receiptsKey(db)
  const state = await db.selectFrom('customer_totals_state').select('receipts_key').executeTakeFirst()
  if (state?.receipts_key === key) return false
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('customer_totals').execute()
    await sql`insert into customer_totals (customer_id, receipts, visits, spend_satang, first_purchase, last_purchase)
      select customer_id, count(*), count(distinct case when kind = 'sale' then substr(occurred_at, 1, 10) end),
             sum(net_satang),
             min(case when kind = 'sale' then occurred_at end), max(case when kind = 'sale' then occurred_at end)
      from receipts where customer_id is not null group by customer_id`.execute(trx)
    await trx
      .insertInto('customer_totals_state')
      .values({ id: 1, receipts_key: key })
      .onConflict((oc) => oc.column('id').doUpdateSet({ receipts_key: key }))
      .execute()
  })
  return true
}

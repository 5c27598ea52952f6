import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'

/** Adds (or removes) one tag on many customers at once; returns how many customers changed. */
export async function tagCustomers(
  db: Kysely<Database>,
  customerIds: readonly number[],
  tag: string,
  remove = false,
): Promise<number> {
  const clean = tag.normalize('NFC').trim()
  return db.transaction().execute(async (trx) => {
    let changed = 0
    for (let i = 0; i < customerIds.length; i += 500) {
      const ids = customerIds.slice(i, i + 500)
      if (remove) {
        const r = await trx
          .deleteFrom('customer_tags')
          .where('tag', '=', clean)
          .where('customer_id', 'in', ids)
          .executeTakeFirst()
        changed += Number(r.numDeletedRows)
      } else {
        const r = await trx
          .insertInto('customer_tags')
          .values(ids.map((customer_id) => ({ customer_id, tag: clean })))
          .onConflict((oc) => oc.doNothing())
          .executeTakeFirst()
        changed += Number(r.numInsertedOrUpdatedRows ?? 0n)
      }
    }
    return changed
  })
}

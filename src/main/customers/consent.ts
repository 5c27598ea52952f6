import { sql, type Kysely, type RawBuilder } from 'kysely'
import type { ConsentInput, ConsentPurpose } from '../../shared/api/customers'
import type { Database } from '../db/schema'
import { LukkhaError } from '../errors'

// PDPA consent per purpose (marketing, analysis): every giving and every withdrawal is a row with its date,
// channel, notice version and who recorded it; the latest row per purpose is the customer's current answer.
// Withdrawing is the same one call as giving.

/** SQL that is true when the customer (a column reference such as 'c.id') currently consents to the purpose. */
export function hasConsent(purpose: ConsentPurpose, customerRef = 'c.id'): RawBuilder<boolean> {
  return sql<boolean>`coalesce((select k.granted from consents k where k.customer_id = ${sql.ref(customerRef)}
    and k.purpose = ${purpose} order by k.recorded_at desc, k.id desc limit 1), 0) = 1`
}

/** For campaigns and marketing exports: only customers whose latest marketing consent is a yes. */
export function marketingConsentFilter(customerRef = 'c.id'): RawBuilder<boolean> {
  return hasConsent('marketing', customerRef)
}

export async function recordConsent(db: Kysely<Database>, input: ConsentInput, now: string): Promise<number> {
  const customer = await db
    .selectFrom('customers')
    .select(['id', 'erased_at'])
    .where('id', '=', input.customerId)
    .executeTakeFirst()
  if (!customer || customer.erased_at !== null)
    throw new LukkhaError('not_found', `Customer ${input.customerId} does not exist.`)
  const row = await db
    .insertInto('consents')
    .values({
      customer_id: input.customerId,
      purpose: input.purpose,
      granted: input.granted ? 1 : 0,
      channel: input.channel,
      notice_version: input.noticeVersion,
      recorded_by: input.recordedBy,
      recorded_at: input.recordedAt ?? now,
      source: 'customer_book',
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

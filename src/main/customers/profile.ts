import { sql, type Kysely } from 'kysely'
import type { CustomerProfile } from '../../shared/api/customers'
import { consentPurposes } from '../../shared/api/customers'
import type { Database } from '../db/schema'
import { LukkhaError } from '../errors'
import { selectCustomers } from './list'
import { purchaseTotals } from './purchases'
import { latestReceipts } from './receipts'
import { customerTasks } from './tasks'

// One customer, opened: contact details, tags, consents, purchase history with lines (refunds marked), key
// figures, interactions and tasks. Scores and the churn explanation come from the analysis API.

const RECEIPT_LIMIT = 200

function median(values: number[]): number | null {
  if (values.length === 0) return null
  const s = [...values].sort((a, b) => a - b)
  const mid = Math.floor(s.length / 2)
  return s.length % 2 ? (s[mid] ?? null) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2
}

export async function customerProfile(db: Kysely<Database>, customerId: number): Promise<CustomerProfile> {
  const c = await db.selectFrom('customers').selectAll().where('id', '=', customerId).executeTakeFirst()
  if (!c || c.erased_at !== null) throw new LukkhaError('not_found', `Customer ${customerId} does not exist.`)
  const [summary] = await selectCustomers(db, { customerId })
  if (!summary) throw new LukkhaError('not_found', `Customer ${customerId} does not exist.`)
  const referrer =
    c.referred_by === null
      ? null
      : ((await db
          .selectFrom('customers')
          .select(['id', 'name'])
          .where('id', '=', c.referred_by)
          .executeTakeFirst()) ?? null)

  const receipts = await latestReceipts(db, customerId, RECEIPT_LIMIT)

  const days = await db
    .selectFrom('receipts')
    .select(sql<string>`distinct substr(occurred_at, 1, 10)`.as('day'))
    .where('customer_id', '=', customerId)
    .where('kind', '=', 'sale')
    .orderBy('day')
    .execute()
  const gaps: number[] = []
  for (let i = 1; i < days.length; i++) {
    const a = Date.parse(`${days[i - 1]?.day}T00:00:00Z`)
    const b = Date.parse(`${days[i]?.day}T00:00:00Z`)
    gaps.push(Math.round((b - a) / 86_400_000))
  }
  const totals = await purchaseTotals(db, customerId)
  const categories = await db
    .selectFrom('receipt_lines as l')
    .innerJoin('receipts as r', 'r.id', 'l.receipt_id')
    .innerJoin('products as p', 'p.id', 'l.product_id')
    .select(['p.category', (eb) => eb.fn.sum<number>('l.net_satang').as('net')])
    .where('r.customer_id', '=', customerId)
    .where('r.kind', '=', 'sale')
    .where('p.category', '!=', '')
    .groupBy('p.category')
    .orderBy('net', 'desc')
    .limit(3)
    .execute()

  const consentRows = await db
    .selectFrom('consents')
    .selectAll()
    .where('customer_id', '=', customerId)
    .orderBy('recorded_at', 'desc')
    .orderBy('id', 'desc')
    .execute()
  const consents = consentPurposes.map((purpose) => {
    const latest = consentRows.find((k) => k.purpose === purpose)
    return {
      purpose,
      granted: latest?.granted === 1,
      channel: latest?.channel ?? null,
      recordedAt: latest?.recorded_at ?? null,
      noticeVersion: latest?.notice_version ?? '',
      recordedBy: latest?.recorded_by ?? '',
    }
  })

  const interactions = await db
    .selectFrom('interactions')
    .selectAll()
    .where('customer_id', '=', customerId)
    .orderBy('occurred_at', 'desc')
    .orderBy('id', 'desc')
    .execute()

  return {
    customer: {
      ...summary,
      birthday: c.birthday,
      address: c.address,
      referredBy: referrer,
      notes: c.notes,
      createdAt: c.created_at,
    },
    figures: {
      firstPurchase: totals.firstPurchase,
      lastPurchase: totals.lastPurchase,
      visits: days.length,
      receipts: totals.receipts,
      spendSatang: totals.netSatang,
      averageBasketSatang: totals.purchases > 0 ? Math.round(totals.netSatang / totals.purchases) : null,
      favouriteCategories: categories.map((k) => ({ category: k.category, netSatang: k.net })),
      rhythmDays: median(gaps),
    },
    consents,
    receipts,
    interactions: interactions.map((i) => ({
      id: i.id,
      channel: i.channel,
      direction: i.direction,
      occurredAt: i.occurred_at,
      summary: i.summary,
      staff: i.staff,
    })),
    tasks: await customerTasks(db, customerId),
  }
}

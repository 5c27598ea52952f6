import { sql, type Kysely } from 'kysely'
import {
  createCampaignInput,
  type CampaignDetail,
  type CampaignStatus,
  type CampaignSummary,
  type CreateCampaignInput,
} from '../../shared/api/campaigns'
import { addDays } from '../../shared/calendar'
import { marketingConsentFilter } from '../customers/consent'
import type { Database } from '../db/schema'
import { writeTransaction } from '../db/write-transaction'
import { LukkhaError } from '../errors'
import { drawHoldout } from './draw'
import { resolveTarget } from './targets'

// Campaigns: create one (resolve the target, draw the hold-out with a recorded seed, store the members in one
// transaction), list them with their status by the shop's as-of date, read one with its reach, delete one.

/** The shop's as-of date: the day of its last sale (null without sales). */
export async function salesAsOf(db: Kysely<Database>): Promise<string | null> {
  const row = await db
    .selectFrom('receipts')
    .select((eb) => eb.fn.max('occurred_at').as('last'))
    .where('kind', '=', 'sale')
    .executeTakeFirst()
  return row?.last ? row.last.slice(0, 10) : null
}

export function campaignStatus(windowStart: string, windowEnd: string, asOf: string | null): CampaignStatus {
  if (asOf === null || asOf < windowStart) return 'planned'
  return asOf > windowEnd ? 'closed' : 'open'
}

const summaryColumns = [
  'c.id',
  'c.name',
  'c.channel',
  'c.target_kind',
  'c.target_label',
  'c.window_start',
  'c.window_end',
  'c.holdout_share',
  'c.seed',
  'c.message',
  'c.created_at',
] as const

async function summaries(db: Kysely<Database>, id?: number) {
  let query = db
    .selectFrom('campaigns as c')
    .select(summaryColumns)
    .select((eb) => [
      eb
        .selectFrom('campaign_members as m')
        .select(sql<number>`count(*)`.as('n'))
        .whereRef('m.campaign_id', '=', 'c.id')
        .where('m.holdout', '=', 0)
        .as('contacted'),
      eb
        .selectFrom('campaign_members as m')
        .select(sql<number>`count(*)`.as('n'))
        .whereRef('m.campaign_id', '=', 'c.id')
        .where('m.holdout', '=', 1)
        .as('holdout'),
    ])
    .orderBy('c.window_start', 'desc')
    .orderBy('c.id', 'desc')
  if (id !== undefined) query = query.where('c.id', '=', id)
  const rows = await query.execute()
  const asOf = await salesAsOf(db)
  return rows.map((r) => ({
    summary: {
      id: r.id,
      name: r.name,
      channel: r.channel,
      target: { kind: r.target_kind, label: r.target_label },
      windowStart: r.window_start,
      windowEnd: r.window_end,
      holdoutShare: r.holdout_share,
      seed: r.seed,
      contacted: r.contacted ?? 0,
      holdout: r.holdout ?? 0,
      status: campaignStatus(r.window_start, r.window_end, asOf),
      createdAt: r.created_at,
    } satisfies CampaignSummary,
    message: r.message,
  }))
}

export async function listCampaigns(
  db: Kysely<Database>,
  filter: { status?: CampaignStatus } = {},
): Promise<CampaignSummary[]> {
  const all = (await summaries(db)).map((s) => s.summary)
  return filter.status ? all.filter((c) => c.status === filter.status) : all
}

export async function getCampaign(db: Kysely<Database>, id: number): Promise<CampaignDetail> {
  const found = (await summaries(db, id))[0]
  if (!found) throw new LukkhaError('not_found', `There is no campaign ${id}.`)
  const { rows } = await sql<{
    consent: number
    phone: number
    email: number
    line: number
    address: number
  }>`select count(*) as consent, count(nullif(c.phone, '')) as phone, count(nullif(c.email, '')) as email,
      count(nullif(c.line_id, '')) as line, count(nullif(trim(c.address), '')) as address
    from campaign_members m join customers c on c.id = m.customer_id
    where m.campaign_id = ${id} and m.holdout = 0 and c.erased_at is null and ${marketingConsentFilter()}`.execute(
    db,
  )
  const r = rows[0]
  return {
    ...found.summary,
    message: found.message,
    reach: {
      withConsent: r?.consent ?? 0,
      withPhone: r?.phone ?? 0,
      withEmail: r?.email ?? 0,
      withLineId: r?.line ?? 0,
      withAddress: r?.address ?? 0,
    },
  }
}

/** A seed when the user gives none: from the clock, recorded with the campaign so the draw can be repeated. */
export function seedFromClock(now: Date): number {
  return Math.abs(Math.floor(now.getTime() / 1000)) % 2_147_483_647
}

export async function createCampaign(
  db: Kysely<Database>,
  raw: CreateCampaignInput,
  now: Date,
): Promise<CampaignDetail> {
  const input = createCampaignInput.parse(raw)
  const target = await resolveTarget(db, input.target)
  if (target.customerIds.length === 0)
    throw new LukkhaError('bad_input', 'The target list has no customers; nobody to contact.')
  const asOf = await salesAsOf(db)
  const windowStart = input.windowStart ?? addDays(asOf ?? now.toISOString().slice(0, 10), 1)
  const windowEnd = input.windowEnd ?? addDays(windowStart, 29)
  if (windowEnd < windowStart)
    throw new LukkhaError('validation', `The window ends (${windowEnd}) before it starts (${windowStart}).`)
  const seed = input.seed ?? seedFromClock(now)
  const draw = drawHoldout(target.customerIds, input.holdoutShare, seed)
  const id = await writeTransaction(db, async (trx) => {
    const row = await trx
      .insertInto('campaigns')
      .values({
        name: input.name,
        channel: input.channel,
        target_kind: input.target.kind,
        target: JSON.stringify(target.definition),
        target_label: target.label,
        window_start: windowStart,
        window_end: windowEnd,
        holdout_share: input.holdoutShare,
        seed,
        message: input.message ?? '',
        created_at: now.toISOString().slice(0, 19),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    const members = [
      ...draw.contacted.map((customerId) => ({ campaign_id: row.id, customer_id: customerId, holdout: 0 })),
      ...draw.holdout.map((customerId) => ({ campaign_id: row.id, customer_id: customerId, holdout: 1 })),
    ]
    for (let i = 0; i < members.length; i += 300) {
      await trx
        .insertInto('campaign_members')
        .values(members.slice(i, i + 300))
        .execute()
    }
    return row.id
  })
  return getCampaign(db, id)
}

export async function deleteCampaign(db: Kysely<Database>, id: number): Promise<boolean> {
  return writeTransaction(db, async (trx) => {
    await trx.deleteFrom('campaign_members').where('campaign_id', '=', id).execute()
    const result = await trx.deleteFrom('campaigns').where('id', '=', id).executeTakeFirst()
    return Number(result.numDeletedRows) > 0
  })
}

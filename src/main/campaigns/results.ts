import { sql, type Kysely } from 'kysely'
import type { CampaignMember, CampaignResults } from '../../shared/api/campaigns'
import type { Database } from '../db/schema'
import { LukkhaError } from '../errors'
import { campaignStatus, salesAsOf } from './campaigns'
import { groupFigures, meanLift, proportionLift } from './stats'

// The campaign's members with what they bought in the window, and contacted vs hold-out from them. Nothing is
// cached: the figures are read from the receipts each time, so sales imported later count at once.
// Every member counts, reached or not (intention to treat): the hold-out is compared with everyone drawn to
// be contacted, which is the fair comparison even when some could not be reached.

async function campaignRow(db: Kysely<Database>, id: number) {
  const row = await db
    .selectFrom('campaigns')
    .select(['id', 'window_start', 'window_end'])
    .where('id', '=', id)
    .executeTakeFirst()
  if (!row) throw new LukkhaError('not_found', `There is no campaign ${id}.`)
  return row
}

export async function campaignMembers(
  db: Kysely<Database>,
  id: number,
  options: { holdout?: boolean } = {},
): Promise<CampaignMember[]> {
  const campaign = await campaignRow(db, id)
  const group = options.holdout === undefined ? sql`` : sql`and m.holdout = ${options.holdout ? 1 : 0}`
  const { rows } = await sql<{
    customer_id: number
    code: string | null
    name: string
    phone: string | null
    email: string | null
    line_id: string | null
    holdout: number
    consent: number
    visits: number
    revenue: number
  }>`select m.customer_id, c.code, c.name, c.phone, c.email, c.line_id, m.holdout,
      coalesce((select k.granted from consents k where k.customer_id = c.id and k.purpose = 'marketing'
        order by k.recorded_at desc, k.id desc limit 1), 0) as consent,
      (select count(distinct substr(r.occurred_at, 1, 10)) from receipts r where r.customer_id = c.id
        and r.kind = 'sale' and r.occurred_at >= ${campaign.window_start}
        and r.occurred_at < ${`${campaign.window_end}T99`}) as visits,
      coalesce((select sum(r.net_satang) from receipts r where r.customer_id = c.id
        and r.occurred_at >= ${campaign.window_start} and r.occurred_at < ${`${campaign.window_end}T99`}), 0) as revenue
    from campaign_members m join customers c on c.id = m.customer_id
    where m.campaign_id = ${id} ${group}
    order by m.holdout, c.name, c.id`.execute(db)
  return rows.map((r) => ({
    customerId: r.customer_id,
    code: r.code,
    name: r.name,
    phone: r.phone,
    email: r.email,
    lineId: r.line_id,
    holdout: r.holdout === 1,
    marketingConsent: r.consent === 1,
    visits: r.visits,
    revenueSatang: r.revenue,
  }))
}

export async function campaignResults(db: Kysely<Database>, id: number): Promise<CampaignResults> {
  const campaign = await campaignRow(db, id)
  const members = await campaignMembers(db, id)
  const contactedMembers = members.filter((m) => !m.holdout)
  const holdoutMembers = members.filter((m) => m.holdout)
  const contacted = groupFigures(contactedMembers)
  const holdout = groupFigures(holdoutMembers)
  const response = proportionLift(
    contacted.responders,
    contacted.members,
    holdout.responders,
    holdout.members,
  )
  const revenue = meanLift(
    contactedMembers.map((m) => m.revenueSatang),
    holdoutMembers.map((m) => m.revenueSatang),
  )
  const asOf = await salesAsOf(db)
  return {
    campaignId: id,
    windowStart: campaign.window_start,
    windowEnd: campaign.window_end,
    asOf,
    windowOver: campaignStatus(campaign.window_start, campaign.window_end, asOf) === 'closed',
    contacted,
    holdout,
    lift: response.lift,
    ci95: response.ci95,
    relativeLift:
      holdout.responseRate > 0 && holdout.members > 0
        ? contacted.responseRate / holdout.responseRate - 1
        : null,
    verdict: response.verdict,
    revenueLiftSatang: revenue.lift,
    revenueCi95: revenue.ci95,
    revenueVerdict: revenue.verdict,
  }
}

import { sql, type Kysely } from 'kysely'
import type { CampaignTarget } from '../../shared/api/campaigns'
import { basketTargetList } from '../baskets/targets'
import { filteredIds } from '../customers/list'
import { marketingConsentFilter } from '../customers/consent'
import type { Database } from '../db/schema'
import { LukkhaError } from '../errors'
import { getSavedFilter } from './saved-filters'

// Who a campaign targets: a segment of the latest analysis, a saved filter of the customer list, or the basket
// target list "bought A, never B". Erased customers are never targeted.

export interface ResolvedTarget {
  /** What to show for the target: the segment key, the saved filter's name, or "A / B" product names. */
  label: string
  /** The target as stored with the campaign (a saved filter is stored with its filter as it was). */
  definition: unknown
  customerIds: number[]
}

export async function resolveTarget(db: Kysely<Database>, target: CampaignTarget): Promise<ResolvedTarget> {
  if (target.kind === 'segment') {
    const run = await db
      .selectFrom('analysis_runs')
      .select('id')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst()
    if (!run) throw new LukkhaError('no_sales', 'There is no customer analysis yet: run the analysis first.')
    const rows = await db
      .selectFrom('analysis_scores as s')
      .innerJoin('customers as c', 'c.id', 's.customer_id')
      .select('s.customer_id')
      .where('s.run_id', '=', run.id)
      .where('s.segment', '=', target.segment)
      .where('c.erased_at', 'is', null)
      .execute()
    if (rows.length === 0)
      throw new LukkhaError(
        'not_found',
        `The segment "${target.segment}" has no customers in the latest analysis.`,
      )
    return { label: target.segment, definition: target, customerIds: rows.map((r) => r.customer_id) }
  }
  if (target.kind === 'saved_filter') {
    const saved = await getSavedFilter(db, target.filterId)
    return {
      label: saved.name,
      definition: { ...target, name: saved.name, filter: saved.filter },
      customerIds: await filteredIds(db, saved.filter),
    }
  }
  const list = await basketTargetList(db, target.boughtProductId, target.neverProductId)
  return {
    label: `${list.bought.name} / ${list.never.name}`,
    definition: target,
    customerIds: list.customers.map((c) => c.customerId),
  }
}

const CHUNK = 500

/** Of these customers: how many gave marketing consent, and how many of those have a LINE id. */
export async function consentCounts(
  db: Kysely<Database>,
  ids: readonly number[],
): Promise<{ withConsent: number; withLineId: number }> {
  let withConsent = 0
  let withLineId = 0
  for (let i = 0; i < ids.length; i += CHUNK) {
    const { rows } = await sql<{ consent: number; line: number }>`select
        count(*) as consent, count(nullif(c.line_id, '')) as line
      from customers c where c.id in (${sql.join(ids.slice(i, i + CHUNK))}) and ${marketingConsentFilter()}`.execute(
      db,
    )
    withConsent += rows[0]?.consent ?? 0
    withLineId += rows[0]?.line ?? 0
  }
  return { withConsent, withLineId }
}

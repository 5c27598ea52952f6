import type { Kysely } from 'kysely'
import type { Connection } from '../db'
import type { Database } from '../db/schema'
import { LukkhaError } from '../errors'
import type { SegmentMigration, SegmentRules } from '../../shared/api/analysis'
import { findRun, runRules } from './queries'
import { computeRfm } from './rfm'
import { loadSegmentRules } from './segment-rules'

// How many customers moved from each segment to each other between two points in time: either two stored
// runs (each with the map it was computed with), or two dates computed now with the current map.

export type MigrationRequest =
  { fromRunId: number; toRunId: number } | { fromDate: string; toDate: string; windowDays?: number | null }

function countFlows(
  from: Map<number, string>,
  to: Map<number, string>,
  order: string[],
): Pick<SegmentMigration, 'flows' | 'stayed' | 'moved' | 'entered' | 'left' | 'segments'> {
  const counts = new Map<string, { from: string | null; to: string | null; customers: number }>()
  const bump = (a: string | null, b: string | null): void => {
    const key = `${a ?? ''}>${b ?? ''}`
    const entry = counts.get(key) ?? { from: a, to: b, customers: 0 }
    entry.customers++
    counts.set(key, entry)
  }
  let stayed = 0
  let moved = 0
  let entered = 0
  let left = 0
  for (const [customer, a] of from) {
    const b = to.get(customer) ?? null
    bump(a, b)
    if (b === null) left++
    else if (a === b) stayed++
    else moved++
  }
  for (const [customer, b] of to) {
    if (from.has(customer)) continue
    bump(null, b)
    entered++
  }
  const segments = [...order]
  for (const id of [...from.values(), ...to.values()]) if (!segments.includes(id)) segments.push(id)
  const rank = (id: string | null): number => (id === null ? -1 : segments.indexOf(id))
  const flows = [...counts.values()].sort((p, q) => rank(p.from) - rank(q.from) || rank(p.to) - rank(q.to))
  return { flows, stayed, moved, entered, left, segments }
}

async function runSegments(
  db: Kysely<Database>,
  runId: number,
): Promise<{ asOf: string; rules: SegmentRules; segments: Map<number, string> }> {
  const run = await findRun(db, runId)
  if (!run) throw new LukkhaError('not_found', `There is no analysis run ${runId}.`)
  const rows = await db
    .selectFrom('analysis_scores')
    .where('run_id', '=', run.id)
    .select(['customer_id', 'segment'])
    .execute()
  return {
    asOf: run.as_of,
    rules: runRules(run),
    segments: new Map(rows.map((r) => [r.customer_id, r.segment])),
  }
}

export async function segmentMigration(
  connection: Connection,
  request: MigrationRequest,
): Promise<SegmentMigration> {
  if ('fromRunId' in request) {
    const a = await runSegments(connection.db, request.fromRunId)
    const b = await runSegments(connection.db, request.toRunId)
    return {
      from: { runId: request.fromRunId, asOf: a.asOf },
      to: { runId: request.toRunId, asOf: b.asOf },
      ...countFlows(
        a.segments,
        b.segments,
        b.rules.segments.map((s) => s.id),
      ),
    }
  }
  const { rules } = await loadSegmentRules(connection.db)
  const window = request.windowDays ?? null
  const at = (asOf: string): Map<number, string> => {
    const scores = computeRfm(connection.sqlite, { asOf, windowDays: window }, rules)
    return new Map(scores.map((s) => [s.customerId, rules.segments[s.segmentIndex]?.id ?? '']))
  }
  const { a, b } = connection.sqlite.transaction(() => ({ a: at(request.fromDate), b: at(request.toDate) }))()
  return {
    from: { runId: null, asOf: request.fromDate },
    to: { runId: null, asOf: request.toDate },
    ...countFlows(
      a,
      b,
      rules.segments.map((s) => s.id),
    ),
  }
}

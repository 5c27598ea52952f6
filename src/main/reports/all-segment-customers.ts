import type { Kysely } from 'kysely'
import type { CustomerScore } from '../../shared/api/analysis'
import { segmentCustomers } from '../analysis/queries'
import type { Database } from '../db/schema'

const PAGE = 500

/** Every customer of a segment (a report prints the whole list, not the first page), highest spend first. */
export async function allSegmentCustomers(
  db: Kysely<Database>,
  segment: string,
  runId?: number,
): Promise<CustomerScore[]> {
  const rows: CustomerScore[] = []
  for (let page = 1; ; page++) {
    const result = await segmentCustomers(db, { segment, runId, page, pageSize: PAGE })
    rows.push(...result.rows)
    if (rows.length >= result.total || result.rows.length === 0) return rows
  }
}

import type { Kysely } from 'kysely'
import type { Database, MergeReason, MergeSuggestionStatus } from '../db/schema'

// The merge suggestions an import leaves (two customers that share a phone, e-mail, code or name and were not
// merged silently), with both customers, for the import page and `cli imports --suggestions`.

export interface CustomerBrief {
  id: number
  name: string
  phone: string | null
  email: string | null
}

export interface MergeSuggestion {
  id: number
  reason: MergeReason
  /** The shared phone, e-mail, code or name. */
  value: string
  status: MergeSuggestionStatus
  importId: number | null
  customer: CustomerBrief
  other: CustomerBrief
}

export async function listMergeSuggestions(
  db: Kysely<Database>,
  filter: { importId?: number; status?: MergeSuggestionStatus } = {},
): Promise<MergeSuggestion[]> {
  let query = db
    .selectFrom('merge_suggestions as m')
    .innerJoin('customers as a', 'a.id', 'm.customer_id')
    .innerJoin('customers as b', 'b.id', 'm.other_customer_id')
    .select([
      'm.id',
      'm.reason',
      'm.value',
      'm.status',
      'm.import_id',
      'a.id as a_id',
      'a.name as a_name',
      'a.phone as a_phone',
      'a.email as a_email',
      'b.id as b_id',
      'b.name as b_name',
      'b.phone as b_phone',
      'b.email as b_email',
    ])
    .orderBy('m.id')
  if (filter.importId !== undefined) query = query.where('m.import_id', '=', filter.importId)
  if (filter.status !== undefined) query = query.where('m.status', '=', filter.status)
  const rows = await query.execute()
  return rows.map((r) => ({
    id: r.id,
    reason: r.reason,
    value: r.value,
    status: r.status,
    importId: r.import_id,
    customer: { id: r.a_id, name: r.a_name, phone: r.a_phone, email: r.a_email },
    other: { id: r.b_id, name: r.b_name, phone: r.b_phone, email: r.b_email },
  }))
}

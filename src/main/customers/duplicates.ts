import { sql, type Kysely } from 'kysely'
import type { z } from 'zod'
import type { duplicateSchema } from '../../shared/api/customers'
import type { Database, MergeReason } from '../db/schema'
import { matchKey } from './names'

// Customers who are probably the same person: the import's open merge suggestions, then customers sharing a
// phone or an e-mail, then customers whose names agree after normalising (titles, spaces, tone marks).

type Duplicate = z.infer<typeof duplicateSchema>
type Brief = Duplicate['a']

export async function findDuplicates(db: Kysely<Database>, limit = 200): Promise<Duplicate[]> {
  const customers = await db
    .selectFrom('customers')
    .select(['id', 'code', 'name', 'phone', 'email'])
    .where('erased_at', 'is', null)
    .orderBy('id')
    .execute()
  const byId = new Map<number, Brief>(customers.map((c) => [c.id, c]))
  const out: Duplicate[] = []
  const seen = new Set<string>()
  const add = (
    x: number,
    y: number,
    reason: MergeReason,
    value: string,
    suggestionId: number | null,
  ): void => {
    const [lo, hi] = x < y ? [x, y] : [y, x]
    const key = `${lo}:${hi}`
    const a = byId.get(lo)
    const b = byId.get(hi)
    if (lo === hi || seen.has(key) || !a || !b || out.length >= limit) return
    seen.add(key)
    out.push({ a, b, reason, value, suggestionId })
  }

  const suggestions = await db
    .selectFrom('merge_suggestions')
    .select(['id', 'customer_id', 'other_customer_id', 'reason', 'value'])
    .where('status', '=', 'open')
    .orderBy('id')
    .execute()
  for (const s of suggestions) add(s.customer_id, s.other_customer_id, s.reason, s.value, s.id)

  for (const column of ['phone', 'email'] as const) {
    const { rows } = await sql<{
      value: string
      ids: string
    }>`select ${sql.ref(column)} as value, group_concat(id) as ids
      from customers where ${sql.ref(column)} is not null and erased_at is null
      group by ${sql.ref(column)} having count(*) > 1`.execute(db)
    for (const r of rows) {
      const ids = r.ids
        .split(',')
        .map(Number)
        .sort((x, y) => x - y)
      for (const other of ids.slice(1)) add(ids[0] ?? 0, other, column, r.value, null)
    }
  }

  const byName = new Map<string, number[]>()
  for (const c of customers) {
    const key = matchKey(c.name)
    if (Array.from(key).length < 3) continue
    const list = byName.get(key)
    if (list) list.push(c.id)
    else byName.set(key, [c.id])
  }
  for (const ids of byName.values()) {
    if (ids.length < 2 || ids.length > 20) continue // a very common name is not evidence
    for (const other of ids.slice(1)) add(ids[0] ?? 0, other, 'name', byId.get(ids[0] ?? 0)?.name ?? '', null)
  }
  return out
}

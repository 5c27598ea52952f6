import { sql, type Kysely, type RawBuilder } from 'kysely'
import type { Database } from '../db/schema'

// The tables whose rows belong to a customer, for the merge (moves them, and back on undo) and the erasure
// (clears them): every table with a foreign key to customers, found from SQLite's own list so tables later
// domains add are covered without editing this file, plus the tables that refer to customers without one.

export interface Reference {
  table: string
  column: string
  /** The table's INTEGER PRIMARY KEY is its rowid: restore through that column, not rowid. */
  rowidAlias: boolean
}

/**
 * Tables that name a customer without a foreign key, each with the condition that finds one customer's rows
 * through its primary key. analysis_scores (migration 2026_12_01_600000): 100,000 rows a run, no index by
 * customer; a trigger on customers deletes a deleted customer's scores, one seek per stored run.
 */
const UNKEYED: Record<string, RawBuilder<unknown>> = {
  analysis_scores: sql`run_id in (select id from analysis_runs) and `,
}

/** The condition for the rows of `table` whose `column` names customer `id` (with its index, where unkeyed). */
export function ofCustomer(table: string, column: string, id: number): RawBuilder<unknown> {
  return sql`${UNKEYED[table] ?? sql``}${sql.ref(column)} = ${id}`
}

/** Every table and column that refers to customers, ordered by table and column. */
export async function customerReferences(db: Kysely<Database>): Promise<Reference[]> {
  const { rows } = await sql<{ tbl: string; col: string }>`select m.name as tbl, f."from" as col
    from sqlite_master m, pragma_foreign_key_list(m.name) f
    where m.type = 'table' and f."table" = 'customers'`.execute(db)
  const unkeyed = Object.keys(UNKEYED).filter((tbl) => !rows.some((r) => r.tbl === tbl))
  const found = [...rows, ...unkeyed.map((tbl) => ({ tbl, col: 'customer_id' }))]
  found.sort((a, b) => (a.tbl === b.tbl ? cmp(a.col, b.col) : cmp(a.tbl, b.tbl)))
  const out: Reference[] = []
  for (const r of found) {
    const { rows: pk } = await sql<{
      type: string
    }>`select type from pragma_table_info(${r.tbl}) where pk > 0`.execute(db)
    out.push({
      table: r.tbl,
      column: r.col,
      rowidAlias: pk.length === 1 && pk[0]?.type.toUpperCase() === 'INTEGER',
    })
  }
  return out
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

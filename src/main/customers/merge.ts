import { sql, type Kysely } from 'kysely'
import type { Database } from '../db/schema'
import { LukkhaError } from '../errors'
import { writeTransaction } from '../db/write-transaction'
import { backupBefore } from './backup'
import { customerReferences, ofCustomer } from './references'
import { staleTotals } from './totals'

// Merging two customers and undoing it exactly. Every table that references customers (references.ts: found
// from SQLite's foreign keys, so tables other domains add later are covered: receipts, interactions, tasks,
// survey responses, consents, tags, aliases; and the analysis scores, which have no foreign key) has its rows
// moved to the kept customer; rows that cannot move (the kept customer already has that tag, a score in that
// run) go with the merged customer. The snapshot holds the merged customer, the kept customer as it was, every
// row that referenced the merged one (with its rowid) and the aliases the merge created, so undo puts each row
// back as it was. What was deleted after the merge stays deleted: a moved row that is gone since (a receipt of
// an import undone later) is not brought back, nor a row whose other parent is gone (a score of an analysis
// run pruned since).

type Row = Record<string, unknown>

interface Snapshot {
  kept: Row
  merged: Row
  references: {
    table: string
    column: string
    rowidAlias: boolean
    rows: Row[]
    /**
     * Rowids of the rows that could not move and went with the merged customer (undo puts them back); every
     * other row was moved. Absent in merges recorded before it was kept.
     */
    dropped?: number[]
  }[]
  createdAliases: number[]
}

async function customerRow(db: Kysely<Database>, id: number): Promise<Row> {
  const { rows } = await sql<Row>`select * from customers where id = ${id}`.execute(db)
  const row = rows[0]
  if (!row || row.erased_at !== null) throw new LukkhaError('not_found', `Customer ${id} does not exist.`)
  return row
}

const cols = (row: Row, skip: string[] = []): string[] => Object.keys(row).filter((k) => !skip.includes(k))

/** Every parent row that `row` of `table` refers to through a foreign key exists (a null reference holds). */
async function parentsExist(db: Kysely<Database>, table: string, row: Row): Promise<boolean> {
  const { rows: keys } = await sql<{
    id: number
    parent: string
    child: string
    key: string | null
  }>`select id, "table" as parent, "from" as child, "to" as key from pragma_foreign_key_list(${table}) order by id, seq`.execute(
    db,
  )
  const byKey = new Map<number, typeof keys>()
  for (const k of keys) byKey.set(k.id, [...(byKey.get(k.id) ?? []), k])
  for (const columns of byKey.values()) {
    if (columns.some((c) => row[c.child] === null || row[c.child] === undefined)) continue
    const parent = columns[0]?.parent as string
    const { rows } = await sql<{ n: number }>`select count(*) as n from ${sql.table(parent)} where ${sql.join(
      columns.map((c) => sql`${sql.ref(c.key ?? 'rowid')} = ${row[c.child]}`),
      sql` and `,
    )}`.execute(db)
    if ((rows[0]?.n ?? 0) === 0) return false
  }
  return true
}

/**
 * Where a snapshot row goes back to: its table, the column that referred to the merged customer, and the rows
 * that went with the merged customer (null for a merge recorded before they were kept).
 */
interface Target {
  table: string
  column: string
  rowidAlias: boolean
  keptId: number
  mergedId: number
  dropped: Set<number> | null
}

/**
 * Puts one snapshot row back. A row the merge moved is pointed at the merged customer again, if it is still
 * the kept customer's row at that rowid (else something deleted it since, and it stays deleted). A row that
 * went with the merged customer (`dropped`) is inserted again when everything it refers to still exists, with
 * its old rowid unless another row has taken it since. A merge recorded before `dropped` was kept restores
 * its rows whole, as it did then.
 */
async function restoreRow(db: Kysely<Database>, to: Target, row: Row): Promise<void> {
  const { dropped } = to
  const rowid = row.__rowid as number
  const table = sql.table(to.table)
  const column = sql.ref(to.column)
  const columns = cols(row, ['__rowid'])
  if (dropped !== null && !dropped.has(rowid)) {
    await sql`update ${table} set ${column} = ${to.mergedId} where rowid = ${rowid} and ${column} = ${to.keptId}`.execute(
      db,
    )
    return
  }
  const { rows } = await sql<{
    ref: unknown
  }>`select ${column} as ref from ${table} where rowid = ${rowid}`.execute(db)
  const at = rows[0]
  // the same row made again (the merged customer's totals row, which a trigger adds when it comes back) or,
  // in an older snapshot, any row there: overwritten with the snapshot's
  if (at !== undefined && (dropped === null || at.ref === to.mergedId)) {
    await sql`update ${table} set ${sql.join(columns.map((c) => sql`${sql.ref(c)} = ${row[c]}`))} where rowid = ${rowid}`.execute(
      db,
    )
    return
  }
  if (!(await parentsExist(db, to.table, row))) return // what it belonged to is deleted since
  // its rowid, unless another row has taken it since (then a new one)
  let names = columns
  if (at !== undefined && to.rowidAlias) {
    const { rows: key } = await sql<{
      name: string
    }>`select name from pragma_table_info(${to.table}) where pk > 0`.execute(db)
    names = columns.filter((c) => c !== key[0]?.name)
  }
  const all = at === undefined && !to.rowidAlias ? ['rowid', ...names] : names
  const values = all.map((c) => (c === 'rowid' ? rowid : row[c]))
  await sql`insert into ${table} (${sql.join(all.map((c) => sql.ref(c)))}) values (${sql.join(values)})`.execute(
    db,
  )
}

/** Merges `otherId` into `keepId` after taking a backup; returns the merge record's id (for undo). */
export async function mergeCustomers(
  db: Kysely<Database>,
  keepId: number,
  otherId: number,
  now: string,
): Promise<number> {
  if (keepId === otherId) throw new LukkhaError('bad_input', 'A customer cannot be merged with themselves.')
  // both must exist before a backup is worth taking; the transaction checks again
  await customerRow(db, keepId)
  await customerRow(db, otherId)
  await backupBefore(db, 'before-merge', now)
  return writeTransaction(db, async (trx) => {
    const kept = await customerRow(trx, keepId)
    const merged = await customerRow(trx, otherId)
    const refs = await customerReferences(trx)
    const snapshot: Snapshot = { kept, merged, references: [], createdAliases: [] }
    for (const ref of refs) {
      const { rows } =
        await sql<Row>`select rowid as __rowid, * from ${sql.table(ref.table)} where ${ofCustomer(ref.table, ref.column, otherId)} order by rowid`.execute(
          trx,
        )
      if (rows.length > 0) snapshot.references.push({ ...ref, rows })
    }
    for (const ref of refs) {
      await sql`update or ignore ${sql.table(ref.table)} set ${sql.ref(ref.column)} = ${keepId} where ${ofCustomer(ref.table, ref.column, otherId)}`.execute(
        trx,
      )
    }
    // the rows that could not move (the kept customer has that tag, a score in that run) go with the merged one
    for (const ref of snapshot.references) {
      const { rows } = await sql<{
        id: number
      }>`select rowid as id from ${sql.table(ref.table)} where ${ofCustomer(ref.table, ref.column, otherId)} order by rowid`.execute(
        trx,
      )
      ref.dropped = rows.map((r) => r.id)
    }
    await trx
      .updateTable('customers')
      .set({ referred_by: null })
      .where('id', '=', keepId)
      .where('referred_by', '=', keepId)
      .execute()
    await trx.deleteFrom('customers').where('id', '=', otherId).execute()

    const pick = (k: string): unknown => ((kept[k] ?? null) === null ? (merged[k] ?? null) : kept[k])
    const earliest =
      [kept.first_seen, merged.first_seen].filter((v): v is string => typeof v === 'string').sort()[0] ?? null
    const latest =
      [kept.last_seen, merged.last_seen]
        .filter((v): v is string => typeof v === 'string')
        .sort()
        .at(-1) ?? null
    const notes = [kept.notes, merged.notes].filter((n) => typeof n === 'string' && n !== '').join('\n')
    await trx
      .updateTable('customers')
      .set({
        code: pick('code') as string | null,
        name: (kept.name as string) === '' ? (merged.name as string) : (kept.name as string),
        phone: pick('phone') as string | null,
        email: pick('email') as string | null,
        line_id: pick('line_id') as string | null,
        birthday: pick('birthday') as string | null,
        acquisition_source: pick('acquisition_source') as string | null,
        first_seen: earliest,
        last_seen: latest,
        notes,
        updated_at: now,
      })
      .where('id', '=', keepId)
      .execute()
    for (const kind of ['phone', 'email'] as const) {
      const value = merged[kind]
      if (typeof value !== 'string' || value === kept[kind] || (kept[kind] ?? null) === null) continue
      const r = await trx
        .insertInto('customer_aliases')
        .values({ customer_id: keepId, kind, source: 'merge', value })
        .onConflict((oc) => oc.doNothing())
        .returning('id')
        .executeTakeFirst()
      if (r) snapshot.createdAliases.push(r.id)
    }
    await staleTotals(trx)
    const record = await trx
      .insertInto('customer_merges')
      .values({ kept_id: keepId, merged_id: otherId, snapshot: JSON.stringify(snapshot), merged_at: now })
      .returning('id')
      .executeTakeFirstOrThrow()
    return record.id
  })
}

/** Puts both customers and every moved row back exactly as they were before the merge. */
export async function undoMerge(db: Kysely<Database>, mergeId: number, now: string): Promise<number> {
  return writeTransaction(db, async (trx) => {
    const record = await trx
      .selectFrom('customer_merges')
      .selectAll()
      .where('id', '=', mergeId)
      .executeTakeFirst()
    if (!record) throw new LukkhaError('not_found', `Merge ${mergeId} does not exist.`)
    if (record.undone_at !== null) throw new LukkhaError('conflict', `Merge ${mergeId} was already undone.`)
    const snapshot = JSON.parse(record.snapshot) as Snapshot
    await customerRow(trx, record.kept_id)
    const taken = await trx
      .selectFrom('customers')
      .select('id')
      .where('id', '=', record.merged_id)
      .executeTakeFirst()
    if (taken)
      throw new LukkhaError(
        'conflict',
        `Customer ${record.merged_id} exists again; the merge cannot be undone.`,
      )

    if (snapshot.createdAliases.length > 0)
      await trx.deleteFrom('customer_aliases').where('id', 'in', snapshot.createdAliases).execute()
    const keptColumns = cols(snapshot.kept, ['id'])
    // the kept customer first: it may hold the merged customer's code, which is unique
    await sql`update customers set ${sql.join(keptColumns.map((c) => sql`${sql.ref(c)} = ${snapshot.kept[c]}`))} where id = ${record.kept_id}`.execute(
      trx,
    )
    const mergedColumns = cols(snapshot.merged)
    await sql`insert into customers (${sql.join(mergedColumns.map((c) => sql.ref(c)))}) values (${sql.join(mergedColumns.map((c) => snapshot.merged[c]))})`.execute(
      trx,
    )
    for (const ref of snapshot.references) {
      const to: Target = {
        ...ref,
        keptId: record.kept_id,
        mergedId: record.merged_id,
        dropped: ref.dropped ? new Set(ref.dropped) : null,
      }
      for (const row of ref.rows) await restoreRow(trx, to, row)
    }
    await staleTotals(trx)
    await trx.updateTable('customer_merges').set({ undone_at: now }).where('id', '=', mergeId).execute()
    return record.merged_id
  })
}

const nameOf = (row: Row): string => (typeof row.name === 'string' ? row.name : '')

export async function listMerges(db: Kysely<Database>) {
  const rows = await db
    .selectFrom('customer_merges')
    .select(['id', 'kept_id', 'merged_id', 'snapshot', 'merged_at', 'undone_at'])
    .orderBy('id', 'desc')
    .limit(200)
    .execute()
  return rows.map((r) => ({
    id: r.id,
    keptId: r.kept_id,
    mergedId: r.merged_id,
    mergedName: nameOf((JSON.parse(r.snapshot) as Snapshot).merged),
    mergedAt: r.merged_at,
    undoneAt: r.undone_at,
  }))
}

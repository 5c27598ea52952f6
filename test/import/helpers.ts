import { isAbsolute, join } from 'node:path'
import type { Kysely } from 'kysely'
import type { Database, Sqlite } from '../../src/main/db'
import { undoImport } from '../../src/main/import/history'
import { runImport, type RunHooks } from '../../src/main/import/run'
import type { ImportOptions, ImportSummary } from '../../src/main/import/types'
import { projectRoot } from '../helpers/node'

export const fixture = (name: string): string =>
  isAbsolute(name) ? name : join(projectRoot, 'test/fixtures/import', name)

export const fixedNow = (): Date => new Date(2026, 10, 25, 9, 30, 0)

/** runImport at the tests' fixed clock (the engine takes its clock from the caller). */
export function importFile(
  sqlite: Sqlite,
  path: string,
  options: ImportOptions = {},
  hooks: Partial<RunHooks> = {},
): Promise<ImportSummary> {
  return runImport(sqlite, path, options, { now: fixedNow, ...hooks })
}

export function importFixture(
  sqlite: Sqlite,
  name: string,
  options: ImportOptions = {},
): Promise<ImportSummary> {
  return runImport(sqlite, fixture(name), options, { now: fixedNow })
}

/** Undoes every finished import, newest first, running `check` after each undo. */
export async function undoEveryImport(
  db: Kysely<Database>,
  sqlite: Sqlite,
  check: () => Promise<void>,
): Promise<void> {
  const ids = sqlite
    .prepare("select id from imports where status = 'done' order by id desc")
    .pluck()
    .all() as number[]
  for (const id of ids) {
    await undoImport(db, id, fixedNow)
    await check()
  }
}

export interface Totals {
  customers: number
  receipts: number
  lines: number
  products: number
  stores: number
  aliases: number
  /** sum of the lines' net, satang */
  net: number
  /** sum of the receipts' net: must equal the lines' */
  receiptNet: number
}

export function totals(sqlite: Sqlite): Totals {
  const n = (sql: string): number => Number(sqlite.prepare(sql).pluck().get() ?? 0)
  return {
    customers: n('select count(*) from customers'),
    receipts: n('select count(*) from receipts'),
    lines: n('select count(*) from receipt_lines'),
    products: n('select count(*) from products'),
    stores: n('select count(*) from stores'),
    aliases: n('select count(*) from customer_aliases'),
    net: n('select coalesce(sum(net_satang), 0) from receipt_lines'),
    receiptNet: n('select coalesce(sum(net_satang), 0) from receipts'),
  }
}

/** Every stored row of the tables an import writes, to compare a database before and after. */
export function snapshot(sqlite: Sqlite): Record<string, unknown[]> {
  const tables = [
    'customers',
    'customer_aliases',
    'products',
    'stores',
    'receipts',
    'receipt_lines',
    'merge_suggestions',
  ]
  return Object.fromEntries(tables.map((t) => [t, sqlite.prepare(`select * from ${t} order by 1`).all()]))
}

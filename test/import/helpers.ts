import { isAbsolute, join } from 'node:path'
import type { Sqlite } from '../../src/main/db'
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

import BetterSqlite3 from 'better-sqlite3'
import type { TableColumn } from '../export'

// "Export what can be read" from a damaged database: the customer book (with contacts) and the sales, read
// in small rowid ranges so a damaged page loses only the rows on it; a range that fails is read row by row,
// and rows that cannot be read are counted, not guessed. Reads the file read-only, whatever state it is in.

export const salvageTables = ['customers', 'receipts'] as const
export type SalvageTable = (typeof salvageTables)[number]

type Row = Record<string, string | number | null>

const RANGE = 256

const queries: Record<SalvageTable, string> = {
  customers: `select id, code, name, phone, line_id, email, birthday, notes from customers
    where rowid between ? and ? and erased_at is null order by rowid`,
  receipts: `select r.receipt_number, r.occurred_at, r.customer_id, r.net_satang, r.kind from receipts r
    where r.rowid between ? and ? order by r.rowid`,
}

const text = (id: string): TableColumn<Row> => ({ id, header: id, value: (r) => r[id] })

export const salvageColumns: Record<SalvageTable, TableColumn<Row>[]> = {
  customers: ['id', 'code', 'name', 'phone', 'line_id', 'email', 'birthday', 'notes'].map((id) =>
    id === 'id' ? { ...text(id), kind: 'integer' as const } : text(id),
  ),
  receipts: [
    text('receipt_number'),
    text('occurred_at'),
    { ...text('customer_id'), kind: 'integer' },
    { ...text('net_satang'), id: 'net_satang', kind: 'money' },
    text('kind'),
  ],
}

export interface Salvaged {
  rows: Row[]
  /** Rows (or, when even the table's size cannot be read, ranges) that could not be read. */
  unreadable: number
}

function highestRowid(sqlite: BetterSqlite3.Database, table: SalvageTable): number {
  for (const query of [
    `select max(rowid) from ${table}`,
    `select seq from sqlite_sequence where name = '${table}'`,
  ]) {
    try {
      const value = sqlite.prepare(query).pluck().get()
      if (typeof value === 'number') return value
    } catch {
      // that page is damaged too; try the next way
    }
  }
  return 0
}

/** Reads what can be read of one table of a (possibly damaged) database file. */
export function salvageTable(dbFile: string, table: SalvageTable): Salvaged {
  const sqlite = new BetterSqlite3(dbFile, { readonly: true, fileMustExist: true })
  try {
    const select = sqlite.prepare(queries[table])
    const rows: Row[] = []
    let unreadable = 0
    const top = highestRowid(sqlite, table)
    for (let from = 1; from <= top; from += RANGE) {
      try {
        rows.push(...(select.all(from, from + RANGE - 1) as Row[]))
      } catch {
        for (let id = from; id < from + RANGE && id <= top; id++) {
          try {
            rows.push(...(select.all(id, id) as Row[]))
          } catch {
            unreadable++
          }
        }
      }
    }
    return { rows, unreadable }
  } finally {
    sqlite.close()
  }
}

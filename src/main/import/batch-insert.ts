import type { Statement } from 'better-sqlite3'
import type { Sqlite } from '../db'

// Inserts rows many at a time: one prepared multi-row INSERT with positional parameters runs per BATCH_ROWS
// rows, which costs a good deal less per row than one statement each on a million-line import. Columns whose
// value is the same for every row of the import (its id, its source) are named parameters bound once per
// statement instead of once per row.

const BATCH_ROWS = 256

export class BatchInserter {
  private params: unknown[] = []
  private rows = 0
  private readonly full: Statement
  private readonly one: Statement

  constructor(
    sqlite: Sqlite,
    table: string,
    /** The columns each row gives a value for, in order. */
    private readonly columns: readonly string[],
    /** Columns with one value for every row. */
    private readonly fixed: Record<string, string | number> = {},
    /** Runs before this inserter writes anything (the import defers some indexes until then). */
    private readonly beforeWrite: () => void = () => undefined,
  ) {
    const names = Object.keys(fixed)
    const row = `(${[...columns.map(() => '?'), ...names.map((n) => `@${n}`)].join(', ')})`
    const head = `insert into ${table} (${[...columns, ...names].join(', ')}) values `
    this.full = sqlite.prepare(head + Array.from({ length: BATCH_ROWS }, () => row).join(', '))
    this.one = sqlite.prepare(head + row)
  }

  /** Queues one row; its values in the order of the columns. */
  add(...values: unknown[]): void {
    for (const v of values) this.params.push(v)
    if (++this.rows === BATCH_ROWS) {
      this.beforeWrite()
      this.full.run(this.params, this.fixed)
      this.params = []
      this.rows = 0
    }
  }

  /** Writes the queued rows. */
  flush(): void {
    const width = this.columns.length
    if (this.rows > 0) this.beforeWrite()
    for (let i = 0; i < this.rows; i++)
      this.one.run(this.params.slice(i * width, (i + 1) * width), this.fixed)
    this.params = []
    this.rows = 0
  }
}

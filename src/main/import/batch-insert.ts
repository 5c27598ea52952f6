import type { Statement } from 'better-sqlite3'
import type { Sqlite } from '../db'
import type { PartClock } from './parts'

// Inserts rows many at a time: one prepared multi-row INSERT with positional parameters runs per BATCH_ROWS
// rows, which costs a good deal less per row than one statement each on a million-line import. Columns whose
// value is the same for every row of the import (its id; its source, unless the file names one per receipt)
// are named parameters bound once per statement instead of once per row.

const BATCH_ROWS = 256

export class BatchInserter {
  /** One full statement's values, filled in place and reused (not an array grown per batch). */
  private readonly params: unknown[]
  private at = 0
  private rows = 0
  /** Per position of add()'s values: whether that column is fixed (its value is not queued). */
  private readonly skip: boolean[]
  /** Values queued per row. */
  private readonly width: number
  private readonly full: Statement
  private readonly one: Statement

  constructor(
    sqlite: Sqlite,
    table: string,
    /** The columns add() takes values for, in order. */
    columns: readonly string[],
    /**
     * Columns with one value for every row: bound once per statement. One that is also in `columns` keeps
     * its place there, and the value add() gives for it is left out.
     */
    private readonly fixed: Record<string, string | number> = {},
    /** Runs before this inserter writes anything (the import defers some indexes until then). */
    private readonly beforeWrite: () => void = () => undefined,
    /** Counts the statements' time as 'write'. */
    private readonly clock?: PartClock,
  ) {
    this.skip = columns.map((c) => c in fixed)
    this.width = this.skip.filter((s) => !s).length
    this.params = new Array<unknown>(BATCH_ROWS * this.width).fill(null)
    const all = [...columns, ...Object.keys(fixed).filter((c) => !columns.includes(c))]
    const row = `(${all.map((c) => (c in fixed ? `@${c}` : '?')).join(', ')})`
    const head = `insert into ${table} (${all.join(', ')}) values `
    this.full = sqlite.prepare(head + Array.from({ length: BATCH_ROWS }, () => row).join(', '))
    this.one = sqlite.prepare(head + row)
  }

  /** Queues one row; its values in the order of the columns. */
  add(...values: unknown[]): void {
    const params = this.params
    let at = this.at
    for (let i = 0; i < values.length; i++) if (!this.skip[i]) params[at++] = values[i]
    this.at = at
    if (++this.rows === BATCH_ROWS) {
      this.beforeWrite()
      const start = performance.now()
      this.full.run(params, this.fixed)
      this.clock?.add('write', performance.now() - start)
      this.at = 0
      this.rows = 0
    }
  }

  /** Writes the queued rows. */
  flush(): void {
    const width = this.width
    if (this.rows > 0) this.beforeWrite()
    const start = performance.now()
    for (let i = 0; i < this.rows; i++)
      this.one.run(this.params.slice(i * width, (i + 1) * width), this.fixed)
    this.clock?.add('write', performance.now() - start)
    this.at = 0
    this.rows = 0
  }
}

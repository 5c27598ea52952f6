import type { Statement } from 'better-sqlite3'
import type { Sqlite } from '../db'
import type { PartClock } from './parts'

// Inserts rows many at a time: one prepared multi-row INSERT with positional parameters runs per BATCH_ROWS
// rows, which costs a good deal less per row than one statement each on a million-line import. Columns whose
// value is the same for every row of the import (its id; its source, unless the file names one per receipt)
// are named parameters bound once per statement instead of once per row.
//
// SQLite copies every page a multi-row INSERT changes to a statement journal first, so that a constraint
// failing halfway can undo just that statement (~650 MB of page copies to a temp file on the 1M-line bench
// file). An import never needs that: any failure rolls its whole transaction back. `orFail` writes
// `insert or fail` (a failure keeps the statement's earlier rows, which the rollback removes), and `numbered`
// leaves out an id column the caller numbers itself (an explicit id can fail its integer check, which keeps the
// journal): SQLite gives each row the same number, one past the largest (AUTOINCREMENT, in a transaction that
// holds the write lock), and every statement's last id is checked against the caller's.

const BATCH_ROWS = 256

export interface BatchInserterOptions {
  /**
   * Columns with one value for every row: bound once per statement. One that is also in `columns` keeps its
   * place there, and the value add() gives for it is left out.
   */
  fixed?: Record<string, string | number>
  /** Runs before this inserter writes anything (the import defers some indexes until then). */
  beforeWrite?: () => void
  /** Counts the statements' time as 'write'. */
  clock?: PartClock
  /** `insert or fail`: for a caller whose transaction is rolled back whole on any failure (no statement journal). */
  orFail?: boolean
  /**
   * A column of `columns` holding each row's AUTOINCREMENT id as the caller numbered it (one past the largest
   * ever, in order): left out of the INSERT and checked against the ids SQLite gives.
   */
  numbered?: string
}

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
  private readonly fixed: Record<string, string | number>
  private readonly beforeWrite: () => void
  private readonly clock: PartClock | undefined
  /** Position of the numbered column in add()'s values (-1: none), and the queued rows' ids. */
  private readonly numberedAt: number
  private readonly ids: number[] = []

  constructor(
    sqlite: Sqlite,
    private readonly table: string,
    /** The columns add() takes values for, in order. */
    columns: readonly string[],
    options: BatchInserterOptions = {},
  ) {
    const fixed = options.fixed ?? {}
    this.fixed = fixed
    this.beforeWrite = options.beforeWrite ?? (() => undefined)
    this.clock = options.clock
    this.numberedAt = options.numbered === undefined ? -1 : columns.indexOf(options.numbered)
    if (options.numbered !== undefined && this.numberedAt < 0)
      throw new Error(`${options.numbered} is not one of ${table}'s columns here`)
    this.skip = columns.map((c, i) => c in fixed || i === this.numberedAt)
    this.width = this.skip.filter((s) => !s).length
    this.params = new Array<unknown>(BATCH_ROWS * this.width).fill(null)
    const all = [
      ...columns.filter((_, i) => i !== this.numberedAt),
      ...Object.keys(fixed).filter((c) => !columns.includes(c)),
    ]
    const row = `(${all.map((c) => (c in fixed ? `@${c}` : '?')).join(', ')})`
    const head = `insert ${options.orFail ? 'or fail ' : ''}into ${table} (${all.join(', ')}) values `
    this.full = sqlite.prepare(head + Array.from({ length: BATCH_ROWS }, () => row).join(', '))
    this.one = sqlite.prepare(head + row)
  }

  /** With `numbered`: the id SQLite gave the last row of a statement must be the caller's. */
  private check(lastInsertRowid: number | bigint, id: number | undefined): void {
    if (this.numberedAt >= 0 && Number(lastInsertRowid) !== id)
      throw new Error(`${this.table}: SQLite numbered a row ${String(lastInsertRowid)}, not ${String(id)}`)
  }

  /** Queues one row; its values in the order of the columns. */
  add(...values: unknown[]): void {
    const params = this.params
    let at = this.at
    for (let i = 0; i < values.length; i++) if (!this.skip[i]) params[at++] = values[i]
    this.at = at
    if (this.numberedAt >= 0) this.ids[this.rows] = values[this.numberedAt] as number
    if (++this.rows === BATCH_ROWS) {
      this.beforeWrite()
      const start = performance.now()
      this.check(this.full.run(params, this.fixed).lastInsertRowid, this.ids[BATCH_ROWS - 1])
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
    for (let i = 0; i < this.rows; i++) {
      const info = this.one.run(this.params.slice(i * width, (i + 1) * width), this.fixed)
      this.check(info.lastInsertRowid, this.ids[i])
    }
    this.clock?.add('write', performance.now() - start)
    this.at = 0
    this.rows = 0
  }
}

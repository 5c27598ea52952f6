import { describe, expect, it } from 'vitest'
import type { Sqlite } from '../../src/main/db'
import { BatchInserter } from '../../src/main/import/batch-insert'
import { testContext } from '../helpers/db'

// The import's multi-row inserts (import/batch-insert.ts): an id column the caller numbers is left to SQLite's
// AUTOINCREMENT and checked statement by statement, and `insert or fail` keeps no statement journal, so a
// failure leaves the statement's earlier rows for the import's rollback to remove.

async function table(): Promise<Sqlite> {
  const { connection } = await testContext()
  const sqlite = connection.sqlite
  sqlite.exec(
    'create table t (id integer primary key autoincrement, v text not null unique, batch integer not null)',
  )
  return sqlite
}

const ids = (sqlite: Sqlite): number[] =>
  sqlite.prepare('select id from t order by id').pluck().all() as number[]

describe('BatchInserter', () => {
  it('leaves a numbered id to SQLite, which gives each row the number the caller gave it', async () => {
    const sqlite = await table()
    sqlite.exec("insert into t (v, batch) values ('a', 0), ('b', 0); delete from t where v = 'b'")
    // AUTOINCREMENT: one past the largest id ever (2, though only 1 is left)
    let next = 3
    sqlite.exec('begin immediate')
    const insert = new BatchInserter(sqlite, 't', ['id', 'v'], {
      fixed: { batch: 7 },
      orFail: true,
      numbered: 'id',
    })
    for (let i = 0; i < 600; i++) insert.add(next++, `v${i}`) // two full statements and 88 rows one by one
    insert.flush()
    sqlite.exec('commit')
    expect(ids(sqlite)).toEqual([1, ...Array.from({ length: 600 }, (_, i) => i + 3)])
    expect(sqlite.prepare('select v from t where id = 602').pluck().get()).toBe('v599')
    expect(sqlite.prepare('select count(*) from t where batch = 7').pluck().get()).toBe(600)
  })

  it('stops when SQLite numbers a row otherwise than the caller', async () => {
    const sqlite = await table()
    sqlite.exec('begin immediate')
    const insert = new BatchInserter(sqlite, 't', ['id', 'v'], {
      fixed: { batch: 1 },
      numbered: 'id',
    })
    // the caller starts at 2; SQLite gives 1
    expect(() => {
      for (let i = 0; i < 256; i++) insert.add(i + 2, `v${i}`)
    }).toThrow('t: SQLite numbered a row 256, not 257')
    const one = new BatchInserter(sqlite, 't', ['id', 'v'], { fixed: { batch: 1 }, numbered: 'id' })
    one.add(1, 'late')
    expect(() => one.flush()).toThrow('t: SQLite numbered a row 257, not 1')
    sqlite.exec('rollback')
    expect(ids(sqlite)).toEqual([])
  })

  it("with orFail keeps a failed statement's earlier rows until the transaction is rolled back", async () => {
    const sqlite = await table()
    sqlite.exec('begin immediate')
    const insert = new BatchInserter(sqlite, 't', ['v'], { fixed: { batch: 1 }, orFail: true })
    const add = (): void => {
      for (let i = 0; i < 256; i++) insert.add(i === 100 ? 'v0' : `v${i}`) // row 101 repeats row 1
    }
    expect(add).toThrow(/UNIQUE constraint failed: t\.v/)
    // `insert or fail`: the 100 rows before the failing one stay (no statement rollback, no statement journal)
    expect(ids(sqlite)).toHaveLength(100)
    sqlite.exec('rollback')
    expect(ids(sqlite)).toEqual([])

    // without it (the default), SQLite undoes the whole statement
    sqlite.exec('begin immediate')
    const plain = new BatchInserter(sqlite, 't', ['v'], { fixed: { batch: 1 } })
    expect(() => {
      for (let i = 0; i < 256; i++) plain.add(i === 100 ? 'v0' : `v${i}`)
    }).toThrow(/UNIQUE constraint failed/)
    expect(ids(sqlite)).toEqual([])
    sqlite.exec('rollback')
  })
})

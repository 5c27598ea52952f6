import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { migrateToLatest, openDatabase } from '../../src/main/db'
import { writeTransaction } from '../../src/main/db/write-transaction'
import { tempDir } from '../helpers/db'

describe('writeTransaction', () => {
  it('holds the write lock from BEGIN, so another connection cannot commit between its read and its write', async () => {
    const file = join(tempDir(), 'shop.db')
    const conn = openDatabase(file)
    await migrateToLatest(conn.db)
    const other = new BetterSqlite3(file)
    other.pragma('busy_timeout = 0')
    try {
      await writeTransaction(conn.db, async (trx) => {
        await trx.selectFrom('stores').selectAll().execute() // reads only, so far
        expect(() => other.prepare("insert into stores (name) values ('other')").run()).toThrow(
          /locked|busy/i,
        )
        await trx.insertInto('stores').values({ name: 'mine' }).execute()
      })
      expect(other.prepare('select name from stores').all()).toEqual([{ name: 'mine' }])
    } finally {
      other.close()
      await conn.close()
    }
  })

  it('rolls back everything when the work fails', async () => {
    const file = join(tempDir(), 'shop.db')
    const conn = openDatabase(file)
    await migrateToLatest(conn.db)
    await expect(
      writeTransaction(conn.db, async (trx) => {
        await trx.insertInto('stores').values({ name: 'half' }).execute()
        throw new Error('stop')
      }),
    ).rejects.toThrow('stop')
    expect(await conn.db.selectFrom('stores').selectAll().execute()).toEqual([])
    await conn.close()
  })
})

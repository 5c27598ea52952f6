import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { migrateToLatest, openDatabase, schemaVersion } from '../../src/main/db'
import { PAGE_SIZE } from '../../src/main/db/connection'
import { migrations } from '../../src/main/db/migrations'
import { tempDir } from '../helpers/db'
import { projectRoot } from '../helpers/node'

const latest = Object.keys(migrations).at(-1)

describe('migrations', () => {
  it('create the whole schema in an empty file', async () => {
    const file = join(tempDir(), 'new.db')
    const conn = openDatabase(file)
    expect(await schemaVersion(conn.db)).toBeNull()
    const results = await migrateToLatest(conn.db)
    expect(results.map((r) => [r.migrationName, r.status])).toEqual(
      Object.keys(migrations).map((name) => [name, 'Success']),
    )
    const tables = (await conn.db.introspection.getTables()).map((t) => t.name).sort()
    for (const table of [
      'stores',
      'customers',
      'customer_aliases',
      'customer_tags',
      'products',
      'receipts',
      'receipt_lines',
      'imports',
      'interactions',
      'tasks',
      'consents',
      'surveys',
      'survey_aspects',
      'survey_responses',
      'survey_answers',
      'settings',
    ]) {
      expect(tables).toContain(table)
    }
    expect(await schemaVersion(conn.db)).toBe(latest)
    // running again changes nothing
    expect(await migrateToLatest(conn.db)).toEqual([])
    await conn.close()
  })

  it('keeps the pragmas Lukkha needs after the file is reopened', async () => {
    const file = join(tempDir(), 'reopen.db')
    const first = openDatabase(file)
    await migrateToLatest(first.db)
    await first.close()

    const again = openDatabase(file)
    expect(again.sqlite.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(again.sqlite.pragma('synchronous', { simple: true })).toBe(2)
    expect(again.sqlite.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(again.sqlite.pragma('busy_timeout', { simple: true })).toBe(5000)
    // foreign keys are enforced, not just reported
    expect(() =>
      again.sqlite
        .prepare(
          'insert into receipt_lines (receipt_id, line_no, quantity, net_satang) values (999, 1, 1, 100)',
        )
        .run(),
    ).toThrow(/FOREIGN KEY/)
    await again.close()
  })

  it('makes a new file with 8 KB pages and leaves an existing file its own page size', async () => {
    const made = join(tempDir(), 'made.db')
    const conn = openDatabase(made)
    await migrateToLatest(conn.db)
    expect(conn.sqlite.pragma('page_size', { simple: true })).toBe(PAGE_SIZE)
    expect(PAGE_SIZE).toBe(8192)
    await conn.close()

    // a Lukkha file written with SQLite's default 4 KB pages (as every shop's before this size was chosen)
    const older = join(tempDir(), 'older.db')
    const plain = new BetterSqlite3(older)
    plain.pragma('page_size = 4096')
    plain.pragma('journal_mode = WAL')
    plain.close()
    const first = openDatabase(older)
    expect(first.sqlite.pragma('page_size', { simple: true })).toBe(4096)
    await migrateToLatest(first.db)
    first.sqlite.prepare("insert into stores (name) values ('Siam')").run()
    await first.close()
    const again = openDatabase(older)
    expect(again.sqlite.pragma('page_size', { simple: true })).toBe(4096)
    expect(again.sqlite.pragma('integrity_check', { simple: true })).toBe('ok')
    expect(again.sqlite.prepare('select name from stores').pluck().all()).toEqual(['Siam'])
    await again.close()
  })

  it('refuses a database written by a newer version and leaves it untouched', async () => {
    const file = join(tempDir(), 'newer.db')
    const conn = openDatabase(file)
    await migrateToLatest(conn.db)
    await sql`insert into kysely_migration (name, timestamp) values ('2099_01_01_000000_add_future_table', '2099-01-01T00:00:00.000Z')`.execute(
      conn.db,
    )
    await sql`create table future_table (id integer primary key)`.execute(conn.db)
    await conn.close()

    const reopened = openDatabase(file)
    await expect(migrateToLatest(reopened.db)).rejects.toMatchObject({
      code: 'too_new',
      message: expect.stringMatching(/newer version of Lukkha.*2099_01_01_000000_add_future_table/),
    })
    const names = (await reopened.db.introspection.getTables()).map((t) => t.name)
    expect(names).toContain('future_table')
    await reopened.close()
  })

  it('lists every migration under its own file name, in date order', () => {
    const names = Object.keys(migrations)
    expect(names).toEqual([...names].sort())
    for (const name of names) expect(name).toMatch(/^\d{4}_\d{2}_\d{2}_\d{6}_[a-z_]+$/)
    const files = readdirSync(join(projectRoot, 'src/main/db/migrations'))
      .filter((f) => f !== 'index.ts')
      .map((f) => f.replace(/\.ts$/, ''))
      .sort()
    expect(files).toEqual(names)
  })
})

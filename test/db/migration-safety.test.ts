import { existsSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { sql, type Kysely } from 'kysely'
import type { Migration } from 'kysely/migration'
import { describe, expect, it } from 'vitest'
import { migrateToLatest, openDatabase } from '../../src/main/db'
import {
  backupBeforeMigration,
  listMigrationBackups,
  migrationBackupPath,
  MIGRATION_BACKUPS_KEPT,
} from '../../src/main/db/backup'
import { LUKKHA_APPLICATION_ID } from '../../src/main/db/identity'
import { migrations } from '../../src/main/db/migrations'
import { tempDir } from '../helpers/db'

const names = Object.keys(migrations)

function tableNames(file: string): string[] {
  const raw = new BetterSqlite3(file, { readonly: true })
  try {
    const rows = raw.prepare("select name from sqlite_schema where type = 'table' order by name").all() as {
      name: string
    }[]
    return rows.map((r) => r.name)
  } finally {
    raw.close()
  }
}

function header(file: string): { applicationId: number; userVersion: number } {
  const raw = new BetterSqlite3(file, { readonly: true })
  try {
    return {
      applicationId: Number(raw.pragma('application_id', { simple: true })),
      userVersion: Number(raw.pragma('user_version', { simple: true })),
    }
  } finally {
    raw.close()
  }
}

const createTable = (table: string): Migration => ({
  up: async (db: Kysely<unknown>) => {
    await sql.raw(`create table ${table} (id integer primary key, note text)`).execute(db)
    await sql.raw(`insert into ${table} (note) values ('written by ${table}')`).execute(db)
  },
})

describe('migrations keep their promise', () => {
  it('a failing migration leaves nothing behind: no table, no row, no record, no version bump', async () => {
    const file = join(tempDir(), 'fail.db')
    const conn = openDatabase(file)
    const failing: Migration = {
      up: async (db: Kysely<unknown>) => {
        await sql`create table second_table (id integer primary key)`.execute(db)
        await sql`insert into second_table (id) values (1)`.execute(db)
        await sql`create index second_index on second_table (id)`.execute(db)
        throw new Error('boom in the middle of the second migration')
      },
    }
    await expect(
      migrateToLatest(conn.db, {
        migrations: {
          '2030_01_01_000000_first': createTable('first_table'),
          '2030_01_02_000000_second': failing,
        },
      }),
    ).rejects.toThrow(/2030_01_02_000000_second failed and was rolled back.*boom in the middle/)
    await conn.close()

    const tables = tableNames(file)
    expect(tables).toContain('first_table') // the first migration committed on its own
    expect(tables).not.toContain('second_table')
    const raw = new BetterSqlite3(file, { readonly: true })
    const recorded = raw.prepare('select name from kysely_migration order by name').all() as {
      name: string
    }[]
    expect(recorded.map((r) => r.name)).toEqual(['2030_01_01_000000_first'])
    expect(raw.prepare("select count(*) as n from sqlite_schema where name = 'second_index'").get()).toEqual({
      n: 0,
    })
    raw.close()
    expect(header(file)).toEqual({ applicationId: LUKKHA_APPLICATION_ID, userVersion: 1 })
  })

  it('a failing migration on a shop database keeps every stored row and the earlier schema', async () => {
    const file = join(tempDir(), 'shop.db')
    const first = openDatabase(file)
    await migrateToLatest(first.db)
    await first.db.insertInto('stores').values({ name: 'ร้านหนึ่ง' }).execute()
    await first.close()
    const before = tableNames(file)

    const conn = openDatabase(file)
    const breaking: Migration = {
      up: async (db: Kysely<unknown>) => {
        await sql`drop table stores`.execute(db)
        throw new Error('disk trouble')
      },
    }
    await expect(
      migrateToLatest(conn.db, { migrations: { ...migrations, '2099_01_01_000000_drop_stores': breaking } }),
    ).rejects.toThrow(/rolled back/)
    const stores = await conn.db.selectFrom('stores').select('name').execute()
    expect(stores).toEqual([{ name: 'ร้านหนึ่ง' }])
    await conn.close()
    expect(tableNames(file)).toEqual(before)
    expect(header(file).userVersion).toBe(names.length)
  })

  it('writes an online backup before migrating a database that holds a schema, keeping the newest three', async () => {
    const dir = tempDir()
    const file = join(dir, 'lukkha.db')
    const older = Object.fromEntries(Object.entries(migrations).slice(0, 2))
    const conn = openDatabase(file)
    await migrateToLatest(conn.db, { migrations: older })
    expect(listMigrationBackups(file)).toEqual([]) // an empty file has nothing to keep
    await conn.db.insertInto('stores').values({ name: 'before the upgrade' }).execute()

    const results = await migrateToLatest(conn.db)
    expect(results.map((r) => r.migrationName)).toEqual(names.slice(2))
    await conn.close()

    const backup = migrationBackupPath(file, names[2] ?? '')
    expect(existsSync(backup)).toBe(true)
    expect(statSync(backup).mode & 0o777).toBe(0o600)
    const copy = new BetterSqlite3(backup, { readonly: true })
    expect(copy.prepare('select name from stores').all()).toEqual([{ name: 'before the upgrade' }])
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok')
    const copied = copy.prepare('select name from kysely_migration order by name').all() as { name: string }[]
    expect(copied.map((r) => r.name)).toEqual(names.slice(0, 2)) // the state before the migration
    copy.close()

    // Later migrations add later copies; only the newest MIGRATION_BACKUPS_KEPT stay.
    const again = openDatabase(file)
    for (let i = 1; i <= MIGRATION_BACKUPS_KEPT + 2; i++) {
      await backupBeforeMigration(again.sqlite, file, `2099_01_0${i}_000000_more`)
    }
    await again.close()
    const kept = listMigrationBackups(file)
    expect(kept).toHaveLength(MIGRATION_BACKUPS_KEPT)
    expect(kept[0]).toBe(migrationBackupPath(file, '2099_01_05_000000_more'))
  })
})

describe('which file: only Lukkha databases are opened', () => {
  it('marks a new database with Lukkha’s application_id and its schema version', async () => {
    const file = join(tempDir(), 'new.db')
    const conn = openDatabase(file)
    await migrateToLatest(conn.db)
    await conn.close()
    expect(header(file)).toEqual({ applicationId: LUKKHA_APPLICATION_ID, userVersion: names.length })
  })

  it('refuses another program’s SQLite file with a plain message and leaves it byte for byte unchanged', () => {
    const file = join(tempDir(), 'other-app.sqlite')
    const other = new BetterSqlite3(file)
    other.exec(
      "create table notes (id integer primary key, body text); insert into notes (body) values ('hi')",
    )
    other.close()
    const bytes = readFileSync(file)

    expect(() => openDatabase(file)).toThrow(/is not a Lukkha database \(it belongs to another program\)/)
    expect(() => openDatabase(file, { readonly: true })).toThrow(/is not a Lukkha database/)
    expect(readFileSync(file).equals(bytes)).toBe(true)
    expect(tableNames(file)).toEqual(['notes'])
    expect(existsSync(`${file}-wal`)).toBe(false)
  })

  it('refuses a file with another application_id even when it is empty', () => {
    const file = join(tempDir(), 'marked.sqlite')
    const other = new BetterSqlite3(file)
    other.pragma('application_id = 1234')
    other.close()
    expect(() => openDatabase(file)).toThrow(/not a Lukkha database/)
  })

  it('refuses a database whose user_version is higher than this build knows, changing nothing', async () => {
    const file = join(tempDir(), 'future.db')
    const conn = openDatabase(file)
    await migrateToLatest(conn.db)
    await conn.close()
    const raw = new BetterSqlite3(file)
    raw.pragma('user_version = 999')
    raw.close()
    const bytes = readFileSync(file)

    let caught: unknown
    try {
      openDatabase(file)
    } catch (error) {
      caught = error
    }
    expect(caught).toMatchObject({
      code: 'too_new',
      message: expect.stringMatching(
        new RegExp(
          `newer version of Lukkha \\(schema version 999; this version knows up to ${names.length}\\)`,
        ),
      ),
    })
    expect(readFileSync(file).equals(bytes)).toBe(true)
  })

  it('accepts and marks a database an older Lukkha made before the marks existed', async () => {
    const file = join(tempDir(), 'old.db')
    const conn = openDatabase(file)
    await migrateToLatest(conn.db)
    await conn.close()
    const raw = new BetterSqlite3(file)
    raw.pragma('application_id = 0')
    raw.pragma('user_version = 0')
    raw.close()

    const again = openDatabase(file)
    expect(await migrateToLatest(again.db)).toEqual([])
    await again.close()
    expect(header(file)).toEqual({ applicationId: LUKKHA_APPLICATION_ID, userVersion: names.length })
  })

  it('creates the database file 0600 in a 0700 folder', async () => {
    const folder = join(tempDir(), 'new-folder', 'Lukkha')
    const file = join(folder, 'lukkha.db')
    const conn = openDatabase(file)
    await migrateToLatest(conn.db)
    await conn.close()
    expect(statSync(folder).mode & 0o777).toBe(0o700)
    expect(statSync(file).mode & 0o777).toBe(0o600)
  })
})

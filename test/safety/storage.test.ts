import { existsSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import {
  backupsToKeep,
  listBackups,
  restoreBackup,
  takeBackup,
  verifyDatabaseFile,
  type BackupInfo,
} from '../../src/main/backup/store'
import { checkHealth } from '../../src/main/backup/health'
import { openDatabase } from '../../src/main/db'
import { toCodedError } from '../../src/main/errors'
import { exportSales } from '../../src/main/import/export-sales'
import { reportError } from '../../src/main/cli/output'
import { damageMiddlePage, testContext, tempDir } from '../helpers/db'
import { runCli } from '../helpers/node'
import { fixture, snapshot, importFile } from '../import/helpers'

// Storage faults, backups and corruption (issue 16): plain coded errors, nothing half-written.

function bigSalesCsv(dir: string, lines: number): string {
  const rows = Array.from(
    { length: lines },
    (_, i) =>
      `S-${i},2025-01-${String((i % 28) + 1).padStart(2, '0')},Customer ${i % 500},08${String(10_000_000 + (i % 500))},1,10,10,Product ${i % 50}`,
  )
  const path = join(dir, `sales-${lines}.csv`)
  writeFileSync(
    path,
    `receipt_number,date,customer_name,phone,quantity,unit_price,net_amount,product_name\n${rows.join('\n')}\n`,
  )
  return path
}

describe('storage faults', () => {
  it('a full disk during an import is a disk_full error, not "cannot rollback", and nothing is stored', async () => {
    const { connection } = await testContext()
    const dir = tempDir()
    const before = snapshot(connection.sqlite)
    const pages = connection.sqlite.pragma('page_count', { simple: true }) as number
    connection.sqlite.pragma(`max_page_count = ${pages + 20}`) // 20 pages of room: a full disk for SQLite
    const error = await importFile(connection.sqlite, bigSalesCsv(dir, 5000), {
      preset: 'lukkha_sales',
    }).catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'disk_full' })
    expect((error as Error).message).not.toMatch(/cannot rollback/)
    connection.sqlite.pragma('max_page_count = 1073741823')
    expect(snapshot(connection.sqlite)).toEqual(before)
    expect(connection.sqlite.pragma('integrity_check', { simple: true })).toBe('ok')
  })

  it('a write to a read-only database is read_only; reading (stats) still works', async () => {
    const dir = tempDir()
    const db = join(dir, 'shop.db')
    expect((await runCli(['import', fixture('lukkha-sales.csv'), '--db', db])).code).toBe(0)
    const ro = openDatabase(db, { readonly: true })
    try {
      const error = await importFile(ro.sqlite, fixture('loyverse-receipts-by-item.csv')).catch(
        (e: unknown) => e,
      )
      expect(error).toMatchObject({ code: 'read_only' })
    } finally {
      await ro.close()
    }
    const stats = await runCli(['stats', '--db', db, '--json'])
    expect(stats.code).toBe(0)
    expect(JSON.parse(stats.stdout)).toMatchObject({ receipts: 4 })
  })

  it('an export that fails leaves no file, partial or whole', async () => {
    const { connection } = await testContext()
    const dir = tempDir()
    await importFile(connection.sqlite, fixture('lukkha-sales.csv'))
    const out = join(dir, 'missing-folder', 'sales.csv') // the write fails as a full disk would: mid-way, ENOENT/ENOSPC
    expect(() => exportSales(connection.sqlite, out)).toThrow()
    expect(existsSync(out)).toBe(false)
    expect(existsSync(`${out}.partial`)).toBe(false)
    const ok = join(dir, 'sales.csv')
    expect(exportSales(connection.sqlite, ok)).toMatchObject({ lines: 5 })
    expect(readdirSync(dir).filter((n) => n.includes('partial'))).toEqual([])
  })

  it('maps SQLite and file-system failures to coded errors with plain sentences, and the CLI prints one line', () => {
    const cases: [Error & { code?: string }, string][] = [
      [Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' }), 'disk_full'],
      [Object.assign(new Error('no space left on device'), { code: 'ENOSPC' }), 'disk_full'],
      [
        Object.assign(new Error('attempt to write a readonly database'), { code: 'SQLITE_READONLY' }),
        'read_only',
      ],
      [
        Object.assign(new Error('database disk image is malformed'), { code: 'SQLITE_CORRUPT' }),
        'database_corrupt',
      ],
      [
        Object.assign(new Error('NOT NULL constraint failed: receipt_lines.discount_satang'), {
          code: 'SQLITE_CONSTRAINT_NOTNULL',
        }),
        'store_failed',
      ],
      [new Error('FILE_ENDED'), 'file_damaged'],
      [new Error('Out of bounds. Invalid column letter: ZZZZZZ'), 'file_damaged'],
      [new Error('something odd'), 'internal'],
    ]
    for (const [error, code] of cases) expect(toCodedError(error).code).toBe(code)
    const written: string[] = []
    const write = process.stderr.write.bind(process.stderr)
    const capture = (text: string): boolean => (written.push(text), true)
    process.stderr.write = capture
    try {
      expect(reportError(cases[4]?.[0])).toBe(2)
      expect(reportError(new Error('boom\n    at somewhere (file.ts:1:1)'))).toBe(1)
    } finally {
      process.stderr.write = write
    }
    expect(written).toHaveLength(2)
    for (const line of written) expect(line.trim().split('\n')).toHaveLength(1)
    expect(written.join('')).not.toMatch(/ at somewhere/)
  })
})

describe('backups and corruption', () => {
  it('rotation keeps 3 of the newest day and 1 per earlier day, 10 at most', () => {
    const backups: BackupInfo[] = []
    for (let day = 20; day >= 1; day--)
      for (const h of ['18', '12', '09', '08'])
        backups.push({
          path: `b-${day}-${h}`,
          name: '',
          takenAt: `2026-11-${String(day).padStart(2, '0')}T${h}:00:00`,
          reason: 'daily',
          bytes: 1,
        })
    const keep = [...backupsToKeep(backups)]
    expect(keep).toEqual([
      'b-20-18',
      'b-20-12',
      'b-20-09',
      'b-19-18',
      'b-18-18',
      'b-17-18',
      'b-16-18',
      'b-15-18',
      'b-14-18',
      'b-13-18',
    ])
  })

  it('detects a damaged page at open, stops writing, and restores the latest backup intact', async () => {
    const dir = tempDir()
    const db = join(dir, 'shop.db')
    expect((await runCli(['import', fixture('loyverse-receipts-by-item.csv'), '--db', db])).code).toBe(0)
    const taken = await runCli(['backup', '--db', db])
    expect(taken.code).toBe(0)
    expect(listBackups(db)).toHaveLength(1)
    damageMiddlePage(db) // noise over a page in the middle of the file, as in the issue
    const plain = new BetterSqlite3(db)
    expect(checkHealth(plain, db)).toMatchObject({
      status: 'corrupt',
      latestGoodBackup: { reason: 'manual' },
    })
    plain.close()
    const write = await runCli(['import', fixture('lukkha-sales.csv'), '--db', db])
    expect(write.code).toBe(2)
    expect(write.stderr).toMatch(
      /^lukkha: The database .* is damaged .* Lukkha stopped writing to it\. Restore the latest good backup/,
    )
    expect(write.stderr.trim().split('\n')).toHaveLength(1)
    const restored = await runCli(['restore', 'latest', '--db', db])
    expect(restored.code).toBe(0)
    expect(verifyDatabaseFile(db)).toBe('ok')
    expect(JSON.parse((await runCli(['stats', '--db', db, '--json'])).stdout)).toMatchObject({
      receipts: 6,
      lines: 10,
    })
    expect(listBackups(db).map((b) => b.reason)).toContain('before-restore') // the undo point
  })

  it('a backup taken while another connection writes reopens intact', async () => {
    const ctx = await testContext()
    const dir = tempDir()
    await importFile(ctx.connection.sqlite, bigSalesCsv(dir, 3000), { preset: 'lukkha_sales' })
    const writer = new BetterSqlite3(ctx.connection.file)
    writer.pragma('busy_timeout = 5000')
    let writes = 0
    const target = join(dir, 'during.db')
    await ctx.connection.sqlite.backup(target, {
      // SQLite restarts a backup whenever another connection writes to the source: a few writes in the
      // first steps, then the copy runs to the end and holds everything committed by then
      progress: () => {
        if (writes < 10) writer.prepare('insert into stores (name) values (?)').run(`store ${writes++}`)
        return 5 // pages per step: small steps so writes land in between
      },
    })
    writer.close()
    expect(writes).toBeGreaterThan(1)
    expect(verifyDatabaseFile(target)).toBe('ok')
    const copy = new BetterSqlite3(target, { readonly: true })
    expect(copy.prepare('select count(*) from receipt_lines').pluck().get()).toBe(3000)
    expect(copy.prepare("select count(*) from stores where name like 'store %'").pluck().get()).toBe(10)
    copy.close()
    const taken = await takeBackup(ctx.connection.sqlite, ctx.connection.file, 'manual', new Date())
    expect(verifyDatabaseFile(taken.path)).toBe('ok')
  })

  it('restore keeps an undo point and runs the after-restore hooks', async () => {
    const ctx = await testContext()
    await importFile(ctx.connection.sqlite, fixture('lukkha-sales.csv'))
    const backup = await takeBackup(ctx.connection.sqlite, ctx.connection.file, 'manual', new Date())
    await ctx.connection.close()
    const result = await restoreBackup(ctx.connection.file, backup.path, new Date())
    expect(verifyDatabaseFile(result.undoPoint)).toBe('ok')
    expect(verifyDatabaseFile(ctx.connection.file)).toBe('ok')
  })
})

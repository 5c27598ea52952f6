import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createApiContext } from '../../src/main/app-context'
import { listBackups, restoreBackup } from '../../src/main/backup/store'
import { createCustomer } from '../../src/main/customers/edit'
import { eraseCustomer, erasureJournalPath, reapplyErasures } from '../../src/main/customers/erasure'
import { mergeCustomers } from '../../src/main/customers/merge'
import BetterSqlite3 from 'better-sqlite3'
import { tempDir, testContext } from '../helpers/db'
import { NOW } from './helpers'

const canary = { name: 'Qvxbackupcanary', phone: '0861239876', email: 'qvx.backup@example.org' }

function names(file: string): string[] {
  const db = new BetterSqlite3(file, { readonly: true })
  try {
    return db.prepare('select name from customers order by id').pluck().all() as string[]
  } finally {
    db.close()
  }
}

describe('backups before a merge and an erasure, erasures re-applied after a restore', () => {
  it('takes a verified backup holding the state before a merge and before an erasure', async () => {
    const ctx = await testContext()
    const a = await createCustomer(ctx.db, { name: 'Keep Me' }, NOW)
    const b = await createCustomer(ctx.db, { name: 'Merge Me' }, NOW)
    await mergeCustomers(ctx.db, a, b, NOW)
    const merge = listBackups(ctx.connection.file).find((x) => x.reason === 'before-merge')
    expect(merge).toBeDefined()
    expect(names(merge?.path ?? '')).toEqual(['Keep Me', 'Merge Me'])

    await eraseCustomer(ctx.db, a, 'owner', '2026-11-30T10:05:00')
    const erasure = listBackups(ctx.connection.file).find((x) => x.reason === 'before-erasure')
    expect(erasure).toBeDefined()
    expect(names(erasure?.path ?? '')).toEqual(['Keep Me'])
    expect(names(ctx.connection.file)).toEqual([''])
  })

  it('a refused merge or erasure takes no backup', async () => {
    const ctx = await testContext()
    const a = await createCustomer(ctx.db, { name: 'Only One' }, NOW)
    await expect(mergeCustomers(ctx.db, a, a + 99, NOW)).rejects.toMatchObject({ code: 'not_found' })
    await expect(eraseCustomer(ctx.db, a + 99, 'owner', NOW)).rejects.toMatchObject({ code: 'not_found' })
    expect(listBackups(ctx.connection.file).filter((x) => x.reason !== 'daily')).toEqual([])
  })

  it('reapplyErasures erases again, after a restore, the customers erased since the backup', async () => {
    const dir = tempDir()
    const dbFile = join(dir, 'shop.db')
    const open = () =>
      createApiContext({ dbFile, appVersion: '0.0.0-test', systemLocale: 'th-TH', now: () => new Date() })
    let ctx = await open()
    const erased = await createCustomer(ctx.db, { ...canary, name: `${canary.name} Thai` }, NOW)
    const kept = await createCustomer(ctx.db, { name: 'Stays Here', phone: '0819990000' }, NOW)
    await eraseCustomer(ctx.db, erased, 'owner', '2026-11-30T10:05:00')
    await ctx.close()
    const backup = listBackups(dbFile).find((x) => x.reason === 'before-erasure')
    expect(backup).toBeDefined()
    // the journal beside the database holds the erasure, with a masked name and no personal data
    const journal = readFileSync(erasureJournalPath(dbFile), 'utf8')
    expect(journal).toContain('"maskedName":"Q*** T***"')
    for (const value of Object.values(canary)) expect(journal).not.toContain(value)

    // the backup is from before the erasure: it still holds the customer's personal data
    const has = (file: string, needle: string) => readFileSync(file).includes(Buffer.from(needle, 'utf8'))
    expect(has(backup?.path ?? '', canary.name)).toBe(true)
    // a restore re-applies the journal (reapplyErasures) by itself
    const restored = await restoreBackup(dbFile, backup?.path ?? '', new Date())
    expect(restored.erasuresReapplied).toBe(1)

    ctx = await open()
    try {
      ctx.connection.sqlite.pragma('wal_checkpoint(TRUNCATE)')
      for (const [what, value] of Object.entries(canary)) expect(has(dbFile, value), what).toBe(false)
      const rows = await ctx.db
        .selectFrom('customers')
        .select(['id', 'name', 'erased_at'])
        .orderBy('id')
        .execute()
      expect(rows).toEqual([
        { id: erased, name: '', erased_at: '2026-11-30T10:05:00' },
        { id: kept, name: 'Stays Here', erased_at: null },
      ])
      const log = await ctx.db
        .selectFrom('customer_erasures')
        .select(['customer_id', 'masked_name'])
        .execute()
      expect(log).toEqual([{ customer_id: erased, masked_name: 'Q*** T***' }])
      expect(await reapplyErasures(ctx.db)).toBe(0) // already erased: nothing more to do
    } finally {
      await ctx.close()
    }
  })

  it('never erases another customer that got the same id in the restored copy', async () => {
    const dir = tempDir()
    const dbFile = join(dir, 'shop.db')
    const open = () =>
      createApiContext({ dbFile, appVersion: '0.0.0-test', systemLocale: 'th-TH', now: () => new Date() })
    let ctx = await open()
    const id = await createCustomer(ctx.db, { name: 'First Person' }, '2026-11-01T09:00:00')
    await eraseCustomer(ctx.db, id, 'owner', NOW)
    await ctx.close()
    // the restored copy holds a different customer under that id (another created_at)
    const backup = listBackups(dbFile).find((x) => x.reason === 'before-erasure')
    const raw = new BetterSqlite3(backup?.path ?? '')
    raw
      .prepare(`update customers set name = 'Someone Else', created_at = '2026-11-20T09:00:00' where id = ?`)
      .run(id)
    raw.close()
    await restoreBackup(dbFile, backup?.path ?? '', new Date())
    ctx = await open()
    try {
      expect(await reapplyErasures(ctx.db)).toBe(0)
      expect(names(dbFile)).toEqual(['Someone Else'])
    } finally {
      await ctx.close()
    }
  })
})

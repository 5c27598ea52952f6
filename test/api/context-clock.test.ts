import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createApiContext } from '../../src/main/app-context'
import { listBackups } from '../../src/main/backup/store'
import { backupBefore } from '../../src/main/customers/backup'
import { tempDir } from '../helpers/db'
import { call } from './import-helpers'

// The engine takes "now" from the API context (ctx.now), never from the machine: a context on a clock set to
// 15 March 2024 names its daily backup and the backup before a merge for that moment, whatever today is.

const SET = new Date(2024, 2, 15, 10, 20, 30) // shop-local 2024-03-15 10:20:30

describe("the API context's clock", () => {
  it('names the daily backup and the backup before a merge for the set time', async () => {
    const dbFile = join(tempDir(), 'shop.db')
    const ctx = await createApiContext({ dbFile, appVersion: 't', systemLocale: 'th-TH', now: () => SET })
    try {
      for (const job of ctx.jobs.list()) await ctx.jobs.wait(job.jobId)
      const ids = await ctx.db
        .insertInto('customers')
        .values([{ name: 'สมชาย ใจดี' }, { name: 'สมชาย ใจดี (2)' }])
        .returning('id')
        .execute()
      const [keep, other] = ids.map((r) => r.id)
      await call(ctx, 'customersMerge', { keepId: keep ?? 0, otherId: other ?? 0 })
      const merged = await ctx.db.selectFrom('customer_merges').select('merged_at').executeTakeFirstOrThrow()
      expect(merged.merged_at).toBe('2024-03-15T10:20:30')
      const names = listBackups(dbFile)
        .map((b) => b.name)
        .sort()
      expect(names).toEqual(['lukkha-20240315-102030-before-merge.db', 'lukkha-20240315-102030-daily.db'])
    } finally {
      await ctx.close()
    }
  })

  it('refuses a backup time that is not a date-time instead of reading the machine clock', async () => {
    const dbFile = join(tempDir(), 'shop.db')
    const ctx = await createApiContext({ dbFile, appVersion: 't', systemLocale: 'th-TH', now: () => SET })
    try {
      for (const job of ctx.jobs.list()) await ctx.jobs.wait(job.jobId)
      await expect(backupBefore(ctx.db, 'before-merge', 'yesterday')).rejects.toThrow(/not a local date-time/)
      expect(listBackups(dbFile).map((b) => b.reason)).toEqual(['daily'])
    } finally {
      await ctx.close()
    }
  })
})

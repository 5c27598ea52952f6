import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { generateExport } from '../../bench/generate-export'
import type { Sqlite } from '../../src/main/db'
import { deferIndexes } from '../../src/main/import/deferred-indexes'
import { runImport } from '../../src/main/import/run'
import { tempDir, testContext } from '../helpers/db'
import { fixedNow } from './helpers'

// A big import drops the two randomly-filled indexes and builds them again before it commits. Afterwards the
// schema must be exactly the migrated one, the indexes complete, and a rolled-back import must leave them.

const indexes = (sqlite: Sqlite): unknown[] =>
  sqlite.prepare("select name, tbl_name, sql from sqlite_master where type = 'index' order by name").all()

describe('indexes deferred during a big import', () => {
  it('are rebuilt, complete, with the migrated definitions', async () => {
    const dir = tempDir()
    const fresh = await testContext()
    const migrated = indexes(fresh.connection.sqlite)
    const file = join(dir, 'big.csv')
    // about 6.6 MB: past the size at which the import defers them
    generateExport({ layout: 'loyverse_receipts', lines: 40_000, seed: 7, out: file })
    const ctx = await testContext()
    const sqlite = ctx.connection.sqlite
    const summary = await runImport(sqlite, file, {}, { now: fixedNow })
    expect(summary.status).toBe('done')
    expect(summary.linesAdded).toBeGreaterThan(30_000)
    expect(indexes(sqlite)).toEqual(migrated)
    expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok')
    // each index holds every row: a query answered from it alone counts them all
    const n = (q: string): number => sqlite.prepare(q).pluck().get() as number
    expect(
      n('select count(*) from receipts indexed by receipts_customer_activity where customer_id is not null'),
    ).toBe(n('select count(*) from receipts not indexed where customer_id is not null'))
    expect(
      n('select count(*) from receipt_lines indexed by receipt_lines_product where product_id > 0'),
    ).toBe(n('select count(*) from receipt_lines not indexed where product_id > 0'))
    // the same file again adds nothing (so drops nothing)
    const again = await runImport(sqlite, file, {}, { now: fixedNow })
    expect(again.linesAdded).toBe(0)
    expect(indexes(sqlite)).toEqual(migrated)
  })

  it("are built with a small page cache (the sort's memory) and leave the connection's cache as it was", async () => {
    const ctx = await testContext()
    const sqlite = ctx.connection.sqlite
    const before = indexes(sqlite)
    sqlite.pragma('cache_size = -12345')
    sqlite.prepare('begin immediate').run()
    const deferred = deferIndexes(sqlite, 100_000_000)
    deferred.drop()
    const seen: number[] = []
    const exec = sqlite.exec.bind(sqlite)
    // the cache size each index is created under
    sqlite.exec = (source: string) => {
      if (source.trimStart().toLowerCase().startsWith('create index'))
        seen.push(sqlite.pragma('cache_size', { simple: true }) as number)
      return exec(source)
    }
    try {
      deferred.rebuild()
    } finally {
      sqlite.exec = exec
    }
    sqlite.prepare('commit').run()
    expect(seen).toEqual([-2048, -2048])
    expect(sqlite.pragma('cache_size', { simple: true })).toBe(-12345)
    expect(indexes(sqlite)).toEqual(before)
  })

  it('come back when the import rolls back', async () => {
    const ctx = await testContext()
    const sqlite = ctx.connection.sqlite
    const before = indexes(sqlite)
    sqlite.prepare('begin immediate').run()
    deferIndexes(sqlite, 100_000_000).drop()
    expect(indexes(sqlite)).toHaveLength(before.length - 2)
    sqlite.prepare('rollback').run()
    expect(indexes(sqlite)).toEqual(before)
  })

  it('are kept for a file small next to what is stored', async () => {
    const ctx = await testContext()
    const sqlite = ctx.connection.sqlite
    const before = indexes(sqlite)
    sqlite.prepare('begin immediate').run()
    // 1 MB (about 10,000 lines) is below the size worth a rebuild
    const small = deferIndexes(sqlite, 1_000_000)
    small.drop()
    small.rebuild()
    expect(indexes(sqlite)).toEqual(before)
    sqlite
      .prepare(
        "insert into receipts (id, source, receipt_number, occurred_at, kind) values (9000000, 'x', '1', '2026-01-01T00:00:00', 'sale')",
      )
      .run()
    sqlite
      .prepare(
        'insert into receipt_lines (id, receipt_id, line_no, quantity, net_satang) values (9000000, 9000000, 1, 1, 0)',
      )
      .run()
    // 60 MB against 9 million stored lines: kept too
    deferIndexes(sqlite, 60_000_000).drop()
    expect(indexes(sqlite)).toEqual(before)
    sqlite.prepare('rollback').run()
  })
})

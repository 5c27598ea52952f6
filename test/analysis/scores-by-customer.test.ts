import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { customerScoreHistory } from '../../src/main/analysis/queries'
import { runAnalysis } from '../../src/main/analysis/run'
import { DEFAULT_SEGMENT_RULES } from '../../src/main/analysis/segment-rules'
import { mergeCustomers, undoMerge } from '../../src/main/customers/merge'
import { subjectData } from '../../src/main/customers/privacy'
import { migrateToLatest, openDatabase, type Sqlite } from '../../src/main/db'
import { migrations } from '../../src/main/db/migrations'
import { undoImport } from '../../src/main/import/history'
import { dumpTables, NOW } from '../customers/helpers'
import { danglingRows, testContext, tempDir } from '../helpers/db'
import { insertSales } from '../helpers/sales'
import { RFM_SALES } from '../fixtures/rfm-sales'
import { fixedNow, importFixture } from '../import/helpers'

// analysis_scores has no foreign key to customers and no index by customer (migration 2026_12_01_600000, #17):
// a trigger deletes a deleted customer's scores, and every reader of one customer's scores goes through the
// primary key. These tests hold what the foreign key held: no score of no one, merges and their undo, the
// privacy export and the score history.

const MIGRATION = '2026_12_01_600000_unindex_scores_by_customer'
const RULES = DEFAULT_SEGMENT_RULES
// tables a merge and its undo leave changed on purpose (the merge log, caches) and the migration log
const SKIP = ['customer_merges', 'customer_totals', 'customer_totals_state', 'kysely_migration']

const scoreRows = (sqlite: Sqlite) =>
  sqlite.prepare('select rowid as __rowid, * from analysis_scores order by rowid').all()
const runsOf = (sqlite: Sqlite, customerId: number) =>
  sqlite
    .prepare('select run_id from analysis_scores where customer_id = ? order by run_id')
    .pluck()
    .all(customerId)

describe('analysis scores without a foreign key to customers', () => {
  it('the migration keeps every score with its rowid, and a merge recorded before it can still be undone', async () => {
    const file = join(tempDir(), 'shop.db')
    const conn = openDatabase(file)
    try {
      const before = Object.fromEntries(Object.entries(migrations).filter(([name]) => name < MIGRATION))
      await migrateToLatest(conn.db, { migrations: before })
      const { sqlite } = conn
      const ids = insertSales(sqlite, RFM_SALES)
      const march = runAnalysis(sqlite, { asOf: '2026-03-31' }, RULES)
      const april = runAnalysis(sqlite, { asOf: '2026-04-15' }, RULES)
      const b = ids.get('B') ?? 0
      const d = ids.get('D') ?? 0
      expect(runsOf(sqlite, b)).toEqual([march, april])
      expect(runsOf(sqlite, d)).toEqual([april])
      const unmerged = await dumpTables(conn.db, SKIP)
      // B into D: B's March score moves to D, B's April score goes with B (D has one)
      const mergeId = await mergeCustomers(conn.db, d, b, NOW)
      expect(runsOf(sqlite, d)).toEqual([march, april])
      const merged = scoreRows(sqlite)

      await migrateToLatest(conn.db)
      expect(scoreRows(sqlite)).toEqual(merged)
      const keys = sqlite
        .prepare(`select "table" from pragma_foreign_key_list('analysis_scores')`)
        .pluck()
        .all()
      expect(keys).toEqual(['analysis_runs'])
      const indexes = sqlite
        .prepare(
          `select name from sqlite_master where type = 'index' and tbl_name = 'analysis_scores' order by name`,
        )
        .pluck()
        .all()
      expect(indexes).toEqual(['analysis_scores_segment', 'sqlite_autoindex_analysis_scores_1'])

      await undoMerge(conn.db, mergeId, NOW)
      expect(runsOf(sqlite, b)).toEqual([march, april])
      expect(await dumpTables(conn.db, SKIP)).toEqual(unmerged)
    } finally {
      await conn.close()
    }
  })

  it('deletes the scores of the customers an undone import created, in every stored run, and only theirs', async () => {
    const ctx = await testContext()
    const { sqlite } = ctx.connection
    insertSales(sqlite, RFM_SALES)
    const summary = await importFixture(sqlite, 'loyverse-receipts-by-item.csv')
    const importId = summary.importId
    if (importId === null) throw new Error('the import stored nothing')
    const imported = sqlite
      .prepare('select id from customers where import_id = ?')
      .pluck()
      .all(importId) as number[]
    expect(imported.length).toBeGreaterThan(0)
    const first = runAnalysis(sqlite, {}, RULES)
    const second = runAnalysis(sqlite, { asOf: '2026-03-31' }, RULES)
    const kept = sqlite
      .prepare(
        'select run_id, customer_id from analysis_scores where customer_id not in (select id from customers where import_id is not null) order by 1, 2',
      )
      .all()
    expect(kept.length).toBeGreaterThan(0)
    const importedScored = imported.filter((id) => runsOf(sqlite, id).length > 0)
    expect(importedScored.length).toBeGreaterThan(0)
    expect(runsOf(sqlite, importedScored[0] ?? 0)).toContain(first)

    await undoImport(ctx.db, importId, fixedNow)
    expect(
      sqlite
        .prepare('select count(*) from customers where id in (select value from json_each(?))')
        .pluck()
        .get(JSON.stringify(imported)),
    ).toBe(0)
    expect(danglingRows(sqlite)).toEqual([])
    expect(sqlite.prepare('select run_id, customer_id from analysis_scores order by 1, 2').all()).toEqual(
      kept,
    )
    expect(second).toBeGreaterThan(first)
  })

  it('a run saved after its customer was merged away stores nothing; the history and privacy export find every run', async () => {
    const ctx = await testContext()
    const { sqlite } = ctx.connection
    const ids = insertSales(sqlite, RFM_SALES)
    const a = ids.get('A') ?? 0
    const march = runAnalysis(sqlite, { asOf: '2026-03-31' }, RULES)
    const april = runAnalysis(sqlite, { asOf: '2026-04-15' }, RULES)
    expect((await customerScoreHistory(ctx.db, a)).map((h) => h.runId)).toEqual([march, april])
    const exported = await subjectData(ctx.db, a)
    expect(exported.analysis_scores?.map((s) => s.run_id)).toEqual([march, april])
    expect(exported.analysis_scores?.every((s) => s.customer_id === a)).toBe(true)

    // the analysis reads, then B is merged into A, then it saves: B's score would belong to no one
    const { computeAnalysis, resolveParameters, saveAnalysis } = await import('../../src/main/analysis/run')
    const computed = computeAnalysis(sqlite, resolveParameters(sqlite, { asOf: '2026-04-20' }), RULES)
    await mergeCustomers(ctx.db, a, ids.get('B') ?? 0, NOW)
    const stored = scoreRows(sqlite)
    expect(() => saveAnalysis(sqlite, computed)).toThrow(expect.objectContaining({ code: 'analysis_stale' }))
    expect(scoreRows(sqlite)).toEqual(stored)
    expect(sqlite.prepare('select count(*) from analysis_runs').pluck().get()).toBe(2)
    expect(danglingRows(sqlite)).toEqual([])
  })
})

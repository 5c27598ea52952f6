import { describe, expect, it } from 'vitest'
import { runAnalysis } from '../../src/main/analysis/run'
import { DEFAULT_SEGMENT_RULES } from '../../src/main/analysis/segment-rules'
import { createCustomer } from '../../src/main/customers/edit'
import { mergeCustomers, undoMerge } from '../../src/main/customers/merge'
import { danglingRows, testContext } from '../helpers/db'
import { addReceipt, dumpTables, NOW } from './helpers'

// Undoing a merge puts back what the merge changed, and only that: a row that went with the merged customer
// (a score in a run where the kept customer had one too) comes back, unless what it belonged to was deleted
// since (the run pruned); a row the merge moved and something later deleted (a receipt of an import undone)
// stays deleted. Before, the first failed the undo with SQLite's bare "FOREIGN KEY constraint failed" and the
// second brought back a receipt without its lines.

const CACHES = ['customer_merges', 'customer_totals', 'customer_totals_state', 'sqlite_sequence']

async function scoredPair() {
  const ctx = await testContext()
  const sqlite = ctx.connection.sqlite
  const kept = await createCustomer(ctx.db, { name: 'Anong', phone: '0812345678' }, NOW)
  const other = await createCustomer(ctx.db, { name: 'Anong S.', phone: '0812345679' }, NOW)
  await addReceipt(ctx.db, kept, '2026-01-05T10:00:00', 10000)
  const first = await addReceipt(ctx.db, other, '2026-02-05T10:00:00', 25000)
  const second = await addReceipt(ctx.db, other, '2026-02-20T10:00:00', 12000)
  const run = runAnalysis(sqlite, { asOf: '2026-03-01' }, DEFAULT_SEGMENT_RULES)
  const scores = (customer: number) =>
    sqlite
      .prepare('select run_id from analysis_scores where customer_id = ? order by run_id')
      .pluck()
      .all(customer)
  expect(scores(kept)).toEqual([run])
  expect(scores(other)).toEqual([run])
  return { ctx, sqlite, kept, other, run, first, second, scores }
}

describe('undoing a merge after later changes', () => {
  it('puts back a score that went with the merged customer', async () => {
    const { ctx, kept, other, run, scores } = await scoredPair()
    const before = await dumpTables(ctx.db, CACHES)
    const mergeId = await mergeCustomers(ctx.db, kept, other, NOW)
    expect(scores(other)).toEqual([]) // (the kept customer has a score in that run: the merged one's went)
    await undoMerge(ctx.db, mergeId, NOW)
    expect(scores(other)).toEqual([run])
    expect(await dumpTables(ctx.db, CACHES)).toEqual(before)
  })

  it('leaves out the scores of a run pruned since, and restores the rest', async () => {
    const { ctx, sqlite, kept, other, run, scores } = await scoredPair()
    const mergeId = await mergeCustomers(ctx.db, kept, other, NOW)
    const later = runAnalysis(sqlite, { asOf: '2026-03-15' }, DEFAULT_SEGMENT_RULES)
    sqlite.prepare('delete from analysis_runs where id = ?').run(run) // as the prune of old runs does
    await undoMerge(ctx.db, mergeId, NOW)
    expect(scores(other)).toEqual([])
    expect(scores(kept)).toEqual([later])
    expect(sqlite.prepare('select name from customers where id = ?').pluck().get(other)).toBe('Anong S.')
    expect(danglingRows(sqlite)).toEqual([])
  })

  it('does not bring back a moved receipt deleted since; the others go back to the merged customer', async () => {
    const { ctx, sqlite, kept, other, first, second } = await scoredPair()
    const mergeId = await mergeCustomers(ctx.db, kept, other, NOW)
    const receipts = (customer: number) =>
      sqlite.prepare('select id from receipts where customer_id = ? order by id').pluck().all(customer)
    expect(receipts(kept)).toContain(first)
    sqlite.prepare('delete from receipts where id = ?').run(first) // (an import undone after the merge)
    await undoMerge(ctx.db, mergeId, NOW)
    expect(receipts(other)).toEqual([second])
    expect(sqlite.prepare('select count(*) from receipts where id = ?').pluck().get(first)).toBe(0)
    expect(danglingRows(sqlite)).toEqual([])
  })
})

import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openDatabase } from '../../src/main/db'
import { shopBasketAnalysis } from '../../src/main/baskets/shop'
import { haveDatasets, missingDatasetsMessage } from '../helpers/datasets'
import { tempDir } from '../helpers/db'
import { runCli } from '../helpers/node'
import { writeGroceriesSales } from './groceries'

// REFERENCE.md's Groceries figures through the app's own path: the baskets become a shop's sales export
// (one receipt per basket), imported by the real importer with a column mapping, then analysed from the
// database by `cli basket` and by the engine the app's job calls.

if (!haveDatasets) console.warn(missingDatasetsMessage)

interface BasketJson {
  baskets: number
  itemsets: number
  itemsets_by_size: Record<string, number>
  rules: {
    antecedent: string[]
    consequent: string[]
    support: number
    confidence: number
    lift: number
    leverage: number
    conviction: number | null
  }[]
}

describe.skipIf(!haveDatasets)('Groceries imported as sales, then mined (REFERENCE.md)', () => {
  it('imports 9,835 receipts and reproduces every published figure', async () => {
    const dir = tempDir()
    const db = join(dir, 'shop.db')
    const { csv, mapping } = writeGroceriesSales(dir)
    const imported = await runCli(['import', csv, '--mapping', mapping, '--db', db, '--json'])
    expect(imported.stderr).toBe('')
    expect(imported.code).toBe(0)
    expect(JSON.parse(imported.stdout)).toMatchObject({ receipts_added: 9835, lines_added: 43367 })

    const run = await runCli([
      'basket',
      '--db',
      db,
      '--min-support',
      '0.001',
      '--min-confidence',
      '0.5',
      '--json',
    ])
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    const out = JSON.parse(run.stdout) as BasketJson
    expect(out.baskets).toBe(9835)
    expect(out.itemsets).toBe(13492)
    expect(out.itemsets_by_size).toEqual({ 1: 157, 2: 2981, 3: 6831, 4: 3137, 5: 376, 6: 10 })
    expect(out.rules).toHaveLength(5668)
    const bySize: Record<string, number> = {}
    for (const r of out.rules) {
      const size = String(r.antecedent.length + r.consequent.length)
      bySize[size] = (bySize[size] ?? 0) + 1
    }
    expect(bySize).toEqual({ 2: 11, 3: 1461, 4: 3211, 5: 939, 6: 46 })
    const top = out.rules[0]
    expect(top?.lift.toFixed(3)).toBe('18.996')
    expect([...(top?.antecedent ?? [])].sort()).toEqual(['Instant food products', 'soda'])
    expect(top?.consequent).toEqual(['hamburger meat'])
    // the measures of the top rule from its own counts: {Instant food products, soda} is in 19 baskets,
    // with hamburger meat in 12; hamburger meat is in 327
    expect(top?.support).toBeCloseTo(12 / 9835, 12)
    expect(top?.confidence).toBeCloseTo(12 / 19, 12)
    expect(top?.leverage).toBeCloseTo(12 / 9835 - (19 / 9835) * (327 / 9835), 12)
    expect(top?.conviction).toBeCloseTo((1 - 327 / 9835) / (1 - 12 / 19), 12)

    const connection = openDatabase(db, { readonly: true })
    try {
      const count = async (minSupport: number, minConfidence: number): Promise<number> =>
        (await shopBasketAnalysis(connection.db, { level: 'product', minSupport, minConfidence })).rules
          .length
      expect(await count(0.001, 0.8)).toBe(410)
      expect(await count(0.005, 0.5)).toBe(120)
      expect(await count(0.01, 0.5)).toBe(15)
      const analysis = await shopBasketAnalysis(connection.db, {
        level: 'product',
        minSupport: 0.001,
        minConfidence: 0.5,
      })
      expect(analysis.items.slice(0, 5).map((i) => [i.name, i.support.toFixed(6)])).toEqual([
        ['whole milk', '0.255516'],
        ['other vegetables', '0.193493'],
        ['rolls/buns', '0.183935'],
        ['soda', '0.174377'],
        ['yogurt', '0.139502'],
      ])
    } finally {
      await connection.close()
    }
  })
})

import { describe, expect, it, vi } from 'vitest'
import type { ApiContext } from '../../src/main/api/context'
import { mineHere } from '../../src/main/baskets/job'
import { LukkhaError } from '../../src/main/errors'
import type { JobControl } from '../../src/main/jobs/registry'
import * as workers from '../../src/main/jobs/workers'
import type { LukkhaEvent } from '../../src/shared/events'
import { call } from '../api/import-helpers'
import { testContext } from '../helpers/db'
import { waitForJob } from '../helpers/jobs'

// Spy on the worker starter (calling through): the basket job must mine in its own worker thread.
vi.mock('../../src/main/jobs/workers', async (importOriginal) => {
  const original = await importOriginal<typeof workers>()
  return { ...original, runInWorker: vi.fn(original.runInWorker) }
})

// The Products API on a hand-built shop whose figures can be counted by hand:
// 20 receipts: 10 x {latte, croissant}, 4 x {latte}, 3 x {cake, tea}, 3 x {tea}.
// Customers: Ann buys latte + croissant (receipts 1-3), Ben only latte (receipts 11-12), Cat cake + tea.

function buildShop(ctx: ApiContext): Record<string, number> {
  const { sqlite } = ctx.connection
  const product = sqlite.prepare('insert into products (sku, name, category) values (?, ?, ?)')
  const ids: Record<string, number> = {}
  for (const [sku, name, category] of [
    ['LAT', 'Latte', 'Coffee'],
    ['CRO', 'Croissant', 'Bakery'],
    ['CAK', 'Cake', 'Bakery'],
    ['TEA', 'Tea', 'Tea'],
    ['COO', 'Cookie', 'Bakery'],
  ] as const) {
    ids[sku] = Number(product.run(sku, name, category).lastInsertRowid)
  }
  const customer = sqlite.prepare('insert into customers (code, name, phone, line_id) values (?, ?, ?, ?)')
  ids.ann = Number(customer.run('C1', 'Ann', '+66811111111', 'ann.line').lastInsertRowid)
  ids.ben = Number(customer.run('C2', 'Ben', '+66822222222', null).lastInsertRowid)
  ids.cat = Number(customer.run('C3', 'Cat', null, 'cat.line').lastInsertRowid)
  const receipt = sqlite.prepare(
    `insert into receipts (source, receipt_number, customer_id, occurred_at, kind, gross_satang, net_satang)
     values ('test', ?, ?, ?, 'sale', ?, ?)`,
  )
  const line = sqlite.prepare(
    'insert into receipt_lines (receipt_id, line_no, product_id, quantity, unit_price_satang, net_satang) values (?, ?, ?, 1, ?, ?)',
  )
  const baskets: [string[], number | null, string][] = []
  for (let i = 0; i < 10; i++)
    baskets.push([['LAT', 'CRO'], i < 3 ? ids.ann : null, `2025-0${1 + (i % 2)}-10T09:00:00`])
  for (let i = 0; i < 4; i++) baskets.push([['LAT'], i < 2 ? ids.ben : null, '2025-02-11T09:00:00'])
  for (let i = 0; i < 3; i++) baskets.push([['CAK', 'TEA'], i < 2 ? ids.cat : null, '2025-02-12T15:00:00'])
  for (let i = 0; i < 3; i++) baskets.push([['TEA'], null, '2025-02-13T15:00:00'])
  sqlite.transaction(() => {
    baskets.forEach(([skus, who, at], r) => {
      const id = Number(receipt.run(`R${r + 1}`, who, at, 0, 0).lastInsertRowid)
      skus.forEach((sku, n) => line.run(id, n + 1, ids[sku], 5000, 5000))
    })
  })()
  return ids
}

describe('Products API', () => {
  it('gives best sellers, the category mix by month, and the rules with their measures', async () => {
    const ctx = await testContext()
    buildShop(ctx)
    const overview = await call(ctx, 'getProductsOverview')
    expect(overview.bestSellers.map((p) => [p.sku, p.receipts, p.netSatang])).toEqual([
      ['LAT', 14, 70000],
      ['CRO', 10, 50000],
      ['TEA', 6, 30000],
      ['CAK', 3, 15000],
    ])
    expect(overview.categoryMix.months).toEqual(['2025-01', '2025-02'])
    expect(overview.categoryMix.series).toEqual([
      { category: 'Coffee', netSatang: [25000, 45000] },
      { category: 'Bakery', netSatang: [25000, 40000] },
      { category: 'Tea', netSatang: [0, 30000] },
    ])

    const rules = await call(ctx, 'getBasketRules', { minSupport: 0.1, minConfidence: 0.5 })
    expect(rules).toMatchObject({ baskets: 20, minCount: 2, itemsets: 6, itemsetsBySize: { 1: 4, 2: 2 } })
    const byKey = new Map(rules.rules.map((r) => [`${r.antecedent[0]?.sku}>${r.consequent[0]?.sku}`, r]))
    // croissant => latte: 10 of 10 croissant baskets have a latte; latte is in 14 of 20
    expect(byKey.get('CRO>LAT')).toMatchObject({ count: 10, confidence: 1, conviction: null })
    expect(byKey.get('CRO>LAT')?.lift).toBeCloseTo(1 / (14 / 20), 12)
    expect(byKey.get('LAT>CRO')?.confidence).toBeCloseTo(10 / 14, 12)
    expect(byKey.get('LAT>CRO')?.leverage).toBeCloseTo(10 / 20 - (14 / 20) * (10 / 20), 12)
    expect(byKey.get('LAT>CRO')?.conviction).toBeCloseTo((1 - 10 / 20) / (1 - 10 / 14), 12)
    expect(byKey.get('CAK>TEA')?.confidence).toBe(1)
    expect(rules.totalRules).toBe(4)
    const categories = await call(ctx, 'getBasketRules', {
      level: 'category',
      minSupport: 0.1,
      minConfidence: 0.5,
    })
    expect(categories.rules.map((r) => `${r.antecedent[0]?.name}>${r.consequent[0]?.name}`).sort()).toEqual([
      'Bakery>Coffee', // 10 of 13 bakery baskets
      'Coffee>Bakery', // 10 of 14
      'Tea>Bakery', // 3 of 6 (bakery => tea is 3 of 13)
    ])
    expect(
      await call(ctx, 'getBasketRules', { minSupport: 0.1, minConfidence: 0.5, minLift: 1.5 }),
    ).toMatchObject({
      totalRules: 2,
    })
  })

  it('lists what is bought together with a product, suggests to each customer, and builds the target list', async () => {
    const ctx = await testContext()
    const ids = buildShop(ctx)
    const together = await call(ctx, 'getBoughtTogether', { productId: ids.LAT ?? 0 })
    expect(together).toMatchObject({ baskets: 20, withProduct: 14 })
    expect(together.items).toHaveLength(1)
    expect(together.items[0]).toMatchObject({ sku: 'CRO', together: 10 })
    expect(together.items[0]?.lift).toBeCloseTo(10 / 14 / (10 / 20), 12)

    // Ben has only had lattes: the rule latte => croissant (lift 1.43) offers him a croissant
    const ben = await call(ctx, 'getCustomerSuggestions', { customerId: ids.ben ?? 0 })
    expect(ben.productsBought).toBe(1)
    expect(ben.suggestions[0]).toMatchObject({
      sku: 'CRO',
      reason: { kind: 'rule', because: [{ sku: 'LAT' }] },
    })
    expect(ben.suggestions[0]?.score).toBeCloseTo(10 / 14, 12)
    // Ann has bought latte and croissant: nothing from the rules; from her history, the bakery's other best
    // sellers she has not had (cake), and never what she already bought
    const ann = await call(ctx, 'getCustomerSuggestions', { customerId: ids.ann ?? 0 })
    expect(ann.suggestions.map((s) => s.sku)).toEqual(['CAK'])
    expect(ann.suggestions[0]?.reason).toEqual({ kind: 'category', category: 'Bakery', purchases: 3 })

    const list = await call(ctx, 'getBasketTargetList', {
      boughtProductId: ids.LAT ?? 0,
      neverProductId: ids.CRO ?? 0,
    })
    expect(list.customers.map((c) => [c.name, c.phone, c.timesBought])).toEqual([['Ben', '+66822222222', 2]])
    const file = await call(ctx, 'exportBasketTargetList', {
      boughtProductId: ids.LAT ?? 0,
      neverProductId: ids.CRO ?? 0,
      format: 'csv',
      headers: { name: 'ชื่อ' },
    })
    const text = Buffer.from(file.base64, 'base64').toString('utf8')
    expect(file.rows).toBe(1)
    // phone numbers starting with + are neutralised by the shared writer
    expect(text).toContain("Ben,'+66822222222")
    expect(text).toContain('ชื่อ')
    expect(await call(ctx, 'searchSuggestionCustomers', { query: 'be' })).toMatchObject([{ name: 'Ben' }])
  })
})

describe('the basket analysis as a job', () => {
  it('mines in the baskets-worker thread, reports progress, and gives the same result as getBasketRules', async () => {
    const ctx = await testContext()
    buildShop(ctx)
    const events: LukkhaEvent[] = []
    ctx.emit = (e) => events.push(e)
    const params = { minSupport: 0.1, minConfidence: 0.5 }
    vi.mocked(workers.runInWorker).mockClear()
    const { jobId } = await call(ctx, 'startBasketRules', params)
    const job = await waitForJob(ctx, jobId, 'baskets')
    expect(job.state).toBe('done')
    expect(job.phase).toBe('baskets.phase.done')
    expect(job.done).toBe(job.total)
    expect(job.result).toEqual(await call(ctx, 'getBasketRules', params))
    expect(vi.mocked(workers.runInWorker).mock.calls.map((c) => c[0])).toEqual(['baskets-worker'])
    const phases = events.flatMap((e) => (e.type === 'job' && e.jobId === jobId ? [e.phase] : []))
    expect(phases).toContain('baskets.phase.reading')
    expect(phases).toContain('baskets.phase.mining')
    expect(phases.at(-1)).toBe('baskets.phase.done')
  })

  it('ends cancelled, with no result, when cancelled through cancelJob', async () => {
    const ctx = await testContext()
    buildShop(ctx)
    const { jobId } = await call(ctx, 'startBasketRules', { minSupport: 0.1, minConfidence: 0.5 })
    expect(await call(ctx, 'cancelJob', { jobId })).toEqual({ cancelled: true })
    const job = await waitForJob(ctx, jobId, 'baskets')
    expect(job).toMatchObject({ state: 'cancelled', phase: 'baskets.phase.cancelled', result: null })
  })

  it('stops mining at the next item once the signal aborts', async () => {
    const ctx = await testContext()
    buildShop(ctx)
    const controller = new AbortController()
    const seen: { phase: string; done?: number; total?: number | null }[] = []
    const job: JobControl = {
      jobId: 'test',
      signal: controller.signal,
      progress: (update) => {
        seen.push(update)
        if (update.phase === 'baskets.phase.mining') controller.abort()
      },
    }
    const run = mineHere(ctx.db, { minSupport: 0.01, minConfidence: 0.1 }, job)
    await expect(run).rejects.toBeInstanceOf(LukkhaError)
    await expect(run).rejects.toMatchObject({ code: 'cancelled' })
    const mining = seen.filter((u) => u.phase === 'baskets.phase.mining')
    expect(mining).toHaveLength(1)
    // five frequent items at this support: it stopped after the first of them
    expect(mining[0]?.total).toBe(4)
  })
})

import { addDays } from '../../src/shared/calendar'
import type { TestSale } from '../helpers/sales'
import { testContext } from '../helpers/db'
import { addSales, storeChurnRun, visits } from './shop'

// Shops built to hit every edge of the retention cards' definitions (cards-sql.test.ts, stored-cards.test.ts).

/** A deterministic pseudo-random stream (mulberry32), so a failure can be reproduced. */
function random(seed: number): () => number {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export async function edgeShop() {
  const ctx = await testContext()
  const sales: TestSale[] = [
    // first purchase on the last day of a month, back 90 days later (within) and 91 days later (not)
    ...visits('A', 100, ['2025-12-31', '2026-03-31']),
    ...visits('B', 100, ['2025-12-31', '2026-04-01']),
    // same-day receipts: one purchase day, never a second purchase
    { customer: 'C', at: '2026-01-15T09:00:00', baht: 100 },
    { customer: 'C', at: '2026-01-15T18:30:00', baht: 40 },
    // a refund the next day is no purchase; a zero-net sale is no purchase
    ...visits('D', 100, ['2026-01-20']),
    { customer: 'D', at: '2026-01-21', baht: -100, kind: 'refund' },
    { customer: 'D', at: '2026-01-22', baht: 0 },
    // a zero-net sale before the first purchase does not make it earlier
    { customer: 'E', at: '2026-02-01', baht: 0 },
    ...visits('E', 100, ['2026-03-01', '2026-03-02']),
    // refunds only: never a buyer
    { customer: 'F', at: '2026-02-10', baht: -50, kind: 'refund' },
    // a refund stored with a positive amount is still no purchase
    { customer: 'F2', at: '2026-03-10', baht: 50, kind: 'refund' },
    // a sale after the as-of dates below does not count
    ...visits('G', 100, ['2026-03-31T23:59:59', '2026-04-01T00:00:00', '2026-06-01']),
    // first purchases around month boundaries and on a 29th/30th/31st
    ...visits('H', 100, ['2026-02-28', '2026-03-01']),
    ...visits('I', 100, ['2026-01-29']),
    ...visits('J', 100, ['2026-01-31', '2026-05-01']),
    ...visits('K', 100, ['2026-03-30']),
    ...visits('L', 100, ['2025-02-28', '2025-03-01', '2025-05-29']),
    // to be erased: their purchases still count
    ...visits('X', 100, ['2026-03-05', '2026-03-06']),
    ...visits('Y', 100, ['2025-11-15']),
    { customer: null, at: '2026-03-15', baht: 10 },
  ]
  const ids = addSales(ctx, sales)
  const sqlite = ctx.connection.sqlite
  const setSource = sqlite.prepare('update customers set acquisition_source = ? where id = ?')
  setSource.run('LINE', ids.get('E'))
  setSource.run('  walk-in ', ids.get('H'))
  setSource.run('LINE', ids.get('K'))
  setSource.run('   ', ids.get('G'))
  setSource.run('Facebook', ids.get('X'))
  const erase = sqlite.prepare("update customers set erased_at = '2026-04-01T00:00:00' where id = ?")
  erase.run(ids.get('X'))
  erase.run(ids.get('Y'))
  // churn high for some, as of a day some of them bought after
  const high = (codes: string[]) => new Map(codes.map((c) => [ids.get(c) ?? 0, 'high' as const]))
  storeChurnRun(ctx, '2026-03-15', high(['A', 'E', 'H', 'X', 'L', 'C']))
  return ctx
}

export async function randomShop(seed: number) {
  const ctx = await testContext()
  const next = random(seed)
  const sales: TestSale[] = []
  for (let c = 0; c < 300; c++) {
    const first = addDays('2024-06-01', Math.floor(next() * 700))
    const receipts = 1 + Math.floor(next() * 5)
    for (let i = 0; i < receipts; i++) {
      const day = addDays(first, Math.floor(next() * 200) * (i === 0 ? 0 : 1))
      const hour = String(8 + Math.floor(next() * 12)).padStart(2, '0')
      const roll = next()
      sales.push({
        customer: `C${c}`,
        at: `${day}T${hour}:00:00`,
        baht: roll < 0.1 ? 0 : roll < 0.2 ? -30 : Math.round(next() * 500),
        kind: roll >= 0.1 && roll < 0.2 ? 'refund' : 'sale',
      })
    }
  }
  const ids = addSales(ctx, sales)
  const sqlite = ctx.connection.sqlite
  const sources = ['LINE', 'Facebook', 'walk-in', null, ' ']
  const setSource = sqlite.prepare('update customers set acquisition_source = ? where id = ?')
  const erase = sqlite.prepare("update customers set erased_at = '2026-01-01T00:00:00' where id = ?")
  const levels = new Map<number, 'high' | 'low'>()
  for (const id of ids.values()) {
    setSource.run(sources[Math.floor(next() * sources.length)], id)
    if (next() < 0.05) erase.run(id)
    levels.set(id, next() < 0.3 ? 'high' : 'low')
  }
  storeChurnRun(ctx, '2025-09-01', levels)
  return ctx
}

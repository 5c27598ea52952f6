import { describe, expect, it } from 'vitest'
import type { ApiContext } from '../../src/main/api/context'
import { dispatch } from '../../src/main/api/dispatch'
import { testContext } from '../helpers/db'

// A hand-made shop whose dashboard figures are worked out by hand below, for the day 2026-03-15.
async function smallShop(): Promise<ApiContext> {
  const ctx = await testContext()
  const run = (query: string, ...params: unknown[]): number =>
    Number(ctx.connection.sqlite.prepare(query).run(...params).lastInsertRowid)
  const latte = run("insert into products (sku, name, category) values ('L', 'ลาเต้เย็น', 'กาแฟ')")
  const cake = run("insert into products (sku, name, category) values ('C', 'เค้กส้ม', 'เค้ก')")
  const a = run("insert into customers (name) values ('เอ')")
  const b = run("insert into customers (name) values ('บี')")
  const c = run("insert into customers (name) values ('ซี')")
  let n = 0
  const receipt = (
    customer: number | null,
    at: string,
    kind: 'sale' | 'refund',
    lines: [number, number, number][],
  ) => {
    const net = lines.reduce((sum, [, qty, price]) => sum + qty * price, 0)
    const id = run(
      "insert into receipts (source, receipt_number, customer_id, occurred_at, kind, net_satang) values ('test', ?, ?, ?, ?, ?)",
      String(++n),
      customer,
      at,
      kind,
      net,
    )
    lines.forEach(([product, qty, price], i) =>
      run(
        'insert into receipt_lines (receipt_id, line_no, product_id, quantity, unit_price_satang, net_satang) values (?, ?, ?, ?, ?, ?)',
        id,
        i + 1,
        product,
        qty,
        price,
        qty * price,
      ),
    )
  }
  receipt(c, '2025-10-01T10:00:00', 'sale', [[cake, 1, 50_000]]) // C: only long ago
  receipt(a, '2025-12-20T09:00:00', 'sale', [[latte, 1, 6_000]]) // A's first sale
  receipt(null, '2026-02-10T12:00:00', 'sale', [[latte, 1, 8_000]])
  receipt(null, '2026-02-20T12:00:00', 'sale', [[cake, 1, 4_000]])
  receipt(b, '2026-03-02T08:30:00', 'sale', [
    [latte, 2, 7_000],
    [cake, 1, 11_000],
  ]) // B: new this month, 250 baht
  receipt(a, '2026-03-10T18:00:00', 'sale', [[latte, 1, 10_000]])
  receipt(a, '2026-03-11T10:00:00', 'refund', [[latte, -1, 3_000]])
  receipt(b, '2026-03-16T00:00:00', 'sale', [[cake, 10, 100_000]]) // the day after: never counted
  return ctx
}

describe('dashboard', () => {
  it('counts customers, active and new ones, and this month against last month', async () => {
    const ctx = await smallShop()
    const result = await dispatch('getDashboard', { asOf: '2026-03-15' }, ctx)
    if (!result.ok) throw new Error(result.error.message)
    const d = result.data as Record<string, unknown>
    expect(d).toMatchObject({
      asOf: '2026-03-15',
      customers: 3,
      activeCustomers90d: 2, // A and B; C's last sale is before 2025-12-16
      newCustomersThisMonth: 1, // B
      revenueThisMonthSatang: 25_000 + 10_000 - 3_000,
      revenueLastMonthToDateSatang: 8_000, // 1-15 February
      revenueLastMonthSatang: 12_000,
    })
    const months = d.monthlyRevenue as { month: string; netSatang: number; receipts: number }[]
    expect(months.map((m) => m.month)).toEqual([
      '2025-04',
      '2025-05',
      '2025-06',
      '2025-07',
      '2025-08',
      '2025-09',
      '2025-10',
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
      '2026-03',
    ])
    expect(months.filter((m) => m.netSatang !== 0)).toEqual([
      { month: '2025-10', netSatang: 50_000, receipts: 1 },
      { month: '2025-12', netSatang: 6_000, receipts: 1 },
      { month: '2026-02', netSatang: 12_000, receipts: 2 },
      { month: '2026-03', netSatang: 32_000, receipts: 2 },
    ])
    // 90 days: latte 6,000 + 8,000 + 14,000 + 10,000 - 3,000; cake 4,000 + 11,000.
    expect(d.topProducts).toEqual([
      { productId: 1, name: 'ลาเต้เย็น', category: 'กาแฟ', quantity: 4, netSatang: 35_000 },
      { productId: 2, name: 'เค้กส้ม', category: 'เค้ก', quantity: 2, netSatang: 15_000 },
    ])
  })

  it('compares with the whole of a shorter last month at the end of a month', async () => {
    const ctx = await smallShop()
    const result = await dispatch('getDashboard', { asOf: '2026-03-31' }, ctx)
    expect(result).toMatchObject({
      ok: true,
      data: { revenueLastMonthToDateSatang: 12_000, revenueLastMonthSatang: 12_000 },
    })
  })

  it('measures from the last sale by default, not from today, and says so', async () => {
    const ctx = await smallShop()
    const result = await dispatch('getDashboard', undefined, ctx)
    if (!result.ok) throw new Error(result.error.message)
    // the last sale is B's on 2026-03-16: March's figures, B's 10 cakes (10,000 baht) included
    expect(result.data).toMatchObject({
      asOf: '2026-03-16',
      asOfChosen: false,
      lastSaleDate: '2026-03-16',
      newCustomersThisMonth: 1,
      revenueThisMonthSatang: 25_000 + 10_000 - 3_000 + 1_000_000,
    })
    const chosen = await dispatch('getDashboard', { asOf: '2026-03-15' }, ctx)
    expect(chosen).toMatchObject({
      ok: true,
      data: { asOf: '2026-03-15', asOfChosen: true, lastSaleDate: '2026-03-16' },
    })
    const empty = await dispatch('getDashboard', undefined, await testContext())
    expect(empty).toMatchObject({ ok: true, data: { lastSaleDate: null, asOfChosen: false } })
  })

  it('shows zeros on an empty database and rejects a malformed date', async () => {
    const ctx = await testContext()
    const result = await dispatch('getDashboard', { asOf: '2026-01-31' }, ctx)
    expect(result).toMatchObject({
      ok: true,
      data: { customers: 0, activeCustomers90d: 0, revenueThisMonthSatang: 0, topProducts: [] },
    })
    expect(await dispatch('getDashboard', { asOf: '31/01/2026' }, ctx)).toMatchObject({
      ok: false,
      error: { code: 'validation' },
    })
  })
})

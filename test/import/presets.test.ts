import { describe, expect, it } from 'vitest'
import { detectPreset } from '../../src/main/import/presets'
import { readHead } from '../../src/main/import/read'
import { testContext } from '../helpers/db'
import { fixture, importFixture, totals } from './helpers'

// Expected figures are worked out by hand from the fixture files (written from POS_FORMATS.md layouts).

describe('preset detection from the header row', () => {
  it.each([
    ['loyverse-receipts-by-item.csv', 'loyverse_receipts'],
    ['loyverse-customers.csv', 'loyverse_customers'],
    ['square-items-detail.csv', 'square_items'],
    ['square-customers.csv', 'square_customers'],
    ['shopify-orders.csv', 'shopify_orders'],
    ['shopify-customers.csv', 'shopify_customers'],
    ['lukkha-sales.csv', 'lukkha_sales'],
    ['mypos-export.csv', null],
  ])('%s is %s', async (file, preset) => {
    const { header } = await readHead(fixture(file), 'csv', {
      delimiter: file.startsWith('mypos') ? ';' : ',',
    })
    expect(detectPreset(header)?.name ?? null).toBe(preset)
  })

  it('matches headers by name whatever their case, spacing and order', () => {
    const shuffled = ['  net SALES ', 'ITEM', 'receipt number', 'gross sales', 'Date', 'Quantity']
    expect(detectPreset(shuffled)?.name).toBe('loyverse_receipts')
  })
})

describe('importing each preset', () => {
  it('Loyverse receipts by item: receipts, refund, cancelled receipt left out, customers by phone, e-mail and name', async () => {
    const { connection } = await testContext()
    const s = await importFixture(connection.sqlite, 'loyverse-receipts-by-item.csv')
    expect(s).toMatchObject({
      status: 'done',
      preset: 'loyverse_receipts',
      encoding: 'utf-8',
      dateOrder: 'dmy',
      rowsRead: 11,
      rowsIgnored: 1,
      rowsRejected: 0,
      receiptsAdded: 6,
      linesAdded: 10,
      customersCreated: 3,
      customersMatched: 0,
      productsCreated: 5,
      storesCreated: 2,
      netAdded: 72500,
    })
    expect(totals(connection.sqlite)).toMatchObject({
      receipts: 6,
      lines: 10,
      customers: 3,
      net: 72500,
      receiptNet: 72500,
    })
    const q = connection.sqlite
    expect(
      q.prepare("select kind, net_satang, occurred_at from receipts where receipt_number = '1-1004'").get(),
    ).toEqual({
      kind: 'refund',
      net_satang: -4500,
      occurred_at: '2026-01-02T10:00:00',
    })
    // gross, discount and net of a receipt: 65 + 90 gross, 10 discount
    expect(
      q
        .prepare(
          "select gross_satang, discount_satang, net_satang from receipts where receipt_number = '1-1001'",
        )
        .get(),
    ).toEqual({
      gross_satang: 15500,
      discount_satang: 1000,
      net_satang: 14500,
    })
    expect(q.prepare("select count(*) from receipts where receipt_number = '2-0002'").pluck().get()).toBe(0)
    // สมชาย's two receipts (with and without dashes in the phone) are one customer
    expect(
      q
        .prepare(
          "select c.name, c.phone, c.first_seen, c.last_seen, count(r.id) as receipts from customers c join receipts r on r.customer_id = c.id where c.phone = '+66812345678' group by c.id",
        )
        .all(),
    ).toEqual([
      {
        name: 'สมชาย ใจดี',
        phone: '+66812345678',
        first_seen: '2025-12-31',
        last_seen: '2026-01-02',
        receipts: 2,
      },
    ])
    // Anan's second receipt has only the name: matched by it
    expect(
      q
        .prepare(
          "select count(distinct customer_id) from receipts where receipt_number in ('2-0001', '2-0003')",
        )
        .pluck()
        .get(),
    ).toBe(1)
    expect(q.prepare("select name from products where sku = '10001'").pluck().get()).toBe('Latte (Hot)')
    expect(q.prepare("select name, category from products where sku = '20002'").get()).toEqual({
      name: 'Cake, chocolate',
      category: 'Bakery',
    })
    expect(
      q
        .prepare(
          'select quantity, unit_price_satang, discount_satang, net_satang from receipt_lines where receipt_id = (select id from receipts where receipt_number = ?) and line_no = 2',
        )
        .get('1-1001'),
    ).toEqual({
      quantity: 2,
      unit_price_satang: 4500,
      discount_satang: 1000,
      net_satang: 8000,
    })
  })

  it('Loyverse customers: codes kept as POS ids, e-mails lower-cased, a bad phone warned about and left out', async () => {
    const { connection } = await testContext()
    const s = await importFixture(connection.sqlite, 'loyverse-customers.csv')
    expect(s).toMatchObject({
      status: 'done',
      kind: 'customers',
      rowsRead: 4,
      customersCreated: 4,
      receiptsAdded: 0,
    })
    expect(s.warnings).toEqual([
      { row: 4, column: 'Phone', value: '12345', reason: 'bad_phone', message: expect.any(String) },
    ])
    const q = connection.sqlite
    expect(
      q
        .prepare(
          "select name, email, phone, first_seen, last_seen from customers where email = 'somsri@example.com'",
        )
        .get(),
    ).toEqual({
      name: 'Somsri Rakdee',
      email: 'somsri@example.com',
      phone: null,
      first_seen: '2026-01-01',
      last_seen: '2026-01-01',
    })
    expect(
      q
        .prepare(
          "select value from customer_aliases where kind = 'pos_id' and source = 'loyverse' order by value",
        )
        .pluck()
        .all(),
    ).toEqual(['C001', 'C002', 'C003', 'C004'])
    expect(q.prepare("select phone from customers where name = 'Boonmee'").pluck().get()).toBeNull()
  })

  it('Square items detail: transaction ids, baht with symbols and parentheses, a refund event, Excel-resaved dates', async () => {
    const { connection } = await testContext()
    const s = await importFixture(connection.sqlite, 'square-items-detail.csv')
    expect(s).toMatchObject({
      status: 'done',
      preset: 'square_items',
      dateOrder: 'mdy',
      rowsRead: 5,
      receiptsAdded: 4,
      linesAdded: 5,
      customersCreated: 2,
      netAdded: 139900,
    })
    const q = connection.sqlite
    expect(
      q
        .prepare('select receipt_number, kind, net_satang, occurred_at from receipts order by occurred_at')
        .all(),
    ).toEqual([
      { receipt_number: 'T1', kind: 'sale', net_satang: 30000, occurred_at: '2026-07-18T12:59:30' },
      { receipt_number: 'T2', kind: 'sale', net_satang: 6000, occurred_at: '2026-07-19T09:10:00' },
      { receipt_number: 'T1/refund', kind: 'refund', net_satang: -11000, occurred_at: '2026-07-20T10:00:00' },
      { receipt_number: 'T3', kind: 'sale', net_satang: 114900, occurred_at: '2026-07-21T14:00:00' },
    ])
    expect(q.prepare("select name from products where sku = 'LAT-1'").pluck().get()).toBe('Latte') // 'Regular' left out
    expect(q.prepare("select name from products where sku = 'SW-1'").pluck().get()).toBe('Sandwich (Large)')
    expect(
      q
        .prepare("select count(distinct customer_id) from receipts where receipt_number like 'T1%'")
        .pluck()
        .get(),
    ).toBe(1)
    expect(
      q
        .prepare(
          "select value from customer_aliases where kind = 'pos_id' and source = 'square' order by value",
        )
        .pluck()
        .all(),
    ).toEqual(['CUST2', 'GTY7JAA901CPDHWN4M3900J27W'])
  })

  it('Square customers after its sales: matched by Square Customer ID, birthday and phone filled in', async () => {
    const { connection } = await testContext()
    await importFixture(connection.sqlite, 'square-items-detail.csv')
    const s = await importFixture(connection.sqlite, 'square-customers.csv')
    expect(s).toMatchObject({ status: 'done', rowsRead: 3, customersCreated: 2, customersMatched: 1 })
    expect(s.warnings.map((w) => [w.row, w.column, w.value])).toEqual([[2, 'Phone Number', '(310) 703-8944']])
    expect(
      connection.sqlite
        .prepare(
          "select name, phone, email, birthday, first_seen from customers where id = (select customer_id from customer_aliases where value = 'GTY7JAA901CPDHWN4M3900J27W')",
        )
        .get(),
    ).toEqual({
      name: 'Malee Srisuk',
      phone: '+66812223333',
      email: 'malee@example.com',
      birthday: '1990-04-12',
      first_seen: '2026-07-18',
    })
  })

  it('Shopify orders: order fields on the first row only, cancelled order left out, refunded amount netted, UTC offsets', async () => {
    const { connection } = await testContext()
    const s = await importFixture(connection.sqlite, 'shopify-orders.csv')
    expect(s).toMatchObject({
      status: 'done',
      rowsRead: 4,
      rowsIgnored: 1,
      receiptsAdded: 3,
      linesAdded: 4,
      customersCreated: 2,
      netAdded: 75000,
    })
    const q = connection.sqlite
    expect(
      q.prepare('select receipt_number, kind, net_satang, occurred_at from receipts order by id').all(),
    ).toEqual([
      { receipt_number: '#1001', kind: 'sale', net_satang: 40000, occurred_at: '2024-05-01T10:00:00' },
      { receipt_number: '#1002', kind: 'sale', net_satang: 70000, occurred_at: '2024-05-02T10:30:00' },
      {
        receipt_number: '#1002/refund',
        kind: 'refund',
        net_satang: -35000,
        occurred_at: '2024-05-02T10:30:00',
      },
    ])
    // the second line of #1001 belongs to Kanya although its row has no customer columns
    expect(
      q
        .prepare(
          "select c.email, c.phone from receipts r join customers c on c.id = r.customer_id where r.receipt_number = '#1001'",
        )
        .get(),
    ).toEqual({ email: 'a@example.com', phone: '+66811112222' })
    expect(
      q
        .prepare(
          "select net_satang, discount_satang from receipt_lines where line_no = 2 and receipt_id = (select id from receipts where receipt_number = '#1001')",
        )
        .get(),
    ).toEqual({ net_satang: 5000, discount_satang: 1000 })
  })

  it('Shopify customers after orders: apostrophes stripped, matched by phone', async () => {
    const { connection } = await testContext()
    await importFixture(connection.sqlite, 'shopify-orders.csv')
    const s = await importFixture(connection.sqlite, 'shopify-customers.csv')
    expect(s).toMatchObject({ status: 'done', rowsRead: 2, customersCreated: 1, customersMatched: 1 })
    expect(
      connection.sqlite
        .prepare(
          "select value from customer_aliases where kind = 'pos_id' and source = 'shopify' order by value",
        )
        .pluck()
        .all(),
    ).toEqual(['7210448301122', '7210448301123'])
    expect(
      connection.sqlite.prepare("select phone from customers where email = 'dao@example.com'").pluck().get(),
    ).toBe('+66899990000')
  })

  it('Lukkha sales CSV: net defaults to quantity x price, negative quantity is a refund, a shared phone with another code is a merge suggestion', async () => {
    const { connection } = await testContext()
    const s = await importFixture(connection.sqlite, 'lukkha-sales.csv')
    expect(s).toMatchObject({
      status: 'done',
      preset: 'lukkha_sales',
      rowsRead: 5,
      receiptsAdded: 4,
      linesAdded: 5,
      customersCreated: 2,
      mergeSuggestions: 1,
      netAdded: 15000,
    })
    const q = connection.sqlite
    expect(q.prepare('select receipt_number, kind, net_satang from receipts order by id').all()).toEqual([
      { receipt_number: 'R-001', kind: 'sale', net_satang: 11000 },
      { receipt_number: 'R-002', kind: 'sale', net_satang: 6000 },
      { receipt_number: 'R-003', kind: 'refund', net_satang: -5000 },
      { receipt_number: 'R-004', kind: 'sale', net_satang: 3000 },
    ])
    expect(q.prepare('select code from customers order by id').pluck().all()).toEqual(['C-01', 'C-02'])
    expect(q.prepare('select reason, value, status from merge_suggestions').all()).toEqual([
      { reason: 'phone', value: '+66812345670', status: 'open' },
    ])
    expect(
      q
        .prepare(
          "select unit_price_satang, net_satang from receipt_lines where receipt_id = (select id from receipts where receipt_number = 'R-002')",
        )
        .get(),
    ).toEqual({ unit_price_satang: 6000, net_satang: 6000 })
  })
})

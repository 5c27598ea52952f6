import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import { listImports, undoImport } from '../../src/main/import/history'
import { tempDir, testContext } from '../helpers/db'
import { fixture, fixedNow, importFixture, snapshot, totals } from './helpers'

const everyFixture: [string, Parameters<typeof importFixture>[2]][] = [
  ['loyverse-receipts-by-item.csv', {}],
  ['loyverse-customers.csv', {}],
  ['square-items-detail.csv', {}],
  ['square-customers.csv', {}],
  ['shopify-orders.csv', {}],
  ['shopify-customers.csv', {}],
  ['lukkha-sales.csv', {}],
  ['thai-windows-874.csv', {}],
  ['utf16le-bom.csv', {}],
  ['sales.xlsx', {}],
  [
    'mypos-export.csv',
    {
      preset: 'generic',
      mapping: {
        kind: 'sales',
        source: 'mypos',
        decimalSeparator: ',',
        columns: {
          receipt_number: 'เลขที่บิล',
          date: 'วันที่ขาย',
          customer_name: 'ลูกค้า',
          phone: 'เบอร์โทร',
          product_name: 'สินค้า',
          quantity: 'จำนวน',
          unit_price: 'ราคา',
          net_amount: 'ยอดรวม',
        },
      },
    },
  ],
]

describe('idempotency', () => {
  it.each(everyFixture)(
    're-importing %s adds nothing and says how many it skipped',
    async (file, options) => {
      const { connection } = await testContext()
      const first = await importFixture(connection.sqlite, file, options)
      expect(first.status).toBe('done')
      const before = snapshot(connection.sqlite)
      const again = await importFixture(connection.sqlite, file, options)
      expect(again).toMatchObject({
        status: 'done',
        receiptsAdded: 0,
        linesAdded: 0,
        customersCreated: 0,
        productsCreated: 0,
        storesCreated: 0,
      })
      expect(again.duplicatesSkipped).toBe(first.linesAdded)
      expect(snapshot(connection.sqlite)).toEqual(before)
    },
  )

  it('an overlapping export adds only the new receipts', async () => {
    const { connection } = await testContext()
    const a = await importFixture(connection.sqlite, 'overlap-a.csv')
    expect(a).toMatchObject({ receiptsAdded: 4, linesAdded: 6, customersCreated: 2 })
    const b = await importFixture(connection.sqlite, 'overlap-b.csv')
    // 3-003 (2 lines) and 3-004 (1 line) are in both; 3-005 and 3-006 are new
    expect(b).toMatchObject({
      receiptsAdded: 2,
      linesAdded: 3,
      duplicatesSkipped: 3,
      customersCreated: 1,
      customersMatched: 1,
      netAdded: 19500,
    })
    expect(totals(connection.sqlite)).toMatchObject({
      receipts: 6,
      lines: 9,
      customers: 3,
      net: 69500,
      receiptNet: 69500,
    })
    // 3-003 keeps its two identical lines: they are two lines, not one duplicated
    expect(
      connection.sqlite
        .prepare(
          "select count(*) from receipt_lines where receipt_id = (select id from receipts where receipt_number = '3-003')",
        )
        .pluck()
        .get(),
    ).toBe(2)
  })

  it('undo restores the exact previous state, even for customers an import only updated', async () => {
    const { connection, db } = await testContext()
    await importFixture(connection.sqlite, 'loyverse-receipts-by-item.csv')
    const before = snapshot(connection.sqlite)
    const counts = totals(connection.sqlite)
    const customers = await importFixture(connection.sqlite, 'loyverse-customers.csv')
    expect(customers).toMatchObject({ customersCreated: 2, customersMatched: 2 })
    // the customers file moved สมชาย's first visit back and gave Somsri a POS code
    expect(
      connection.sqlite
        .prepare("select first_seen from customers where phone = '+66812345678'")
        .pluck()
        .get(),
    ).toBe('2025-06-15')
    const sales = await importFixture(connection.sqlite, 'overlap-a.csv')
    expect(totals(connection.sqlite)).not.toEqual(counts)

    // the two later imports are independent of each other: undone in either order
    const undoneCustomers = await undoImport(db, customers.importId ?? 0, fixedNow)
    expect(undoneCustomers).toMatchObject({ customersRemoved: 2, customersRestored: 2 })
    const undoneSales = await undoImport(db, sales.importId ?? 0, fixedNow)
    expect(undoneSales).toMatchObject({ receiptsRemoved: 4, linesRemoved: 6, customersRemoved: 2 })
    expect(totals(connection.sqlite)).toEqual(counts)
    expect(snapshot(connection.sqlite)).toEqual(before)
    const history = await listImports(db)
    expect(history.map((h) => [h.id, h.status])).toEqual([
      [3, 'undone'],
      [2, 'undone'],
      [1, 'done'],
    ])
    await expect(undoImport(db, 2, fixedNow)).rejects.toMatchObject({
      code: 'import_already_undone',
      message: expect.stringMatching(/already undone/),
    })
    await expect(undoImport(db, 99, fixedNow)).rejects.toMatchObject({ code: 'not_found' })
  })

  it('undo of a file that added lines to receipts stored earlier removes just those lines and fixes the totals', async () => {
    const { connection, db } = await testContext()
    const dir = tempDir()
    const whole = readFileSync(fixture('lukkha-sales.csv'), 'utf8').split('\n')
    // first a file with R-001's first line only, then the whole file
    writeFileSync(join(dir, 'part.csv'), `${whole[0]}\n${whole[1]}\n`)
    await importFixture(connection.sqlite, join(dir, 'part.csv'))
    const before = snapshot(connection.sqlite)
    const rest = await importFixture(connection.sqlite, 'lukkha-sales.csv')
    expect(rest).toMatchObject({ receiptsAdded: 3, linesAdded: 4, duplicatesSkipped: 1 })
    expect(
      connection.sqlite
        .prepare("select net_satang from receipts where receipt_number = 'R-001'")
        .pluck()
        .get(),
    ).toBe(11000)
    await undoImport(db, rest.importId ?? 0, fixedNow)
    expect(snapshot(connection.sqlite)).toEqual(before)
    expect(
      connection.sqlite
        .prepare("select net_satang from receipts where receipt_number = 'R-001'")
        .pluck()
        .get(),
    ).toBe(10000)
  })

  it('refuses to undo an import whose customers later sales belong to', async () => {
    const { connection, db } = await testContext()
    const first = await importFixture(connection.sqlite, 'overlap-a.csv')
    await importFixture(connection.sqlite, 'overlap-b.csv')
    const before = snapshot(connection.sqlite)
    await expect(undoImport(db, first.importId ?? 0, fixedNow)).rejects.toMatchObject({
      code: 'import_has_dependents',
      message: expect.stringMatching(
        /later receipts belong to customers or stores this import created \(import #2\)/,
      ),
    })
    expect(snapshot(connection.sqlite)).toEqual(before)
  })
})

describe('rows with errors', () => {
  it('lists every bad row with row number, column, value and reason, and stores nothing', async () => {
    const { connection, db } = await testContext()
    const before = snapshot(connection.sqlite)
    const s = await importFixture(connection.sqlite, 'bad-rows.csv')
    expect(s.status).toBe('failed')
    expect(s.errors.map((e) => [e.row, e.column, e.value, e.reason])).toEqual([
      [3, 'date', '32/13/2025', 'bad_date'],
      [4, 'unit_price', 'ten baht', 'bad_amount'],
      [5, 'receipt_number', '', 'missing_value'],
      [7, 'quantity', 'two', 'bad_quantity'],
    ])
    expect(s).toMatchObject({ rowsRead: 8, rowsRejected: 4, receiptsAdded: 0, linesAdded: 0 })
    expect(snapshot(connection.sqlite)).toEqual(before)
    const [record] = await listImports(db)
    expect(record).toMatchObject({ status: 'failed', rows_read: 8, rows_rejected: 4, receipts_added: 0 })
  })

  it('with the valid-rows choice stores exactly the valid rows and saves the rejected ones as CSV', async () => {
    const { connection } = await testContext()
    const out = join(tempDir(), 'rejected.csv')
    const s = await importFixture(connection.sqlite, 'bad-rows.csv', {
      validRowsOnly: true,
      rejectedOut: out,
    })
    expect(s).toMatchObject({
      status: 'done',
      rowsRejected: 4,
      receiptsAdded: 3,
      linesAdded: 4,
      netAdded: 6500,
      rejectedFile: out,
    })
    expect(
      connection.sqlite.prepare('select receipt_number from receipts order by id').pluck().all(),
    ).toEqual(['B-1', 'B-4', 'B-6'])
    const rejected = Papa.parse<string[]>(readFileSync(out, 'utf8').replace(/^\uFEFF/, ''), {
      skipEmptyLines: true,
    }).data
    expect(rejected[0]?.at(-1)).toBe('lukkha_error')
    expect(rejected.slice(1).map((r) => [r[0], r[1], r[9], r[10]])).toEqual([
      ['B-2', '32/13/2025', '1', '10.00'],
      ['B-3', '2025-05-03', '1', 'ten baht'],
      ['', '2025-05-03', '1', '10.00'],
      ['B-5', '2025-05-05', 'two', '10.00'],
    ])
    expect(rejected[1]?.at(-1)).toMatch(/row 3, date: "32\/13\/2025" is not a date/)
  })

  it('after fixing the rejected rows, importing them adds exactly them', async () => {
    const { connection } = await testContext()
    const dir = tempDir()
    const out = join(dir, 'rejected.csv')
    await importFixture(connection.sqlite, 'bad-rows.csv', { validRowsOnly: true, rejectedOut: out })
    const fixed = readFileSync(out, 'utf8')
      .replace('32/13/2025', '2025-05-02')
      .replace('ten baht', '10.00')
      .replace('\r\n,2025-05-03', '\r\nB-7,2025-05-03')
      .replace(',two,', ',2,')
    writeFileSync(join(dir, 'fixed.csv'), fixed)
    const s = await importFixture(connection.sqlite, join(dir, 'fixed.csv'))
    expect(s).toMatchObject({ status: 'done', receiptsAdded: 4, linesAdded: 4, duplicatesSkipped: 0 })
    expect(totals(connection.sqlite)).toMatchObject({
      receipts: 7,
      lines: 8,
      net: 6500 + 1000 + 1000 + 1000 + 2000,
    })
  })
})

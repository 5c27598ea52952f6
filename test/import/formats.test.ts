import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { planImport } from '../../src/main/import/plan'
import { runImport } from '../../src/main/import/run'
import { tempDir, testContext } from '../helpers/db'
import { fixture, fixedNow, importFixture, snapshot, totals } from './helpers'

const myposMapping = {
  kind: 'sales' as const,
  source: 'mypos',
  decimalSeparator: ',' as const,
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
}

describe('encodings and formats', () => {
  it('a Windows-874 file with Thai names and Buddhist-era dates imports with the right text and dates', async () => {
    const { connection } = await testContext()
    const s = await importFixture(connection.sqlite, 'thai-windows-874.csv')
    expect(s).toMatchObject({
      status: 'done',
      encoding: 'windows-874',
      preset: 'lukkha_sales',
      dateOrder: 'dmy',
      receiptsAdded: 3,
      linesAdded: 4,
      customersCreated: 2,
      netAdded: 25500,
    })
    const q = connection.sqlite
    expect(q.prepare('select receipt_number, occurred_at from receipts order by id').all()).toEqual([
      { receipt_number: 'T-1', occurred_at: '2024-12-31T14:05:00' },
      { receipt_number: 'T-2', occurred_at: '2025-01-01T08:30:00' },
      { receipt_number: 'T-3', occurred_at: '2025-02-15T00:00:00' },
    ])
    expect(q.prepare('select name, phone, first_seen, last_seen from customers order by id').all()).toEqual([
      { name: 'สมหญิง แสนดี', phone: '+66891112222', first_seen: '2024-12-31', last_seen: '2025-02-15' },
      { name: 'ประยุทธ์ มั่นคง', phone: null, first_seen: '2025-01-01', last_seen: '2025-01-01' },
    ])
    expect(q.prepare('select name from products order by id').pluck().all()).toEqual([
      'ข้าวผัดกุ้ง',
      'ชาเย็น',
      'กาแฟเย็น',
    ])
    expect(q.prepare('select name from stores').pluck().all()).toEqual(['ร้านป้าแดง'])
  })

  it('a UTF-16LE tab-separated file (Excel "Unicode Text") imports', async () => {
    const { connection } = await testContext()
    const s = await importFixture(connection.sqlite, 'utf16le-bom.csv')
    expect(s).toMatchObject({
      status: 'done',
      encoding: 'utf-16le',
      delimiter: '\t',
      receiptsAdded: 2,
      linesAdded: 2,
      customersCreated: 1,
      netAdded: 3000,
    })
    expect(connection.sqlite.prepare('select name, phone from customers').get()).toEqual({
      name: 'นิดา',
      phone: '+66865554444',
    })
  })

  it('an XLSX workbook: date cells, numbers, a phone without its leading zero, and a chosen sheet', async () => {
    const { connection } = await testContext()
    const s = await importFixture(connection.sqlite, 'sales.xlsx')
    expect(s).toMatchObject({
      status: 'done',
      format: 'xlsx',
      encoding: null,
      sheet: 'Sales',
      receiptsAdded: 2,
      linesAdded: 3,
      customersCreated: 1,
      netAdded: 19500,
    })
    expect(connection.sqlite.prepare('select occurred_at from receipts order by id').pluck().all()).toEqual([
      '2025-03-01T10:15:00',
      '2025-03-02T00:00:00',
    ])
    expect(connection.sqlite.prepare('select code, name, phone from customers').get()).toEqual({
      code: 'C-10',
      name: 'วิไล',
      phone: '+66812223344',
    })
    const other = await importFixture(connection.sqlite, 'sales.xlsx', { sheet: 'Customers' })
    expect(other).toMatchObject({
      status: 'done',
      preset: 'loyverse_customers',
      sheet: 'Customers',
      customersCreated: 1,
    })
    await expect(importFixture(connection.sqlite, 'sales.xlsx', { sheet: 'Nope' })).rejects.toMatchObject({
      code: 'file_no_sheet',
      message: expect.stringMatching(/no sheet named "Nope" \(its sheets: Sales, Customers\)/),
    })
  })
})

describe('the generic layout', () => {
  it('refuses a header it does not know until columns are mapped', async () => {
    const { connection } = await testContext()
    await expect(importFixture(connection.sqlite, 'mypos-export.csv')).rejects.toMatchObject({
      code: 'mapping_needed',
      details: { decision: 'mapping' },
    })
    expect(totals(connection.sqlite).receipts).toBe(0)
  })

  it('imports with a mapping (semicolons, decimal commas, dotted dates) and offers the saved mapping for the same header', async () => {
    const { connection } = await testContext()
    const s = await importFixture(connection.sqlite, 'mypos-export.csv', {
      preset: 'generic',
      mapping: myposMapping,
    })
    expect(s).toMatchObject({
      status: 'done',
      preset: 'generic',
      source: 'mypos',
      delimiter: ';',
      dateOrder: 'dmy',
      receiptsAdded: 2,
      linesAdded: 3,
      customersCreated: 1,
      netAdded: 138450,
    })
    expect(
      connection.sqlite
        .prepare("select occurred_at, source from receipts where receipt_number = 'M-1'")
        .get(),
    ).toEqual({ occurred_at: '2025-01-25T14:30:00', source: 'mypos' })
    const plan = await planImport(connection.sqlite, fixture('mypos-export.csv'), {})
    expect(plan.mappingOrigin).toBe('saved')
    expect(plan.mapping?.columns).toEqual(myposMapping.columns)
    expect(plan.mapping?.decimalSeparator).toBe(',')
    // with the saved mapping the same file imports again without one, and adds nothing twice
    const again = await importFixture(connection.sqlite, 'mypos-export.csv')
    expect(again).toMatchObject({ status: 'done', preset: 'generic', linesAdded: 0, duplicatesSkipped: 3 })
  })

  it('proposes a mapping from the column names', async () => {
    const { connection } = await testContext()
    const plan = await planImport(connection.sqlite, fixture('mypos-export.csv'), {})
    expect(plan.mapping).toBeNull()
    expect(plan.proposal).toEqual({ kind: 'sales', columns: myposMapping.columns })
  })

  it('names a mapped column that the file does not have', async () => {
    const { connection } = await testContext()
    const mapping = { ...myposMapping, columns: { ...myposMapping.columns, date: 'Sold at' } }
    await expect(importFixture(connection.sqlite, 'mypos-export.csv', { mapping })).rejects.toMatchObject({
      code: 'bad_input',
      message: expect.stringMatching(/takes date from the column "Sold at"/),
    })
  })

  it('says which required field has no column', async () => {
    const { connection } = await testContext()
    const { quantity: _q, ...columns } = myposMapping.columns
    await expect(
      importFixture(connection.sqlite, 'mypos-export.csv', { mapping: { ...myposMapping, columns } }),
    ).rejects.toMatchObject({
      code: 'bad_input',
      message: expect.stringMatching(/no column for quantity/),
    })
  })
})

describe('day/month order', () => {
  it('detects M/D/YY with 12-hour times', async () => {
    const { connection } = await testContext()
    const s = await importFixture(connection.sqlite, 'loyverse-mdy.csv')
    expect(s).toMatchObject({ dateOrder: 'mdy' })
    expect(connection.sqlite.prepare('select occurred_at from receipts order by id').pluck().all()).toEqual([
      '2026-07-28T13:33:00',
      '2026-07-29T09:05:00',
    ])
  })

  it('asks when every date fits both orders, and stores nothing until told', async () => {
    const { connection } = await testContext()
    const before = snapshot(connection.sqlite)
    await expect(importFixture(connection.sqlite, 'loyverse-ambiguous-dates.csv')).rejects.toMatchObject({
      code: 'date_order_needed',
      details: { decision: 'date_order' },
    })
    expect(snapshot(connection.sqlite)).toEqual(before)
    await importFixture(connection.sqlite, 'loyverse-ambiguous-dates.csv', { dateOrder: 'mdy' })
    expect(connection.sqlite.prepare('select occurred_at from receipts order by id').pluck().all()).toEqual([
      '2026-03-04T13:33:00',
      '2026-05-06T00:00:00',
    ])
  })

  it('looks past the first rows when they fit both orders', async () => {
    const { connection } = await testContext()
    const file = join(tempDir(), 'late.csv')
    const rows = ['receipt_number,date,quantity,net_amount']
    for (let i = 0; i < 3000; i++) rows.push(`N-${i},${(i % 12) + 1}/${(i % 11) + 1}/2025,1,10`)
    rows.push('N-last,12/31/2025,1,10') // only month/day fits this one
    writeFileSync(file, `${rows.join('\n')}\n`)
    const s = await runImport(connection.sqlite, file, {}, { now: fixedNow })
    expect(s).toMatchObject({ status: 'done', dateOrder: 'mdy', receiptsAdded: 3001 })
    expect(
      connection.sqlite
        .prepare("select occurred_at from receipts where receipt_number = 'N-1'")
        .pluck()
        .get(),
    ).toBe('2025-02-02T00:00:00')
    expect(
      connection.sqlite
        .prepare("select occurred_at from receipts where receipt_number = 'N-2'")
        .pluck()
        .get(),
    ).toBe('2025-03-03T00:00:00')
    expect(
      connection.sqlite
        .prepare("select occurred_at from receipts where receipt_number = 'N-12'")
        .pluck()
        .get(),
    ).toBe('2025-01-02T00:00:00')
  })
})

describe('cancel', () => {
  it('rolls back everything and records nothing', async () => {
    const { connection } = await testContext()
    const file = join(tempDir(), 'many.csv')
    const rows = ['receipt_number,date,quantity,net_amount']
    for (let i = 0; i < 200_000; i++) rows.push(`C-${i},2025-01-01,1,10`)
    writeFileSync(file, `${rows.join('\n')}\n`)
    const before = snapshot(connection.sqlite)
    const controller = new AbortController()
    let sawProgress = false
    const s = await runImport(
      connection.sqlite,
      file,
      {},
      {
        now: fixedNow,
        signal: controller.signal,
        onProgress: (p) => {
          if (p.phase === 'import.phase.reading' && p.done > 0) {
            sawProgress = true
            controller.abort()
          }
        },
      },
    )
    expect(sawProgress).toBe(true)
    expect(s).toMatchObject({ status: 'cancelled', importId: null })
    expect(s.rowsRead).toBeLessThan(200_000)
    expect(snapshot(connection.sqlite)).toEqual(before)
    expect(connection.sqlite.prepare('select count(*) from imports').pluck().get()).toBe(0)
  })
})

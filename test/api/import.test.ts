import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { dispatch } from '../../src/main/api/dispatch'
import type { LukkhaEvent } from '../../src/shared/events'
import { tempDir, testContext } from '../helpers/db'
import { fixture } from '../import/helpers'
import { call, finished, upload } from './import-helpers'

describe('import API: upload and preview', () => {
  it('previews a dropped Loyverse export: encoding, delimiter, layout, decoded rows, mapped sample, date order', async () => {
    const ctx = await testContext()
    const fileId = await upload(ctx, fixture('loyverse-receipts-by-item.csv'))
    const p = await call(ctx, 'importPreview', { fileId })
    expect(p).toMatchObject({
      fileName: 'loyverse-receipts-by-item.csv',
      format: 'csv',
      encoding: { value: 'utf-8', detected: 'utf-8' },
      delimiter: { value: ',', detected: ',' },
      preset: { value: 'loyverse_receipts', detected: 'loyverse_receipts' },
      kind: 'sales',
      mappingOrigin: 'preset',
      missing: [],
      dateOrder: { value: 'dmy', detected: 'dmy', needsDecision: false },
      ready: true,
      previousImports: [],
    })
    expect(p.header).toHaveLength(23)
    expect(p.rows).toHaveLength(11)
    expect(p.rows[0]).toEqual({
      row: 1,
      cells: expect.arrayContaining(['31/12/2025 14:05', '1-1001', 'สมชาย ใจดี']),
    })
    expect(p.mapping?.columns).toMatchObject({
      receipt_number: 'Receipt number',
      net_amount: 'Net sales',
      contact: 'Customer contacts',
    })
    expect(p.sample[0]?.sale).toEqual({
      receiptNumber: '1-1001',
      occurredAt: '2025-12-31T14:05:00',
      refund: false,
      customerName: 'สมชาย ใจดี',
      phone: '+66812345678',
      email: null,
      product: 'Latte (Hot)',
      quantity: 1,
      unitPrice: 6500,
      net: 6500,
      store: 'Siam Square',
    })
    expect(p.sample[6]?.sale).toMatchObject({ receiptNumber: '1-1004', refund: true, net: -4500 })
    expect(p.sample[9]).toMatchObject({ ignored: true, sale: null })
    expect(p.fields.find((f) => f.name === 'receipt_number')?.requiredGroup).toBe(0)
    expect(p.fields.find((f) => f.name === 'store')?.requiredGroup).toBeNull()
  })

  it('shows Windows-874 text decoded and lets the user pick another encoding', async () => {
    const ctx = await testContext()
    const fileId = await upload(ctx, fixture('thai-windows-874.csv'))
    const p = await call(ctx, 'importPreview', { fileId })
    expect(p.encoding).toMatchObject({
      value: 'windows-874',
      detected: 'windows-874',
      guessed: true, // a legacy encoding is a guess, and the preview says so
      options: ['utf-8', 'utf-16le', 'utf-16be', 'windows-874', 'windows-1252', 'shift_jis'],
    })
    expect(p.rows[0]?.cells[3]).toBe('สมหญิง แสนดี')
    expect(p.sample[0]?.sale?.occurredAt).toBe('2024-12-31T14:05:00')
    const asUtf8 = await call(ctx, 'importPreview', { fileId, options: { encoding: 'utf-8' } })
    expect(asUtf8.encoding.value).toBe('utf-8')
    expect(asUtf8.rows[0]?.cells[3]).toContain('\uFFFD') // garbled, as the user would see it
  })

  it('lists the sheets of an XLSX and previews a chosen one', async () => {
    const ctx = await testContext()
    const fileId = await upload(ctx, fixture('sales.xlsx'))
    const first = await call(ctx, 'importPreview', { fileId })
    expect(first).toMatchObject({
      format: 'xlsx',
      sheet: { value: 'Sales', options: ['Sales', 'Customers'] },
      preset: { value: 'lukkha_sales' },
      encoding: { value: null, options: [] },
    })
    const other = await call(ctx, 'importPreview', { fileId, options: { sheet: 'Customers' } })
    expect(other).toMatchObject({ kind: 'customers', preset: { value: 'loyverse_customers' } })
    expect(other.sample[0]?.customer).toEqual({
      code: 'C900',
      name: 'มานี มีนา',
      phone: '+66861234567',
      email: 'manee@example.com',
    })
  })

  it('refuses chunks out of order, a file larger than announced, and a preview before the file has arrived', async () => {
    const ctx = await testContext()
    const { fileId } = await call(ctx, 'importUploadBegin', { fileName: 'x.csv', size: 4 })
    expect(await dispatch('importUploadChunk', { fileId, offset: 2, base64: 'YQ==' }, ctx)).toMatchObject({
      ok: false,
      error: { code: 'validation' },
    })
    expect(await dispatch('importPreview', { fileId }, ctx)).toMatchObject({
      ok: false,
      error: { code: 'file_incomplete', message: expect.stringMatching(/not fully arrived/) },
    })
    expect(
      await dispatch(
        'importUploadChunk',
        { fileId, offset: 0, base64: Buffer.from('abcdef').toString('base64') },
        ctx,
      ),
    ).toMatchObject({ ok: false, error: { code: 'validation' } })
    expect(await call(ctx, 'importDiscard', { fileId })).toEqual({ discarded: true })
    expect(await dispatch('importPreview', { fileId }, ctx)).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    })
    // ids are opaque: nothing path-like gets through the contract
    expect(await dispatch('importPreview', { fileId: '../../etc/passwd' }, ctx)).toMatchObject({
      ok: false,
      error: { code: 'validation' },
    })
  })
})

describe('import API: jobs', () => {
  it('imports with progress events and returns the summary with the new customers; the same file again adds nothing', async () => {
    const ctx = await testContext()
    const events: LukkhaEvent[] = []
    ctx.emit = (e) => events.push(e)
    const fileId = await upload(ctx, fixture('loyverse-receipts-by-item.csv'))
    const { jobId } = await call(ctx, 'startImport', { fileId })
    const job = await finished(ctx, jobId)
    expect(job).toMatchObject({ state: 'done', error: null })
    expect(job.result).toMatchObject({
      status: 'done',
      receiptsAdded: 6,
      linesAdded: 10,
      customersCreated: 3,
      netAdded: 72500,
      hasRejectedRows: false,
    })
    expect(job.result?.newCustomers.map((c) => [c.name, c.phone, c.email])).toEqual([
      ['สมชาย ใจดี', '+66812345678', null],
      ['Somsri Rakdee', null, 'somsri@example.com'],
      ['Anan', '+66897654321', null],
    ])
    const mine = events.filter((e) => e.jobId === jobId)
    expect(mine.length).toBeGreaterThanOrEqual(2)
    expect(mine.every((e) => e.type === 'job' && e.kind === 'import')).toBe(true)
    expect(mine.at(-1)?.phase).toBe('import.phase.done')

    const again = await call(ctx, 'importPreview', { fileId })
    expect(again.previousImports).toEqual([
      { importId: 1, startedAt: expect.any(String), status: 'done', linesAdded: 10 },
    ])
    const second = await finished(ctx, (await call(ctx, 'startImport', { fileId })).jobId)
    expect(second.result).toMatchObject({ linesAdded: 0, duplicatesSkipped: 10, newCustomers: [] })
  })

  it('reports bad rows without storing anything, offers them as CSV, and then imports the valid rows only', async () => {
    const ctx = await testContext()
    const fileId = await upload(ctx, fixture('bad-rows.csv'))
    const rejected = await finished(ctx, (await call(ctx, 'startImport', { fileId })).jobId)
    expect(rejected).toMatchObject({ state: 'failed', error: { code: 'bad_input' } })
    expect(rejected.result?.errors.map((e) => [e.row, e.column, e.reason])).toEqual([
      [3, 'date', 'bad_date'],
      [4, 'unit_price', 'bad_amount'],
      [5, 'receipt_number', 'missing_value'],
      [7, 'quantity', 'bad_quantity'],
    ])
    expect(await call(ctx, 'getStats')).toMatchObject({ receipts: 0, lines: 0 })
    const csv = await call(ctx, 'importRejectedRows', { jobId: rejected.jobId })
    expect(csv.fileName).toBe('bad-rows-rejected.csv')
    expect(csv.csv.split('\r\n').filter(Boolean)).toHaveLength(5)
    const valid = await finished(ctx, (await call(ctx, 'startImport', { fileId, validRowsOnly: true })).jobId)
    expect(valid.result).toMatchObject({ status: 'done', linesAdded: 4, receiptsAdded: 3, rowsRejected: 4 })
    expect(await call(ctx, 'getStats')).toMatchObject({ receipts: 3, lines: 4 })
  })

  it('asks for the date order when both fit, and fails a start without it with a decision to make', async () => {
    const ctx = await testContext()
    const fileId = await upload(ctx, fixture('loyverse-ambiguous-dates.csv'))
    const p = await call(ctx, 'importPreview', { fileId })
    expect(p).toMatchObject({ ready: false, dateOrder: { value: null, detected: null, needsDecision: true } })
    const failed = await finished(ctx, (await call(ctx, 'startImport', { fileId })).jobId)
    expect(failed).toMatchObject({
      state: 'failed',
      result: null,
      error: { code: 'date_order_needed', details: { decision: 'date_order' } },
    })
    const chosen = await call(ctx, 'importPreview', { fileId, options: { dateOrder: 'mdy' } })
    expect(chosen).toMatchObject({ ready: true, dateOrder: { value: 'mdy', needsDecision: true } })
    expect(chosen.sample[0]?.sale?.occurredAt).toBe('2026-03-04T13:33:00')
    const done = await finished(
      ctx,
      (await call(ctx, 'startImport', { fileId, options: { dateOrder: 'mdy' } })).jobId,
    )
    expect(done.result).toMatchObject({ status: 'done', dateOrder: 'mdy', linesAdded: 2 })
  })

  it('maps an unknown layout in the wizard, saves the mapping, and offers it for the next file with the same header', async () => {
    const ctx = await testContext()
    const fileId = await upload(ctx, fixture('mypos-export.csv'))
    const p = await call(ctx, 'importPreview', { fileId })
    expect(p).toMatchObject({
      ready: false,
      mapping: null,
      mappingOrigin: null,
      preset: { value: null, detected: null },
      delimiter: { value: ';' },
    })
    expect(p.proposal?.columns).toMatchObject({
      receipt_number: 'เลขที่บิล',
      quantity: 'จำนวน',
      net_amount: 'ยอดรวม',
    })
    const options = {
      preset: 'generic' as const,
      mapping: {
        kind: 'sales' as const,
        source: 'mypos',
        decimalSeparator: ',' as const,
        columns: { ...p.proposal?.columns, customer_name: null },
      },
    }
    const mapped = await call(ctx, 'importPreview', { fileId, options })
    expect(mapped).toMatchObject({ ready: true, mappingOrigin: 'user', dateOrder: { value: 'dmy' } })
    expect(mapped.sample[0]?.sale).toMatchObject({ net: 123450, customerName: null, phone: '+66810001111' })
    const job = await finished(ctx, (await call(ctx, 'startImport', { fileId, options })).jobId)
    expect(job.result).toMatchObject({ status: 'done', preset: 'generic', source: 'mypos', linesAdded: 3 })
    const next = await upload(ctx, fixture('mypos-export.csv'))
    const offered = await call(ctx, 'importPreview', { fileId: next })
    expect(offered).toMatchObject({
      ready: true,
      mappingOrigin: 'saved',
      mapping: { source: 'mypos', decimalSeparator: ',' },
    })
    expect(offered.mapping?.columns.customer_name).toBeUndefined()
  })

  it('cancels a running import: nothing stored', async () => {
    const ctx = await testContext()
    const file = join(tempDir(), 'big.csv')
    writeFileSync(
      file,
      `receipt_number,date,quantity,net_amount\n${Array.from({ length: 300_000 }, (_, i) => `B-${i},2025-01-01,1,10`).join('\n')}\n`,
    )
    const fileId = await upload(ctx, file, 4 * 1024 * 1024)
    let cancelled = false
    ctx.emit = (e) => {
      if (e.phase === 'import.phase.reading' && !cancelled) {
        cancelled = true
        void call(ctx, 'cancelJob', { jobId: e.jobId })
      }
    }
    const job = await finished(ctx, (await call(ctx, 'startImport', { fileId })).jobId)
    expect(cancelled).toBe(true)
    expect(job).toMatchObject({ state: 'cancelled', result: { status: 'cancelled', importId: null } })
    expect(await call(ctx, 'getStats')).toMatchObject({ receipts: 0, lines: 0 })
    expect((await call(ctx, 'importHistory')).imports).toEqual([])
  })
})

describe('import API: history, undo, merge suggestions, template', () => {
  it('lists imports, undoes one, and lists merge suggestions', async () => {
    const ctx = await testContext()
    const fileId = await upload(ctx, fixture('lukkha-sales.csv'))
    const job = await finished(ctx, (await call(ctx, 'startImport', { fileId })).jobId)
    const importId = job.result?.importId ?? 0
    const { suggestions } = await call(ctx, 'importMergeSuggestions', { importId })
    expect(suggestions).toEqual([
      {
        id: 1,
        reason: 'phone',
        value: '+66812345670',
        status: 'open',
        importId,
        customer: { id: 1, name: 'สุดา ศรีสุข', phone: '+66812345670', email: 'suda@example.com' },
        other: { id: 2, name: 'Somchai', phone: '+66812345670', email: null },
      },
    ])
    const history = await call(ctx, 'importHistory')
    expect(history.imports).toEqual([
      expect.objectContaining({ id: importId, status: 'done', linesAdded: 5, fileName: 'lukkha-sales.csv' }),
    ])
    expect(await call(ctx, 'importUndo', { importId })).toMatchObject({
      receiptsRemoved: 4,
      linesRemoved: 5,
      customersRemoved: 2,
    })
    expect(await call(ctx, 'getStats')).toEqual({ customers: 0, receipts: 0, lines: 0, products: 0 })
    expect((await call(ctx, 'importMergeSuggestions')).suggestions).toEqual([])
    expect(await dispatch('importUndo', { importId }, ctx)).toMatchObject({
      ok: false,
      error: { code: 'import_already_undone' },
    })
  })

  it('offers the native template, which imports as it is', async () => {
    const ctx = await testContext()
    const template = await call(ctx, 'importTemplate')
    expect(template.csv.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe(
      'receipt_number,date,customer_code,customer_name,phone,email,sku,product_name,category,quantity,unit_price,net_amount,store,staff',
    )
    const file = join(tempDir(), template.fileName)
    writeFileSync(file, template.csv)
    const fileId = await upload(ctx, file)
    expect(await call(ctx, 'importPreview', { fileId })).toMatchObject({
      preset: { value: 'lukkha_sales' },
      ready: true,
    })
    const job = await finished(ctx, (await call(ctx, 'startImport', { fileId })).jobId)
    expect(job.result).toMatchObject({
      status: 'done',
      receiptsAdded: 3,
      linesAdded: 4,
      customersCreated: 1,
      netAdded: 13000 + 4500 + 1000 - 4500,
    })
  })
})

import { readFileSync } from 'node:fs'
import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { recordConsent } from '../../src/main/customers/consent'
import { createCustomer, updateCustomer } from '../../src/main/customers/edit'
import { exportCustomers } from '../../src/main/customers/export-list'
import { eraseCustomer } from '../../src/main/customers/erasure'
import { exportSubject, refuseSubjectRequest, logSubjectRequest } from '../../src/main/customers/privacy'
import { customerProfile } from '../../src/main/customers/profile'
import { searchCustomers } from '../../src/main/customers/search'
import { tagCustomers } from '../../src/main/customers/tags'
import { logInteraction } from '../../src/main/customers/tasks'
import { testContext } from '../helpers/db'
import { addReceipt, NOW } from './helpers'

const canaries = {
  name: 'Zqxcanaryname',
  phone: '0861234509',
  email: 'zqx.canary.mail@example.org',
  address: '99 Zqxcanarysoi Bangkok',
}

describe('PDPA', () => {
  it('leaves no byte of an erased name, phone or e-mail in the database file, and keeps sales totals', async () => {
    const ctx = await testContext()
    const id = await createCustomer(
      ctx.db,
      { name: `${canaries.name} Thaiสมชาย`, phone: canaries.phone, email: canaries.email },
      NOW,
    )
    // an edit leaves an old version of the row behind in a freed cell; it must be gone too
    await updateCustomer(
      ctx.db,
      id,
      {
        name: `${canaries.name} Q`,
        phone: canaries.phone,
        email: canaries.email,
        address: canaries.address,
        notes: canaries.name,
      },
      NOW,
    )
    await logInteraction(ctx.db, {
      customerId: id,
      channel: 'phone',
      direction: 'outbound',
      occurredAt: NOW,
      summary: `called ${canaries.name}`,
      staff: 'Nok',
    })
    await tagCustomers(ctx.db, [id], canaries.name)
    await ctx.db
      .insertInto('customer_aliases')
      .values({ customer_id: id, kind: 'email', value: canaries.email })
      .execute()
    await ctx.db
      .insertInto('merge_suggestions')
      .values({
        customer_id: id,
        other_customer_id: await createCustomer(ctx.db, { name: 'Other' }, NOW),
        reason: 'email',
        value: canaries.email,
      })
      .execute()
    await addReceipt(ctx.db, id, '2026-05-01T10:00:00', 12345)
    await ctx.connection.sqlite.pragma('wal_checkpoint(TRUNCATE)')
    const file = ctx.connection.file
    const has = (needle: string) => readFileSync(file).includes(Buffer.from(needle, 'utf8'))
    expect(has(canaries.name)).toBe(true) // the test can see a canary when it is there
    // the postal address (for letters and labels) is stored and shown on the profile, and erased with the rest
    expect((await customerProfile(ctx.db, id)).customer.address).toBe(canaries.address)

    const { maskedName } = await eraseCustomer(ctx.db, id, 'owner', NOW)
    ctx.connection.sqlite.pragma('wal_checkpoint(TRUNCATE)')
    for (const [what, canary] of Object.entries(canaries)) expect(has(canary), what).toBe(false)
    expect(has(canaries.phone.slice(1))).toBe(false)
    expect(maskedName).toBe('Z*** Q***')
    expect(await searchCustomers(ctx.db, 'canary')).toEqual([])
    const receipts = await ctx.db.selectFrom('receipts').select(['customer_id', 'net_satang']).execute()
    expect(receipts).toEqual([{ customer_id: id, net_satang: 12345 }])
    const log = await ctx.db.selectFrom('customer_erasures').selectAll().execute()
    expect(log.map((e) => [e.customer_id, e.masked_name, e.erased_at, e.erased_by])).toEqual([
      [id, 'Z*** Q***', NOW, 'owner'],
    ])
  })

  it('a marketing export never contains a customer without marketing consent', async () => {
    const ctx = await testContext()
    const yes = await createCustomer(ctx.db, { name: 'Consents' }, NOW)
    const withdrew = await createCustomer(ctx.db, { name: 'Withdrew' }, NOW)
    const analysisOnly = await createCustomer(ctx.db, { name: 'Analysis only' }, NOW)
    await createCustomer(ctx.db, { name: 'Never asked' }, NOW)
    const give = (
      customerId: number,
      purpose: 'marketing' | 'analysis',
      granted: boolean,
      recordedAt: string,
    ) =>
      recordConsent(
        ctx.db,
        { customerId, purpose, granted, channel: 'line', noticeVersion: 'v1', recordedBy: 'Nok', recordedAt },
        NOW,
      )
    await give(yes, 'marketing', true, '2026-01-01T10:00:00')
    await give(withdrew, 'marketing', true, '2026-01-01T10:00:00')
    await give(withdrew, 'marketing', false, '2026-02-01T10:00:00')
    await give(analysisOnly, 'analysis', true, '2026-01-01T10:00:00')
    for (const format of ['csv', 'xlsx'] as const) {
      const file = await exportCustomers(ctx.db, {}, { format, marketing: true, today: '2026-11-30' })
      expect(file.rows).toBe(1)
      if (format === 'csv') {
        const text = Buffer.from(file.base64, 'base64').toString('utf8')
        expect(text.startsWith('\uFEFF')).toBe(true)
        expect(text).toContain('Consents')
        for (const name of ['Withdrew', 'Analysis only', 'Never asked']) expect(text).not.toContain(name)
      }
    }
    const everyone = await exportCustomers(ctx.db, {}, { format: 'csv', today: '2026-11-30' })
    expect(everyone.rows).toBe(4)
  })

  it('exports are formula-injection safe', async () => {
    const ctx = await testContext()
    await createCustomer(ctx.db, { name: '=HYPERLINK("http://x")' }, NOW)
    const file = await exportCustomers(ctx.db, {}, { format: 'csv', today: '2026-11-30' })
    const text = Buffer.from(file.base64, 'base64').toString('utf8')
    expect(text).toContain(`"'=HYPERLINK(""http://x"")"`)
  })

  it("the list export is worded in the caller's language and writes spend in baht", async () => {
    const ctx = await testContext()
    const id = await createCustomer(ctx.db, { name: 'สมชาย ใจดี', phone: '0812345678' }, NOW)
    await addReceipt(ctx.db, id, '2026-05-01T10:00:00', 123456)
    const file = await exportCustomers(
      ctx.db,
      {},
      {
        format: 'csv',
        today: '2026-11-30',
        title: 'ลูกค้า 30 พ.ย. 2569',
        headers: { name: 'ชื่อ', phone: 'เบอร์โทร', spend: 'ยอดซื้อ (บาท)', marketing_consent: 'ยินยอมรับการตลาด' },
        words: { yes: 'ใช่', no: 'ไม่' },
      },
    )
    expect(file.fileName).toBe('ลูกค้า 30 พ.ย. 2569.csv')
    const [header, row] = Buffer.from(file.base64, 'base64').toString('utf8').slice(1).split('\r\n')
    const cells = (header ?? '').split(',')
    expect(cells).toContain('ชื่อ')
    expect(cells).toContain('ยอดซื้อ (บาท)')
    const values = (row ?? '').split(',')
    expect(values[cells.indexOf('ชื่อ')]).toBe('สมชาย ใจดี')
    expect(values[cells.indexOf('เบอร์โทร')]).toBe("'+66812345678")
    expect(values[cells.indexOf('ยอดซื้อ (บาท)')]).toBe('1234.56')
    expect(values[cells.indexOf('ยินยอมรับการตลาด')]).toBe('ไม่')
    const xlsx = await exportCustomers(ctx.db, {}, { format: 'xlsx', today: '2026-11-30' })
    expect(xlsx.mimeType).toContain('spreadsheetml')
    expect(Buffer.from(xlsx.base64, 'base64').subarray(0, 2).toString()).toBe('PK')
  })

  it('exports everything held about a customer and logs requests and refusals', async () => {
    const ctx = await testContext()
    const id = await createCustomer(ctx.db, { name: 'สมหญิง', phone: '0812223333' }, NOW)
    await logInteraction(ctx.db, {
      customerId: id,
      channel: 'visit',
      direction: 'inbound',
      occurredAt: NOW,
      summary: 'bought cake',
      staff: 'Nok',
    })
    await addReceipt(ctx.db, id, '2026-05-01T10:00:00', 5000)
    const json = await exportSubject(ctx.db, id, 'json', NOW)
    const data = JSON.parse(json.bytes.toString('utf8')) as { data: Record<string, unknown[]> }
    expect(data.data.customer).toHaveLength(1)
    expect(data.data.interactions).toHaveLength(1)
    expect(data.data.receipts).toHaveLength(1)
    expect(data.data.receipt_lines).toHaveLength(1)
    const csv = (await exportSubject(ctx.db, id, 'csv', NOW)).bytes.toString('utf8')
    expect(csv).toContain("customer,1,phone,'+66812223333")
    const requests = await ctx.db.selectFrom('subject_requests').selectAll().execute()
    expect(requests.map((r) => [r.kind, r.status, r.due_date])).toEqual([
      ['access', 'fulfilled', '2026-12-30'],
      ['access', 'fulfilled', '2026-12-30'],
    ])
    const open = await logSubjectRequest(ctx.db, { customerId: id, kind: 'erasure', receivedAt: NOW })
    await refuseSubjectRequest(ctx.db, open, 'legal hold: tax records', 'owner', NOW)
    const refused = await sql<{
      status: string
      refusal_reason: string
    }>`select status, refusal_reason from subject_requests where id = ${open}`.execute(ctx.db)
    expect(refused.rows[0]).toEqual({ status: 'refused', refusal_reason: 'legal hold: tax records' })
  })
})

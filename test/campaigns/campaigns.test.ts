import ExcelJS from 'exceljs'
import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import type { ApiContext } from '../../src/main/api/context'
import { drawHoldout } from '../../src/main/campaigns'
import { call } from '../api/import-helpers'
import { addReceipt } from '../customers/helpers'
import { testContext } from '../helpers/db'

// A constructed shop of 40 customers (tag "vip"), half with marketing consent, with names and LINE ids that
// look like formulas; a campaign on the saved filter "tag = vip" with a 25% hold-out.

const dangerous = ['=HYPERLINK("http://x")', '+66 81 111', '-1+2', '@SUM(A1)', '\tTab', '\rCR', '\nLF']

async function shop(ctx: ApiContext): Promise<number[]> {
  const ids: number[] = []
  for (let i = 0; i < 40; i++) {
    const name = i < dangerous.length ? (dangerous[i] as string) : `ลูกค้า ${i}`
    const row = await ctx.db
      .insertInto('customers')
      .values({
        code: `C${i}`,
        name,
        phone: `+6681000${String(i).padStart(4, '0')}`,
        email: `c${i}@example.com`,
        line_id: i % 4 === 3 ? null : i === 0 ? '=cmd|calc' : `line.${i}`,
        address: `${i} ถนนสุขุมวิท กรุงเทพฯ`,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    ids.push(row.id)
    await ctx.db.insertInto('customer_tags').values({ customer_id: row.id, tag: 'vip' }).execute()
    // even customers consent; customer 2 consented and then withdrew
    if (i % 2 === 0 || i === 3) {
      await ctx.db
        .insertInto('consents')
        .values({
          customer_id: row.id,
          channel: 'line',
          purpose: 'marketing',
          granted: 1,
          recorded_at: '2026-01-01T00:00:00',
        })
        .execute()
    }
    if (i === 2) {
      await ctx.db
        .insertInto('consents')
        .values({
          customer_id: row.id,
          channel: 'line',
          purpose: 'marketing',
          granted: 0,
          recorded_at: '2026-02-01T00:00:00',
        })
        .execute()
    }
    await addReceipt(ctx.db, row.id, '2026-03-01T10:00:00', 10_000)
  }
  return ids
}

async function createVipCampaign(ctx: ApiContext, channel: 'line' | 'sms' = 'line') {
  const saved = await call(ctx, 'saveCustomerFilter', { name: 'VIP', filter: { tag: 'vip' } })
  return call(ctx, 'createCampaign', {
    name: 'VIP กลับมา',
    channel,
    target: { kind: 'saved_filter', filterId: saved.id },
    windowStart: '2026-04-01',
    windowEnd: '2026-04-30',
    holdoutShare: 0.25,
    seed: 99,
  })
}

describe('campaigns on a constructed shop', () => {
  it('draws the recorded hold-out, lists the campaign by status, and recomputes results from later sales', async () => {
    const ctx = await testContext()
    const ids = await shop(ctx)
    const campaign = await createVipCampaign(ctx)
    expect(campaign).toMatchObject({ contacted: 30, holdout: 10, seed: 99, holdoutShare: 0.25 })
    expect(campaign.target).toEqual({ kind: 'saved_filter', label: 'VIP' })
    // the stored draw is the seeded draw
    const members = await call(ctx, 'listCampaignMembers', { id: campaign.id, holdout: true })
    expect(members.members.map((m) => m.customerId).sort((a, b) => a - b)).toEqual(
      drawHoldout(ids, 0.25, 99).holdout,
    )
    // last sale 2026-03-01 is before the window: planned
    expect((await call(ctx, 'listCampaigns', { status: 'planned' })).campaigns.map((c) => c.id)).toEqual([
      campaign.id,
    ])
    expect((await call(ctx, 'listCampaigns', { status: 'open' })).campaigns).toEqual([])

    const before = await call(ctx, 'getCampaignResults', { id: campaign.id })
    expect(before.contacted.responders).toBe(0)
    expect(before.verdict).toBe('chance')

    // later sales: every contacted member buys twice (two days) in the window, no hold-out member does;
    // one hold-out member buys after the window (not counted)
    const holdout = new Set(members.members.map((m) => m.customerId))
    for (const id of ids) {
      if (holdout.has(id)) continue
      await addReceipt(ctx.db, id, '2026-04-05T10:00:00', 20_000)
      await addReceipt(ctx.db, id, '2026-04-20T10:00:00', 10_000)
    }
    await addReceipt(ctx.db, [...holdout][0] as number, '2026-05-02T10:00:00', 50_000)
    const after = await call(ctx, 'getCampaignResults', { id: campaign.id })
    expect(after.contacted).toMatchObject({
      members: 30,
      responders: 30,
      responseRate: 1,
      revenueSatang: 900_000,
      revenuePerCustomerSatang: 30_000,
      visits: 60,
      visitsPerCustomer: 2,
    })
    expect(after.holdout).toMatchObject({ members: 10, responders: 0, revenueSatang: 0 })
    expect(after.lift).toBe(1)
    expect(after.verdict).toBe('real_up')
    expect(after.windowOver).toBe(true)
    expect((await call(ctx, 'listCampaigns', { status: 'closed' })).campaigns).toHaveLength(1)
  })

  it('exports only contacted members with marketing consent, formula-safe, and a LINE audience file', async () => {
    const ctx = await testContext()
    await shop(ctx)
    const campaign = await createVipCampaign(ctx)
    const all = await call(ctx, 'listCampaignMembers', { id: campaign.id })
    const expected = all.members.filter((m) => !m.holdout && m.marketingConsent)
    expect(expected.length).toBeGreaterThan(5)
    expect(all.members.find((m) => m.code === 'C2')?.marketingConsent).toBe(false) // withdrawn

    const csv = await call(ctx, 'exportCampaignList', { id: campaign.id, format: 'csv' })
    const text = Buffer.from(csv.base64, 'base64').toString('utf8')
    const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data
    expect(parsed[0]).toEqual(['Code', 'Name', 'LINE', 'Phone', 'E-mail'])
    const codes = parsed.slice(1).map((r) => r[0])
    expect(codes.sort()).toEqual(expected.map((m) => m.code).sort())
    expect(csv.rows).toBe(expected.length)
    for (const row of parsed.slice(1)) {
      for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r\n]/)
    }
    // every dangerous name of an exported member starts with the quote
    const exportedNames = parsed.slice(1).map((r) => r[1] as string)
    for (const name of dangerous) {
      const member = expected.find((m) => m.name === name)
      if (member) expect(exportedNames).toContain(`'${name}`)
    }

    const xlsx = await call(ctx, 'exportCampaignList', { id: campaign.id, format: 'xlsx' })
    const book = new ExcelJS.Workbook()
    // exceljs declares its own Buffer as an ArrayBuffer
    await book.xlsx.load(Buffer.from(xlsx.base64, 'base64') as unknown as ArrayBuffer)
    const sheet = book.worksheets[0]
    expect(sheet?.rowCount).toBe(expected.length + 1)
    sheet?.eachRow((row) => row.eachCell((cell) => expect(cell.text).not.toMatch(/^[=+\-@\t\r\n]/)))

    const line = await call(ctx, 'exportCampaignList', { id: campaign.id, format: 'line' })
    expect(line.mimeType).toBe('text/plain')
    const lineIds = Buffer.from(line.base64, 'base64').toString('utf8').split('\n').filter(Boolean)
    const withLine = expected.filter((m) => m.lineId !== null && /^[\w.@-]+$/.test(m.lineId))
    expect(lineIds.sort()).toEqual(withLine.map((m) => m.lineId).sort())
    expect(lineIds).not.toContain('=cmd|calc')
  })

  it('refuses a bad target, a reversed window, and keeps nothing half-written', async () => {
    const ctx = await testContext()
    await shop(ctx)
    const bad = await import('../../src/main/api/dispatch').then((m) =>
      m.dispatch(
        'createCampaign',
        { name: 'x', channel: 'sms', target: { kind: 'saved_filter', filterId: 999 } },
        ctx,
      ),
    )
    expect(bad).toMatchObject({ ok: false, error: { code: 'not_found' } })
    const saved = await call(ctx, 'saveCustomerFilter', { name: 'all', filter: {} })
    const reversed = await import('../../src/main/api/dispatch').then((m) =>
      m.dispatch(
        'createCampaign',
        {
          name: 'x',
          channel: 'sms',
          target: { kind: 'saved_filter', filterId: saved.id },
          windowStart: '2026-05-01',
          windowEnd: '2026-04-01',
        },
        ctx,
      ),
    )
    expect(reversed).toMatchObject({ ok: false, error: { code: 'validation' } })
    expect((await call(ctx, 'listCampaigns')).campaigns).toEqual([])
    expect(await ctx.db.selectFrom('campaign_members').selectAll().execute()).toEqual([])
  })
})

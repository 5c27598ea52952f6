import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runAnalysis } from '../../src/main/analysis/run'
import { DEFAULT_SEGMENT_RULES } from '../../src/main/analysis/segment-rules'
import { createApiContext } from '../../src/main/app-context'
import type { ApiContext } from '../../src/main/api/context'
import { createDemoShop } from '../../src/main/demo'
import { renderReport } from '../../src/main/reports'
import type { ReportRequest } from '../../src/shared/api/reports'
import { call } from '../api/import-helpers'
import { addReceipt } from '../customers/helpers'
import { chromiumPrinter, type HarnessPrinter } from '../harness/printer'
import { embeddedFonts, inkPerPage, pdfPageCount, pdfText, squash } from '../reports/pdf-tools'

// The demo shop's at-risk campaign printed to PDF by Chromium: the results report (figures and the plain
// statement, Thai and English), one letter per reachable contacted customer, and the address labels.

const NOW = new Date('2026-08-02T10:00:00')

describe('campaign reports of the demo shop', () => {
  let dir = ''
  let ctx: ApiContext
  let printer: HarnessPrinter
  let id = 0

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'lukkha-campaign-report-'))
    ctx = await createApiContext({
      dbFile: join(dir, 'shop.db'),
      appVersion: '0.0.0-test',
      systemLocale: 'th-TH',
      now: () => new Date(),
    })
    ctx.now = () => NOW
    await createDemoShop(ctx.connection.sqlite, { seed: 7, endDate: '2026-06-30' })
    runAnalysis(ctx.connection.sqlite, {}, DEFAULT_SEGMENT_RULES)
    const campaign = await call(ctx, 'createCampaign', {
      name: 'ชวนกลับมา',
      channel: 'letter',
      target: { kind: 'segment', segment: 'at_risk' },
      holdoutShare: 0.1,
      seed: 11,
      message: 'คิดถึงคุณ{{name}} รับส่วนลด 10% เมื่อแวะมาที่ร้าน',
    })
    id = campaign.id
    const members = (await call(ctx, 'listCampaignMembers', { id })).members
    // addresses for the reachable contacted members; sales in the window for a third of the contacted
    let k = 0
    for (const m of members) {
      if (!m.holdout && m.marketingConsent)
        await ctx.db
          .updateTable('customers')
          .set({ address: `${++k} ซอยสุขุมวิท 11\nกรุงเทพฯ 10110` })
          .where('id', '=', m.customerId)
          .execute()
      if (!m.holdout && m.customerId % 3 === 0)
        await addReceipt(ctx.db, m.customerId, '2026-07-10T11:00:00', 45_000)
    }
    await addReceipt(ctx.db, null, '2026-08-01T11:00:00', 1_000) // the shop's last sale: the window is over
    printer = chromiumPrinter(join(dir, 'printed'))
  })
  afterAll(async () => {
    await printer.close()
    await ctx.connection.close()
    rmSync(dir, { recursive: true, force: true })
  })

  async function printed(request: ReportRequest, name: string) {
    const report = await renderReport(ctx.connection, request, { systemLocale: 'th-TH', now: NOW })
    const file = join(dir, `${name}.pdf`)
    writeFileSync(file, await printer.toPdf(report.html, report.orientation))
    const pages = join(dir, `${name}-pages`)
    mkdirSync(pages)
    const ink = inkPerPage(file, pages)
    for (const v of ink) expect(v).toBeGreaterThan(0.003)
    expect(embeddedFonts(file).some((f) => f.includes('Sarabun'))).toBe(true)
    return { report, text: squash(pdfText(file)), pages: pdfPageCount(file) }
  }

  it('prints the results with the figures and the plain statement, in Thai and English', async () => {
    const results = await call(ctx, 'getCampaignResults', { id })
    expect(results.windowOver).toBe(true)
    expect(results.contacted.responders).toBeGreaterThan(0)
    const th = await printed({ report: 'campaign', campaignId: id, language: 'th' }, 'results-th')
    expect(th.text).toContain(squash('ผลแคมเปญ: ชวนกลับมา'))
    expect(th.text).toContain(squash('กลุ่มควบคุม'))
    expect(th.text).toContain(String(results.contacted.members))
    expect(th.text).toContain(String(results.holdout.members))
    expect(th.text).toMatch(/25\d\d/) // Buddhist-era dates
    const statementTh = {
      real_up: 'เป็นผลจริง',
      real_down: 'เป็นผลจริง',
      chance: 'อาจเกิดจากความบังเอิญ',
      too_few: 'ยังสรุปไม่ได้',
    }[results.verdict]
    expect(th.text).toContain(squash(statementTh))
    const en = await printed({ report: 'campaign', campaignId: id, language: 'en' }, 'results-en')
    expect(en.text).toContain(squash('Campaign results'))
    expect(en.text).toContain(squash('At risk'))
    expect(en.text).toContain(
      squash(results.verdict === 'chance' ? 'could be chance' : 'the difference is real'),
    )
    const lift = ((results.lift ?? 0) * 100).toFixed(1)
    expect(en.text).toContain(lift)
  })

  it('prints one letter per reachable contacted customer, and their address labels', async () => {
    const reachable = (await call(ctx, 'listCampaignMembers', { id, holdout: false })).members.filter(
      (m) => m.marketingConsent,
    )
    expect(reachable.length).toBeGreaterThan(3)
    const letters = await printed({ report: 'campaign-letters', campaignId: id, language: 'th' }, 'letters')
    expect(letters.pages).toBe(reachable.length)
    for (const m of reachable) expect(letters.text).toContain(squash(`คิดถึงคุณ${m.name}`))
    const labels = await printed({ report: 'campaign-labels', campaignId: id, language: 'th' }, 'labels')
    for (const m of reachable) expect(labels.text).toContain(squash(`คุณ${m.name}`))
    expect(labels.text).toContain(squash('กรุงเทพฯ 10110'))
    // the hold-out never gets a letter
    const held = (await call(ctx, 'listCampaignMembers', { id, holdout: true })).members
    for (const m of held) expect(letters.text).not.toContain(squash(`คุณ${m.name} `))
  })
})

import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runAnalysis } from '../../src/main/analysis/run'
import { DEFAULT_SEGMENT_RULES } from '../../src/main/analysis/segment-rules'
import { createApiContext } from '../../src/main/app-context'
import type { ApiContext } from '../../src/main/api/context'
import { createDemoShop } from '../../src/main/demo'
import { renderReport } from '../../src/main/reports'
import { updateSettings } from '../../src/main/settings'
import type { ReportRequest } from '../../src/shared/api/reports'
import { generatedSource } from '../../scripts/embed-report-fonts'
import { chromiumPrinter, type HarnessPrinter } from '../harness/printer'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../harness/chromium'
import { projectRoot, runCli } from '../helpers/node'
import { embeddedFonts, inkPerPage, pdfPageCount, pdfText, squash } from './pdf-tools'

// Every report of the demo shop printed to PDF by Chromium (the engine of Electron's printToPDF), then read
// back as a person would check a printout: the words and figures on it, the font, and no blank page.

const NOW = new Date('2026-07-02T10:00:00')

describe('printed reports of the demo shop', () => {
  let dir = ''
  let ctx: ApiContext
  let printer: HarnessPrinter

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'lukkha-reports-'))
    ctx = await createApiContext({
      dbFile: join(dir, 'shop.db'),
      appVersion: '0.0.0-test',
      systemLocale: 'th-TH',
      now: () => new Date(),
    })
    await createDemoShop(ctx.connection.sqlite, { seed: 7, endDate: '2026-06-30' })
    runAnalysis(ctx.connection.sqlite, {}, DEFAULT_SEGMENT_RULES)
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
    return { report, file, text: pdfText(file), pages: pdfPageCount(file), ink: inkPerPage(file, pages) }
  }

  function expectGoodPdf(result: Awaited<ReturnType<typeof printed>>): void {
    expect(embeddedFonts(result.file).some((name) => name.includes('Sarabun'))).toBe(true)
    expect(result.ink).toHaveLength(result.pages)
    for (const ink of result.ink) expect(ink).toBeGreaterThan(0.003) // no blank page
  }

  it('prints every customer of the 244-customer segment, with phones, header, period and page numbers', async () => {
    const members = ctx.connection.sqlite
      .prepare(
        `SELECT c.name, c.phone FROM analysis_scores s JOIN customers c ON c.id = s.customer_id
         WHERE s.run_id = (SELECT max(id) FROM analysis_runs) AND s.segment = 'champions'`,
      )
      .all() as { name: string; phone: string | null }[]
    expect(members).toHaveLength(244)
    const result = await printed({ report: 'segments', segment: 'champions', language: 'th' }, 'champions-th')
    expectGoodPdf(result)
    expect(result.pages).toBeGreaterThan(3)
    const text = squash(result.text)
    for (const m of members) {
      expect(text).toContain(squash(m.name))
      if (m.phone) expect(text).toContain(m.phone)
    }
    expect(text).toContain(squash('กลุ่มลูกค้า: ลูกค้าชั้นยอด'))
    expect(text).toContain(squash('ข้อมูลการขายถึง 30 มิ.ย. 2569')) // Buddhist era, the data's as-of date
    expect(text).toContain(squash('พิมพ์เมื่อ 2 ก.ค. 2569'))
    expect(text).toContain(squash(`หน้า 1/${result.pages}`))
    expect(text).toContain(squash(`หน้า ${result.pages}/${result.pages}`))
    expect(result.report.fileName).toBe('lukkha-segment-champions-2026-06-30.pdf')
  })

  it('prints the segments, value, retention and call-list reports in English with their figures', async () => {
    const counts = ctx.connection.sqlite
      .prepare(
        `SELECT segment, count(*) AS n, sum(monetary_satang) AS revenue FROM analysis_scores
         WHERE run_id = (SELECT max(id) FROM analysis_runs) GROUP BY segment`,
      )
      .all() as { segment: string; n: number; revenue: number }[]
    const segments = await printed({ report: 'segments', language: 'en' }, 'segments-en')
    expectGoodPdf(segments)
    expect(segments.text).toContain('Customer segments')
    const champions = counts.find((c) => c.segment === 'champions')
    expect(champions?.n).toBe(244)
    // the segment row: name, customer count and revenue as the database sums it
    const revenue = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 2 }).format(
      (champions?.revenue ?? 0) / 100,
    )
    expect(segments.text).toMatch(
      new RegExp(`Champions\\s+244\\s+\\d+%\\s+฿${revenue.replace(/\./g, '\\.')}`),
    )

    const value = await printed({ report: 'value', language: 'en' }, 'value-en')
    expectGoodPdf(value)
    expect(value.text).toContain('Valuable customers at risk of leaving')
    expect(value.text).toContain('of the customers bring 80% of the revenue')

    const retention = await printed({ report: 'retention', language: 'en' }, 'retention-en')
    expectGoodPdf(retention)
    expect(retention.text).toContain('Monthly cohorts')
    expect(retention.text).toContain('June 2569') // the demo's setting: Buddhist-era dates

    const calls = await printed({ report: 'call-list', source: 'at_risk', language: 'th' }, 'calls-th')
    expectGoodPdf(calls)
    expect(squash(calls.text)).toContain(squash('รายชื่อโทรติดต่อ: ลูกค้ามูลค่าสูงที่เสี่ยงจะหายไป'))
    expect(squash(calls.text)).toContain(squash('บันทึก'))
  })

  it('prints one page per customer profile with contacts, figures and the latest receipts', async () => {
    const customers = ctx.connection.sqlite
      .prepare(`SELECT id, name, phone FROM customers WHERE phone IS NOT NULL ORDER BY id LIMIT 2`)
      .all() as { id: number; name: string; phone: string }[]
    const one = await printed(
      { report: 'customer', customerIds: [customers[0]?.id ?? 0], language: 'th' },
      'profile-th',
    )
    expectGoodPdf(one)
    expect(one.pages).toBe(1)
    expect(squash(one.text)).toContain(squash(customers[0]?.name ?? '?'))
    expect(one.text).toContain(customers[0]?.phone)
    expect(squash(one.text)).toContain(squash('ใบเสร็จล่าสุด'))
    const two = await printed(
      { report: 'customer', customerIds: customers.map((c) => c.id), language: 'en' },
      'profiles-en',
    )
    expect(two.pages).toBe(2)
    expect(squash(two.text)).toContain(squash(customers[1]?.name ?? '?'))
  })

  it('keeps markup in stored text as text', async () => {
    await updateSettings(ctx.db, { shopName: '<b>Shop</b> & "Co"' }, ctx.now())
    const report = await renderReport(
      ctx.connection,
      { report: 'segments', language: 'en' },
      { systemLocale: 'en-GB', now: NOW },
    )
    expect(report.html).not.toContain('<b>Shop</b>')
    expect(report.html).toContain('&lt;b&gt;Shop&lt;/b&gt;')
    expect(report.html).not.toMatch(/<script/i)
  })

  it('writes the same report as one HTML file from the CLI that Chromium prints to PDF', async () => {
    const html = join(dir, 'cli-segment.html')
    const result = await runCli([
      'report',
      'segments',
      '--segment',
      'champions',
      '--lang',
      'en',
      '--db',
      join(dir, 'shop.db'),
      '--out',
      html,
    ])
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    const page = readFileSync(html, 'utf8')
    expect(page).toMatch(/^<!doctype html>/)
    expect(page).toContain('data:font/woff2;base64,') // self-contained: fonts embedded, nothing to fetch
    expect(page).not.toMatch(/(src|href)="(https?:|file:|\/)/)
    const pdf = join(dir, 'cli-segment.pdf')
    execFileSync(
      CHROMIUM_PATH,
      [...CHROMIUM_ARGS, '--headless', '--no-pdf-header-footer', `--print-to-pdf=${pdf}`, `file://${html}`],
      {
        stdio: 'ignore',
        timeout: 120_000,
      },
    )
    expect(existsSync(pdf)).toBe(true)
    const text = pdfText(pdf)
    expect(text).toContain('Segment: Champions')
    expect(text).toMatch(/244 customers/)
    expect(embeddedFonts(pdf).some((name) => name.includes('Sarabun'))).toBe(true)

    const unknown = await runCli([
      'report',
      'customer',
      '--customer',
      'NO-SUCH-CODE',
      '--db',
      join(dir, 'shop.db'),
      '--out',
      join(dir, 'x.html'),
    ])
    expect(unknown.code).not.toBe(0)
    expect(unknown.stderr).toContain('NO-SUCH-CODE')
    expect(existsSync(join(dir, 'x.html'))).toBe(false)
  })
})

describe('report fonts', () => {
  it('embeds the Sarabun faces of the installed @fontsource/sarabun (regenerate with npm run fonts:reports)', () => {
    const file = readFileSync(join(projectRoot, 'src/main/reports/fonts.generated.ts'), 'utf8')
    expect(file).toBe(generatedSource())
  })
})

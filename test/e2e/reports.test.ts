import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runAnalysis } from '../../src/main/analysis/run'
import { DEFAULT_SEGMENT_RULES } from '../../src/main/analysis/segment-rules'
import { openApp, useBrowser, type App } from '../harness/browser'
import { pdfPageCount, pdfText, squash } from '../reports/pdf-tools'
import { STEP_TIMEOUT } from '../harness/patience'

const browser = useBrowser()

// Printing as a shop owner does it: from a segment's list to the preview and a saved PDF; from a customer to
// one printed page. The PDF is checked against the database with SQL written here.

async function demoWithAnalysis(locale: string): Promise<App> {
  const app = await openApp(browser, { demo: { seed: 7, endDate: '2026-06-30' }, systemLocale: locale })
  runAnalysis(app.harness.ctx.connection.sqlite, {}, DEFAULT_SEGMENT_RULES)
  await app.page.reload()
  return app
}

function segmentMembers(app: App, segment: string): string[] {
  return app.harness.ctx.connection.sqlite
    .prepare(
      `select c.name from analysis_scores s join customers c on c.id = s.customer_id
       where s.run_id = (select max(id) from analysis_runs) and s.segment = ?`,
    )
    .pluck()
    .all(segment) as string[]
}

describe('printing reports', () => {
  for (const [locale, words] of [
    [
      'th-TH',
      {
        menu: 'กลุ่มลูกค้า',
        print: 'พิมพ์',
        save: 'บันทึกเป็น PDF',
        profile: 'พิมพ์ข้อมูลลูกค้า',
        title: 'กลุ่มลูกค้า: ลูกค้าชั้นยอด',
      },
    ],
    [
      'en-GB',
      {
        menu: 'Segments',
        print: 'Print',
        save: 'Save as PDF',
        profile: 'Print profile',
        title: 'Segment: Champions',
      },
    ],
  ] as const) {
    it(`saves a segment's report as a PDF with every customer (${locale})`, async () => {
      const app = await demoWithAnalysis(locale)
      const { page } = app
      await page.getByRole('link', { name: words.menu, exact: true }).click()
      await page.getByTestId('segment-card-champions').getByRole('button').click()
      await page.getByTestId('segment-customers-total').waitFor()
      await page.getByRole('button', { name: words.print, exact: true }).click()
      const frame = page.frameLocator('iframe')
      await frame.getByText(words.title).waitFor({ timeout: STEP_TIMEOUT })
      await app.screenshot(`reports-preview-segment-${locale}`)
      const dir = mkdtempSync(join(tmpdir(), 'lukkha-pdf-'))
      try {
        const [download] = await Promise.all([
          page.waitForEvent('download', { timeout: STEP_TIMEOUT }),
          page.getByRole('button', { name: words.save }).click(),
        ])
        expect(download.suggestedFilename()).toBe('lukkha-segment-champions-2026-06-30.pdf')
        const file = join(dir, 'saved.pdf')
        await download.saveAs(file)
        const text = squash(pdfText(file))
        expect(text).toContain(squash(words.title))
        const members = segmentMembers(app, 'champions')
        expect(members.length).toBe(244)
        for (const name of members) expect(text).toContain(squash(name))
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    })
  }

  it('prints one page for a customer from their analysis', async () => {
    const app = await demoWithAnalysis('th-TH')
    const { page } = app
    await page.getByRole('link', { name: 'กลุ่มลูกค้า', exact: true }).click()
    await page.getByTestId('segment-card-champions').getByRole('button').click()
    await page.getByTestId('segment-customers').getByTestId('customer-code').first().click()
    const drawer = page.getByRole('dialog')
    const name = await drawer.getByRole('heading', { level: 3 }).first().innerText()
    await drawer.getByRole('button', { name: 'พิมพ์ข้อมูลลูกค้า' }).click()
    await page.frameLocator('iframe').getByText(name).first().waitFor({ timeout: STEP_TIMEOUT })
    await page.getByRole('button', { name: 'พิมพ์', exact: true }).click()
    await expect.poll(() => app.harness.printer.printed.length, { timeout: STEP_TIMEOUT }).toBe(1)
    const printed = app.harness.printer.printed[0] ?? ''
    expect(pdfPageCount(printed)).toBe(1)
    expect(squash(pdfText(printed))).toContain(squash(name))
    await app.screenshot('reports-preview-profile-th-TH')
  })

  it('lists the reports on the Reports page (en)', async () => {
    const app = await demoWithAnalysis('en-GB')
    await app.page.getByRole('link', { name: 'Reports', exact: true }).click()
    await app.page.getByRole('heading', { name: 'Retention and growth' }).waitFor()
    await app.screenshot('reports-page-en-GB')
    await app.page.getByRole('button', { name: 'Preview' }).nth(2).click()
    await app.page
      .frameLocator('iframe')
      .getByText('Monthly cohorts', { exact: false })
      .first()
      .waitFor({ timeout: STEP_TIMEOUT })
    await app.screenshot('reports-preview-retention-en-GB')
  })
})

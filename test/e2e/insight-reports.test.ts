import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runAnalysis } from '../../src/main/analysis/run'
import { DEFAULT_SEGMENT_RULES } from '../../src/main/analysis/segment-rules'
import { call } from '../api/import-helpers'
import { openApp, useBrowser, type App } from '../harness/browser'
import { pdfText, squash } from '../reports/pdf-tools'
import { STEP_TIMEOUT } from '../harness/patience'

const browser = useBrowser()

// Printing from the pages that hold the figures: the customer book's filtered list as a call list (exactly the
// customers the filter shows, with their contacts), the Surveys page's satisfaction report and the Products
// page's products and baskets report, in Thai and English, saved as PDF and read back.

async function demoWithAnalysis(locale: string): Promise<App> {
  const app = await openApp(browser, { demo: { seed: 7, endDate: '2026-06-30' }, systemLocale: locale })
  runAnalysis(app.harness.ctx.connection.sqlite, {}, DEFAULT_SEGMENT_RULES)
  await app.page.reload()
  return app
}

async function savePdf(app: App, button: string): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'lukkha-pdf-'))
  try {
    const [download] = await Promise.all([
      app.page.waitForEvent('download', { timeout: STEP_TIMEOUT }),
      app.page.getByRole('button', { name: button }).click(),
    ])
    const file = join(dir, 'saved.pdf')
    await download.saveAs(file)
    return pdfText(file)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

const WORDS = {
  th: {
    save: 'บันทึกเป็น PDF',
    callList: 'รายชื่อโทรติดต่อ: ลูกค้าตามตัวกรอง',
    satisfaction: 'ความพึงพอใจของลูกค้า',
    baskets: 'สินค้าและตะกร้าสินค้า',
    rules: 'สินค้าที่ซื้อคู่กัน: กฎที่แรงที่สุด',
  },
  en: {
    save: 'Save as PDF',
    callList: 'Call list: customers of the filtered list',
    satisfaction: 'Customer satisfaction',
    baskets: 'Products and baskets',
    rules: 'Bought together: the strongest rules',
  },
} as const

describe('printing the satisfaction, products and filtered call-list reports', () => {
  for (const [locale, language] of [
    ['th-TH', 'th'],
    ['en-GB', 'en'],
  ] as const) {
    it(`prints the customer book's filtered list, the satisfaction and the products reports (${language})`, async () => {
      const words = WORDS[language]
      const app = await demoWithAnalysis(locale)
      const { page } = app
      const sqlite = app.harness.ctx.connection.sqlite

      // the customer book filtered by a surname: the call list has exactly the customers the list shows
      await page.goto(`${app.harness.url}#/customers`)
      await page.getByTestId('customer-table').waitFor()
      const surname = 'สายทอง'
      await page.getByTestId('customer-search').fill(surname)
      const listed = await call(app.harness.ctx, 'customersList', { search: surname, limit: 1000 })
      expect(listed.total).toBeGreaterThan(3)
      expect(listed.total).toBeLessThan(200)
      await expect
        .poll(() => page.getByTestId('customer-total').innerText(), { timeout: STEP_TIMEOUT })
        .toContain(String(listed.total))
      await page.getByTestId('customer-print').click()
      await page.frameLocator('iframe').getByText(words.callList).waitFor({ timeout: STEP_TIMEOUT })
      await app.screenshot(`insight-reports-call-list-${language}`)
      const calls = squash(await savePdf(app, words.save))
      expect(calls).toContain(squash(words.callList))
      for (const c of listed.rows) {
        expect(calls).toContain(squash(c.name))
        for (const contact of [c.phone, c.lineId, c.email])
          if (contact) expect(calls).toContain(squash(contact))
      }
      // nobody else: the count on paper is the list's
      const count = new Intl.NumberFormat('en-GB').format(listed.total)
      expect(calls).toContain(squash(language === 'th' ? `ลูกค้า ${count} คน` : `${count} customers`))

      // the Surveys page prints the satisfaction report
      await page.goto(`${app.harness.url}#/surveys`)
      await page.getByTestId('surveys-print').click()
      await page
        .frameLocator('iframe')
        .getByText(words.satisfaction)
        .first()
        .waitFor({ timeout: STEP_TIMEOUT })
      await app.screenshot(`insight-reports-satisfaction-${language}`)
      const responses = sqlite.prepare('select count(*) from survey_responses').pluck().get() as number
      const satisfaction = squash(await savePdf(app, words.save))
      expect(satisfaction).toContain(squash(words.satisfaction))
      expect(satisfaction).toContain(squash(new Intl.NumberFormat('en-GB').format(responses)))

      // the Products page prints the products and baskets report
      await page.goto(`${app.harness.url}#/products`)
      await page.getByTestId('products-print').click()
      await page.frameLocator('iframe').getByText(words.rules).waitFor({ timeout: STEP_TIMEOUT })
      await app.screenshot(`insight-reports-baskets-${language}`)
      const best = sqlite
        .prepare(
          `select p.name from receipt_lines l join receipts r on r.id = l.receipt_id join products p on p.id = l.product_id
           where r.kind = 'sale' group by p.id order by sum(l.net_satang) desc, p.id limit 1`,
        )
        .pluck()
        .get() as string
      const baskets = squash(await savePdf(app, words.save))
      expect(baskets).toContain(squash(words.baskets))
      expect(baskets).toContain(squash(best))

      // both are on the Reports page too
      await page.goto(`${app.harness.url}#/reports`)
      await page.getByTestId('report-open-satisfaction').waitFor()
      await page.getByTestId('report-open-baskets').click()
      await page.frameLocator('iframe').getByText(words.rules).waitFor({ timeout: STEP_TIMEOUT })
    })
  }
})

import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { openApp, useBrowser, type App } from '../harness/browser'
import { dropFile } from '../harness/drop-file'
import { foreignText, visibleUiText } from '../harness/page-text'
import { fixture } from '../import/helpers'
import { switchLanguage, tableColumn, totals } from './import-helpers'

const browser = useBrowser()

async function expectOnly(page: Page, language: 'th' | 'en'): Promise<void> {
  expect(foreignText(await visibleUiText(page), language)).toEqual([])
}

/** The new customers of an import, as the summary should list them: by id, name and phone as stored. */
function newCustomersOf(app: App, importId: number): { name: string; phone: string | null }[] {
  return app.harness.ctx.connection.sqlite
    .prepare('select name, phone from customers where import_id = ? order by id')
    .all(importId) as { name: string; phone: string | null }[]
}

function lastImportId(app: App): number {
  return app.harness.ctx.connection.sqlite.prepare('select max(id) from imports').pluck().get() as number
}

describe('import page: a POS export from the welcome screen to the dashboard', () => {
  it('drag a Loyverse export in, check the preview and mapping, import it, see the summary and the new customers', async () => {
    const app = await openApp(browser, { systemLocale: 'th-TH' })
    const { page } = app
    // the welcome screen's import button is enabled now that the Import page exists
    await page.getByRole('button', { name: 'นำเข้าไฟล์จาก POS' }).click()
    await page.getByRole('heading', { name: 'นำเข้ายอดขายและลูกค้า' }).waitFor()
    expect(page.url()).toMatch(/#\/import$/)
    await expectOnly(page, 'th')
    await app.screenshot('import-1-choose-th')

    await dropFile(page, '[data-testid=import-drop]', fixture('loyverse-receipts-by-item.csv'))
    const raw = page.getByTestId('raw-rows')
    await raw.waitFor()
    // the decoded text, as the file has it
    expect(await raw.innerText()).toContain('สมชาย ใจดี')
    expect(await page.getByTestId('layout').inputValue()).toBe('Loyverse: ใบเสร็จแยกตามสินค้า')
    // the mapped sample: Buddhist-era date and time, baht, a refund marked
    const sample = page.getByTestId('sample-rows').locator('tbody tr')
    expect(await sample.first().innerText()).toMatch(/1-1001\s+31 ธ\.ค\. 2568 14:05[\s\S]*฿65\.00/)
    expect(await sample.nth(6).innerText()).toMatch(/คืนเงิน[\s\S]*-฿45\.00/)
    await expectOnly(page, 'th')
    await app.screenshot('import-2-preview-th')

    // the flow survives leaving the page: switch the language and come back to the same preview
    await switchLanguage(page, 'en')
    await page.getByTestId('raw-rows').waitFor()
    expect(await page.getByTestId('layout').inputValue()).toBe('Loyverse: receipts by item')
    await expectOnly(page, 'en')
    await app.screenshot('import-2-preview-en')

    await page.getByRole('button', { name: 'Start the import' }).click()
    await page.getByTestId('import-result-done').waitFor()
    const importId = lastImportId(app)
    const created = newCustomersOf(app, importId)
    expect(created.map((c) => c.name)).toEqual(['สมชาย ใจดี', 'Somsri Rakdee', 'Anan'])
    const t = totals(app)
    expect(await page.getByTestId('count-customersCreated').innerText()).toBe('3')
    expect(await page.getByTestId('count-receiptsAdded').innerText()).toBe(String(t.receipts))
    expect(await page.getByTestId('count-linesAdded').innerText()).toBe(String(t.lines))
    expect(await page.getByTestId('count-netAdded').innerText()).toBe(
      new Intl.NumberFormat('en-GB', {
        style: 'currency',
        currency: 'THB',
        currencyDisplay: 'narrowSymbol',
      }).format(t.netSatang / 100),
    )
    // the new customers by name and phone, as the API returned them
    expect(await tableColumn(page.getByTestId('new-customers'), 0)).toEqual(created.map((c) => c.name))
    expect(await tableColumn(page.getByTestId('new-customers'), 1)).toEqual([
      '081-234-5678',
      '',
      '089-765-4321',
    ])
    await expectOnly(page, 'en')
    await app.screenshot('import-4-summary-en')

    await switchLanguage(page, 'th')
    await page.getByTestId('import-result-done').waitFor()
    await expectOnly(page, 'th')
    await app.screenshot('import-4-summary-th')

    // the dashboard was refreshed by the import: its customer count is the database's
    await page.getByRole('button', { name: 'ไปที่หน้าภาพรวม' }).click()
    await page.getByRole('heading', { name: 'ภาพรวม' }).waitFor()
    expect(await page.getByTestId('kpi-customers-value').innerText()).toBe(String(t.customers))
    expect(t.customers).toBe(3)
  })
})

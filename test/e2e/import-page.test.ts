import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { generateExport } from '../../bench/generate-export'
import { templateCsv } from '../../src/main/import/template'
import { tempDir } from '../helpers/db'
import { SCREENSHOT_DIR, openApp, useBrowser, type App } from '../harness/browser'
import { dropFile } from '../harness/drop-file'
import { foreignText, visibleUiText } from '../harness/page-text'
import { fixture } from '../import/helpers'
import { switchLanguage, tableColumn, totals } from './import-helpers'

const browser = useBrowser()

/** Big enough that the import takes a moment (the bar is seen moving), small enough for a quick test. */
const BIG_LINES = 60_000

/** expect.poll with room for a busy machine (its default gives up after one second). */
const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 15_000 })

/**
 * A full-page screenshot from the top of the page, once the step indicator's short animation is over (the
 * screenshots are looked at by people; the checks do not depend on them).
 */
async function shot(app: App, name: string): Promise<void> {
  await app.page.evaluate('window.scrollTo(0, 0)')
  await app.page.waitForTimeout(250)
  await app.screenshot(name)
}

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
    // the dashboard's figures are cached before the import (they stay fresh for a minute unless invalidated)
    const customersKpi = page.getByTestId('kpi-customers-value')
    await page.goto(`${app.harness.origin}/#/dashboard`)
    expect(await customersKpi.innerText()).toBe('0')
    await page.goto(`${app.harness.origin}/#/welcome`)
    // the welcome screen's import button is enabled now that the Import page exists
    await page.getByRole('button', { name: 'นำเข้าไฟล์จาก POS' }).click()
    await page.getByRole('heading', { name: 'นำเข้ายอดขายและลูกค้า' }).waitFor()
    expect(page.url()).toMatch(/#\/import$/)
    await expectOnly(page, 'th')
    await shot(app, 'import-1-choose-th')

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
    await shot(app, 'import-2-preview-th')

    // the flow survives leaving the page: switch the language and come back to the same preview
    await switchLanguage(page, 'en')
    await page.getByTestId('raw-rows').waitFor()
    expect(await page.getByTestId('layout').inputValue()).toBe('Loyverse: receipts by item')
    await expectOnly(page, 'en')
    await shot(app, 'import-2-preview-en')

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
    await shot(app, 'import-4-summary-en')

    await switchLanguage(page, 'th')
    await page.getByTestId('import-result-done').waitFor()
    await expectOnly(page, 'th')
    await shot(app, 'import-4-summary-th')

    // two customer codes with one phone: kept apart, and shown as a possible duplicate to check
    const twins = join(tempDir(), 'twins.csv')
    writeFileSync(
      twins,
      [
        'receipt_number,date,customer_code,customer_name,phone,quantity,unit_price',
        'T-1,2026-01-20 10:00,C-1,มาลี ใจงาม,081-111-2222,1,50.00',
        'T-2,2026-01-21 11:00,C-2,มาลี ใจงาม (ร้านสาขา),081-111-2222,1,70.00',
      ].join('\n'),
    )
    await page.getByRole('button', { name: 'นำเข้าไฟล์อื่น' }).click()
    await dropFile(page, '[data-testid=import-drop]', twins)
    await page.getByRole('button', { name: 'เริ่มนำเข้า' }).click()
    await page.getByTestId('import-result-done').waitFor()
    const merges = page.getByTestId('merge-suggestions')
    await poll(() => tableColumn(merges, 0)).toEqual(['มาลี ใจงาม\n081-111-2222'])
    expect(await tableColumn(merges, 1)).toEqual(['มาลี ใจงาม (ร้านสาขา)\n081-111-2222'])
    expect(await tableColumn(merges, 2)).toEqual(['เบอร์โทร\n081-111-2222'])
    await expectOnly(page, 'th')
    await shot(app, 'import-4-merge-suggestions-th')
    // and on the first step, with every open suggestion
    await page.getByRole('button', { name: 'นำเข้าไฟล์อื่น' }).click()
    await page.getByTestId('import-drop').waitFor()
    await poll(() => tableColumn(page.getByTestId('merge-suggestions'), 2)).toEqual(['เบอร์โทร\n081-111-2222'])

    // the dashboard was refreshed by the imports: its customer count is the database's
    await page.getByRole('link', { name: 'ภาพรวม' }).click()
    expect(totals(app).customers).toBe(5)
    await poll(() => customersKpi.innerText()).toBe('5')
    // and by an undo
    await page.getByRole('link', { name: 'นำเข้าข้อมูล' }).click()
    await page
      .getByTestId(`import-${lastImportId(app)}`)
      .getByRole('button', { name: 'ย้อนกลับ' })
      .click()
    await page.getByRole('dialog').getByRole('button', { name: 'ย้อนกลับการนำเข้า' }).click()
    await page.getByTestId('undone').waitFor()
    await page.getByRole('link', { name: 'ภาพรวม' }).click()
    await poll(() => customersKpi.innerText()).toBe('3')
    expect(totals(app).customers).toBe(3)
  })
})

/** A screenshot of what is on screen only: quicker than the full page, for a step that does not last. */
async function viewportShot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`) })
}

/** Records the progress bar's values in the page as they change, to see that it moved. */
const RECORD_PROGRESS = `(() => {
  window.__progress = []
  const timer = setInterval(() => {
    const bar = document.querySelector('[data-testid=import-progress] [role=progressbar]')
    if (bar) window.__progress.push(Number(bar.getAttribute('aria-valuenow')))
    if (document.querySelector('[data-testid^=import-result-]')) clearInterval(timer)
  }, 10)
})()`

describe('import page: a big export', () => {
  it('chosen with the button imports with a moving progress bar; a cancelled import stores nothing', async () => {
    const dir = tempDir()
    const first = join(dir, 'loyverse-big.csv')
    const second = join(dir, 'loyverse-big-2.csv')
    generateExport({ layout: 'loyverse_receipts', lines: BIG_LINES, seed: 11, out: first })
    generateExport({
      layout: 'loyverse_receipts',
      lines: BIG_LINES,
      seed: 12,
      out: second,
      start: new Date(2025, 6, 1, 8, 0),
    })
    const app = await openApp(browser, { systemLocale: 'th-TH' })
    const { page } = app
    await page.goto(`${app.harness.origin}/#/import`)
    await page.getByRole('heading', { name: 'นำเข้ายอดขายและลูกค้า' }).waitFor()

    await page.locator('input[type=file]').setInputFiles(first)
    await page.getByTestId('raw-rows').waitFor({ timeout: 20_000 })
    await page.evaluate(RECORD_PROGRESS)
    await page.getByRole('button', { name: 'เริ่มนำเข้า' }).click()
    const bar = page.getByTestId('import-progress').getByRole('progressbar')
    await poll(async () => Number(await bar.getAttribute('aria-valuenow'))).toBeGreaterThan(0)
    await viewportShot(page, 'import-3-progress-th')
    await page.getByTestId('import-result-done').waitFor({ timeout: 30_000 })
    const seen = await page.evaluate<number[]>('window.__progress')
    expect(seen.some((v) => v > 0 && v < 100)).toBe(true)
    const after = totals(app)
    expect(after.lines).toBeGreaterThan(BIG_LINES * 0.9) // cancelled receipts are skipped
    expect(await page.getByTestId('count-linesAdded').innerText()).toBe(
      new Intl.NumberFormat('th-TH').format(after.lines),
    )

    // the second file, cancelled while it runs: nothing of it is stored
    await switchLanguage(page, 'en')
    await page.getByRole('button', { name: 'Import another file' }).click()
    await page.locator('input[type=file]').setInputFiles(second)
    await page.getByTestId('raw-rows').waitFor({ timeout: 20_000 })
    await page.getByRole('button', { name: 'Start the import' }).click()
    await poll(async () => Number(await bar.getAttribute('aria-valuenow'))).toBeGreaterThan(0)
    await viewportShot(page, 'import-3-progress-en')
    await expectOnly(page, 'en')
    await page.getByRole('button', { name: 'Cancel the import' }).click()
    await page.getByTestId('import-result-cancelled').waitFor({ timeout: 30_000 })
    expect(totals(app)).toEqual(after)
    await expectOnly(page, 'en')
    await shot(app, 'import-4-cancelled-en')
  }, 60_000)
})

describe('import page: a file with bad rows, history and undo', () => {
  it('lists the errors by row and stores nothing until "import the valid rows"; undo restores the counts', async () => {
    const app = await openApp(browser, { systemLocale: 'en-US', demo: true })
    const { page } = app
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor()
    const before = totals(app)

    await page.getByRole('link', { name: 'Import' }).click()
    await dropFile(page, '[data-testid=import-drop]', fixture('bad-rows.csv'))
    await page.getByTestId('raw-rows').waitFor()
    // the preview already shows the bad rows of the sample
    const sample = page.getByTestId('sample-rows').locator('tbody tr')
    expect(await sample.nth(2).innerText()).toMatch(/^3\s[\s\S]*date: Not a date Lukkha can read/)
    await page.getByRole('button', { name: 'Start the import' }).click()
    await page.getByTestId('import-result-rejected').waitFor()
    // row number, column, value and reason of every bad row; nothing stored
    const errors = page.getByTestId('import-errors')
    expect(await tableColumn(errors, 0)).toEqual(['3', '4', '5', '7'])
    expect(await tableColumn(errors, 1)).toEqual(['date', 'unit_price', 'receipt_number', 'quantity'])
    expect(await tableColumn(errors, 2)).toEqual(['32/13/2025', 'ten baht', '(empty)', 'two'])
    expect(await tableColumn(errors, 3)).toEqual([
      'Not a date Lukkha can read',
      'Not an amount of money',
      'A required value is empty',
      'Not a quantity',
    ])
    expect(totals(app)).toEqual(before)
    await expectOnly(page, 'en')
    await shot(app, 'import-4-rejected-en')

    // the rejected rows as CSV, to fix later
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download the rejected rows (CSV)' }).click(),
    ])
    expect(download.suggestedFilename()).toBe('bad-rows-rejected.csv')
    const rejected = readFileSync(await download.path(), 'utf8')
      .trim()
      .split(/\r?\n/)
    expect(rejected[0]).toMatch(/^receipt_number,date,.*,lukkha_error$/)
    expect(rejected.slice(1).map((line) => line.split(',')[0])).toEqual(['B-2', 'B-3', '', 'B-5'])

    await switchLanguage(page, 'th')
    await page.getByTestId('import-result-rejected').waitFor()
    expect(await tableColumn(page.getByTestId('import-errors'), 3)).toContain('อ่านเป็นวันที่ไม่ได้')
    await expectOnly(page, 'th')
    await shot(app, 'import-4-rejected-th')

    await page.getByRole('button', { name: 'นำเข้าเฉพาะ 4 แถวที่ถูกต้อง' }).click()
    await page.getByTestId('import-result-done').waitFor()
    const importId = lastImportId(app)
    const added = totals(app)
    // B-1 (two lines), B-4 and B-6
    expect(added.receipts - before.receipts).toBe(3)
    expect(added.lines - before.lines).toBe(4)
    expect(await page.getByTestId('count-receiptsAdded').innerText()).toBe('3')
    expect(await page.getByTestId('summary-left-out').innerText()).toContain('4')

    await page.getByRole('button', { name: 'นำเข้าไฟล์อื่น' }).click()
    const history = page.getByTestId('import-history')
    await history.getByRole('table').waitFor()
    await poll(() => tableColumn(history, 3)).toEqual(['นำเข้าแล้ว', 'ไม่ได้บันทึก'])
    await expectOnly(page, 'th')
    await shot(app, 'import-5-history-th')

    await page.getByTestId(`import-${importId}`).getByRole('button', { name: 'ย้อนกลับ' }).click()
    await page.getByRole('dialog').getByRole('button', { name: 'ย้อนกลับการนำเข้า' }).click()
    expect(await page.getByTestId('undone').innerText()).toContain('ย้อนกลับการนำเข้าแล้ว')
    expect(totals(app)).toEqual(before)
    await poll(() => tableColumn(history, 3)).toEqual([expect.stringMatching(/^ย้อนกลับเมื่อ /), 'ไม่ได้บันทึก'])

    await switchLanguage(page, 'en')
    await history.getByRole('table').waitFor()
    await expectOnly(page, 'en')
    await shot(app, 'import-5-history-en')
  }, 60_000)
})

describe('import page: any other file', () => {
  it('maps its columns in the wizard, offers the saved mapping again, asks the date order, reads a chosen sheet', async () => {
    const app = await openApp(browser, { systemLocale: 'en-US' })
    const { page } = app
    await page.goto(`${app.harness.origin}/#/import`)
    await page.getByRole('heading', { name: 'Import sales and customers' }).waitFor()

    // the native template, as a download of the text the API gives
    const [template] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download the sales template (CSV)' }).click(),
    ])
    expect(template.suggestedFilename()).toBe('lukkha-sales-template.csv')
    expect(readFileSync(await template.path(), 'utf8')).toBe(templateCsv())

    // a POS Lukkha does not know: Thai header, semicolons, decimal commas
    await dropFile(page, '[data-testid=import-drop]', fixture('mypos-export.csv'))
    await page.getByTestId('raw-rows').waitFor()
    expect(await page.getByTestId('raw-rows').innerText()).toContain('คุณเอ')
    expect(await page.getByTestId('delimiter').inputValue()).toBe('Semicolon ( ; ) (detected)')
    await page.getByText('Lukkha guessed these columns from their names').waitFor()
    const sample = page.getByTestId('sample-rows').locator('tbody tr')
    // read with a decimal dot, 1.234,50 is plainly wrong in the preview; the user changes the mark
    await poll(() => sample.first().innerText()).toMatch(/฿1\.23\s/)
    await page.getByRole('combobox', { name: 'Decimal mark in amounts' }).click()
    await page.getByRole('option', { name: 'Comma: 1.234,50' }).click()
    await poll(() => sample.first().innerText()).toMatch(/M-1[\s\S]*฿1,234\.50[\s\S]*OK$/)

    // the wizard: a required field left out blocks the import until it is mapped
    const start = page.getByRole('button', { name: 'Start the import' })
    // Mantine's clear button is hidden from assistive technology (aria-hidden): found by its place
    await page
      .locator('.mantine-Select-root:has([data-field=quantity]) .mantine-InputClearButton-root')
      .click()
    await page.getByTestId('mapping-missing').getByText('Still needed: Quantity').waitFor()
    expect(await start.isDisabled()).toBe(true)
    await page.getByRole('combobox', { name: 'Quantity', exact: true }).click()
    await page.getByRole('option', { name: 'จำนวน' }).click()
    await page.getByTestId('mapping-missing').waitFor({ state: 'detached' })
    await page.getByLabel('Name of the POS or system').fill('MyPOS')
    await page.getByLabel('Name of the POS or system').blur()
    await poll(() => start.isDisabled()).toBe(false)
    await expectOnly(page, 'en')
    await shot(app, 'import-2-mapping-en')
    await switchLanguage(page, 'th')
    await page.getByText('Lukkha เดาคอลัมน์เหล่านี้จากชื่อ', { exact: false }).waitFor()
    await expectOnly(page, 'th')
    await shot(app, 'import-2-mapping-th')
    await switchLanguage(page, 'en')

    await start.click()
    await page.getByTestId('import-result-done').waitFor()
    expect(await page.getByTestId('count-linesAdded').innerText()).toBe('3')
    expect(await tableColumn(page.getByTestId('new-customers'), 0)).toEqual(['คุณเอ'])
    expect(totals(app).netSatang).toBe(123_450 + 10_000 + 5_000)

    // the same header again: the saved mapping is offered, and nothing is counted twice
    await page.getByRole('button', { name: 'Import another file' }).click()
    await dropFile(page, '[data-testid=import-drop]', fixture('mypos-export.csv'))
    await page.getByText('Using the mapping you saved for files with this header.').waitFor()
    await page.getByTestId('imported-before').waitFor()
    expect(await page.getByRole('combobox', { name: 'Decimal mark in amounts' }).inputValue()).toBe(
      'Comma: 1.234,50',
    )
    await shot(app, 'import-2-saved-mapping-en')
    await start.click()
    await page.getByTestId('import-result-done').waitFor()
    expect(await page.getByTestId('count-duplicatesSkipped').innerText()).toBe('3')
    expect(await page.getByTestId('count-linesAdded').innerText()).toBe('0')

    // dates that fit both orders: the user is asked, never guessed for
    await page.getByRole('button', { name: 'Import another file' }).click()
    await dropFile(page, '[data-testid=import-drop]', fixture('loyverse-ambiguous-dates.csv'))
    await page.getByTestId('date-order-question').waitFor()
    expect(await start.isDisabled()).toBe(true)
    await shot(app, 'import-2-date-order-question-en')
    await page.getByRole('radio', { name: 'Month/day/year (12/31/2025)' }).check()
    await poll(() => sample.first().innerText()).toMatch(/4 Mar (2026|2569)/)
    await page.getByRole('radio', { name: 'Day/month/year (31/12/2025)' }).check()
    await poll(() => sample.first().innerText()).toMatch(/3 Apr (2026|2569)/)
    await poll(() => start.isDisabled()).toBe(false)
    await expectOnly(page, 'en')
    await shot(app, 'import-2-date-order-en')
    await switchLanguage(page, 'th')
    await page.getByTestId('date-order-question').waitFor()
    await expectOnly(page, 'th')
    await shot(app, 'import-2-date-order-th')
    await switchLanguage(page, 'en')

    // an Excel workbook: the first sheet, or the one chosen
    await page.getByRole('button', { name: 'Choose another file' }).click()
    await dropFile(page, '[data-testid=import-drop]', fixture('sales.xlsx'))
    await page.getByTestId('raw-rows').waitFor()
    expect(await page.getByRole('combobox', { name: 'Sheet' }).inputValue()).toBe('Sales')
    await page.getByRole('combobox', { name: 'Sheet' }).click()
    await page.getByRole('option', { name: 'Customers' }).click()
    await poll(() => page.getByTestId('layout').inputValue()).toBe('Loyverse: customers')
    await poll(() => sample.first().innerText()).toContain('มานี มีนา')
    await expectOnly(page, 'en')
    await shot(app, 'import-2-xlsx-en')
  }, 60_000)
})

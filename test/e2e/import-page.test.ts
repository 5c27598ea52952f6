import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { generateExport } from '../../bench/generate-export'
import { tempDir } from '../helpers/db'
import { openApp, useBrowser } from '../harness/browser'
import { dropFile } from '../harness/drop-file'
import { fixture } from '../import/helpers'
import {
  RECORD_PROGRESS,
  expectOnly,
  lastImportId,
  newCustomersOf,
  shot,
  switchLanguage,
  tableColumn,
  totals,
  viewportShot,
} from './import-helpers'
import { poll, STEP_TIMEOUT } from '../harness/patience'

// The Import page end to end (issue 4): a POS export from the welcome screen to the dashboard, and a big one.

const browser = useBrowser()

/** Big enough that the import takes a moment (the bar is seen moving), small enough for a quick test. */
const BIG_LINES = 60_000

describe('import page: a POS export from the welcome screen to the dashboard', () => {
  it('drag a Loyverse export in, check the preview and mapping, import it, see the summary and the new customers', async () => {
    const app = await openApp(browser, { systemLocale: 'th-TH' })
    const { page } = app
    // the dashboard is loaded (and cached) before the import: an empty shop gets the way to the import instead
    // of empty figures; after the import the cached answer must be invalidated
    const customersKpi = page.getByTestId('kpi-customers-value')
    await page.goto(`${app.harness.origin}/#/dashboard`)
    await page.getByTestId('dashboard-empty-import').waitFor()
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
    // and the customer analysis re-ran by itself after each import: the Segments page scores all five
    await page.getByRole('link', { name: 'กลุ่มลูกค้า' }).click()
    const scored = page.getByText(/ให้คะแนนลูกค้าแล้ว/)
    await poll(() => scored.innerText()).toMatch(/ให้คะแนนลูกค้าแล้ว 5 คน/)
    await page.getByTestId('rfm-grid').waitFor()
    await expectOnly(page, 'th')
    await shot(app, 'import-6-segments-after-import-th')
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
    // the undo re-ran it too
    await page.getByRole('link', { name: 'กลุ่มลูกค้า' }).click()
    await poll(() => scored.innerText()).toMatch(/ให้คะแนนลูกค้าแล้ว 3 คน/)
  })
})

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
    await page.getByTestId('raw-rows').waitFor({ timeout: STEP_TIMEOUT })
    await page.evaluate(RECORD_PROGRESS)
    await page.getByRole('button', { name: 'เริ่มนำเข้า' }).click()
    const bar = page.getByTestId('import-progress').getByRole('progressbar')
    await poll(async () => Number(await bar.getAttribute('aria-valuenow'))).toBeGreaterThan(0)
    await viewportShot(page, 'import-3-progress-th')
    await page.getByTestId('import-result-done').waitFor({ timeout: STEP_TIMEOUT })
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
    await page.getByTestId('raw-rows').waitFor({ timeout: STEP_TIMEOUT })
    await page.getByRole('button', { name: 'Start the import' }).click()
    await poll(async () => Number(await bar.getAttribute('aria-valuenow'))).toBeGreaterThan(0)
    await viewportShot(page, 'import-3-progress-en')
    await expectOnly(page, 'en')
    await page.getByRole('button', { name: 'Cancel the import' }).click()
    await page.getByTestId('import-result-cancelled').waitFor({ timeout: STEP_TIMEOUT })
    expect(totals(app)).toEqual(after)
    await expectOnly(page, 'en')
    await shot(app, 'import-4-cancelled-en')
  })
})

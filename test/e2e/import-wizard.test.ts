import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { templateCsv } from '../../src/main/import/template'
import { openApp, useBrowser } from '../harness/browser'
import { dropFile } from '../harness/drop-file'
import { fixture } from '../import/helpers'
import {
  expectOnly,
  lastImportId,
  latestRunCustomers,
  shot,
  switchLanguage,
  tableColumn,
  totals,
} from './import-helpers'
import { poll } from '../harness/patience'

// The Import page end to end (issue 4): bad rows, history and undo; the wizard for any other file.

const browser = useBrowser()

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
    expect(await sample.nth(2).innerText()).toMatch(
      /^3\s[\s\S]*Date \(and time\): Not a date Lukkha can read/,
    )
    await page.getByRole('button', { name: 'Start the import' }).click()
    await page.getByTestId('import-result-failed').waitFor()
    // row number, column, value and reason of every bad row; nothing stored
    const errors = page.getByTestId('import-errors')
    // the rejected rows arrive on their own query, after the job's state: wait for them
    await errors.locator('tbody tr').first().waitFor()
    // the data row, and the line a spreadsheet shows (one header line above the data)
    expect((await tableColumn(errors, 0)).map((cell) => cell.replace(/\s+/g, ' '))).toEqual([
      '3 line 4 in the spreadsheet',
      '4 line 5 in the spreadsheet',
      '5 line 6 in the spreadsheet',
      '7 line 8 in the spreadsheet',
    ])
    // the field by its label, never its internal key
    expect(await tableColumn(errors, 1)).toEqual([
      'Date (and time)',
      'Unit price',
      'Receipt number',
      'Quantity',
    ])
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
    await page.getByTestId('import-result-failed').waitFor()
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
  })
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
    // read with a decimal dot, 1.234,50 is not an amount, and the preview says so; the user changes the mark
    await poll(() => sample.first().innerText()).toMatch(/Not an amount of money/)
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
    // the customer analysis re-runs by itself after the import, in its worker, and scores the new customer
    await poll(() => Promise.resolve(latestRunCustomers(app))).toEqual(['คุณเอ'])

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
  })
})

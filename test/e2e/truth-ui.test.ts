import { readFile } from 'node:fs/promises'
import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import { dispatch } from '../../src/main/api/dispatch'
import { waitForJob } from '../helpers/jobs'
import { openApp, useBrowser, type App } from '../harness/browser'
import { foreignText, visibleUiText } from '../harness/page-text'

const browser = useBrowser()
const MAY_END = '2026-05-28'

/** A shop whose sales end in May (as after importing a May export), analysed, one customer with odd contacts. */
async function mayShop(locale: string): Promise<{ app: App; segment: string; customerId: number }> {
  const app = await openApp(browser, { systemLocale: locale, demo: { seed: 7, endDate: MAY_END } })
  const sqlite = app.harness.ctx.connection.sqlite
  const customerId = sqlite
    .prepare(
      "select customer_id from receipts where kind = 'sale' and customer_id is not null order by net_satang desc limit 1",
    )
    .pluck()
    .get() as number
  sqlite
    .prepare(
      "update customers set name = '=HYPERLINK(\"x\")', phone = '+66812345678', line_id = '@somchai' where id = ?",
    )
    .run(customerId)
  const started = await dispatch('startAnalysis', {}, app.harness.ctx)
  if (!started.ok) throw new Error(started.error.message)
  await waitForJob(app.harness.ctx, (started.data as { jobId: string }).jobId, 'analysis')
  const segment = sqlite
    .prepare('select segment from analysis_scores where customer_id = ? order by run_id desc limit 1')
    .pluck()
    .get(customerId) as string
  await app.page.reload()
  return { app, segment, customerId }
}

describe('pages that tell the truth', () => {
  it('Thai: the dashboard shows May after a May export, a segment list shows phones and exports a safe CSV, the rule editor previews moves', async () => {
    const { app, segment, customerId } = await mayShop('th-TH')
    const { page } = app
    const sqlite = app.harness.ctx.connection.sqlite
    await page.goto(`${app.harness.url}#/dashboard`)
    await page.getByTestId('figures-as-of').waitFor()
    expect(await page.getByTestId('figures-as-of').innerText()).toContain('28 พ.ค. 2569')
    await page.getByTestId('stale-data').waitFor()
    const mayRevenue = sqlite
      .prepare(
        `select sum(net_satang) from receipts where occurred_at >= '2026-05-01' and occurred_at < '2026-05-29'`,
      )
      .pluck()
      .get() as number
    expect(mayRevenue).toBeGreaterThan(0)
    const baht = new Intl.NumberFormat('th-TH', {
      style: 'currency',
      currency: 'THB',
      currencyDisplay: 'narrowSymbol',
      maximumFractionDigits: 0,
    })
    expect(await page.getByTestId('kpi-revenue-value').innerText()).toBe(baht.format(mayRevenue / 100))
    expect(foreignText(await visibleUiText(page), 'th')).toEqual([])
    await app.screenshot('truth-dashboard-may-th')

    await page.goto(`${app.harness.url}#/segments?segment=${segment}`)
    const row = page.locator(`[data-customer-id="${customerId}"]`)
    await row.waitFor()
    expect(await row.getByTestId('contact-links').innerText()).toContain('+66812345678')
    expect(foreignText(await visibleUiText(page), 'th')).toEqual([])
    await app.screenshot('truth-segment-list-th')
    await page.getByTestId('export-list').click()
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-csv').click(),
    ])
    const text = await readFile(await download.path(), 'utf8')
    expect(text.startsWith('\uFEFF')).toBe(true)
    const rows = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true }).data
    const exported = rows.find((r) => r.includes("'+66812345678"))
    expect(exported).toBeDefined()
    expect(exported).toContain(`'=HYPERLINK("x")`)
    expect(rows[0]).toContain('โทรศัพท์')

    await page.goto(`${app.harness.url}#/segments?edit=rules`)
    await page.getByTestId('segment-rules-editor').waitFor()
    // move the best cell (R 5, FM 5) to the last segment in the list
    const cell = page.getByTestId('rules-cell-5-5')
    const cellCustomers = sqlite
      .prepare(
        'select count(*) from analysis_scores where run_id = (select max(id) from analysis_runs) and r = 5 and (f + m + 1) / 2 = 5',
      )
      .pluck()
      .get() as number
    expect(cellCustomers).toBeGreaterThan(0)
    const lastRow = page.getByTestId('rules-segments').locator('tbody tr').last()
    const afterBefore = await lastRow.getByTestId('rules-after').innerText()
    await cell.click()
    await page.getByRole('option').last().click()
    await page
      .getByText(`ลูกค้า ${new Intl.NumberFormat('th-TH').format(cellCustomers)} คนจากการวิเคราะห์ล่าสุดจะย้ายกลุ่ม`)
      .waitFor()
    expect(await lastRow.getByTestId('rules-after').innerText()).not.toBe(afterBefore)
    expect(foreignText(await visibleUiText(page), 'th')).toEqual([])
    await app.screenshot('truth-rules-editor-th')
  })

  it('English: the dashboard says the data ends in May and the empty database leads to the import', async () => {
    const { app } = await mayShop('en-US')
    await app.page.goto(`${app.harness.url}#/dashboard`)
    await app.page.getByTestId('figures-as-of').waitFor()
    expect(await app.page.getByTestId('figures-as-of').innerText()).toContain('28 May 2026')
    expect(foreignText(await visibleUiText(app.page), 'en')).toEqual([])
    await app.screenshot('truth-dashboard-may-en')

    const empty = await openApp(browser, { systemLocale: 'en-US' })
    await empty.page.goto(`${empty.harness.url}#/dashboard`)
    await empty.page.getByTestId('dashboard-empty-import').waitFor()
    await empty.screenshot('truth-dashboard-empty-en')
  })
})

import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../helpers/db'
import { openApp, useBrowser, type App } from '../harness/browser'
import { dropFile } from '../harness/drop-file'
import { foreignText, visibleUiText } from '../harness/page-text'
import { shot } from './import-helpers'
import { poll } from '../harness/patience'

// The first hour of issue 10, as a new shop owner lives it: at the end of November they import their POS's
// May export through the wizard, go on to their best customers, and find the dashboard and every analysis
// page dated by the last sale (28 May), not by today, in Thai and in English.

const browser = useBrowser()
const HEADER =
  'Date,Receipt number,Receipt type,Category,SKU,Item,Variant,Modifiers applied,Quantity,Gross sales,Discounts,Net sales,Cost of goods,Gross profit,Taxes,Dining option,POS,Store,Cashier name,Customer name,Customer contacts,Comment,Status'
const CUSTOMERS = [
  ['สมชาย ใจดี', '081-234-5678'],
  ['Somsri Rakdee', 'somsri@example.com'],
  ['อนันต์ มีสุข', '089-765-4321'],
  ['มาลี ใจงาม', '081-111-2222'],
  ['Anan Chai', '082-333-4444'],
  ['ประยุทธ รักดี', '083-555-6666'],
]

/**
 * A Loyverse "receipts by item" export of March to May 2026: each customer buys every few days (the first
 * ones more often), the last sale on 28 May. Returns the file and the net sales of May, in satang.
 */
function mayExport(): { file: string; maySatang: number } {
  const lines = [HEADER]
  let maySatang = 0
  let receipt = 1000
  const start = Date.UTC(2026, 2, 1)
  for (let day = 0; day <= 88; day++) {
    const date = new Date(start + day * 86_400_000)
    CUSTOMERS.forEach(([name, contact], i) => {
      if (day % (2 + i * 3) !== 0 && !(day === 88 && i === 0)) return
      receipt += 1
      const satang = 4500 + ((day * 7 + i * 13) % 20) * 500
      const baht = (satang / 100).toFixed(2)
      const when = `${date.getUTCDate()}/${date.getUTCMonth() + 1}/${date.getUTCFullYear()} 1${i}:05`
      lines.push(
        `${when},1-${receipt},Sale,Coffee,10001,Latte,Hot,,1.000,${baht},0.00,${baht},0.00,0.00,0.00,Dine in,POS 1,Siam Square,Nok,${name},${contact},,Closed`,
      )
      if (date.getUTCMonth() === 4) maySatang += satang
    })
  }
  const file = join(tempDir(), 'loyverse-may-2026.csv')
  writeFileSync(file, '\uFEFF' + lines.join('\n') + '\n')
  return { file, maySatang }
}

const sqlValue = (app: App, query: string): number =>
  (app.harness.ctx.connection.sqlite.prepare(query).pluck().get() as number | null) ?? 0

describe('a May export imported at the end of November', () => {
  it('the wizard imports it, leads to the best customers, and every page is dated 28 May (th, en)', async () => {
    const { file, maySatang } = mayExport()
    const app = await openApp(browser, { systemLocale: 'th-TH' })
    const { page } = app
    await page.goto(`${app.harness.url}#/import`)
    await dropFile(page, '[data-testid=import-drop]', file)
    await page.getByTestId('raw-rows').waitFor()
    expect(await page.getByTestId('layout').inputValue()).toBe('Loyverse: ใบเสร็จแยกตามสินค้า')
    await page.getByRole('button', { name: 'เริ่มนำเข้า' }).click()
    await page.getByTestId('import-result-done').waitFor()
    expect(sqlValue(app, 'select count(*) from customers')).toBe(CUSTOMERS.length)
    // after an import: the customers, the best customers, the dashboard
    await page.getByTestId('import-see-customers').waitFor()
    expect(foreignText(await visibleUiText(page), 'th')).toEqual([])
    await shot(app, 'may-import-summary-th')
    await page.getByTestId('import-see-best').click()
    expect(page.url()).toMatch(/#\/best-customers$/)
    await page.getByRole('heading', { name: 'ลูกค้าชั้นดี', level: 2 }).waitFor()
    // the analysis ran by itself after the import; the list is every customer, most valuable first
    const top = page.getByTestId('top-customers')
    await poll(() => top.locator('tbody tr').count()).toBe(CUSTOMERS.length)
    const bestName = app.harness.ctx.connection.sqlite
      .prepare(
        `select c.name from analysis_scores s join customers c on c.id = s.customer_id
          where s.run_id = (select max(id) from analysis_runs)
          order by s.clv_satang desc, s.monetary_satang desc, s.customer_id limit 1`,
      )
      .pluck()
      .get() as string
    expect(await top.locator('tbody tr').first().innerText()).toContain(bestName)
    expect(await page.getByTestId('figures-as-of').innerText()).toContain('28 พ.ค. 2569')
    await page.getByTestId('stale-data').waitFor()
    expect(foreignText(await visibleUiText(page), 'th')).toEqual([])
    await shot(app, 'may-best-customers-th')

    // the dashboard: May's figures, dated by the last sale, with the age of the data said
    await page.getByRole('link', { name: 'ภาพรวม' }).click()
    await page.getByTestId('figures-as-of').waitFor()
    expect(await page.getByTestId('figures-as-of').innerText()).toContain('28 พ.ค. 2569')
    await page.getByTestId('stale-data').waitFor()
    expect(
      sqlValue(
        app,
        "select sum(net_satang) from receipts where occurred_at >= '2026-05-01' and occurred_at < '2026-06-01'",
      ),
    ).toBe(maySatang)
    const baht = (locale: string) =>
      new Intl.NumberFormat(locale, {
        style: 'currency',
        currency: 'THB',
        currencyDisplay: 'narrowSymbol',
        maximumFractionDigits: 0,
      })
    await poll(() => page.getByTestId('kpi-revenue-value').innerText()).toBe(
      baht('th-TH').format(maySatang / 100),
    )
    await poll(() => page.getByTestId('kpi-customers-value').innerText()).not.toBe('0')
    expect(foreignText(await visibleUiText(page), 'th')).toEqual([])
    await shot(app, 'may-dashboard-th')

    // who is slipping away, from the menu, dated the same
    await page.getByRole('link', { name: 'ลูกค้าที่กำลังหายไป' }).click()
    await page.getByRole('heading', { name: 'ลูกค้าที่กำลังหายไป', level: 2 }).waitFor()
    expect(await page.getByTestId('figures-as-of').innerText()).toContain('28 พ.ค. 2569')
    const atRisk = sqlValue(
      app,
      "select count(*) from analysis_scores where run_id = (select max(id) from analysis_runs) and churn_level in ('high', 'medium')",
    )
    if (atRisk > 0)
      await poll(() => page.getByTestId('at-risk-customers').locator('tbody tr').count()).toBe(atRisk)
    else await page.getByTestId('at-risk-customers-empty').waitFor()
    expect(foreignText(await visibleUiText(page), 'th')).toEqual([])
    await shot(app, 'may-slipping-away-th')

    // the same in English
    await page.getByRole('link', { name: 'ตั้งค่า' }).click()
    await page.getByText('English', { exact: true }).click()
    await page.getByRole('heading', { name: 'Settings', level: 2 }).waitFor()
    await page.getByRole('link', { name: 'Dashboard' }).click()
    await page.getByTestId('figures-as-of').waitFor()
    expect(await page.getByTestId('figures-as-of').innerText()).toContain('28 May 2026')
    await poll(() => page.getByTestId('kpi-revenue-value').innerText()).toBe(
      baht('en-GB').format(maySatang / 100),
    )
    expect(foreignText(await visibleUiText(page), 'en')).toEqual([])
    await shot(app, 'may-dashboard-en')
    await page.getByRole('link', { name: 'Best customers' }).click()
    await page.getByRole('heading', { name: 'Best customers', level: 2 }).waitFor()
    await poll(() => top.locator('tbody tr').count()).toBe(CUSTOMERS.length)
    expect(foreignText(await visibleUiText(page), 'en')).toEqual([])
    await shot(app, 'may-best-customers-en')
    await page.getByRole('link', { name: 'Slipping away' }).click()
    await page.getByRole('heading', { name: 'Who is slipping away', level: 2 }).waitFor()
    expect(await page.getByTestId('figures-as-of').innerText()).toContain('28 May 2026')
    expect(foreignText(await visibleUiText(page), 'en')).toEqual([])
    await shot(app, 'may-slipping-away-en')
  })
})

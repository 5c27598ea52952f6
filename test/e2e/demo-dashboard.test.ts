import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { openApp, useBrowser, type App } from '../harness/browser'
import { foreignText, thaiGlyphReport, visibleUiText } from '../harness/page-text'
import { STEP_TIMEOUT } from '../harness/patience'

const browser = useBrowser()

/** The dashboard's figures worked out straight from the database, in SQL written for this test. */
function expectedFigures(app: App) {
  const sqlite = app.harness.ctx.connection.sqlite
  const value = (query: string): number => (sqlite.prepare(query).pluck().get() as number | null) ?? 0
  const today = "date('now', 'localtime')"
  return {
    customers: value('select count(*) from customers'),
    active: value(`select count(distinct customer_id) from receipts where kind = 'sale'
                   and occurred_at >= date(${today}, '-89 days') and occurred_at < date(${today}, '+1 day')`),
    revenueSatang: value(`select sum(net_satang) from receipts
                          where occurred_at >= date(${today}, 'start of month') and occurred_at < date(${today}, '+1 day')`),
    topProduct: sqlite
      .prepare(
        `select p.name from receipt_lines l join receipts r on r.id = l.receipt_id join products p on p.id = l.product_id
         where r.occurred_at >= date(${today}, '-89 days') and r.occurred_at < date(${today}, '+1 day')
         group by p.id order by sum(l.net_satang) desc limit 1`,
      )
      .pluck()
      .get() as string,
  }
}

const kpi = (page: Page, id: string): Promise<string> => page.getByTestId(`kpi-${id}-value`).innerText()

describe('demo shop', () => {
  it('"Explore with a demo shop" loads the demo, reporting progress, and the dashboard shows its figures', async () => {
    const app = await openApp(browser, { systemLocale: 'th-TH' })
    const { page } = app
    // Listen to the bridge's events the way the app does, to see the progress reach the page.
    await page.evaluate(`window.__events = []; window.lukkha.onEvent((e) => window.__events.push(e))`)
    await page.getByRole('button', { name: 'ทดลองกับร้านตัวอย่าง' }).click()
    await page.getByRole('heading', { name: 'ภาพรวม' }).waitFor({ timeout: STEP_TIMEOUT })
    expect(page.url()).toMatch(/#\/dashboard$/)

    // The demo then starts the customer analysis, whose job events may already have followed; leave them out
    const events = (
      await page.evaluate<{ type: string; task?: string; phase: string }[]>('window.__events')
    ).filter((e) => e.type !== 'job')
    expect(events.length).toBeGreaterThan(2)
    expect(events.every((e) => e.task === 'demo')).toBe(true)
    expect(events.map((e) => e.phase)).toContain('demo.phase.saving')

    const expected = expectedFigures(app)
    expect(expected.customers).toBeGreaterThan(1000)
    const number = new Intl.NumberFormat('th-TH')
    const baht = new Intl.NumberFormat('th-TH', {
      style: 'currency',
      currency: 'THB',
      currencyDisplay: 'narrowSymbol',
      maximumFractionDigits: 0,
      minimumFractionDigits: 0,
    })
    expect(await kpi(page, 'customers')).toBe(number.format(expected.customers))
    expect(await kpi(page, 'active')).toBe(number.format(expected.active))
    expect(await kpi(page, 'revenue')).toBe(baht.format(expected.revenueSatang / 100))
    const firstProduct = page.getByTestId('top-products').locator('tbody tr').first()
    expect(await firstProduct.innerText()).toContain(expected.topProduct)

    await page.getByRole('img', { name: /กราฟแท่งยอดขายสุทธิ/ }).waitFor()
    expect(foreignText(await visibleUiText(page), 'th')).toEqual([])
    expect(await thaiGlyphReport(page)).toEqual({
      sarabunThaiReady: true,
      notSarabun: [],
      canvasUsesSarabun: true,
    })
    await app.screenshot('dashboard-th')
  })

  it('opens on the dashboard when the database already has data', async () => {
    const app = await openApp(browser, { systemLocale: 'en-US', demo: true })
    await app.page.getByRole('heading', { name: 'Dashboard' }).waitFor()
    expect(await kpi(app.page, 'customers')).toBe(
      new Intl.NumberFormat('en-GB').format(expectedFigures(app).customers),
    )
    expect(foreignText(await visibleUiText(app.page), 'en')).toEqual([])
    await app.screenshot('dashboard-en')
  })
})

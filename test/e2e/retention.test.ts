import { readFile } from 'node:fs/promises'
import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import { call } from '../api/import-helpers'
import { openApp, useBrowser, type App } from '../harness/browser'
import { foreignText, visibleUiText } from '../harness/page-text'

// The Retention and Growth pages and the dashboard's retention cards on the demo shop, in Thai and English
// at 1366x768, each figure checked against the engine's answer for the same as-of day.

const browser = useBrowser()

const words = {
  th: { retention: 'รักษาลูกค้า', growth: 'การเติบโต', phone: 'โทรศัพท์', noCampaign: 'ไม่มีแคมเปญที่กำลังดำเนินอยู่' },
  en: {
    retention: 'Retention',
    growth: 'Growth',
    phone: 'Phone',
    noCampaign: 'No campaign is running.',
  },
}

async function noForeignText(app: App, language: 'th' | 'en'): Promise<void> {
  expect(foreignText(await visibleUiText(app.page), language)).toEqual([])
}

async function checkPages(app: App, language: 'th' | 'en'): Promise<void> {
  const { page, harness } = app
  const ctx = harness.ctx
  const w = words[language]
  const number = new Intl.NumberFormat(language === 'th' ? 'th-TH' : 'en-US')

  // Dashboard: the four cards, each from its own call
  await page.goto(`${harness.url}#/dashboard`)
  const atRisk = await call(ctx, 'getAtRiskCard', {})
  const fresh = await call(ctx, 'getNewCustomersCard', {})
  await page.getByTestId('card-at-risk-value').waitFor()
  await page.getByTestId('card-new-customers-value').waitFor()
  await page.getByTestId('card-second-purchase-value').waitFor()
  await page.getByTestId('card-open-campaigns-value').waitFor()
  expect(await page.getByTestId('card-at-risk-value').innerText()).toBe(number.format(atRisk.customers))
  expect(await page.getByTestId('card-new-customers-value').innerText()).toBe(number.format(fresh.thisMonth))
  // the demo shop has no campaign yet: the card says so (test/e2e/campaigns.test.ts makes one)
  expect(await page.getByTestId('card-open-campaigns-value').innerText()).toBe('0')
  expect(await page.getByTestId('card-open-campaigns').innerText()).toContain(w.noCampaign)
  await noForeignText(app, language)
  await app.screenshot(`retention-1-dashboard-${language}`)

  // Retention: the at-risk list in the engine's order, with contacts, exported
  await page.getByRole('link', { name: w.retention, exact: true }).click()
  const table = page.getByTestId('retention-table')
  await table.waitFor()
  const list = await call(ctx, 'getRetentionList', { list: 'at_risk' })
  expect(list.total).toBeGreaterThan(0)
  expect(await table.locator('tbody tr').count()).toBe(Math.min(200, list.total))
  const firstRow = await table.locator('tbody tr').first().innerText()
  expect(firstRow).toContain(list.customers[0]?.name ?? '?')
  if (list.customers[0]?.phone) expect(firstRow).toContain(list.customers[0].phone)
  await noForeignText(app, language)
  await app.screenshot(`retention-2-at-risk-${language}`)
  await page.getByTestId('export-list').click()
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('export-csv').click(),
  ])
  const rows = Papa.parse<string[]>((await readFile(await download.path(), 'utf8')).slice(1), {
    skipEmptyLines: true,
  }).data
  expect(rows[0]).toContain(w.phone)
  expect(rows.length - 1).toBe(list.total)
  expect(rows[1]).toContain(list.customers[0]?.name)

  // Second purchase: the overall rate as the engine gives it, and the waiting list
  await page.getByTestId('retention-tab-second').click()
  await page.getByTestId('second-overall').waitFor()
  await page.getByTestId('list-not_returned').waitFor()
  await noForeignText(app, language)
  await app.screenshot(`retention-3-second-${language}`)

  await page.getByTestId('retention-tab-birthdays').click()
  await page.getByTestId('list-birthdays').waitFor()
  const birthdays = await call(ctx, 'getRetentionList', { list: 'birthdays' })
  expect(await page.getByTestId('list-birthdays').getByTestId('list-count').innerText()).toContain(
    number.format(birthdays.total),
  )
  await app.screenshot(`retention-4-birthdays-${language}`)

  await page.getByTestId('retention-tab-churn').click()
  await page.getByTestId('churn-by-month').waitFor()
  await noForeignText(app, language)
  await app.screenshot(`retention-5-churn-${language}`)

  // Growth: new customers by source, referrals, new vs returning
  await page.getByRole('link', { name: w.growth, exact: true }).click()
  await page.getByTestId('acquisition').waitFor()
  await noForeignText(app, language)
  await app.screenshot(`growth-1-acquisition-${language}`)
  await page.getByTestId('growth-tab-referrals').click()
  await page.getByTestId('list-referrers').getByTestId('retention-table').waitFor()
  const board = await call(ctx, 'getRetentionList', { list: 'referrers' })
  expect(
    await page
      .getByTestId('list-referrers')
      .getByTestId('retention-table')
      .locator('tbody tr')
      .first()
      .innerText(),
  ).toContain(board.customers[0]?.name ?? '?')
  await noForeignText(app, language)
  await app.screenshot(`growth-2-referrals-${language}`)
  await page.getByTestId('growth-tab-revenue').click()
  await page.getByTestId('growth-split').waitFor()
  await noForeignText(app, language)
  await app.screenshot(`growth-3-revenue-${language}`)
}

describe('Retention and Growth pages on the demo shop', () => {
  it('shows the cards, lists and monthly figures in Thai', async () => {
    const app = await openApp(browser, { systemLocale: 'th-TH', demo: true })
    await checkPages(app, 'th')
  })

  it('shows the cards, lists and monthly figures in English', async () => {
    const app = await openApp(browser, { systemLocale: 'en-US', demo: true })
    await checkPages(app, 'en')
  })
})

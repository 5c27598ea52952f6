import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { openApp, useBrowser } from '../harness/browser'
import { THAI, foreignText, thaiGlyphReport, visibleUiText } from '../harness/page-text'
import { STEP_TIMEOUT } from '../harness/patience'

const browser = useBrowser()

// A real 1x1 PNG.
const PNG_1PX = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
)

/**
 * The dashboard's cards load on their own queries: the visible text is compared once every card shows its
 * figures, not while some still show placeholders (the counts then depended on the machine's load).
 */
async function dashboardLoaded(page: Page): Promise<void> {
  for (const id of [
    'kpi-customers-value',
    'card-at-risk-value',
    'card-new-customers-value',
    'top-products',
  ]) {
    await page.getByTestId(id).first().waitFor({ timeout: STEP_TIMEOUT })
  }
}

describe('settings', () => {
  it('switching the language changes every visible label, and the choice is kept', async () => {
    const app = await openApp(browser, { systemLocale: 'th-TH', demo: true })
    const { page } = app
    await page.getByRole('heading', { name: 'ภาพรวม' }).waitFor()
    await dashboardLoaded(page)
    const thaiDashboard = await visibleUiText(page)
    expect(foreignText(thaiDashboard, 'th')).toEqual([])

    await page.getByRole('link', { name: 'ตั้งค่า' }).click()
    await page.getByRole('heading', { name: 'ตั้งค่า', level: 2 }).waitFor()
    const thaiSettings = await visibleUiText(page)
    expect(foreignText(thaiSettings, 'th')).toEqual([])
    expect(await thaiGlyphReport(page)).toEqual({
      sarabunThaiReady: true,
      notSarabun: [],
      canvasUsesSarabun: true,
    })
    await app.screenshot('settings-th')

    await page.getByText('English', { exact: true }).click()
    await page.getByRole('heading', { name: 'Settings', level: 2 }).waitFor()
    const englishSettings = await visibleUiText(page)
    expect(foreignText(englishSettings, 'en')).toEqual([])
    // Every Thai label was replaced, none is left over.
    expect(englishSettings.filter((text) => thaiSettings.includes(text) && THAI.test(text))).toEqual([])
    await app.screenshot('settings-en')

    await page.getByRole('link', { name: 'Dashboard' }).click()
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor()
    await dashboardLoaded(page)
    const englishDashboard = await visibleUiText(page)
    expect(foreignText(englishDashboard, 'en')).toEqual([])
    expect(englishDashboard.length).toBeGreaterThanOrEqual(thaiDashboard.length - 2)

    await page.reload()
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor()
    expect(
      app.harness.ctx.connection.sqlite
        .prepare("select value from settings where key = 'ui.language'")
        .pluck()
        .get(),
    ).toBe('"en"')
  })

  it('dates follow the chosen era, and a logo sent as bytes shows in the menu', async () => {
    const app = await openApp(browser, { systemLocale: 'en-US', demo: { seed: 9, endDate: '2026-11-20' } })
    const { page } = app
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor()
    const subtitle = page.getByText(/^Figures up to /)
    expect(await subtitle.innerText()).toMatch(/\b20\d\d, the day of your last sale$/)

    await page.getByRole('link', { name: 'Settings' }).click()
    await page.getByText(/^Buddhist era: /).click()
    await page.getByRole('link', { name: 'Dashboard' }).click()
    await expect.poll(() => subtitle.innerText()).toMatch(/\b25\d\d BE, the day of your last sale$/)

    await page.getByRole('link', { name: 'Settings' }).click()
    await page
      .locator('input[type=file]')
      .setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: PNG_1PX })
    await page.getByTestId('logo-preview').waitFor()
    const stored = app.harness.ctx.connection.sqlite
      .prepare("select value from settings where key = 'shop.logo'")
      .pluck()
      .get()
    expect(JSON.parse(stored as string)).toMatchObject({ type: 'image/png', bytes: PNG_1PX.length })
    await page.getByRole('button', { name: 'Remove logo' }).click()
    await page.getByText('No logo yet.').waitFor()

    await page.getByLabel('Shop name').fill('ร้านป้าแดง')
    await page.getByRole('button', { name: 'Save shop details' }).click()
    await page.getByText('Shop details saved.').waitFor()
    await expect.poll(() => page.getByRole('navigation').innerText()).toContain('ร้านป้าแดง')
  })
})

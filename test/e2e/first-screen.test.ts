import type { Page, Route } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { openApp, useBrowser } from '../harness/browser'
import { foreignText, visibleUiText } from '../harness/page-text'

const browser = useBrowser()

// The first screen does not wait for the API: the page arrives in the settings' language, so the window draws
// the app's frame (shop, menu) and the dashboard's title and KPI cards (names, placeholders for the figures)
// while the start answers (health, settings, stats, KPI figures) are still on their way. Here those answers
// are held back until the frame is checked, then let through.

const START_CALLS = ['getHealth', 'getSettings', 'getStats', 'getDashboardKpis']

/** Holds the start calls' answers until release(); `held` lists the calls that arrived meanwhile. */
function holdStartCalls() {
  const held: string[] = []
  let release = (): void => undefined
  const released = new Promise<void>((resolve) => (release = resolve))
  const hold = async (page: Page): Promise<void> => {
    await page.route('**/__lukkha/api/*', async (route: Route) => {
      const method = new URL(route.request().url()).pathname.split('/').pop() ?? ''
      if (START_CALLS.includes(method)) {
        held.push(method)
        await released
      }
      await route.continue()
    })
  }
  return { hold, held, release }
}

const firstPaint = (page: Page): Promise<number> =>
  page.evaluate<number>(`performance.getEntriesByName('first-contentful-paint').length`)

const cases = [
  { language: 'th', locale: 'th-TH', dashboard: 'ภาพรวม', customers: 'ลูกค้า', settings: 'ตั้งค่า' },
  { language: 'en', locale: 'en-US', dashboard: 'Dashboard', customers: 'Customers', settings: 'Settings' },
] as const

describe('first screen', () => {
  for (const c of cases) {
    it(`draws the frame and the KPI cards' names in ${c.language} before any start answer, then the figures`, async () => {
      const calls = holdStartCalls()
      const app = await openApp(browser, { systemLocale: c.locale, demo: true, beforeOpen: calls.hold })
      const { page } = app
      // the frame, in the settings' language, while every start call is held
      await page.getByTestId('dashboard-loading').waitFor()
      await page.getByRole('link', { name: c.settings }).waitFor()
      await page.getByRole('heading', { name: c.dashboard }).waitFor()
      await page.getByText(c.customers, { exact: true }).first().waitFor()
      expect(await page.locator('html').getAttribute('lang')).toBe(c.language)
      expect([...calls.held].sort()).toEqual([...START_CALLS].sort())
      expect(await page.getByTestId('kpi-customers-value').count()).toBe(0)
      expect(await firstPaint(page)).toBe(1)
      expect(foreignText(await visibleUiText(page), c.language)).toEqual([])
      await app.screenshot(`first-screen-loading-${c.language}`)

      calls.release()
      const figure = page.getByTestId('kpi-customers-value')
      await figure.waitFor()
      const customers = Number(
        app.harness.ctx.connection.sqlite.prepare('select count(*) from customers').pluck().get(),
      )
      expect((await figure.innerText()).replace(/\D/g, '')).toBe(String(customers))
      expect(page.url()).toMatch(/#\/dashboard$/)
      expect(await page.getByTestId('dashboard-loading').count()).toBe(0)
      expect(foreignText(await visibleUiText(page), c.language)).toEqual([])
      await app.screenshot(`first-screen-loaded-${c.language}`)
    })
  }

  it('a menu entry chosen on the frame opens that page once the app has its answers', async () => {
    const calls = holdStartCalls()
    const app = await openApp(browser, { systemLocale: 'en-US', demo: true, beforeOpen: calls.hold })
    const { page } = app
    await page.getByTestId('dashboard-loading').waitFor()
    await page.getByRole('link', { name: 'Settings' }).click()
    calls.release()
    await page.getByRole('heading', { name: 'Settings', level: 2 }).waitFor()
    expect(page.url()).toMatch(/#\/settings$/)
  })

  it('switching the language loads the other language’s texts and draws every label in it', async () => {
    const app = await openApp(browser, { systemLocale: 'th-TH', demo: true })
    const { page } = app
    await page.getByTestId('kpi-customers-value').waitFor()
    // only the Thai texts came with the first screen
    const scripts = (): Promise<string[]> =>
      page.evaluate<string[]>(
        `performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname).filter((p) => /\\/texts-(en|th)-[\\w-]+\\.js$/.test(p))`,
      )
    const language = (path: string): string | undefined => /\/texts-(en|th)-/.exec(path)?.[1]
    expect((await scripts()).map(language)).toEqual(['th'])
    await page.getByRole('link', { name: 'ตั้งค่า' }).click()
    await page.getByText('English', { exact: true }).click()
    await page.getByRole('heading', { name: 'Settings', level: 2 }).waitFor()
    expect((await scripts()).map(language).sort()).toEqual(['en', 'th'])
    expect(foreignText(await visibleUiText(page), 'en')).toEqual([])
    expect(await page.locator('html').getAttribute('lang')).toBe('en')
  })
})

import type { Locator, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { menu } from '../../src/renderer/src/app/menu'
import dashboard from '../../src/renderer/src/features/dashboard/i18n'
import common from '../../src/renderer/src/i18n/common'
import { openApp, useBrowser } from '../harness/browser'

const browser = useBrowser()

// The page's static frame (src/renderer/src/static-frame/): the app's menu, the dashboard's title and its KPI
// cards' outlines are in the HTML, painted before the app's code runs and before any API call is answered, in
// the language the app then draws in; the app's own screen replaces it in the same place.

/** Holds back every API answer until `release` is called (the page's files and event stream pass). */
function holdApi(): { beforeOpen: (page: Page) => Promise<void>; release: () => void } {
  let release: () => void = () => undefined
  const held = new Promise<void>((ok) => (release = ok))
  return {
    release: () => release(),
    beforeOpen: async (page) => {
      await page.route('**/__lukkha/api/**', async (route) => {
        await held
        await route.continue()
      })
    },
  }
}

type Box = { x: number; y: number; width: number; height: number }
async function boxes(locator: Locator): Promise<Box[]> {
  const found: Box[] = []
  for (const one of await locator.all()) {
    const box = await one.boundingBox()
    if (box) found.push(box)
  }
  return found
}
/** Boxes compared to the pixel (the frame and the app round sub-pixel heights alike). */
const rounded = (list: Box[]): number[][] =>
  list.map((b) => [b.x, b.y, b.width, b.height].map((n) => Math.round(n)))

describe('static frame', () => {
  for (const [language, systemLocale] of [
    ['th', 'th-TH'],
    ['en', 'en-US'],
  ] as const) {
    it(`shows the menu and the dashboard's outline in ${language} before the API answers, where the app draws them`, async () => {
      const api = holdApi()
      const app = await openApp(browser, { systemLocale, demo: true, beforeOpen: api.beforeOpen })
      const { page } = app
      const frame = page.locator('#static-frame')
      const labels = [...menu.main, ...menu.bottom].map((id) => common[language].nav[id])
      expect(await page.locator('html').getAttribute('lang')).toBe(language)
      expect(await frame.locator('.sf-link').allInnerTexts()).toEqual(labels)
      expect(await frame.locator('.sf-title').innerText()).toBe(dashboard[language].title)
      const kpi = dashboard[language].kpi
      expect(await frame.locator('.sf-card').allInnerTexts()).toEqual([
        kpi.customers,
        kpi.active,
        kpi.new,
        kpi.revenue,
      ])
      expect(await page.getByRole('navigation').count()).toBe(0) // the app has drawn nothing of its own yet
      await app.screenshot(`static-frame-${language}`)
      const frameLinks = rounded(await boxes(frame.locator('.sf-link')))
      const frameTitle = rounded(await boxes(frame.locator('.sf-title')))
      const frameCards = rounded(await boxes(frame.locator('.sf-card')))

      api.release()
      await page.getByTestId('kpi-customers-value').waitFor()
      expect(await frame.count()).toBe(0)
      const nav = page.getByRole('navigation')
      expect(await nav.getByRole('link').allInnerTexts()).toEqual(labels)
      expect(rounded(await boxes(nav.getByRole('link')))).toEqual(frameLinks)
      // the title's place and line (the frame's spans the page, the app's its text)
      const title = rounded(await boxes(page.getByRole('heading', { level: 2 })))
      expect(title.map(([x, y, , h]) => [x, y, h])).toEqual(frameTitle.map(([x, y, , h]) => [x, y, h]))
      // the cards' left, top and width: their height follows the figures' hints, unknown to the frame
      const cards: Box[] = []
      for (const id of ['kpi-customers', 'kpi-active', 'kpi-new', 'kpi-revenue']) {
        cards.push(...(await boxes(page.getByTestId(id))))
      }
      expect(rounded(cards).map(([x, y, w]) => [x, y, w])).toEqual(frameCards.map(([x, y, w]) => [x, y, w]))
      await app.screenshot(`static-frame-${language}-app`)
    })
  }
})

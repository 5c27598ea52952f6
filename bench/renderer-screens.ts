import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { dispatch } from '../src/main/api/dispatch'
import { launchChromium } from '../test/harness/chromium'
import { startHarness } from '../test/harness/server'

// Screenshots of the first screen at 1366x768, Thai and English: the page's static frame while every API answer
// is held back (what the window paints before the app's code runs), while only the KPI answer is held back (what
// the owner sees while the data loads) and once the KPI cards show. For looking at, not a test.
//   npm exec -- tsx bench/renderer-screens.ts DB [OUT_DIR]

const [db, out = 'test-results/screenshots'] = process.argv.slice(2)
if (!db) throw new Error('usage: renderer-screens.ts DB [OUT_DIR]')
mkdirSync(out, { recursive: true })
const work = mkdtempSync('/tmp/renderer-screens-')
const file = join(work, 'shop.db')
copyFileSync(db, file)
const context = await launchChromium(join(work, 'chromium'))
try {
  for (const language of ['th', 'en'] as const) {
    const harness = await startHarness({ dbFile: file, systemLocale: 'th-TH' })
    await dispatch('updateSettings', { language }, harness.ctx)
    const page = await context.newPage()
    let release: () => void = () => undefined
    const held = new Promise<void>((ok) => (release = ok))
    await page.route('**/__lukkha/api/getDashboardKpis', async (route) => {
      await held
      await route.continue()
    })
    let releaseAll: () => void = () => undefined
    const allHeld = new Promise<void>((ok) => (releaseAll = ok))
    // registered last, asked first: every API call waits here, then goes on (the KPIs to the route above)
    await page.route('**/__lukkha/api/**', async (route) => {
      await allHeld
      await route.fallback()
    })
    await page.goto(harness.url)
    await page.locator('#static-frame').waitFor({ timeout: 120_000 })
    await page.waitForTimeout(500) // only for the picture: let the fonts settle
    await page.screenshot({ path: join(out, `first-screen-frame-${language}.png`) })
    releaseAll()
    await page.getByRole('navigation').waitFor({ timeout: 120_000 })
    await page.waitForTimeout(500) // only for the picture: let the frame settle
    await page.screenshot({ path: join(out, `first-screen-loading-${language}.png`) })
    release()
    await page.getByTestId('kpi-customers-value').waitFor({ timeout: 120_000 })
    await page.waitForTimeout(1500)
    await page.screenshot({ path: join(out, `first-screen-loaded-${language}.png`) })
    await page.close()
    await harness.close()
  }
} finally {
  await context.close()
  rmSync(work, { recursive: true, force: true })
}

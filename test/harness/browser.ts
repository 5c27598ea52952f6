import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, onTestFinished } from 'vitest'
import { createDemoShop } from '../../src/main/demo'
import { localToday } from '../../src/shared/calendar'
import { CHROMIUM_PATH, launchChromium } from './chromium'
import { startHarness, type Harness } from './server'
import { STEP_TIMEOUT } from './patience'

// Helpers for end-to-end tests: Debian's Chromium driven by playwright-core against the harness, so a
// feature's e2e test is a few lines:
//
//   const browser = useBrowser()
//   it('...', async () => {
//     const app = await openApp(browser, { demo: true })
//     await app.page.getByRole('link', { name: 'ลูกค้า' }).click()
//     await app.screenshot('customers-th')
//   })

export const CHROMIUM = CHROMIUM_PATH
export const SCREENSHOT_DIR = resolve(import.meta.dirname, '../../test-results/screenshots')

// index.html repeats the CSP in a <meta> for the file:// page; Chromium notes that frame-ancestors only
// works as a header (which the harness and the app's session send too).
const IGNORED_CONSOLE = [/'frame-ancestors' is ignored when delivered via a <meta> element/]

/** One headless Chromium for the test file, with a fresh profile; closed after the file's tests. */
export function useBrowser(): () => BrowserContext {
  let context: BrowserContext | null = null
  let profile = ''
  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(
        `End-to-end tests need Debian's Chromium at ${CHROMIUM}: apt-get install chromium fonts-thai-tlwg`,
      )
    }
    profile = mkdtempSync(join(tmpdir(), 'lukkha-chromium-'))
    context = await launchChromium(profile)
    context.setDefaultTimeout(STEP_TIMEOUT) // clicks, waits and downloads: see patience.ts
  })
  afterAll(async () => {
    await context?.close()
    if (profile) rmSync(profile, { recursive: true, force: true })
  })
  return () => {
    if (!context) throw new Error('useBrowser(): the browser starts in beforeAll; call it inside a test')
    return context
  }
}

export interface AppOptions {
  /** The OS locale the app sees (Electron's app.getLocale()); decides the first language. */
  systemLocale?: string
  /** Fill the database with the demo shop before the page opens (seed 2567 unless given). */
  demo?: boolean | { seed: number; endDate?: string }
  /** Prepares the database file before the app opens it (e.g. damages it for the recovery screen). */
  before?: (dbFile: string) => Promise<void> | void
  /** Prepares the page before it opens the app (e.g. holds back API answers with page.route). */
  beforeOpen?: (page: Page) => Promise<void>
}

export interface App {
  page: Page
  harness: Harness
  /** Saves a full-page PNG as test-results/screenshots/<name>.png and returns its path. */
  screenshot(name: string): Promise<string>
  /** Console errors and uncaught page errors so far (CSP violations show up here). */
  errors: string[]
}

/**
 * A harness on a fresh database and a page showing the app, both closed when the test ends. The test
 * fails if the page logged an error.
 */
export async function openApp(browser: () => BrowserContext, options: AppOptions = {}): Promise<App> {
  const dir = mkdtempSync(join(tmpdir(), 'lukkha-e2e-'))
  await options.before?.(join(dir, 'lukkha.db'))
  const harness = await startHarness({
    dbFile: join(dir, 'lukkha.db'),
    systemLocale: options.systemLocale ?? 'th-TH',
  })
  if (options.demo) {
    const demo = options.demo === true ? { seed: 2567 } : options.demo
    await createDemoShop(harness.ctx.connection.sqlite, {
      seed: demo.seed,
      endDate: demo.endDate ?? localToday(new Date()),
    })
  }
  const page = await browser().newPage()
  const errors: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error' && !IGNORED_CONSOLE.some((re) => re.test(message.text()))) {
      errors.push(message.text())
    }
  })
  page.on('pageerror', (error) => errors.push(error.message))
  onTestFinished(async () => {
    await page.close()
    await harness.close()
    rmSync(dir, { recursive: true, force: true })
    if (errors.length > 0) throw new Error(`The page logged errors:\n${errors.join('\n')}`)
  })
  await options.beforeOpen?.(page)
  await page.goto(harness.url)
  // The bridge opens its event stream on load; wait for it so no progress event of the test is missed.
  for (let i = 0; i < 100 && harness.eventClients() === 0; i++) await page.waitForTimeout(20)
  return {
    page,
    harness,
    errors,
    async screenshot(name) {
      mkdirSync(SCREENSHOT_DIR, { recursive: true })
      const path = join(SCREENSHOT_DIR, `${name}.png`)
      await page.screenshot({ path, fullPage: true })
      return path
    },
  }
}

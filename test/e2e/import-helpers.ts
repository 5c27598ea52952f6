import { join } from 'node:path'
import type { Locator, Page } from 'playwright-core'
import { expect } from 'vitest'
import { SCREENSHOT_DIR, type App } from '../harness/browser'
import { foreignText, visibleUiText } from '../harness/page-text'

// Shared steps of the Import page's end-to-end tests.

const NAMES = {
  th: { settings: 'ตั้งค่า', language: 'ไทย', import: 'นำเข้าข้อมูล' },
  en: { settings: 'Settings', language: 'English', import: 'Import' },
} as const

/**
 * Switches the UI language in the settings and comes back to the Import page, which keeps its step (the
 * flow lives outside the page), so each step can be seen in both languages.
 */
export async function switchLanguage(page: Page, to: 'th' | 'en'): Promise<void> {
  const from = to === 'en' ? NAMES.th : NAMES.en
  await page.getByRole('link', { name: from.settings }).click()
  await page.getByText(NAMES[to].language, { exact: true }).click()
  await page.getByRole('heading', { name: NAMES[to].settings, level: 2 }).waitFor()
  await page.getByRole('link', { name: NAMES[to].import }).click()
}

/** What the database holds, counted in SQL written for the tests. */
export function totals(app: App): { customers: number; receipts: number; lines: number; netSatang: number } {
  const sqlite = app.harness.ctx.connection.sqlite
  const value = (query: string): number => (sqlite.prepare(query).pluck().get() as number | null) ?? 0
  return {
    customers: value('select count(*) from customers'),
    receipts: value('select count(*) from receipts'),
    lines: value('select count(*) from receipt_lines'),
    netSatang: value('select sum(net_satang) from receipt_lines'),
  }
}

/** The names of the customers the latest stored analysis run scored, sorted. */
export function latestRunCustomers(app: App): string[] {
  return app.harness.ctx.connection.sqlite
    .prepare(
      `select c.name from analysis_scores s join customers c on c.id = s.customer_id
        where s.run_id = (select max(id) from analysis_runs) order by c.name`,
    )
    .pluck()
    .all() as string[]
}

/** The text of one column of a table's body rows. */
export async function tableColumn(table: Locator, index: number): Promise<string[]> {
  const cells = table.locator(`tbody tr > :nth-child(${index + 1})`)
  // lines of a cell (a name over its phone) joined by one newline, however the blocks are spaced
  return (await cells.allInnerTexts()).map((text) => text.trim().replace(/\s*\n\s*/g, '\n'))
}

/**
 * A full-page screenshot from the top of the page, once the step indicator's short animation is over (the
 * screenshots are looked at by people; the checks do not depend on them).
 */
export async function shot(app: App, name: string): Promise<void> {
  await app.page.evaluate('window.scrollTo(0, 0)')
  await app.page.waitForTimeout(250)
  await app.screenshot(name)
}

export async function expectOnly(page: Page, language: 'th' | 'en'): Promise<void> {
  expect(foreignText(await visibleUiText(page), language)).toEqual([])
}

/** The new customers of an import, as the summary should list them: by id, name and phone as stored. */
export function newCustomersOf(app: App, importId: number): { name: string; phone: string | null }[] {
  return app.harness.ctx.connection.sqlite
    .prepare('select name, phone from customers where import_id = ? order by id')
    .all(importId) as { name: string; phone: string | null }[]
}

export function lastImportId(app: App): number {
  return app.harness.ctx.connection.sqlite.prepare('select max(id) from imports').pluck().get() as number
}

/** A screenshot of what is on screen only: quicker than the full page, for a step that does not last. */
export async function viewportShot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`) })
}

/** Records the progress bar's values in the page as they change, to see that it moved. */
export const RECORD_PROGRESS = `(() => {
  window.__progress = []
  const timer = setInterval(() => {
    const bar = document.querySelector('[data-testid=import-progress] [role=progressbar]')
    if (bar) window.__progress.push(Number(bar.getAttribute('aria-valuenow')))
    if (document.querySelector('[data-testid^=import-result-]')) clearInterval(timer)
  }, 10)
})()`

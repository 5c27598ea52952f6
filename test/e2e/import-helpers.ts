import type { Locator, Page } from 'playwright-core'
import type { App } from '../harness/browser'

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

/** The text of one column of a table's body rows. */
export async function tableColumn(table: Locator, index: number): Promise<string[]> {
  const cells = table.locator(`tbody tr > :nth-child(${index + 1})`)
  // lines of a cell (a name over its phone) joined by one newline, however the blocks are spaced
  return (await cells.allInnerTexts()).map((text) => text.trim().replace(/\s*\n\s*/g, '\n'))
}

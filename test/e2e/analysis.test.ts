import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { formatPercent } from '../../src/shared/format/money'
import { SCREENSHOT_DIR, openApp, useBrowser, type App } from '../harness/browser'
import { THAI, foreignText, thaiGlyphReport, visibleUiText } from '../harness/page-text'
import { STEP_TIMEOUT } from '../harness/patience'

const browser = useBrowser()

// The analysis pages on the demo shop, checked against the stored snapshot read with SQL written here (not
// through the API the pages use), so a page that showed the wrong customers or counts would fail.

type Row = Record<string, unknown>

function sql(app: App) {
  const sqlite = app.harness.ctx.connection.sqlite
  const latest = '(select max(id) from analysis_runs)'
  return {
    runs: (): number => sqlite.prepare('select count(*) from analysis_runs').pluck().get() as number,
    /**
     * Customers per (R, FM) cell of the latest run, FM = round((F + M) / 2) with halves up; a one-time buyer
     * (F 1) whose cell's segment needs repeat purchases counts in (R, 1): in the default map every cell with
     * FM >= 2 but hibernating's (R 1, FM 2) does (analysis README, "minF").
     */
    cells: (): Map<string, number> =>
      new Map(
        (
          sqlite
            .prepare(
              `select r, case when f < 2 and (f + m + 1) / 2 > 1 and not (r = 1 and (f + m + 1) / 2 = 2)
                              then 1 else (f + m + 1) / 2 end as fm, count(*) as n
               from analysis_scores where run_id = ${latest} group by 1, 2`,
            )
            .all() as { r: number; fm: number; n: number }[]
        ).map((c) => [`${c.r}-${c.fm}`, c.n]),
      ),
    segmentSizes: (): Map<string, number> =>
      new Map(
        (
          sqlite
            .prepare(
              `select segment, count(*) as n from analysis_scores where run_id = ${latest} group by segment`,
            )
            .all() as { segment: string; n: number }[]
        ).map((s) => [s.segment, s.n]),
      ),
    segmentCodes: (segment: string, order: string): string[] =>
      sqlite
        .prepare(
          `select c.code from analysis_scores s join customers c on c.id = s.customer_id
           where s.run_id = ${latest} and s.segment = ? order by ${order}, s.customer_id`,
        )
        .pluck()
        .all(segment) as string[],
    score: (code: string): Row =>
      sqlite
        .prepare(
          `select s.* from analysis_scores s join customers c on c.id = s.customer_id
           where s.run_id = ${latest} and c.code = ?`,
        )
        .get(code) as Row,
    topByValue: (): string =>
      sqlite
        .prepare(
          `select c.code from analysis_scores s join customers c on c.id = s.customer_id where s.run_id = ${latest}
           order by s.clv_satang desc, s.monetary_satang desc, s.customer_id limit 1`,
        )
        .pluck()
        .get() as string,
    atRisk: (): number =>
      sqlite
        .prepare(
          `select count(*) from analysis_scores where run_id = ${latest} and churn_level in ('high', 'medium')`,
        )
        .pluck()
        .get() as number,
    /** Customers by the month of their first sale: the cohorts. */
    cohorts: (): Map<string, number> =>
      new Map(
        (
          sqlite
            .prepare(
              `select month, count(*) as n from (
                 select substr(min(occurred_at), 1, 7) as month from receipts
                 where kind = 'sale' and customer_id is not null group by customer_id)
               group by month`,
            )
            .all() as { month: string; n: number }[]
        ).map((c) => [c.month, c.n]),
      ),
  }
}

// The lowest contrast between a heatmap cell's text and its background (WCAG's formula), over every cell.
const LOWEST_CELL_CONTRAST = `(() => {
  const luminance = (css) => {
    const [r, g, b] = css.match(/[\\d.]+/g).slice(0, 3).map((c) => {
      const s = Number(c) / 255
      return s <= 0.04045 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4)
    })
    return 0.2126 * r + 0.7152 * g + 0.0722 * b
  }
  const ratios = [...document.querySelectorAll('[data-heat]')].map((cell) => {
    const style = getComputedStyle(cell)
    const [a, b] = [luminance(style.backgroundColor), luminance(style.color)]
    return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)
  })
  return { cells: ratios.length, lowest: Math.min(...ratios) }
})()`

async function lowestContrast(page: Page): Promise<{ cells: number; lowest: number }> {
  return page.evaluate(LOWEST_CELL_CONTRAST)
}

const texts = async (page: Page, language: 'th' | 'en'): Promise<string[]> => {
  const all = await visibleUiText(page)
  expect(foreignText(all, language), `${language} page shows text in the other language`).toEqual([])
  return all
}

/** The drawer is fixed to the window: a full-page shot would stretch the page behind it, so take the window. */
async function drawerShot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true })
  // Wait for the slide-in to finish (a CSS transition), or the shot catches the drawer half-way.
  await expect
    .poll(() => page.evaluate('document.getAnimations().every((a) => a.playState !== "running")'))
    .toBe(true)
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`) })
}

async function codesOnPage(page: Page): Promise<string[]> {
  return page.getByTestId('segment-customers').getByTestId('customer-code').allInnerTexts()
}

describe('analysis pages', () => {
  it('the demo is analysed in the background; Segments, a segment, a customer, Value and Cohorts show the snapshot, in Thai then English', async () => {
    const app = await openApp(browser, { systemLocale: 'th-TH' })
    const { page } = app
    const db = sql(app)
    await page.evaluate(`window.__events = []; window.lukkha.onEvent((e) => window.__events.push(e))`)
    await page.getByRole('button', { name: 'ทดลองกับร้านตัวอย่าง' }).click()
    await page.getByRole('heading', { name: 'ภาพรวม' }).waitFor({ timeout: STEP_TIMEOUT })
    // Nobody asked: loading the demo started the analysis, which reported its progress.
    await expect.poll(() => db.runs(), { timeout: STEP_TIMEOUT }).toBe(1)
    await expect
      .poll(() =>
        page.evaluate<string[]>(
          `window.__events.filter((e) => e.type === 'job' && e.kind === 'analysis').map((e) => e.phase)`,
        ),
      )
      .toContain('analysis.phase.done')

    // ---- Segments: the grid and the cards hold the snapshot's counts
    await page.getByRole('link', { name: 'กลุ่มลูกค้า' }).click()
    const grid = page.getByTestId('rfm-grid')
    await grid.waitFor()
    const cells = db.cells()
    for (const r of [1, 2, 3, 4, 5]) {
      for (const fm of [1, 2, 3, 4, 5]) {
        const cell = page.getByTestId(`rfm-cell-${r}-${fm}`)
        expect(await cell.getAttribute('data-customers'), `cell R${r} FM${fm}`).toBe(
          String(cells.get(`${r}-${fm}`) ?? 0),
        )
      }
    }
    const sizes = db.segmentSizes()
    const thaiNumber = new Intl.NumberFormat('th-TH')
    expect(await page.getByTestId('segment-cards').locator('> *').count()).toBe(11)
    for (const [segment, n] of sizes) {
      expect(await page.getByTestId(`segment-card-${segment}`).innerText()).toContain(thaiNumber.format(n))
    }
    const gridContrast = await lowestContrast(page)
    expect(gridContrast.cells).toBe(25)
    expect(gridContrast.lowest).toBeGreaterThanOrEqual(4.5)
    const thai: Record<string, string[]> = { segments: await texts(page, 'th') }
    expect(await thaiGlyphReport(page)).toEqual({
      sarabunThaiReady: true,
      notSarabun: [],
      canvasUsesSarabun: true,
    })
    await app.screenshot('analysis-segments-th')

    // ---- A segment's customers: exactly the snapshot's, over every page, in the chosen order
    // The smallest segment with more than one page, so paging is exercised without many clicks.
    const [segment, size] = [...sizes].filter(([, n]) => n > 50).sort((a, b) => a[1] - b[1])[0] ?? ['', 0]
    expect(size).toBeGreaterThan(50)
    await page.getByTestId(`segment-card-${segment}`).getByRole('button').click()
    await expect
      .poll(() => page.getByTestId('segment-customers-total').innerText(), { timeout: STEP_TIMEOUT })
      .toContain(thaiNumber.format(size))
    expect(page.url()).toContain(`segment=${segment}`)
    const bySpend = db.segmentCodes(segment, 's.monetary_satang desc')
    const shown: string[] = []
    for (let pageNo = 1; ; pageNo++) {
      await expect.poll(() => codesOnPage(page).then((c) => c[0])).toBe(bySpend[(pageNo - 1) * 50])
      shown.push(...(await codesOnPage(page)))
      const next = page.getByRole('button', { name: 'หน้าถัดไป' })
      if (await next.isDisabled()) break
      await next.click()
    }
    expect(shown).toEqual(bySpend)
    await page.getByRole('button', { name: 'หน้า 1', exact: true }).click()
    await page.getByTestId('sort-recency').click()
    await expect
      .poll(() => codesOnPage(page))
      .toEqual(db.segmentCodes(segment, 's.recency_days asc').slice(0, 50))
    thai.list = await texts(page, 'th')
    await app.screenshot('analysis-segment-list-th')

    // ---- A customer, opened: scores and the churn explanation, formatted from the structured facts
    const code = (await codesOnPage(page))[0] ?? ''
    const score = db.score(code)
    await page.getByTestId('segment-customers').locator('tbody tr').first().getByRole('button').click()
    const drawer = page.getByTestId('customer-drawer')
    await drawer.getByTestId('churn-explanation').waitFor()
    expect(await drawer.getByTestId('score-r').innerText()).toBe(String(score.r))
    expect(await drawer.getByTestId('score-f').innerText()).toBe(String(score.f))
    expect(await drawer.getByTestId('score-m').innerText()).toBe(String(score.m))
    const days = (n: number): string =>
      `${new Intl.NumberFormat('th-TH', { maximumFractionDigits: 1 }).format(n)} วัน`
    const ago = (n: number): string => (n === 0 ? 'วันนี้' : `เมื่อ ${days(n)}ก่อน`)
    const explanation = await drawer.getByTestId('churn-explanation').innerText()
    if (Number(score.purchase_days) >= 2) {
      expect(explanation).toContain(
        `ปกติซื้อทุก ${days(Number(score.usual_interval_days))} มาครั้งล่าสุด${ago(Number(score.recency_days))}`,
      )
    } else {
      expect(explanation).toContain(`ซื้อเพียงครั้งเดียว ${ago(Number(score.recency_days))}`)
    }
    thai.drawer = await texts(page, 'th')
    await drawerShot(page, 'analysis-customer-th')
    await page.keyboard.press('Escape')
    await drawer.waitFor({ state: 'detached' })

    // ---- Value: the chart and both lists
    await page.getByRole('link', { name: 'ลูกค้าชั้นดี' }).click()
    await page.getByRole('img', { name: /กราฟแท่งจำนวนลูกค้าตามมูลค่าคาดการณ์/ }).waitFor()
    const top = page.getByTestId('top-customers')
    await top.waitFor()
    expect(await top.getByTestId('customer-code').first().innerText()).toBe(db.topByValue())
    thai.value = await texts(page, 'th')
    await app.screenshot('analysis-value-th')
    // The most valuable customer buys again and again: their explanation is about their own rhythm.
    const regular = db.score(db.topByValue())
    expect(Number(regular.purchase_days)).toBeGreaterThan(1)
    await top.locator('tbody tr').first().getByRole('button').click()
    await expect
      .poll(() => page.getByTestId('churn-explanation').innerText())
      .toContain(
        `ปกติซื้อทุก ${days(Number(regular.usual_interval_days))} มาครั้งล่าสุด${ago(Number(regular.recency_days))}`,
      )
    // the one chance it states is the churn score's: buying again within its horizon (1 - churn_risk)
    expect(await page.getByTestId('churn-explanation').innerText()).toContain(
      formatPercent(1 - Number(regular.churn_risk), 'th'),
    )
    await page.keyboard.press('Escape')
    await page.getByTestId('customer-drawer').waitFor({ state: 'detached' })

    // ---- Cohorts: one row per month of first purchase, with its customers
    // ---- Slipping away: every customer at risk, 50 to a page, with its total
    await page.getByRole('link', { name: 'ลูกค้าที่กำลังหายไป' }).click()
    const atRisk = page.getByTestId('at-risk-customers')
    await atRisk.waitFor()
    expect(await atRisk.locator('tbody tr').count()).toBe(Math.min(50, db.atRisk()))
    expect(await page.getByTestId('at-risk-customers-total').innerText()).toContain(
      thaiNumber.format(db.atRisk()),
    )
    thai.slipping = await texts(page, 'th')
    await app.screenshot('analysis-slipping-th')

    await page.getByRole('link', { name: 'การกลับมาซื้อซ้ำ' }).click()
    await page.getByRole('img', { name: /กราฟแท่งซ้อนยอดขายสุทธิรายเดือน/ }).waitFor()
    await page.getByText('ทุกเดือน', { exact: true }).click()
    const cohorts = db.cohorts()
    const matrixRows = page.getByTestId('cohort-matrix').locator('tbody tr')
    await expect.poll(() => matrixRows.count()).toBe(cohorts.size)
    for (const [month, n] of cohorts) {
      const row = page.getByTestId('cohort-matrix').locator(`tr[data-month="${month}"] td`).first()
      expect(await row.innerText(), month).toBe(thaiNumber.format(n))
    }
    const matrixContrast = await lowestContrast(page)
    // A cohort has a cell for each month from its first to the latest one (the demo sells up to today)
    const monthIndex = (month: string): number => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7))
    const lastMonth = Math.max(...[...cohorts.keys()].map(monthIndex))
    expect(matrixContrast.cells).toBe(
      [...cohorts.keys()].reduce((sum, month) => sum + lastMonth - monthIndex(month) + 1, 0),
    )
    expect(matrixContrast.lowest).toBeGreaterThanOrEqual(4.5)
    thai.cohorts = await texts(page, 'th')
    await app.screenshot('analysis-cohorts-th')

    // ---- Switch to English: every label of these pages changes
    await page.getByRole('link', { name: 'ตั้งค่า' }).click()
    await page.getByText('English', { exact: true }).click()
    await page.getByRole('heading', { name: 'Settings', level: 2 }).waitFor()
    await page.getByRole('link', { name: 'Segments' }).click()
    const leftovers = (english: string[], before: string[] = []): string[] =>
      english.filter((text) => before.includes(text) && THAI.test(text))

    await page.getByTestId('rfm-grid').waitFor()
    expect(leftovers(await texts(page, 'en'), thai.segments)).toEqual([])
    await app.screenshot('analysis-segments-en')

    await page.getByTestId(`segment-card-${segment}`).getByRole('button').click()
    await page.getByTestId('segment-customers').waitFor()
    expect(leftovers(await texts(page, 'en'), thai.list)).toEqual([])
    await app.screenshot('analysis-segment-list-en')

    await page.getByTestId('segment-customers').locator('tbody tr').first().getByRole('button').click()
    await page.getByTestId('churn-explanation').waitFor()
    expect(await page.getByTestId('churn-explanation').innerText()).toMatch(
      Number(score.purchase_days) >= 2 ? /Usually buys every [\d.,]+ days?; last seen/ : /Bought once/,
    )
    expect(leftovers(await texts(page, 'en'), thai.drawer)).toEqual([])
    await drawerShot(page, 'analysis-customer-en')
    await page.keyboard.press('Escape')

    await page.getByRole('link', { name: 'Best customers' }).click()
    await page.getByRole('img', { name: /Bar chart of customers by predicted value/ }).waitFor()
    expect(leftovers(await texts(page, 'en'), thai.value)).toEqual([])
    await app.screenshot('analysis-value-en')

    await page.getByRole('link', { name: 'Slipping away' }).click()
    await page.getByTestId('at-risk-customers').waitFor()
    expect(leftovers(await texts(page, 'en'), thai.slipping)).toEqual([])
    await app.screenshot('analysis-slipping-en')

    await page.getByRole('link', { name: 'Cohorts' }).click()
    await page.getByTestId('cohort-matrix').waitFor()
    expect(leftovers(await texts(page, 'en'), thai.cohorts)).toEqual([])
    await app.screenshot('analysis-cohorts-en')
  })

  it('before the first run the pages say so and offer to run it; Recalculate stores a new run, with progress', async () => {
    const app = await openApp(browser, { systemLocale: 'en-US', demo: true })
    const { page } = app
    const db = sql(app)
    await page.getByRole('link', { name: 'Segments' }).click()
    await page.getByRole('heading', { name: 'No analysis yet' }).waitFor()
    await page.getByRole('link', { name: 'Best customers' }).click()
    await page.getByRole('heading', { name: 'No analysis yet' }).waitFor()
    expect(db.runs()).toBe(0)

    // Note whether the progress bar ever shows: the run may take well under a second.
    await page.evaluate(`
      window.__sawProgress = false
      new MutationObserver(() => {
        if (document.querySelector('[data-testid="analysis-progress"]')) window.__sawProgress = true
      }).observe(document.body, { childList: true, subtree: true })`)
    await page.getByRole('button', { name: 'Run the analysis' }).click()
    await page.getByTestId('top-customers').waitFor({ timeout: STEP_TIMEOUT })
    expect(db.runs()).toBe(1)
    expect(await page.evaluate('window.__sawProgress')).toBe(true)
    expect(foreignText(await visibleUiText(page), 'en')).toEqual([])

    await page.evaluate('window.__sawProgress = false')
    await page.getByTestId('analysis-recalculate').click()
    await expect.poll(() => db.runs(), { timeout: STEP_TIMEOUT }).toBe(2)
    await expect.poll(() => page.evaluate('window.__sawProgress')).toBe(true)
    await page.getByTestId('analysis-progress').waitFor({ state: 'detached' })
    expect(await page.getByTestId('analysis-recalculate').isEnabled()).toBe(true)
  })
})

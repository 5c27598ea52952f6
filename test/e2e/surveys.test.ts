import { execFileSync } from 'node:child_process'
import { mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { formatPercent } from '../../src/shared/format/money'
import { SCREENSHOT_DIR, openApp, useBrowser, type App } from '../harness/browser'
import { foreignText, thaiGlyphReport, visibleUiText } from '../harness/page-text'
import { STEP_TIMEOUT } from '../harness/patience'

const browser = useBrowser()

// Surveys on the demo shop, in Thai and in English: the analysis page against SQL written here, counter mode
// driven by the keyboard alone, and the paper form printed to PDF and read back with poppler.

type Lang = 'th' | 'en'

const TEXT = {
  th: {
    locale: 'th-TH',
    nav: 'แบบสอบถาม',
    priorities: 'ลำดับสิ่งที่ควรปรับปรุง',
    saved: 'บันทึกแล้ว',
    size: 'a5',
    importTab: 'นำเข้าคำตอบ',
    answeredAt: 'วันเวลาที่ตอบ',
    delighted: 'ประทับใจ',
  },
  en: {
    locale: 'en-US',
    nav: 'Surveys',
    priorities: 'Improvement priorities',
    saved: 'Saved',
    size: 'a4',
    importTab: 'Import answers',
    answeredAt: 'Answered at',
    delighted: 'Delighted',
  },
} as const

function sql(app: App) {
  const sqlite = app.harness.ctx.connection.sqlite
  return {
    responses: () => sqlite.prepare('select count(*) from survey_responses').pluck().get() as number,
    /** Share of disappointed answers per aspect, by its English and Thai label. */
    disappointed: () =>
      sqlite
        .prepare(
          `select s.label_en, s.label_th, avg(a.level = 'disappointed') as share, count(*) as n
           from survey_answers a join survey_aspects s on s.id = a.aspect_id group by s.id order by s.position`,
        )
        .all() as { label_en: string; label_th: string; share: number; n: number }[],
    /** A recent sale with a known customer, to find at the counter. */
    receipt: () =>
      sqlite
        .prepare(
          `select id, receipt_number, customer_id from receipts where kind = 'sale' and customer_id is not null
           order by occurred_at desc limit 1`,
        )
        .get() as { id: number; receipt_number: string; customer_id: number },
    latestResponse: () =>
      sqlite
        .prepare(
          `select r.id, r.receipt_id, r.customer_id, r.channel, r.overall_level, r.comment,
             (select group_concat(level, ',') from (select a.level from survey_answers a join survey_aspects s
               on s.id = a.aspect_id where a.response_id = r.id order by s.position)) as levels
           from survey_responses r order by r.id desc limit 1`,
        )
        .get() as Record<string, unknown>,
    tasksFor: (customerId: number) =>
      sqlite.prepare('select count(*) from tasks where customer_id = ?').pluck().get(customerId) as number,
    followUps: () => sqlite.prepare('select count(*) from survey_followups').pluck().get() as number,
  }
}

/** The data-testid of the element that has the keyboard focus. */
const focused = (page: App['page']) =>
  page.evaluate<string | null>("document.activeElement && document.activeElement.getAttribute('data-testid')")

async function checkAnalysis(app: App, lang: Lang): Promise<void> {
  const { page } = app
  const text = TEXT[lang]
  const db = sql(app)
  await page.getByRole('link', { name: text.nav }).click()
  await page.getByRole('heading', { name: text.priorities }).waitFor({ timeout: STEP_TIMEOUT })
  const responses = db.responses()
  expect(responses).toBeGreaterThan(1000)
  expect(await page.getByTestId('surveys-responses').innerText()).toBe(
    new Intl.NumberFormat(lang === 'th' ? 'th-TH' : 'en-GB').format(responses),
  )
  // Every aspect's disappointed share on the page is the one SQL finds, and the ranking puts first an
  // aspect that disappoints more often than the least disappointing one.
  const rows = page.getByTestId('surveys-priorities').locator('tbody tr')
  const expected = db.disappointed()
  expect(await rows.count()).toBe(expected.length)
  const shown: { rank: string; label: string; disappointed: string }[] = []
  for (let i = 0; i < expected.length; i++) {
    const cells = await rows.nth(i).locator('td').allInnerTexts()
    shown.push({ rank: cells[0] ?? '', label: cells[1] ?? '', disappointed: cells[5] ?? '' })
  }
  for (const aspect of expected) {
    const label = lang === 'th' ? aspect.label_th : aspect.label_en
    const row = shown.find((s) => s.label === label)
    expect(row, label).toBeDefined()
    expect(row?.disappointed).toBe(formatPercent(aspect.share, lang)) // one decimal below 9.5%
  }
  expect(shown.map((s) => s.rank)).toEqual(expected.map((_, i) => String(i + 1)))
  const first = expected.find((e) => (lang === 'th' ? e.label_th : e.label_en) === shown[0]?.label)
  const leastDisappointing = Math.min(...expected.map((e) => e.share))
  expect(first?.share).toBeGreaterThan(leastDisappointing)
  await page.getByRole('img', { name: lang === 'th' ? /กราฟแท่งซ้อน/ : /Stacked bar chart/ }).waitFor()
  await page.getByTestId('surveys-after-level').waitFor()
  expect(await page.getByTestId('surveys-words').innerText()).toMatch(/[\u0E01-\u0E5B]/)
  expect(foreignText(await visibleUiText(page), lang)).toEqual([])
  await page.setViewportSize({ width: 1366, height: 768 })
  await app.screenshot(`surveys-analysis-${lang}`)
}

async function counterWithKeyboard(app: App, lang: Lang): Promise<void> {
  const { page } = app
  const db = sql(app)
  const receipt = db.receipt()
  const tasksBefore = db.tasksFor(receipt.customer_id)
  const before = db.responses()
  await page.getByTestId('surveys-counter').click()
  const search = page.getByTestId('surveys-counter-search')
  await search.waitFor()
  await expect.poll(() => focused(page)).toBe('surveys-counter-search')
  // From here on, only the keyboard.
  await page.keyboard.type(receipt.receipt_number)
  await page.keyboard.press('Enter')
  await page.getByTestId('surveys-counter-purchase').waitFor()
  for (const key of ['3', '2', '1', '3', '2']) await page.keyboard.press(key)
  await page.keyboard.press('1') // overall: disappointed
  await expect.poll(() => focused(page)).toBe('surveys-counter-comment')
  await page.keyboard.type(lang === 'th' ? 'รอนานมาก' : 'waited too long')
  await app.screenshot(`surveys-counter-${lang}`)
  expect(foreignText(await visibleUiText(page), lang)).toEqual([])
  await page.keyboard.press('Enter')
  await page.getByTestId('surveys-counter-saved').waitFor()
  expect(db.responses()).toBe(before + 1)
  expect(db.latestResponse()).toMatchObject({
    receipt_id: receipt.id,
    customer_id: receipt.customer_id,
    channel: 'counter',
    overall_level: 'disappointed',
    comment: lang === 'th' ? 'รอนานมาก' : 'waited too long',
    levels: 'delighted,satisfied,disappointed,delighted,satisfied',
  })
  expect(db.tasksFor(receipt.customer_id)).toBe(tasksBefore + 1)
  // Ready for the next customer: the search has the focus again and is empty.
  const next = page.getByTestId('surveys-counter-search')
  await expect.poll(() => focused(page)).toBe('surveys-counter-search')
  expect(await next.inputValue()).toBe('')
  await page.keyboard.press('Escape')
}

/** A Google-Forms-like file, imported twice as a job: the second run adds nothing and says so. */
async function importTwice(app: App, lang: Lang): Promise<void> {
  const { page } = app
  const db = sql(app)
  await page.getByRole('tab', { name: TEXT[lang].importTab }).click()
  // two of the demo survey's aspects, headed by their English labels (the page guesses the mapping)
  const aspects = db
    .disappointed()
    .map((a) => a.label_en)
    .filter((l) => !/staff|store/i.test(l))
  const csv = [
    `Date,Phone,${aspects[0]},${aspects[1]},Overall`,
    '01/11/2026 10:00:00,,3,2,2',
    '01/11/2026 10:05:00,,1,1,1',
    '01/11/2026 10:09:00,,2,3,3',
  ].join('\n')
  const before = db.responses()
  for (const run of [1, 2]) {
    await page
      .locator('input[type=file]')
      .setInputFiles({ name: 'answers.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) })
    // choosing a file reads its header and clears the last run's outcome
    await page.getByTestId('surveys-import-done').waitFor({ state: 'detached' })
    await page.getByTestId('surveys-import-run').click()
    if (run === 1) {
      await page.getByTestId('surveys-import-done').waitFor({ timeout: STEP_TIMEOUT })
      expect(db.responses()).toBe(before + 3)
      await app.screenshot(`surveys-import-${lang}`)
    } else {
      await page.getByTestId('surveys-import-duplicates').waitFor({ timeout: STEP_TIMEOUT })
      expect(db.responses()).toBe(before + 3)
      await app.screenshot(`surveys-import-again-${lang}`)
    }
    expect(foreignText(await visibleUiText(page), lang)).toEqual([])
  }
}

/** The export's header row and level words are in the UI's language. */
async function exportCsv(app: App, lang: Lang): Promise<void> {
  const { page } = app
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: STEP_TIMEOUT }),
    page.getByTestId('surveys-export-csv').click(),
  ])
  const text = readFileSync(await download.path(), 'utf8')
  const [header = '', ...rows] = text.replace(/^\uFEFF/, '').split('\r\n')
  expect(header).toContain(TEXT[lang].answeredAt)
  const first = sql(app).disappointed()[0]
  expect(header).toContain(lang === 'th' ? first?.label_th : first?.label_en)
  expect(rows.join('\n')).toContain(TEXT[lang].delighted)
}

async function paperToPdf(app: App, lang: Lang): Promise<void> {
  const { page } = app
  const size = TEXT[lang].size
  // one aspect asks expectation and perception on 1-5: the form gives it two lines of five boxes
  app.harness.ctx.connection.sqlite
    .prepare(
      'update survey_aspects set asks_gap = 1 where id = (select id from survey_aspects order by position limit 1)',
    )
    .run()
  // the template is cached for a minute (the questions page refreshes it on save): reload to see the change
  await page.reload()
  await page.getByTestId('surveys-paper').click()
  await page.getByTestId('surveys-paper-form').waitFor()
  await page.getByTestId('paper-gap-row').waitFor()
  await page.getByTestId('surveys-paper-receipt').fill('RC-12345')
  if (size === 'a5') await page.getByText('A5', { exact: true }).click()
  await page.locator(`[data-size="${size}"]`).waitFor()
  await app.screenshot(`surveys-paper-${lang}`)
  mkdirSync(SCREENSHOT_DIR, { recursive: true })
  const pdf = join(SCREENSHOT_DIR, `surveys-paper-${lang}.pdf`)
  await page.evaluate('document.fonts.ready')
  await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true })
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' })
  for (const word of [
    'ประทับใจ',
    'พอใจ',
    'ผิดหวัง',
    'RC-12345',
    'ความรวดเร็วในการบริการ',
    'การซื้อวันนี้เป็นอย่างไรบ้าง',
    'ความคาดหวัง',
    'สิ่งที่ได้รับจริง',
  ]) {
    expect(text, word).toContain(word)
  }
  // The form alone is printed, not the app behind it.
  expect(text).not.toContain(TEXT[lang].priorities)
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })
  expect(info).toMatch(/Pages:\s+1\n/)
  expect(info).toMatch(size === 'a5' ? /Page size:.*\(A5\)/ : /Page size:.*\(A4\)/)
  expect(execFileSync('pdffonts', [pdf], { encoding: 'utf8' })).toMatch(/Sarabun/)
  // the speed line: five numbered boxes for the expectation and five for the perception
  expect(text).toMatch(/ความคาดหวัง\s+1\s+2\s+3\s+4\s+5/)
  expect(text).toMatch(/สิ่งที่ได้รับจริง\s+1\s+2\s+3\s+4\s+5/)
  execFileSync('pdftoppm', ['-png', '-r', '80', pdf, join(SCREENSHOT_DIR, `surveys-paper-${lang}-page`)])
}

describe('surveys', () => {
  for (const lang of ['th', 'en'] as const) {
    it(`${lang}: the analysis shows the demo shop's results with priorities; counter mode records a response with the keyboard alone; the export speaks the language; an import runs as a job and a second run adds nothing; the paper form prints`, async () => {
      const app = await openApp(browser, { systemLocale: TEXT[lang].locale, demo: true })
      await checkAnalysis(app, lang)
      await counterWithKeyboard(app, lang)
      await exportCsv(app, lang)
      await importTwice(app, lang)
      await paperToPdf(app, lang)
      if (lang === 'th') {
        expect(await thaiGlyphReport(app.page)).toMatchObject({ sarabunThaiReady: true, notSarabun: [] })
      }
    })
  }
})

import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runAnalysis } from '../../src/main/analysis/run'
import { DEFAULT_SEGMENT_RULES } from '../../src/main/analysis/segment-rules'
import { createApiContext } from '../../src/main/app-context'
import type { ApiContext } from '../../src/main/api/context'
import { createDemoShop } from '../../src/main/demo'
import { renderReport } from '../../src/main/reports'
import type { ReportRequest } from '../../src/shared/api/reports'
import { formatBaht, formatNumber, formatPercent } from '../../src/shared/format/money'
import { chromiumPrinter, type HarnessPrinter } from '../harness/printer'
import { runCli } from '../helpers/node'
import { embeddedFonts, inkPerPage, pdfPageCount, pdfText, squash } from './pdf-tools'

// The satisfaction report, the products and baskets report (and its target list) and the call list of the
// customer book's filtered list, for the demo shop, printed to PDF by Chromium and read back with poppler:
// the figures on paper are counted here in SQL written for the test, not taken from the report's own code.

const NOW = new Date('2026-07-02T10:00:00')

describe('satisfaction, products and baskets, and filtered call-list reports', () => {
  let dir = ''
  let ctx: ApiContext
  let printer: HarnessPrinter

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'lukkha-insight-reports-'))
    ctx = await createApiContext({
      dbFile: join(dir, 'shop.db'),
      appVersion: '0.0.0-test',
      systemLocale: 'th-TH',
      now: () => new Date(),
    })
    await createDemoShop(ctx.connection.sqlite, { seed: 7, endDate: '2026-06-30' })
    runAnalysis(ctx.connection.sqlite, {}, DEFAULT_SEGMENT_RULES)
    printer = chromiumPrinter(join(dir, 'printed'))
  })
  afterAll(async () => {
    await printer.close()
    await ctx.connection.close()
    rmSync(dir, { recursive: true, force: true })
  })

  const sqlite = () => ctx.connection.sqlite

  async function printed(request: ReportRequest, name: string) {
    const report = await renderReport(ctx.connection, request, { systemLocale: 'th-TH', now: NOW })
    const file = join(dir, `${name}.pdf`)
    writeFileSync(file, await printer.toPdf(report.html, report.orientation))
    const pages = join(dir, `${name}-pages`)
    mkdirSync(pages)
    return { report, file, text: pdfText(file), pages: pdfPageCount(file), ink: inkPerPage(file, pages) }
  }

  function expectGoodPdf(result: Awaited<ReturnType<typeof printed>>): void {
    expect(embeddedFonts(result.file).some((name) => name.includes('Sarabun'))).toBe(true)
    expect(result.ink).toHaveLength(result.pages)
    for (const ink of result.ink) expect(ink).toBeGreaterThan(0.003) // no blank page
    const text = squash(result.text)
    const word = result.report.html.includes('lang="th"') ? 'หน้า' : 'Page'
    expect(text).toContain(squash(`${word} 1/${result.pages}`))
    expect(text).toContain(squash(`${word} ${result.pages}/${result.pages}`))
  }

  it('prints the satisfaction report with every aspect’s answers and shares as the database counts them', async () => {
    const responses = sqlite().prepare('select count(*) from survey_responses').pluck().get() as number
    expect(responses).toBeGreaterThan(100)
    const aspects = sqlite()
      .prepare(
        `select a.label_th, a.label_en, count(*) as n, sum(x.level = 'delighted') as delighted,
                sum(x.level = 'disappointed') as disappointed
         from survey_answers x join survey_aspects a on a.id = x.aspect_id group by a.id order by a.position`,
      )
      .all() as { label_th: string; label_en: string; n: number; delighted: number; disappointed: number }[]
    expect(aspects.length).toBeGreaterThan(3)

    for (const language of ['th', 'en'] as const) {
      const result = await printed({ report: 'satisfaction', language }, `satisfaction-${language}`)
      expectGoodPdf(result)
      const text = squash(result.text)
      expect(text).toContain(squash(language === 'th' ? 'ความพึงพอใจของลูกค้า' : 'Customer satisfaction'))
      expect(text).toContain(squash(formatNumber(responses, language)))
      for (const a of aspects) {
        // the aspect's row: its name, its answers, then its delighted share
        const row = `${a.label_th === '' ? a.label_en : language === 'th' ? a.label_th : a.label_en}${formatNumber(
          a.n,
          language,
        )}${formatPercent(a.delighted / a.n, language)}`
        expect(text).toContain(squash(row))
      }
      expect(text).toContain(squash(language === 'th' ? 'เรื่องที่ควรปรับปรุงก่อน' : 'What to improve first'))
      expect(text).toContain(squash(language === 'th' ? 'แนวโน้มรายเดือน' : 'Trend by month'))
      expect(text).toContain(squash(language === 'th' ? 'แยกตามพนักงาน' : 'By staff member'))
      expect(text).toContain(squash(language === 'th' ? 'ความเห็นล่าสุด' : 'Latest comments'))
      if (language === 'th') expect(text).toContain(squash('ข้อมูลการขายถึง 30 มิ.ย. 2569'))
    }
    // the latest comment is on paper
    const latest = sqlite()
      .prepare(
        `select comment from survey_responses where comment <> '' order by responded_at desc, id desc limit 1`,
      )
      .pluck()
      .get() as string
    const th = readFileSync(join(dir, 'satisfaction-th.pdf'))
    expect(th.length).toBeGreaterThan(0)
    expect(squash(pdfText(join(dir, 'satisfaction-th.pdf')))).toContain(squash(latest))
  })

  it('prints the products and baskets report: best sellers, rules, bought together and offers', async () => {
    const best = sqlite()
      .prepare(
        `select p.id, p.name, sum(l.net_satang) as net from receipt_lines l join receipts r on r.id = l.receipt_id
         join products p on p.id = l.product_id where r.kind = 'sale' group by p.id order by net desc, p.id limit 3`,
      )
      .all() as { id: number; name: string; net: number }[]
    const companion = sqlite()
      .prepare(
        `select p.name from products p join receipt_lines l on l.product_id = p.id join receipts r on r.id = l.receipt_id
         where r.kind = 'sale' and l.quantity > 0 and p.id <> ? and r.id in
           (select l2.receipt_id from receipt_lines l2 where l2.product_id = ? and l2.quantity > 0)
         group by p.id order by count(distinct r.id) desc limit 1`,
      )
      .pluck()
      .get(best[0]?.id, best[0]?.id) as string
    const receipts = sqlite()
      .prepare(
        `select count(distinct r.id) from receipts r join receipt_lines l on l.receipt_id = r.id
         where r.kind = 'sale' and l.product_id is not null and l.quantity > 0`,
      )
      .pluck()
      .get() as number

    const result = await printed({ report: 'baskets', language: 'en' }, 'baskets-en')
    expectGoodPdf(result)
    const text = squash(result.text)
    expect(text).toContain('Productsandbaskets')
    expect(text).toContain(
      squash(`Receipts Products sold Net revenue Rules found ${formatNumber(receipts, 'en')}`),
    )
    for (const p of best) expect(text).toContain(squash(p.name))
    expect(text).toContain(squash(formatBaht(best[0]?.net ?? 0, 'en')))
    expect(text).toContain(squash('Bought together: the strongest rules'))
    expect(text).toContain(squash(`${best[0]?.name}${companion}`)) // its first companion, beside it
    expect(text).toContain(squash('What to offer the best customers'))
    expect(result.text).toMatch(/the usual rate/)

    const th = await printed({ report: 'baskets', language: 'th' }, 'baskets-th')
    expectGoodPdf(th)
    expect(squash(th.text)).toContain(squash('สินค้าและตะกร้าสินค้า'))
    expect(squash(th.text)).toContain(squash('สินค้าที่ซื้อคู่กัน: กฎที่แรงที่สุด'))
  })

  it('prints the "bought A but never B" target list with every customer and their contacts', async () => {
    const [a, b] = sqlite()
      .prepare(
        `select p.id, p.name from receipt_lines l join receipts r on r.id = l.receipt_id join products p on p.id = l.product_id
         where r.kind = 'sale' group by p.id order by count(*) desc limit 2`,
      )
      .all() as { id: number; name: string }[]
    const expected = sqlite()
      .prepare(
        `select distinct c.name, c.phone from customers c join receipts r on r.customer_id = c.id
         join receipt_lines l on l.receipt_id = r.id
         where r.kind = 'sale' and l.product_id = ? and l.quantity > 0 and c.id not in
           (select r2.customer_id from receipts r2 join receipt_lines l2 on l2.receipt_id = r2.id
            where r2.customer_id is not null and r2.kind = 'sale' and l2.product_id = ?)`,
      )
      .all(a?.id, b?.id) as { name: string; phone: string | null }[]
    expect(expected.length).toBeGreaterThan(5)
    const result = await printed(
      { report: 'baskets', boughtProductId: a?.id ?? 0, neverProductId: b?.id ?? 0, language: 'th' },
      'target-th',
    )
    expectGoodPdf(result)
    const text = squash(result.text)
    expect(text).toContain(squash(`ซื้อ ${a?.name} แต่ไม่เคยซื้อ ${b?.name}`))
    expect(text).toContain(squash(`ลูกค้า ${formatNumber(expected.length, 'th')} คน`))
    for (const c of expected) {
      expect(text).toContain(squash(c.name))
      if (c.phone) expect(text).toContain(c.phone)
    }
  })

  it('prints the call list of the customer book’s filtered list: exactly its customers, with phone, LINE and e-mail', async () => {
    const filter = { segment: 'loyal', spendMinSatang: 300_000 }
    const expected = sqlite()
      .prepare(
        `select c.name, c.phone, c.line_id, c.email from customers c
         join analysis_scores s on s.customer_id = c.id and s.run_id = (select max(id) from analysis_runs)
         where s.segment = 'loyal' and c.erased_at is null
           and (select sum(net_satang) from receipts r where r.customer_id = c.id) >= 300000`,
      )
      .all() as { name: string; phone: string | null; line_id: string | null; email: string | null }[]
    expect(expected.length).toBeGreaterThan(5)
    const result = await printed(
      { report: 'call-list', source: 'customer_filter', filter, language: 'en' },
      'filtered-calls-en',
    )
    expectGoodPdf(result)
    const text = squash(result.text)
    expect(text).toContain(squash('Call list: customers of the filtered list'))
    expect(text).toContain(squash(`${formatNumber(expected.length, 'en')} customers`))
    expect(text).toContain('E-mail')
    for (const c of expected) {
      expect(text).toContain(squash(c.name))
      for (const contact of [c.phone, c.line_id, c.email])
        if (contact) expect(text).toContain(squash(contact))
    }
  })

  it('writes the satisfaction, baskets and filtered call-list reports from the CLI', async () => {
    const db = join(dir, 'shop.db')
    const sku = sqlite()
      .prepare(
        `select p.sku from receipt_lines l join products p on p.id = l.product_id where p.sku is not null
         group by p.id order by count(*) desc limit 2`,
      )
      .pluck()
      .all() as string[]
    const runs: [string, string[], string][] = [
      ['satisfaction', ['--lang', 'en'], 'Customer satisfaction'],
      ['baskets', ['--lang', 'en'], 'Best sellers'],
      ['baskets', ['--bought', sku[0] ?? '', '--never', sku[1] ?? '', '--lang', 'en'], 'but never'],
      [
        'call-list',
        ['--filter', '{"segment":"loyal"}', '--lang', 'en'],
        'Call list: customers of the filtered list',
      ],
    ]
    for (const [name, args, words] of runs) {
      const out = join(dir, `cli-${name}-${args.length}.html`)
      const result = await runCli(['report', name, ...args, '--db', db, '--out', out])
      expect(result.stderr).toBe('')
      expect(result.code).toBe(0)
      const html = readFileSync(out, 'utf8')
      expect(html).toMatch(/^<!doctype html>/)
      expect(html).toContain('data:font/woff2;base64,')
      expect(html).toContain(words)
    }
  })
})

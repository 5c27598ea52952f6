import { describe, expect, it } from 'vitest'
import { call } from '../api/import-helpers'
import { openApp, useBrowser, type App } from '../harness/browser'
import { foreignText, visibleUiText } from '../harness/page-text'
import { STEP_TIMEOUT } from '../harness/patience'

// The Products page on the demo shop, in Thai and in English: the rules table, a product's "bought
// together" and a customer's suggestions, each checked against the database.

const browser = useBrowser()

/** The demo's best seller and the product most often on the same receipts, in SQL written for this test. */
function expectedTogether(app: App): { product: string; first: string } {
  const sqlite = app.harness.ctx.connection.sqlite
  const best = sqlite
    .prepare(
      `select p.id, p.name from receipt_lines l join receipts r on r.id = l.receipt_id join products p on p.id = l.product_id
       where r.kind = 'sale' group by p.id order by sum(l.net_satang) desc, p.id limit 1`,
    )
    .get() as { id: number; name: string }
  const first = sqlite
    .prepare(
      `select p.name from products p join receipt_lines l on l.product_id = p.id join receipts r on r.id = l.receipt_id
       where r.kind = 'sale' and l.quantity > 0 and p.id <> ? and r.id in
         (select l2.receipt_id from receipt_lines l2 where l2.product_id = ? and l2.quantity > 0)
       group by p.id order by count(distinct r.id) desc limit 1`,
    )
    .pluck()
    .get(best.id, best.id) as string
  return { product: best.name, first }
}

/** A demo customer whose suggestions include a rule, and their first suggestion, from the engine. */
async function customerWithSuggestions(app: App): Promise<{ name: string; product: string }> {
  const sqlite = app.harness.ctx.connection.sqlite
  const customers = sqlite
    .prepare(
      `select c.id, c.name from customers c join receipts r on r.customer_id = c.id
       group by c.id having count(*) between 3 and 8 order by c.id limit 40`,
    )
    .all() as { id: number; name: string }[]
  for (const c of customers) {
    const result = await call(app.harness.ctx, 'getCustomerSuggestions', { customerId: c.id })
    const first = result.suggestions[0]
    if (first?.reason.kind === 'rule') return { name: c.name, product: first.name }
  }
  throw new Error('no demo customer with a rule suggestion')
}

async function checkPage(app: App, language: 'th' | 'en'): Promise<void> {
  const { page } = app
  const text = {
    th: { title: 'สินค้าและตะกร้า', rules: 'กฎความสัมพันธ์', together: 'ซื้อคู่กัน', suggestions: 'สินค้าแนะนำ' },
    en: {
      title: 'Products & baskets',
      rules: 'Rules',
      together: 'Bought together',
      suggestions: 'Suggestions',
    },
  }[language]
  await page.goto(`${app.harness.url}#/products`)
  await page.getByRole('heading', { name: text.title }).first().waitFor()
  await page.getByTestId('best-sellers').waitFor()
  await page.getByTestId('category-mix-chart').locator('canvas').waitFor()
  await app.screenshot(`products-1-overview-${language}`)

  // Rules: the table's first row is the engine's strongest rule at the page's default settings
  await page.getByTestId('products-tab-rules').click()
  await page.getByTestId('rules-table').waitFor({ timeout: STEP_TIMEOUT })
  const rules = {
    data: await call(app.harness.ctx, 'getBasketRules', {
      level: 'product',
      minSupport: 0.002,
      minConfidence: 0.1,
      maxSize: 3,
      minLift: 1,
    }),
  }
  const top = rules.data.rules[0]
  expect(top).toBeDefined()
  // the page mined them as a job of the registry (startBasketRules, in the baskets-worker thread)
  const mined = app.harness.ctx.jobs.list({ kind: 'baskets', state: 'done' })
  expect(mined.length).toBeGreaterThan(0)
  expect(app.harness.ctx.jobs.get(mined[0]?.jobId ?? '').result).toEqual(rules.data)
  const firstRow = await page.getByTestId('rules-table').locator('tbody tr').first().innerText()
  for (const item of [...(top?.antecedent ?? []), ...(top?.consequent ?? [])])
    expect(firstRow).toContain(item.name)
  expect(await page.getByTestId('rules-table').locator('tbody tr').count()).toBe(
    Math.min(200, rules.data.rules.length),
  )
  // filtering by an item keeps only rules that name it
  const item = top?.consequent[0]?.name ?? ''
  await page.getByTestId('rules-filter').fill(item)
  const filtered = await page.getByTestId('rules-table').locator('tbody tr').allInnerTexts()
  expect(filtered.length).toBe(
    rules.data.rules.filter((r) => [...r.antecedent, ...r.consequent].some((i) => i.name.includes(item)))
      .length,
  )
  expect(filtered.every((row) => row.includes(item))).toBe(true)
  await page.getByTestId('rules-filter').fill('')
  await app.screenshot(`products-2-rules-${language}`)

  // Bought together: the best seller, and first the product most often on its receipts
  const together = expectedTogether(app)
  await page.getByTestId('products-tab-together').click()
  await page.getByTestId('together-table').waitFor()
  expect(await page.getByTestId('together-summary').innerText()).toContain(together.product)
  expect(await page.getByTestId('together-table').locator('tbody tr').first().innerText()).toContain(
    together.first,
  )
  await app.screenshot(`products-3-together-${language}`)

  // Suggestions for one customer, with the reason in words
  const customer = await customerWithSuggestions(app)
  await page.getByTestId('products-tab-suggestions').click()
  await page.getByTestId('suggestions-customer').fill(customer.name)
  await page
    .getByRole('option', { name: new RegExp(`^${customer.name}`) })
    .first()
    .click()
  const row = page.getByTestId('suggestion-row').first()
  await row.waitFor()
  const rowText = await row.innerText()
  expect(rowText).toContain(customer.product)
  expect(rowText).toMatch(language === 'th' ? /เคยซื้อ .+ เท่าของปกติ/ : /Bought .+ the usual rate/)
  await app.screenshot(`products-4-suggestions-${language}`)

  expect(foreignText(await visibleUiText(page), language)).toEqual([])
}

describe('Products page on the demo shop', () => {
  it('shows rules, bought together and suggestions in Thai', async () => {
    const app = await openApp(browser, { systemLocale: 'th-TH', demo: true })
    await checkPage(app, 'th')
  })

  it('shows rules, bought together and suggestions in English', async () => {
    const app = await openApp(browser, { systemLocale: 'en-US', demo: true })
    await checkPage(app, 'en')
  })
})

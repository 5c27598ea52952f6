import { describe, expect, it } from 'vitest'
import { localToday } from '../../src/shared/calendar'
import { createCustomer } from '../../src/main/customers/edit'
import { openApp, useBrowser } from '../harness/browser'
import { foreignText, visibleUiText } from '../harness/page-text'

const browser = useBrowser()

const text = {
  th: { customers: 'ลูกค้า', dashboard: 'ภาพรวม', followUps: 'งานติดตามลูกค้า' },
  en: { customers: 'Customers', dashboard: 'Dashboard', followUps: 'Follow-ups' },
}

describe.each(['th', 'en'] as const)('customer book (%s)', (language) => {
  it('finds a demo customer by part of the name and by phone, edits, logs an interaction, sees the task, merges and undoes', async () => {
    const app = await openApp(browser, { systemLocale: language === 'th' ? 'th-TH' : 'en-US', demo: true })
    const { page, harness } = app
    const sqlite = harness.ctx.connection.sqlite
    const demo = sqlite
      .prepare(
        `select id, name, phone from customers where phone like '+668%' and length(name) > 6 order by id limit 1`,
      )
      .get() as { id: number; name: string; phone: string }
    const now = `${localToday(new Date())}T09:00:00`
    const a = await createCustomer(harness.ctx.db, { name: 'Dupe Tester', phone: '0891110001' }, now)
    const b = await createCustomer(
      harness.ctx.db,
      { name: 'Dupe Tester', phone: '089-111-0001', email: 'dupe@example.com' },
      now,
    )

    await page.goto(`${harness.url}#/customers`)
    await page.getByRole('heading', { name: text[language].customers }).waitFor()
    await page.getByTestId('customer-table').waitFor()
    await app.screenshot(`customers-list-${language}`)
    expect(foreignText(await visibleUiText(page), language)).toEqual([])

    const search = page.getByTestId('customer-search')
    const part = Array.from(demo.name).slice(1, -1).join('')
    await search.fill(part)
    await page.getByTestId(`customer-row-${demo.id}`).waitFor()
    const local = `0${demo.phone.slice(3)}`
    await search.fill(`${local.slice(0, 3)}-${local.slice(3, 6)}-${local.slice(6)}`)
    await page.getByTestId(`customer-row-${demo.id}`).waitFor()
    await app.screenshot(`customers-search-phone-${language}`)
    await page.getByTestId(`customer-row-${demo.id}`).click()
    await page.getByTestId('customer-profile').waitFor()
    expect(await page.getByTestId('profile-name').innerText()).toBe(demo.name)

    await page.getByTestId('profile-edit').click()
    await page.getByTestId('form-phone').fill('089-555-0101')
    await page.getByTestId('form-save').click()
    await page.getByTestId('profile-phone').getByText('+66895550101').waitFor()
    expect(sqlite.prepare('select phone from customers where id = ?').pluck().get(demo.id)).toBe(
      '+66895550101',
    )

    await page.getByTestId('log-interaction').click()
    await page.getByTestId('interaction-summary').fill('asked about the new cake')
    await page.getByTestId('interaction-staff').fill('Nok')
    const followUp = `Call back ${language}`
    await page.getByTestId('interaction-followup').fill(followUp)
    await page.getByTestId('interaction-save').click()
    await page.getByText('asked about the new cake').waitFor()
    await app.screenshot(`customers-profile-${language}`)
    expect(
      sqlite
        .prepare('select count(*) from tasks where customer_id = ? and due_date = ?')
        .pluck()
        .get(demo.id, localToday(new Date())),
    ).toBe(1)

    await page.goto(`${harness.url}#/dashboard`)
    await page.getByTestId('tasks-today').getByText(followUp).waitFor()
    await app.screenshot(`customers-dashboard-tasks-${language}`)

    await page.goto(`${harness.url}#/customers?tab=duplicates`)
    const pair = page.getByTestId(`duplicate-${a}-${b}`)
    await pair.waitFor()
    await pair.getByTestId('merge-keep-a').click()
    await page.getByTestId('undo-merge-1').waitFor()
    expect(sqlite.prepare('select count(*) from customers where id = ?').pluck().get(b)).toBe(0)
    expect(sqlite.prepare('select email from customers where id = ?').pluck().get(a)).toBe('dupe@example.com')
    await app.screenshot(`customers-merged-${language}`)
    await page.getByTestId('undo-merge-1').click()
    await page.getByTestId(`duplicate-${a}-${b}`).waitFor()
    expect(sqlite.prepare('select email from customers where id = ?').pluck().get(b)).toBe('dupe@example.com')
    expect(sqlite.prepare('select email from customers where id = ?').pluck().get(a)).toBe(null)
  })
})

import { describe, expect, it } from 'vitest'
import { addDays, localToday } from '../../src/shared/calendar'
import { formatDate } from '../../src/shared/format/dates'
import { logRequest } from '../../src/main/customers/requests'
import { openApp, useBrowser } from '../harness/browser'
import { foreignText, visibleUiText } from '../harness/page-text'

const browser = useBrowser()

const text = {
  th: { customers: 'ลูกค้า', overdue: 'เลยกำหนด', refused: 'ปฏิเสธ', details: 'ขอสำเนาข้อมูลของตน' },
  en: {
    customers: 'Customers',
    overdue: 'Overdue',
    refused: 'Refused',
    details: 'Wants a copy of their data',
  },
}

describe.each(['th', 'en'] as const)('PDPA data requests (%s)', (language) => {
  it('logs a request from the profile, lists it open with its due date, refuses it with a reason and shows the refusal', async () => {
    const app = await openApp(browser, { systemLocale: language === 'th' ? 'th-TH' : 'en-US', demo: true })
    const { page, harness } = app
    const sqlite = harness.ctx.connection.sqlite
    const style = language === 'th' ? 'buddhist' : 'gregorian'
    const demo = sqlite
      .prepare(
        `select c.id, c.name from customers c where exists (select 1 from receipts r where r.customer_id = c.id)
         order by c.id limit 1`,
      )
      .get() as { id: number; name: string }
    const today = localToday(new Date())
    // An older request, already past its 30 days, logged straight through the engine.
    const late = await logRequest(harness.ctx.db, {
      customerId: demo.id,
      kind: 'rectification',
      receivedAt: addDays(today, -40),
    })

    await page.goto(`${harness.url}#/customers?id=${demo.id}`)
    await page.getByTestId('customer-profile').waitFor()
    await page.getByTestId('customer-suggestions').waitFor()
    await page.getByTestId('log-request').click()
    await page.getByTestId('request-details').fill(text[language].details)
    await page.getByTestId('request-logged-by').fill('Nok')
    await app.screenshot(`customer-request-form-${language}`)
    await page.getByTestId('request-save').click()
    await page.getByTestId('request-save').waitFor({ state: 'detached' })
    const logged = sqlite
      .prepare(
        `select id, kind, received_at, due_date, details, logged_by, status from subject_requests
                where id != ? order by id desc limit 1`,
      )
      .get(late) as Record<string, unknown>
    expect(logged).toMatchObject({
      kind: 'access',
      received_at: today,
      due_date: addDays(today, 30),
      details: text[language].details,
      logged_by: 'Nok',
      status: 'open',
    })
    const id = Number(logged.id)

    await page.getByTestId('profile-back').click()
    await page.getByRole('heading', { name: text[language].customers }).waitFor()
    await page.getByTestId('tab-requests').click()
    const row = page.getByTestId(`request-${id}`)
    await row.waitFor()
    expect(await row.getByTestId('request-due').innerText()).toBe(
      formatDate(addDays(today, 30), language, style),
    )
    expect(await row.getByTestId('request-overdue').count()).toBe(0)
    const lateRow = page.getByTestId(`request-${late}`)
    expect(await lateRow.getByTestId('request-due').innerText()).toBe(
      formatDate(addDays(today, -10), language, style),
    )
    expect(await lateRow.getByTestId('request-overdue').textContent()).toBe(text[language].overdue)
    expect(await row.getByText(demo.name).count()).toBe(1)
    await app.screenshot(`customer-requests-open-${language}`)
    expect(foreignText(await visibleUiText(page), language)).toEqual([])

    // Refusing needs who handles it and a reason.
    expect(await row.getByTestId('request-refuse').isDisabled()).toBe(true)
    await page.getByTestId('requests-handled-by').fill('Owner')
    await row.getByTestId('request-refuse').click()
    expect(await page.getByTestId('refuse-confirm').isDisabled()).toBe(true)
    await page.getByTestId('refuse-reason').fill(`Tax law keeps receipts 5 years (${language})`)
    await app.screenshot(`customer-request-refuse-${language}`)
    await page.getByTestId('refuse-confirm').click()
    const closed = page.getByTestId(`closed-request-${id}`)
    await closed.waitFor()
    await row.waitFor({ state: 'detached' })
    expect(await closed.getByTestId('closed-reason').innerText()).toBe(
      `Tax law keeps receipts 5 years (${language})`,
    )
    expect(await closed.getByText(text[language].refused, { exact: true }).count()).toBe(1)
    expect(
      sqlite.prepare('select status, refusal_reason, handled_by from subject_requests where id = ?').get(id),
    ).toEqual({
      status: 'refused',
      refusal_reason: `Tax law keeps receipts 5 years (${language})`,
      handled_by: 'Owner',
    })
    await page.getByTestId(`request-${late}`).waitFor()
    await app.screenshot(`customer-requests-refused-${language}`)
    expect(foreignText(await visibleUiText(page), language)).toEqual([])
  })
})

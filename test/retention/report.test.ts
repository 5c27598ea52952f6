import { describe, expect, it } from 'vitest'
import { testContext } from '../helpers/db'
import { addSales, api, visits } from './shop'

describe('printed retention lists', () => {
  it('prints a list with every customer, their contacts and the list’s figures, in Thai and English', async () => {
    const ctx = await testContext()
    addSales(ctx, [
      ...visits('W1', 2000, ['2025-01-01', '2025-02-01']), // lapsed and valuable
      ...visits('W2', 10, ['2026-06-30']),
      ...visits('W3', 10, ['2026-06-29']),
      ...visits('W4', 10, ['2026-06-28']),
      ...visits('W5', 10, ['2026-06-27']),
    ])
    ctx.connection.sqlite
      .prepare(
        "update customers set name = 'สมหญิง <b>ใจดี</b>', phone = '0812345678', line_id = 'somying' where code = 'W1'",
      )
      .run()
    const en = await api(ctx, 'renderReport', { report: 'retention-list', list: 'win_back', language: 'en' })
    expect(en.title).toBe('Win-back: lapsed valuable customers')
    expect(en.html).toContain('สมหญิง &lt;b&gt;ใจดี&lt;/b&gt;')
    expect(en.html).toContain('0812345678')
    expect(en.html).toContain('somying')
    expect(en.html).toContain('1 customers')
    const th = await api(ctx, 'renderReport', {
      report: 'retention-list',
      list: 'not_returned',
      asOf: '2026-06-30',
      language: 'th',
    })
    expect(th.title).toBe('ลูกค้าใหม่ที่ยังไม่กลับมาซื้อครั้งที่สอง')
    expect(th.fileName).toBe('lukkha-not-returned-2026-06-30.pdf')
    for (const name of ['Customer W2', 'Customer W3', 'Customer W4', 'Customer W5'])
      expect(th.html).toContain(name)
    await expect(api(ctx, 'renderReport', { report: 'retention-list' })).rejects.toThrow(/needs the list/)
  })
})

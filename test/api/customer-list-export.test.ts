import ExcelJS from 'exceljs'
import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import type { ApiContext } from '../../src/main/api/context'
import { dispatch } from '../../src/main/api/dispatch'
import type { Input, Method, Output } from '../../src/shared/api'
import { RFM_SALES } from '../fixtures/rfm-sales'
import { testContext } from '../helpers/db'
import { insertSales } from '../helpers/sales'
import { waitForJob } from '../helpers/jobs'

async function call<M extends Method>(method: M, input: Input<M>, ctx: ApiContext): Promise<Output<M>> {
  const result = await dispatch(method, input, ctx)
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`)
  return result.data as Output<M>
}

/** The RFM test shop, with contact details (one of them formula-like), analysed as of 2026-03-31. */
async function analysedShop(): Promise<{ ctx: ApiContext; ids: Map<string, number> }> {
  const ctx = await testContext()
  const ids = insertSales(ctx.connection.sqlite, RFM_SALES)
  const contact = ctx.connection.sqlite.prepare(
    'update customers set name = ?, phone = ?, email = ?, line_id = ? where code = ?',
  )
  contact.run('=HYPERLINK("http://evil","ok")', '+66812345678', 'a@example.com', '@somchai', 'A')
  contact.run('สมหญิง', '081-111-2222', null, null, 'C')
  const { jobId } = await call('startAnalysis', { asOf: '2026-03-31' }, ctx)
  const job = await waitForJob(ctx, jobId, 'analysis')
  if (job.state !== 'done') throw new Error(`analysis failed: ${JSON.stringify(job.error)}`)
  return { ctx, ids }
}

describe('exportCustomerList', () => {
  it("exports a segment's customers with their contacts, as the page lists them, formula-like cells as text", async () => {
    const { ctx, ids } = await analysedShop()
    const idA = ids.get('A') ?? 0
    const segment = ctx.connection.sqlite
      .prepare('select segment from analysis_scores where customer_id = ?')
      .pluck()
      .get(idA) as string
    const page = await call('listSegmentCustomers', { segment }, ctx)
    const rowA = page.rows.find((r) => r.customerId === idA)
    expect(rowA).toMatchObject({ phone: '+66812345678', email: 'a@example.com', lineId: '@somchai' })

    const file = await call(
      'exportCustomerList',
      { list: 'segment', segment, format: 'csv', headers: { name: 'ชื่อ', phone: 'โทรศัพท์' }, language: 'th' },
      ctx,
    )
    expect(file.rows).toBe(page.total)
    expect(file.fileName.endsWith('.csv')).toBe(true)
    const text = Buffer.from(file.base64, 'base64').toString('utf8')
    expect(text.startsWith('\uFEFF')).toBe(true)
    const rows = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true }).data
    expect(rows[0]?.slice(0, 5)).toEqual(['Code', 'ชื่อ', 'โทรศัพท์', 'LINE', 'E-mail'])
    // the same customers in the same order as the page
    expect(rows.slice(1).map((r) => r[0])).toEqual(page.rows.map((r) => r.code ?? ''))
    const a = rows.find((r) => r[0] === 'A')
    expect(a?.slice(1, 5)).toEqual([
      '\'=HYPERLINK("http://evil","ok")',
      "'+66812345678",
      "'@somchai",
      'a@example.com',
    ])
  })

  it('exports the customers slipping away as XLSX, and refuses a segment export without a segment', async () => {
    const { ctx } = await analysedShop()
    const expected = ctx.connection.sqlite
      .prepare(
        "select count(*) from analysis_scores where churn_level in ('high', 'medium') and run_id = (select max(id) from analysis_runs)",
      )
      .pluck()
      .get() as number
    const file = await call(
      'exportCustomerList',
      { list: 'at_risk', format: 'xlsx', title: 'Slipping away' },
      ctx,
    )
    expect(file).toMatchObject({ fileName: 'Slipping away.xlsx', rows: expected })
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(Buffer.from(file.base64, 'base64').buffer.slice(0))
    expect(workbook.worksheets[0]?.rowCount).toBe(expected + 1)
    expect(await dispatch('exportCustomerList', { list: 'segment', format: 'csv' }, ctx)).toMatchObject({
      ok: false,
      error: { code: 'validation' },
    })
  })
})

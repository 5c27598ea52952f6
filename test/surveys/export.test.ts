import ExcelJS from 'exceljs'
import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import type { ApiContext } from '../../src/main/api/context'
import { recordResponse } from '../../src/main/surveys/responses'
import { currentSurvey, saveSurvey } from '../../src/main/surveys/templates'
import { call } from '../api/import-helpers'
import { testContext } from '../helpers/db'

// The responses export goes through the shared table writer: headers in the user's language as the renderer
// sends them (aspects as 'aspect:<key>'), level and channel words in the cells, formula-safe text.

async function shop(): Promise<ApiContext> {
  const ctx = await testContext()
  const s = await currentSurvey(ctx.db)
  const survey = await saveSurvey(ctx.db, {
    id: s.id,
    name: s.name,
    overallTh: s.overallTh,
    overallEn: s.overallEn,
    asksComment: true,
    gapThreshold: 1,
    aspects: [
      { key: 'quality', labelTh: 'คุณภาพสินค้า', labelEn: 'Product quality', asksGap: false },
      { key: 'speed', labelTh: 'ความรวดเร็ว', labelEn: 'Speed', asksGap: true },
    ],
  })
  const customer = ctx.connection.sqlite
    .prepare("insert into customers (name, phone) values ('คุณเอ', '+66812345678')")
    .run().lastInsertRowid
  await recordResponse(ctx.db, {
    surveyId: survey.id,
    customerId: Number(customer),
    receiptId: null,
    storeId: null,
    staff: 'นิด',
    respondedAt: '2026-11-30T10:00:00',
    channel: 'counter',
    overall: 'disappointed',
    comment: '=HYPERLINK("x") รอนาน',
    answers: [
      { aspectId: survey.aspects[0]?.id ?? 0, level: 'delighted' },
      { aspectId: survey.aspects[1]?.id ?? 0, expectation: 4, perception: 2 },
    ],
  })
  return ctx
}

const THAI = {
  title: 'คำตอบแบบสอบถาม',
  headers: {
    response_id: 'เลขที่คำตอบ',
    responded_at: 'วันเวลาที่ตอบ',
    channel: 'ช่องทาง',
    customer: 'ลูกค้า',
    phone: 'เบอร์โทร',
    overall: 'โดยรวม',
    comment: 'ความคิดเห็น',
    'aspect:quality': 'คุณภาพสินค้า',
    'aspect:speed': 'ความรวดเร็ว',
  },
  valueLabels: { delighted: 'ประทับใจ', satisfied: 'พอใจ', disappointed: 'ผิดหวัง', counter: 'ที่เคาน์เตอร์' },
}

const csvRows = (base64: string): Record<string, string>[] =>
  Papa.parse<Record<string, string>>(
    Buffer.from(base64, 'base64')
      .toString('utf8')
      .replace(/^\uFEFF/, ''),
    {
      header: true,
      skipEmptyLines: true,
    },
  ).data

describe('survey responses export', () => {
  it('writes the headers and level words the renderer sends (Thai), formula-safe, as CSV and XLSX', async () => {
    const ctx = await shop()
    const csv = await call(ctx, 'surveysExport', { format: 'csv', ...THAI })
    expect(csv).toMatchObject({ fileName: 'คำตอบแบบสอบถาม.csv', rows: 1 })
    const [row] = csvRows(csv.base64)
    expect(row).toMatchObject({
      เลขที่คำตอบ: '1',
      วันเวลาที่ตอบ: '2026-11-30T10:00:00',
      ช่องทาง: 'ที่เคาน์เตอร์',
      ลูกค้า: 'คุณเอ',
      โดยรวม: 'ผิดหวัง',
      คุณภาพสินค้า: 'ประทับใจ',
      ความรวดเร็ว: 'ผิดหวัง', // expected 4, got 2: the gap gives the level
      ความคิดเห็น: `'=HYPERLINK("x") รอนาน`,
    })
    // every column has a Thai header except the ones the request left out (LINE, e-mail ... keep English)
    expect(Object.keys(row ?? {})).toEqual([
      'เลขที่คำตอบ',
      'วันเวลาที่ตอบ',
      'ช่องทาง',
      'ลูกค้า',
      'เบอร์โทร',
      'LINE',
      'E-mail',
      'Receipt',
      'Store',
      'Staff',
      'โดยรวม',
      'คุณภาพสินค้า',
      'ความรวดเร็ว',
      'ความคิดเห็น',
    ])

    const xlsx = await call(ctx, 'surveysExport', { format: 'xlsx', ...THAI })
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(Buffer.from(xlsx.base64, 'base64').buffer.slice(0))
    const sheet = workbook.worksheets[0]
    expect(sheet?.name).toBe('คำตอบแบบสอบถาม')
    expect(sheet?.getRow(1).getCell(12).value).toBe('คุณภาพสินค้า')
    expect(sheet?.getRow(2).getCell(11).value).toBe('ผิดหวัง')
  })

  it('without labels writes the English defaults and the level keys', async () => {
    const ctx = await shop()
    const [row] = csvRows((await call(ctx, 'surveysExport', { format: 'csv' })).base64)
    expect(row).toMatchObject({ Channel: 'counter', Overall: 'disappointed', 'Product quality': 'delighted' })
  })
})

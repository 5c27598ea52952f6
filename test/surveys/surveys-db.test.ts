import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { ApiContext } from '../../src/main/api/context'
import type { ResponseInput, SurveyTemplate } from '../../src/shared/api/surveys'
import { analyseSurveys } from '../../src/main/surveys/analysis'
import { closeFollowUp, createFollowUp, recoveryRate } from '../../src/main/surveys/followups'
import { importSurveyResponses } from '../../src/main/surveys/import'
import { recordResponse } from '../../src/main/surveys/responses'
import { currentSurvey, saveSurvey } from '../../src/main/surveys/templates'
import { tempDir, testContext } from '../helpers/db'
import { insertSales } from '../helpers/sales'

type Level = 'delighted' | 'satisfied' | 'disappointed'

/** A survey with two aspects, quality and speed (the default ones have no answers, so they go). */
async function twoAspectSurvey(ctx: ApiContext): Promise<SurveyTemplate> {
  const s = await currentSurvey(ctx.db)
  return saveSurvey(ctx.db, {
    id: s.id,
    name: s.name,
    overallTh: s.overallTh,
    overallEn: s.overallEn,
    asksComment: true,
    gapThreshold: 1,
    aspects: [
      { key: 'quality', labelTh: 'คุณภาพ', labelEn: 'Quality', asksGap: false },
      { key: 'speed', labelTh: 'ความเร็ว', labelEn: 'Speed', asksGap: true },
    ],
  })
}

function response(
  survey: SurveyTemplate,
  r: {
    customerId?: number | null
    receiptId?: number | null
    at?: string
    overall: Level | null
    levels: [Level, Level]
  },
): ResponseInput {
  return {
    surveyId: survey.id,
    customerId: r.customerId ?? null,
    receiptId: r.receiptId ?? null,
    storeId: null,
    staff: null,
    respondedAt: r.at ?? '2026-01-01T13:00:00',
    channel: 'counter',
    overall: r.overall,
    comment: '',
    answers: r.levels.map((level, i) => ({ aspectId: survey.aspects[i]?.id ?? 0, level })),
  }
}

const count = (ctx: ApiContext, table: string): number =>
  ctx.connection.sqlite.prepare(`select count(*) from ${table}`).pluck().get() as number

describe('survey analysis on a hand-computed data set', () => {
  it('shares, net delight, its interval and the priorities', async () => {
    const ctx = await testContext()
    const survey = await twoAspectSurvey(ctx)
    const rows: [Level, Level, Level][] = [
      // quality, speed, overall
      ['disappointed', 'satisfied', 'disappointed'],
      ['disappointed', 'delighted', 'satisfied'],
      ['satisfied', 'disappointed', 'satisfied'],
      ['delighted', 'delighted', 'delighted'],
    ]
    for (const [q, s, o] of rows)
      await recordResponse(ctx.db, response(survey, { overall: o, levels: [q, s] }))
    const a = await analyseSurveys(ctx.db)
    expect(a.responses).toBe(4)
    expect(a.derivedOverall).toBe(0)
    expect(a.overall).toMatchObject({
      n: 4,
      delighted: 0.25,
      satisfied: 0.5,
      disappointed: 0.25,
      netDelight: 0,
      small: true,
    })
    const [quality, speed] = a.aspects
    // quality: 1 delighted, 1 satisfied, 2 disappointed of 4
    expect(quality?.shares).toMatchObject({ n: 4, delighted: 0.25, satisfied: 0.25, disappointed: 0.5 })
    expect(quality?.shares.netDelight).toBeCloseTo(-0.25, 12)
    // Var = (0.25 + 0.5 - 0.0625) / 4 = 0.171875 -> half-width 1.959964 * 0.414578 = 0.812559
    expect(quality?.shares.low).toBe(-1) // -1.0626, clipped
    expect(quality?.shares.high).toBeCloseTo(-0.25 + 0.812559, 5)
    // quality disappointed twice: once with a disappointed overall (p1 = 1/2); never otherwise (p0 = 0)
    expect(quality?.association).toBeCloseTo(0.5, 12)
    expect(quality?.impact).toBeCloseTo(0.5 * 1.5, 12)
    // speed disappointed once, overall then satisfied (p1 = 0); otherwise 1 of 3 (p0 = 1/3)
    expect(speed?.shares).toMatchObject({ delighted: 0.5, satisfied: 0.25, disappointed: 0.25 })
    expect(speed?.association).toBeCloseTo(-1 / 3, 12)
    expect(speed?.impact).toBeCloseTo(0.25, 12)
    expect(quality?.priority).toBe(1)
    expect(speed?.priority).toBe(2)
    expect(a.months).toEqual([{ month: '2026-01', shares: a.overall }])
  })

  it('turns expectation and perception into a level with the survey threshold', async () => {
    const ctx = await testContext()
    const survey = await twoAspectSurvey(ctx)
    const [quality, speed] = survey.aspects
    const input = response(survey, { overall: null, levels: ['satisfied', 'satisfied'] })
    input.answers = [
      { aspectId: quality?.id ?? 0, level: 'satisfied' },
      { aspectId: speed?.id ?? 0, expectation: 4, perception: 2 },
    ]
    const { responseId } = await recordResponse(ctx.db, input)
    const stored = ctx.connection.sqlite
      .prepare(
        'select level, expectation, perception from survey_answers where response_id = ? and aspect_id = ?',
      )
      .get(responseId, speed?.id)
    expect(stored).toEqual({ level: 'disappointed', expectation: 4, perception: 2 })
  })
})

describe('what customers did after each level (hand-computed)', () => {
  it('bought again within 30/60/90 days and spend in the next 90 days, counting only ended windows', async () => {
    const ctx = await testContext()
    const survey = await twoAspectSurvey(ctx)
    const ids = insertSales(ctx.connection.sqlite, [
      { customer: 'C1', at: '2026-01-01', baht: 100 }, // R1: disappointed
      { customer: 'C1', at: '2026-01-20', baht: 200 }, // day 19
      { customer: 'C2', at: '2026-01-01', baht: 100 }, // R3: delighted
      { customer: 'C2', at: '2026-03-15', baht: 150 }, // day 73
      { customer: 'C2', at: '2026-05-01', baht: 999 }, // day 120: outside 90 days
      { customer: 'C3', at: '2026-01-01', baht: 100 }, // R6: delighted, never again
      { customer: 'C4', at: '2026-12-15', baht: 100 }, // R7: delighted, window not ended
      { customer: null, at: '2026-12-31', baht: 50 }, // the last day of sales
    ])
    const receipt = (n: string) =>
      ctx.connection.sqlite
        .prepare('select id from receipts where receipt_number = ?')
        .pluck()
        .get(n) as number
    for (const [r, overall] of [
      ['R1', 'disappointed'],
      ['R3', 'delighted'],
      ['R6', 'delighted'],
      ['R7', 'delighted'],
    ] as const) {
      await recordResponse(
        ctx.db,
        response(survey, {
          receiptId: receipt(r),
          at: '2026-01-01T18:00:00',
          overall,
          levels: ['satisfied', 'satisfied'],
        }),
      )
    }
    expect(ids.size).toBe(4)
    const a = await analyseSurveys(ctx.db)
    expect(a.salesUntil).toBe('2026-12-31')
    const by = Object.fromEntries(a.afterLevel.map((x) => [x.level, x]))
    expect(by.disappointed).toEqual({
      level: 'disappointed',
      responses: 1,
      within: [
        { days: 30, eligible: 1, boughtAgain: 1 },
        { days: 60, eligible: 1, boughtAgain: 1 },
        { days: 90, eligible: 1, boughtAgain: 1 },
      ],
      eligible90: 1,
      spend90Satang: 20_000,
    })
    expect(by.delighted).toEqual({
      level: 'delighted',
      responses: 3,
      within: [
        { days: 30, eligible: 2, boughtAgain: 0 },
        { days: 60, eligible: 2, boughtAgain: 0 },
        { days: 90, eligible: 2, boughtAgain: 1 },
      ],
      eligible90: 2,
      spend90Satang: 15_000,
    })
    expect(by.satisfied?.responses).toBe(0)
  })
})

describe('service recovery', () => {
  it('a disappointed response creates exactly one follow-up task for its customer; closing records the outcome', async () => {
    const ctx = await testContext()
    const survey = await twoAspectSurvey(ctx)
    const ids = insertSales(ctx.connection.sqlite, [{ customer: 'C1', at: '2026-01-01', baht: 100 }])
    const customerId = ids.get('C1') ?? 0
    const happy = await recordResponse(
      ctx.db,
      response(survey, { customerId, overall: 'delighted', levels: ['delighted', 'satisfied'] }),
    )
    expect(happy.followUpTaskId).toBeNull()
    expect(count(ctx, 'tasks')).toBe(0)

    const sad = await recordResponse(
      ctx.db,
      response(survey, { customerId, overall: 'satisfied', levels: ['disappointed', 'disappointed'] }),
    )
    expect(sad.followUpTaskId).not.toBeNull()
    expect(count(ctx, 'tasks')).toBe(1)
    const task = ctx.connection.sqlite.prepare('select customer_id, status, due_date from tasks').get()
    expect(task).toEqual({ customer_id: customerId, status: 'open', due_date: '2026-01-03' })
    // Asking again (e.g. an import retried) returns the same task instead of a second one.
    await ctx.db.transaction().execute(async (trx) => {
      const again = await createFollowUp(trx, {
        id: sad.responseId,
        customerId,
        respondedAt: '2026-01-01T13:00:00',
      })
      expect(again).toBe(sad.followUpTaskId)
    })
    expect(count(ctx, 'tasks')).toBe(1)
    // An anonymous disappointed response has nobody to follow up.
    const anonymous = await recordResponse(
      ctx.db,
      response(survey, { overall: 'disappointed', levels: ['satisfied', 'satisfied'] }),
    )
    expect(anonymous.followUpTaskId).toBeNull()
    expect(count(ctx, 'tasks')).toBe(1)

    const closed = await closeFollowUp(
      ctx.db,
      { responseId: sad.responseId, outcome: 'recovered', note: 'โทรขอโทษแล้ว' },
      new Date('2026-01-02T03:00:00Z'),
    )
    expect(closed).toMatchObject({
      outcome: 'recovered',
      status: 'done',
      note: 'โทรขอโทษแล้ว',
      boughtAgainAfter: false,
    })
    expect(await recoveryRate(ctx.db)).toEqual({ open: 0, closed: 1, boughtAgain: 0, rate: 0 })
    insertSales(ctx.connection.sqlite, [{ customer: 'C1', at: '2026-01-10', baht: 80 }])
    expect(await recoveryRate(ctx.db)).toEqual({ open: 0, closed: 1, boughtAgain: 1, rate: 1 })
  })
})

describe('survey import', () => {
  const mapping = {
    respondedAt: 'Timestamp',
    phone: 'เบอร์โทร',
    overall: 'โดยรวม',
    comment: 'ความคิดเห็น',
    aspects: { quality: 'คุณภาพ', speed: 'ความเร็ว' },
  }
  const header = 'Timestamp,เบอร์โทร,คุณภาพ,ความเร็ว,โดยรวม,ความคิดเห็น'

  it('a bad row is reported with its file, row and column, and nothing of the file is stored', async () => {
    const ctx = await testContext()
    await twoAspectSurvey(ctx)
    const dir = tempDir()
    const path = join(dir, 'answers.csv')
    writeFileSync(
      path,
      [
        header,
        '30/11/2026 10:00:00,081-234-5678,ประทับใจ,ผิดหวัง,พอใจ,รอนาน',
        '30/11/2026 11:00:00,,ดีมาก,พอใจ,พอใจ,',
        '31/11/2026 11:00:00,,พอใจ,พอใจ,พอใจ,',
      ].join('\n'),
    )
    const r = await importSurveyResponses(ctx.db, { path, mapping })
    expect(r.status).toBe('rejected')
    expect(r.errors).toEqual([
      {
        file: 'answers.csv',
        row: 2,
        column: 'คุณภาพ',
        value: 'ดีมาก',
        reason: 'bad_level',
        message: expect.stringMatching(/ประทับใจ/),
      },
      {
        file: 'answers.csv',
        row: 3,
        column: 'Timestamp',
        value: '31/11/2026 11:00:00',
        reason: 'not_a_date',
        message: 'not a date',
      },
    ])
    expect(r.responsesAdded).toBe(0)
    expect(count(ctx, 'survey_responses')).toBe(0)
    expect(count(ctx, 'survey_answers')).toBe(0)
    expect(count(ctx, 'tasks')).toBe(0)
  })

  it('a good file is stored whole, matched to customers by phone, with follow-ups for the disappointed', async () => {
    const ctx = await testContext()
    await twoAspectSurvey(ctx)
    ctx.connection.sqlite.prepare("insert into customers (name, phone) values ('คุณเอ', '+66812345678')").run()
    const path = join(tempDir(), 'answers.csv')
    writeFileSync(
      path,
      [header, '30/11/2026 10:00:00,081-234-5678,ประทับใจ,ผิดหวัง,พอใจ,รอนาน', '30/11/2569 11:00,,3,2,,'].join(
        '\n',
      ),
    )
    const r = await importSurveyResponses(ctx.db, { path, mapping })
    expect(r).toMatchObject({
      status: 'done',
      rowsRead: 2,
      responsesAdded: 2,
      customersMatched: 1,
      followUpsCreated: 1,
      errorCount: 0,
    })
    expect(
      ctx.connection.sqlite
        .prepare(
          'select responded_at, channel, overall_level, customer_id is not null as known from survey_responses order by id',
        )
        .all(),
    ).toEqual([
      { responded_at: '2026-11-30T10:00:00', channel: 'imported', overall_level: 'satisfied', known: 1 },
      { responded_at: '2026-11-30T11:00:00', channel: 'imported', overall_level: null, known: 0 },
    ])
  })
})

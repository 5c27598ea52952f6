import { afterEach, describe, expect, it } from 'vitest'
import type { ApiContext } from '../../src/main/api/context'
import { configureWorkers } from '../../src/main/jobs/workers'
import { currentSurvey, saveSurvey } from '../../src/main/surveys/templates'
import type { JobEvent, LukkhaEvent } from '../../src/shared/events'
import { call } from '../api/import-helpers'
import { testContext } from '../helpers/db'
import { waitForJob } from '../helpers/jobs'

// The survey import as a job of the one registry: started by surveysStartImport, watched through getJob and
// the job events, cancelled through cancelJob; a file with a bad row ends failed, names file/row/column and
// stores nothing.

afterEach(() => configureWorkers(null))

const mapping = {
  respondedAt: 'Timestamp',
  phone: 'เบอร์โทร',
  overall: 'โดยรวม',
  comment: 'ความคิดเห็น',
  aspects: { quality: 'คุณภาพ', speed: 'ความเร็ว' },
}
const header = 'Timestamp,เบอร์โทร,คุณภาพ,ความเร็ว,โดยรวม,ความคิดเห็น'
const GOOD = [
  header,
  '30/11/2026 10:00:00,081-234-5678,ประทับใจ,ผิดหวัง,พอใจ,รอนาน',
  '30/11/2026 11:00:00,,3,2,2,',
  '30/11/2026 12:00:00,,พอใจ,พอใจ,พอใจ,',
]

async function setUp(): Promise<ApiContext> {
  const ctx = await testContext()
  const s = await currentSurvey(ctx.db)
  await saveSurvey(ctx.db, {
    id: s.id,
    name: s.name,
    overallTh: s.overallTh,
    overallEn: s.overallEn,
    asksComment: true,
    gapThreshold: 1,
    aspects: [
      { key: 'quality', labelTh: 'คุณภาพ', labelEn: 'Quality', asksGap: false },
      { key: 'speed', labelTh: 'ความเร็ว', labelEn: 'Speed', asksGap: false },
    ],
  })
  ctx.connection.sqlite.prepare("insert into customers (name, phone) values ('คุณเอ', '+66812345678')").run()
  return ctx
}

const base64 = (lines: string[]) => Buffer.from(lines.join('\n'), 'utf8').toString('base64')
const count = (ctx: ApiContext, table: string): number =>
  ctx.connection.sqlite.prepare(`select count(*) from ${table}`).pluck().get() as number
const jobEvents = (events: LukkhaEvent[], jobId: string): JobEvent[] =>
  events.filter((e): e is JobEvent => e.type === 'job' && e.jobId === jobId)

describe('survey import as a job', () => {
  it('runs through the job registry with progress (reading, checking, writing) and stores the file whole', async () => {
    const ctx = await setUp()
    const events: LukkhaEvent[] = []
    ctx.emit = (e) => events.push(e)
    const { jobId } = await call(ctx, 'surveysStartImport', {
      fileName: 'answers.csv',
      base64: base64(GOOD),
      mapping,
    })
    const job = await waitForJob(ctx, jobId, 'survey-import')
    expect(job).toMatchObject({
      kind: 'survey-import',
      state: 'done',
      error: null,
      result: {
        status: 'done',
        fileName: 'answers.csv',
        rowsRead: 3,
        responsesAdded: 3,
        followUpsCreated: 1,
      },
    })
    expect(count(ctx, 'survey_responses')).toBe(3)
    const phases = jobEvents(events, jobId).map((e) => e.phase)
    for (const step of ['reading', 'checking', 'writing', 'done'])
      expect(phases).toContain(`survey-import.phase.${step}`)
    expect(phases.indexOf('survey-import.phase.checking')).toBeLessThan(
      phases.indexOf('survey-import.phase.writing'),
    )
    expect(await call(ctx, 'listJobs', { kind: 'survey-import' })).toHaveLength(1)
  })

  it('a bad row fails the job with the row named by file, row and column, and nothing is stored', async () => {
    const ctx = await setUp()
    const { jobId } = await call(ctx, 'surveysStartImport', {
      fileName: 'answers.csv',
      base64: base64([...GOOD, '30/11/2026 13:00:00,,ดีมาก,พอใจ,พอใจ,']),
      mapping,
    })
    const job = await waitForJob(ctx, jobId, 'survey-import')
    expect(job.state).toBe('failed')
    expect(job.error).toMatchObject({ code: 'rows_rejected', params: { file: 'answers.csv', rows: 1 } })
    expect(job.result).toMatchObject({ status: 'rejected', responsesAdded: 0, errorCount: 1 })
    expect(job.result?.errors).toEqual([
      expect.objectContaining({
        file: 'answers.csv',
        row: 4,
        column: 'คุณภาพ',
        value: 'ดีมาก',
        reason: 'bad_level',
      }),
    ])
    expect(count(ctx, 'survey_responses')).toBe(0)
    expect(count(ctx, 'survey_answers')).toBe(0)
    expect(count(ctx, 'tasks')).toBe(0)
  })

  it('cancelled while reading, it ends cancelled and stores nothing', async () => {
    const ctx = await setUp()
    let asked = false
    ctx.emit = (e) => {
      if (e.type === 'job' && e.phase === 'survey-import.phase.reading' && !asked) {
        asked = true
        void call(ctx, 'cancelJob', { jobId: e.jobId })
      }
    }
    const { jobId } = await call(ctx, 'surveysStartImport', {
      fileName: 'answers.csv',
      base64: base64(GOOD),
      mapping,
    })
    const job = await waitForJob(ctx, jobId, 'survey-import')
    expect(asked).toBe(true)
    expect(job).toMatchObject({ state: 'cancelled', phase: 'survey-import.phase.cancelled', result: null })
    expect(count(ctx, 'survey_responses')).toBe(0)
    expect(await call(ctx, 'cancelJob', { jobId })).toEqual({ cancelled: false })
  })

  it('runs in its worker thread (the survey-import-worker entry) on its own connection', async () => {
    configureWorkers('source')
    const ctx = await setUp()
    const { jobId } = await call(ctx, 'surveysStartImport', {
      fileName: 'answers.csv',
      base64: base64(GOOD),
      mapping,
    })
    const job = await waitForJob(ctx, jobId, 'survey-import')
    expect(job).toMatchObject({ state: 'done', result: { responsesAdded: 3, customersMatched: 1 } })
    expect(count(ctx, 'survey_responses')).toBe(3)
    expect(count(ctx, 'survey_followups')).toBe(1)
  })
})

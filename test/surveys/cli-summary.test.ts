import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { migrateToLatest, openDatabase } from '../../src/main/db'
import { recordResponse } from '../../src/main/surveys/responses'
import { currentSurvey, saveSurvey } from '../../src/main/surveys/templates'
import { tempDir } from '../helpers/db'
import { runCli } from '../helpers/node'

// `cli surveys summary --json` in the shape, on a hand-computed set (the same four responses as the
// analysis test in surveys-db.test.ts), with --from/--to limiting the responses.

type Level = 'delighted' | 'satisfied' | 'disappointed'

async function shop(): Promise<string> {
  const file = join(tempDir(), 'shop.db')
  const connection = openDatabase(file)
  await migrateToLatest(connection.db)
  const s = await currentSurvey(connection.db)
  const survey = await saveSurvey(connection.db, {
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
  const rows: [string, Level, Level, Level][] = [
    // date, quality, speed, overall
    ['2026-01-05', 'disappointed', 'satisfied', 'disappointed'],
    ['2026-01-06', 'disappointed', 'delighted', 'satisfied'],
    ['2026-01-07', 'satisfied', 'disappointed', 'satisfied'],
    ['2026-02-01', 'delighted', 'delighted', 'delighted'],
  ]
  for (const [date, q, sp, o] of rows)
    await recordResponse(connection.db, {
      surveyId: survey.id,
      customerId: null,
      receiptId: null,
      storeId: null,
      staff: null,
      respondedAt: `${date}T10:00:00`,
      channel: 'counter',
      overall: o,
      comment: '',
      answers: [
        { aspectId: survey.aspects[0]?.id ?? 0, level: q },
        { aspectId: survey.aspects[1]?.id ?? 0, level: sp },
      ],
    })
  await connection.close()
  return file
}

describe('cli surveys summary', () => {
  it('--json gives responses, net delight and per aspect the shares (fractions of 1) and priority', async () => {
    const db = await shop()
    const all = await runCli(['surveys', 'summary', '--db', db, '--json'])
    expect(all.stderr).toBe('')
    const json = JSON.parse(all.stdout) as Record<string, unknown>
    expect(json).toMatchObject({
      responses: 4,
      net_delight: 0,
      aspects: [
        {
          aspect: 'quality',
          responses: 4,
          delighted: 0.25,
          satisfied: 0.25,
          disappointed: 0.5,
          net_delight: -0.25,
          priority: 1,
        },
        {
          aspect: 'speed',
          responses: 4,
          delighted: 0.5,
          satisfied: 0.25,
          disappointed: 0.25,
          net_delight: 0.25,
          priority: 2,
        },
      ],
    })
    // January only: three responses, overall 1 disappointed, 2 satisfied -> net delight -1/3
    const january = JSON.parse(
      (
        await runCli([
          'surveys',
          'summary',
          '--from',
          '2026-01-01',
          '--to',
          '2026-01-31',
          '--db',
          db,
          '--json',
        ])
      ).stdout,
    ) as { responses: number; net_delight: number }
    expect(january.responses).toBe(3)
    expect(january.net_delight).toBeCloseTo(-1 / 3, 4)
  })
})

import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Kysely } from 'kysely'
import { migrateToLatest, openDatabase } from '../../src/main/db'
import type { Database } from '../../src/main/db/schema'
import { importSurveyResponses } from '../../src/main/surveys/import'
import { currentSurvey, saveSurvey } from '../../src/main/surveys/templates'
import { tempDir, testContext } from '../helpers/db'
import { runCli } from '../helpers/node'

// Importing the same answers again must not add them twice. A response read from a file is "the n-th row
// with this content" (src/main/surveys/identity.ts): the same file gives the same keys, a longer export of
// the same form repeats its first rows' keys, and two identical rows in one file stay two responses.

const mapping = {
  respondedAt: 'Timestamp',
  phone: 'Phone',
  overall: 'Overall',
  comment: 'Comment',
  aspects: { quality: 'Quality', speed: 'Speed' },
}
const HEADER = 'Timestamp,Phone,Quality,Speed,Overall,Comment'
const MONDAY = [
  '30/11/2026 10:00:00,081-234-5678,ประทับใจ,ผิดหวัง,พอใจ,รอนาน',
  '30/11/2026,,พอใจ,พอใจ,พอใจ,', // a paper sheet keyed with the day only ...
  '30/11/2026,,พอใจ,พอใจ,พอใจ,', // ... and another customer who answered the same: two responses
]
const TUESDAY = ['01/12/2026 09:30:00,,3,1,1,ช้า']

async function twoAspects(db: Kysely<Database>): Promise<void> {
  const s = await currentSurvey(db)
  await saveSurvey(db, {
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
}

function csv(dir: string, name: string, rows: string[]): string {
  const path = join(dir, name)
  writeFileSync(path, [HEADER, ...rows].join('\n'))
  return path
}

describe('importing the same answers again', () => {
  it('skips rows imported before and reports them; identical rows of one file stay two responses', async () => {
    const ctx = await testContext()
    await twoAspects(ctx.db)
    ctx.connection.sqlite.prepare("insert into customers (name, phone) values ('คุณเอ', '+66812345678')").run()
    const count = (table: string) =>
      ctx.connection.sqlite.prepare(`select count(*) from ${table}`).pluck().get() as number
    const dir = tempDir()

    const first = await importSurveyResponses(ctx.db, { path: csv(dir, 'monday.csv', MONDAY), mapping })
    expect(first).toMatchObject({
      status: 'done',
      responsesAdded: 3,
      duplicatesSkipped: 0,
      followUpsCreated: 1,
    })
    expect(count('survey_responses')).toBe(3)

    // the same file again: nothing added, every row reported as imported before, no second follow-up
    const again = await importSurveyResponses(ctx.db, { path: csv(dir, 'monday.csv', MONDAY), mapping })
    expect(again).toMatchObject({
      status: 'done',
      responsesAdded: 0,
      followUpsCreated: 0,
      duplicatesSkipped: 3,
      duplicateRows: [1, 2, 3],
    })
    expect(count('survey_responses')).toBe(3)
    expect(count('survey_answers')).toBe(6)
    expect(count('survey_followups')).toBe(1)
    expect(count('tasks')).toBe(1)

    // a later export of the same form (Monday's rows again, with a third identical paper row and Tuesday's):
    // only the new ones are added
    const later = await importSurveyResponses(ctx.db, {
      path: csv(dir, 'export.csv', [...MONDAY, '30/11/2026,,พอใจ,พอใจ,พอใจ,', ...TUESDAY]),
      mapping,
    })
    expect(later).toMatchObject({ responsesAdded: 2, duplicatesSkipped: 3, duplicateRows: [1, 2, 3] })
    expect(count('survey_responses')).toBe(5)

    // the identity is the content, not the file's layout: columns in another order are the same rows
    const reordered = join(dir, 'reordered.csv')
    writeFileSync(
      reordered,
      [
        'Comment,Overall,Speed,Quality,Phone,Timestamp',
        'รอนาน,พอใจ,ผิดหวัง,ประทับใจ,0812345678,30/11/2026 10:00:00',
      ].join('\n'),
    )
    expect(await importSurveyResponses(ctx.db, { path: reordered, mapping })).toMatchObject({
      responsesAdded: 0,
      duplicatesSkipped: 1,
    })
    // a changed answer is another response
    const changed = await importSurveyResponses(ctx.db, {
      path: csv(dir, 'changed.csv', ['30/11/2026 10:00:00,081-234-5678,ประทับใจ,พอใจ,พอใจ,รอนาน']),
      mapping,
    })
    expect(changed).toMatchObject({ responsesAdded: 1, duplicatesSkipped: 0 })
    expect(count('survey_responses')).toBe(6)
    // responses recorded in the app have no source key; each imported one has its own
    expect(
      ctx.connection.sqlite
        .prepare('select count(distinct source_key) from survey_responses where source_key is not null')
        .pluck()
        .get(),
    ).toBe(6)
  })

  it('cli surveys import --json reports the duplicates of a second run', async () => {
    const dir = tempDir()
    const db = join(dir, 'shop.db')
    const connection = openDatabase(db)
    await migrateToLatest(connection.db)
    await twoAspects(connection.db)
    await connection.close()
    const file = csv(dir, 'answers.csv', [...MONDAY, ...TUESDAY])
    const mappingFile = join(dir, 'mapping.json')
    writeFileSync(mappingFile, JSON.stringify(mapping))
    const run = async () => {
      const r = await runCli(['surveys', 'import', file, '--mapping', mappingFile, '--db', db, '--json'])
      expect(r.stderr).toBe('')
      return JSON.parse(r.stdout) as Record<string, unknown>
    }
    expect(await run()).toMatchObject({ status: 'done', responses_added: 4, duplicates_skipped: 0 })
    expect(await run()).toMatchObject({
      status: 'done',
      responses_added: 0,
      duplicates_skipped: 4,
      duplicate_rows: [1, 2, 3, 4],
    })
  })
})

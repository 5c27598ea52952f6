import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { importSurveyResponses, previewSurveyFile } from '../../src/main/surveys/import'
import { tempDir, testContext } from '../helpers/db'
import { fixture } from '../import/helpers'
import { zipBomb } from '../safety/workbooks'

// A survey export goes through the same checks as a sales export before a parser sees it: a workbook's zip
// must be whole and not a bomb, a would-be CSV must be text. Each refusal is coded, names the file the user
// chose (not the upload's temporary name), and stores nothing.

const mapping = { respondedAt: 'Timestamp', overall: 'Overall', aspects: {} }

function write(dir: string, name: string, bytes: Buffer): string {
  const path = join(dir, name)
  writeFileSync(path, bytes)
  return path
}

describe('bad survey files', () => {
  it('refuses a zip bomb, a cut workbook and a picture named .csv, naming the file, storing nothing', async () => {
    const ctx = await testContext()
    const responses = () =>
      ctx.connection.sqlite.prepare('select count(*) from survey_responses').pluck().get() as number
    const dir = tempDir()
    const good = readFileSync(fixture('sales.xlsx'))
    const cases: [string, Buffer, string][] = [
      ['bomb.xlsx', zipBomb(), 'file_too_big'],
      ['cut.xlsx', good.subarray(0, good.length / 2), 'file_damaged'],
      ['photo.csv', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 1, 2]), 'file_not_table'],
    ]
    for (const [name, bytes, code] of cases) {
      const path = write(dir, `upload-${code}`, bytes)
      const refusal = { code, params: expect.objectContaining({ file: name }) }
      await expect(importSurveyResponses(ctx.db, { path, fileName: name, mapping })).rejects.toMatchObject(
        refusal,
      )
      await expect(previewSurveyFile(path, name)).rejects.toMatchObject(refusal)
    }
    expect(responses()).toBe(0)
  })
})

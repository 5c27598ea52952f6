import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { Worker } from 'node:worker_threads'
import { describe, expect, it } from 'vitest'
import type { SpawnParser } from '../../src/main/import/parse-thread'
import { previewHere } from '../../src/main/import/preview'
import type { RowIssue } from '../../src/main/import/types'
import { tempDir, testContext } from '../helpers/db'
import { projectRoot } from '../helpers/node'
import { importFile } from './helpers'

// A receipt number seen again with another day or another customer is a warning (receipt_conflict): the side
// that takes the sale lines remembers each number's first day and customer (receipt-check.ts), in a big
// import the import thread beside the writer. The warnings must name the row, the number and both days, on
// the next line as with the lines apart, come after their row's other warnings, be found whether the file
// is read in one thread or in a parser thread, and in the preview's rows; a customer named on only some of a
// receipt's lines is no conflict.

const HEADER = 'receipt_number,date,customer_name,phone,quantity,unit_price,net_amount,product_name\n'
const ROWS = [
  'R1,2025-01-02 10:00,Anong,0812345678,1,10,10,x', // 1
  'R1,2025-01-02 10:00,Boon,0812345679,1,10,10,y', // 2: another customer, next line
  'R2,2025-01-02 11:00,,,1,10,10,x', // 3: nobody named ...
  'R3,2025-01-02 11:30,Chai,0812345670,1,10,10,x', // 4
  'R2,2025-01-02 11:00,Anong,0812345678,1,10,10,y', // 5: ... then a customer, same day: no warning
  'R4,1999-12-31 23:00,Anong,0812345678,1,10,10,x', // 6
  'R5,2000-01-01 09:00,Boon,0812345679,1,10,10,x', // 7
  'R4,2000-01-01 00:30,Anong,0812345678,1,10,10,y', // 8: another day, lines apart
  'R3,2025-01-02 11:30,Boon,12,1,10,10,y', // 9: another customer (and a phone that is none), lines apart
]
const EXPECTED = [
  [2, 'receipt_number', 'R1', 'receipt R1 belongs to another customer on an earlier row'],
  [8, 'receipt_number', 'R4', 'receipt R4 was dated 1999-12-31 on an earlier row and 2000-01-01 here'],
  [9, 'receipt_number', 'R3', 'receipt R3 belongs to another customer on an earlier row'],
]

const spawnParser: SpawnParser = (data) =>
  new Worker(join(projectRoot, 'src/main/import/parser-worker.ts'), {
    workerData: data,
    execArgv: ['--import', 'tsx'],
  })

function file(rows: string[]): string {
  const path = join(tempDir(), 'reused.csv')
  writeFileSync(path, HEADER + rows.join('\n') + '\n')
  return path
}

const conflicts = (warnings: RowIssue[]) =>
  warnings.filter((w) => w.reason === 'receipt_conflict').map((w) => [w.row, w.column, w.value, w.message])

describe('receipt numbers used twice', () => {
  it.each([
    ['in one thread', {}],
    ['with a parser thread', { spawnParser, parserMinBytes: 0 }],
  ])(
    'warns for another day or another customer, naming both days, but not for a customer named once (%s)',
    async (_, hooks) => {
      const { connection } = await testContext()
      const s = await importFile(connection.sqlite, file(ROWS), { preset: 'lukkha_sales' }, hooks)
      expect(s.status).toBe('done')
      expect(conflicts(s.warnings)).toEqual(EXPECTED)
      // in row order, a row's conflict after its other warnings
      expect(s.warnings.map((w) => [w.row, w.reason])).toEqual([
        [2, 'receipt_conflict'],
        [8, 'receipt_conflict'],
        [9, 'bad_phone'],
        [9, 'receipt_conflict'],
      ])
      expect(s.warningCount).toBe(4)
    },
  )

  it('still lists the conflicts after a rejected row, when the import stores nothing', async () => {
    const { connection } = await testContext()
    const rows = [...ROWS.slice(0, 3), 'R6,2025-01-02 12:00,Dao,0812345671,many,10,10,x', ...ROWS.slice(3)]
    const s = await importFile(connection.sqlite, file(rows), { preset: 'lukkha_sales' })
    expect(s.status).toBe('failed')
    expect(s.errors.map((e) => [e.row, e.reason])).toEqual([[4, 'bad_quantity']])
    expect(conflicts(s.warnings).map(([row, , value]) => [row, value])).toEqual([
      [2, 'R1'],
      [9, 'R4'],
      [10, 'R3'],
    ])
    expect(connection.sqlite.prepare('select count(*) from receipts').pluck().get()).toBe(0)
  })

  it("shows a conflict among the preview's rows", async () => {
    const { connection } = await testContext()
    const preview = await previewHere(connection.sqlite, file(ROWS), { preset: 'lukkha_sales' })
    expect(preview.sample.flatMap((r) => conflicts(r.warnings))).toEqual(EXPECTED)
    expect(preview.sample[8]?.warnings.map((w) => w.reason)).toEqual(['bad_phone', 'receipt_conflict'])
  })
})

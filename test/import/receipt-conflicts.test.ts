import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempDir, testContext } from '../helpers/db'
import { importFile } from './helpers'

// A receipt number seen again with another day or another customer is a warning (receipt_conflict): the
// parser remembers each number's first day and customer (sale-rows.ts). The warnings must name the row, the
// number and both days, on the next line as with the lines apart, and a customer named on only some of a
// receipt's lines is no conflict.

const HEADER = 'receipt_number,date,customer_name,phone,quantity,unit_price,net_amount,product_name\n'

describe('receipt numbers used twice', () => {
  it('warns for another day or another customer, naming both days, but not for a customer named once', async () => {
    const { connection } = await testContext()
    const path = join(tempDir(), 'reused.csv')
    writeFileSync(
      path,
      HEADER +
        [
          'R1,2025-01-02 10:00,Anong,0812345678,1,10,10,x', // 1
          'R1,2025-01-02 10:00,Boon,0812345679,1,10,10,y', // 2: another customer, next line
          'R2,2025-01-02 11:00,,,1,10,10,x', // 3: nobody named ...
          'R3,2025-01-02 11:30,Chai,0812345670,1,10,10,x', // 4
          'R2,2025-01-02 11:00,Anong,0812345678,1,10,10,y', // 5: ... then a customer, same day: no warning
          'R4,1999-12-31 23:00,Anong,0812345678,1,10,10,x', // 6
          'R5,2000-01-01 09:00,Boon,0812345679,1,10,10,x', // 7
          'R4,2000-01-01 00:30,Anong,0812345678,1,10,10,y', // 8: another day, lines apart
          'R3,2025-01-02 11:30,Boon,0812345679,1,10,10,y', // 9: another customer, lines apart
        ].join('\n') +
        '\n',
    )
    const s = await importFile(connection.sqlite, path, { preset: 'lukkha_sales' })
    expect(s.status).toBe('done')
    const conflicts = s.warnings.filter((w) => w.reason === 'receipt_conflict')
    expect(conflicts.map((w) => [w.row, w.column, w.value, w.message])).toEqual([
      [2, 'receipt_number', 'R1', 'receipt R1 belongs to another customer on an earlier row'],
      [8, 'receipt_number', 'R4', 'receipt R4 was dated 1999-12-31 on an earlier row and 2000-01-01 here'],
      [9, 'receipt_number', 'R3', 'receipt R3 belongs to another customer on an earlier row'],
    ])
  })
})

import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { exportSales } from '../../src/main/import/export-sales'
import { importFile } from '../import/helpers'
import { testContext, tempDir } from '../helpers/db'

// Formula injection: the exports neutralise every text cell a spreadsheet would run; the import stores text
// exactly; export -> import gives back the same text.

const NASTY = [
  '=HYPERLINK("http://evil.example","click")',
  '+1+1',
  '-2+3',
  '@SUM(A1)',
  "=cmd|' /C calc'!A0",
  '\t=1+1',
]

describe('formula injection', () => {
  it('export sales and the rejected-rows file neutralise formulas; the round trip keeps the text exactly', async () => {
    const dir = tempDir()
    const source = join(dir, 'nasty.csv')
    const q = (c: string): string => `"${c.replace(/"/g, '""')}"`
    writeFileSync(
      source,
      `receipt_number,date,customer_name,phone,quantity,unit_price,net_amount,product_name\n${NASTY.map(
        (text, i) => `R${i},2025-01-0${i + 1},${q(text)},,1,10,10,${q(`P ${text}`)}`,
      ).join('\n')}\nBAD,not a date,${q('=BAD()')},,1,10,10,x\n`,
    )
    const first = await testContext(tempDir())
    const rejectedOut = join(dir, 'rejected.csv')
    const s = await importFile(first.connection.sqlite, source, {
      preset: 'lukkha_sales',
      validRowsOnly: true,
      rejectedOut,
    })
    expect(s.linesAdded).toBe(NASTY.length)
    // stored exactly, including the tab before '='
    const names = first.connection.sqlite.prepare('select name from customers order by name').pluck().all()
    expect(names.sort()).toEqual([...NASTY].sort())
    const rejected = readFileSync(rejectedOut, 'utf8')
    expect(rejected).toContain(`'=BAD()`)
    expect(rejected).not.toMatch(/(^|,)=BAD/m)

    const out = join(dir, 'export.csv')
    exportSales(first.connection.sqlite, out)
    const text = readFileSync(out, 'utf8')
    for (const line of text.split('\r\n').slice(1).filter(Boolean)) {
      // no field starts with a formula trigger unless quoted away by a leading '
      const fields = line.match(/("([^"]|"")*"|[^,]*)/g)?.filter((f) => f !== '') ?? []
      for (const f of fields) {
        const v = f.startsWith('"') ? f.slice(1, -1).replace(/""/g, '"') : f
        if (/^-?\d+(\.\d+)?$/.test(v)) continue // numbers (quantity, prices) stay numbers
        expect(v, line).not.toMatch(/^[=+\-@\t\r\n]/)
      }
    }
    const second = await testContext(tempDir())
    const again = await importFile(second.connection.sqlite, out)
    expect(again).toMatchObject({ status: 'done', preset: 'lukkha_sales', linesAdded: NASTY.length })
    const read = (sqlite: typeof first.connection.sqlite): unknown[] =>
      sqlite
        .prepare(
          'select c.name, p.name, l.net_satang from receipt_lines l join receipts r on r.id = l.receipt_id join customers c on c.id = r.customer_id join products p on p.id = l.product_id order by r.receipt_number',
        )
        .raw()
        .all()
    expect(read(second.connection.sqlite)).toEqual(read(first.connection.sqlite))
  })
})

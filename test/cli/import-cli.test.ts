import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../helpers/db'
import { runCli } from '../helpers/node'
import { fixture } from '../import/helpers'

describe('cli import', () => {
  it('prints the summary as JSON with the documented keys, and re-importing adds 0 lines', async () => {
    const db = join(tempDir(), 'shop.db')
    const first = await runCli(['import', fixture('loyverse-receipts-by-item.csv'), '--db', db, '--json'])
    expect(first.stderr).toBe('')
    expect(first.code).toBe(0)
    const summary = JSON.parse(first.stdout) as Record<string, unknown>
    expect(summary).toMatchObject({
      preset: 'loyverse_receipts',
      encoding: 'utf-8',
      rows_read: 11,
      receipts_added: 6,
      lines_added: 10,
      duplicates_skipped: 0,
      customers_created: 3,
      customers_matched: 0,
      errors: [],
    })
    const again = JSON.parse(
      (await runCli(['import', fixture('loyverse-receipts-by-item.csv'), '--db', db, '--json'])).stdout,
    ) as Record<string, unknown>
    expect(again).toMatchObject({ lines_added: 0, receipts_added: 0, duplicates_skipped: 10 })
    const stats = JSON.parse((await runCli(['stats', '--db', db, '--json'])).stdout) as Record<
      string,
      unknown
    >
    expect(stats).toMatchObject({ receipts: 6, lines: 10, customers: 3 })
  })

  it('exits non-zero for a rejected file, listing each bad row (1-based, header not counted), and --valid-rows-only stores the rest', async () => {
    const dir = tempDir()
    const db = join(dir, 'shop.db')
    const rejected = await runCli(['import', fixture('bad-rows.csv'), '--db', db, '--json'])
    expect(rejected.code).not.toBe(0)
    expect(rejected.stderr).toMatch(/4 row\(s\) rejected, nothing stored/)
    const body = JSON.parse(rejected.stdout) as { errors: unknown[]; lines_added: number }
    expect(body.lines_added).toBe(0)
    expect(body.errors).toEqual([
      { row: 3, column: 'date', value: '32/13/2025', message: expect.stringMatching(/not a date/) },
      { row: 4, column: 'unit_price', value: 'ten baht', message: expect.stringMatching(/not an amount/) },
      {
        row: 5,
        column: 'receipt_number',
        value: '',
        message: expect.stringMatching(/receipt number is empty/),
      },
      { row: 7, column: 'quantity', value: 'two', message: expect.stringMatching(/not a quantity/) },
    ])
    expect(JSON.parse((await runCli(['stats', '--db', db, '--json'])).stdout)).toMatchObject({ lines: 0 })
    const out = join(dir, 'rejected.csv')
    const valid = await runCli([
      'import',
      fixture('bad-rows.csv'),
      '--db',
      db,
      '--json',
      '--valid-rows-only',
      '--rejected-out',
      out,
    ])
    expect(valid.code).toBe(0)
    expect(JSON.parse(valid.stdout)).toMatchObject({
      lines_added: 4,
      receipts_added: 3,
      rows_rejected: 4,
      rejected_file: out,
    })
    expect(readFileSync(out, 'utf8').split('\r\n').filter(Boolean)).toHaveLength(5)
  })

  it('needs --date-order when the dates fit both orders, and says so', async () => {
    const db = join(tempDir(), 'shop.db')
    const asked = await runCli(['import', fixture('loyverse-ambiguous-dates.csv'), '--db', db, '--json'])
    expect(asked.code).not.toBe(0)
    expect(asked.stdout).toBe('')
    expect(asked.stderr).toMatch(
      /fits both day\/month\/year and month\/day\/year.*--date-order dmy or --date-order mdy/,
    )
    const told = await runCli([
      'import',
      fixture('loyverse-ambiguous-dates.csv'),
      '--db',
      db,
      '--json',
      '--date-order',
      'dmy',
    ])
    expect(told.code).toBe(0)
    expect(JSON.parse(told.stdout)).toMatchObject({ date_order: 'dmy', lines_added: 2 })
  })

  it('imports the generic layout with --mapping, and refuses it without one', async () => {
    const db = join(tempDir(), 'shop.db')
    const refused = await runCli(['import', fixture('mypos-export.csv'), '--db', db])
    expect(refused.code).not.toBe(0)
    expect(refused.stderr).toMatch(/--mapping FILE.json/)
    const mapped = await runCli([
      'import',
      fixture('mypos-export.csv'),
      '--db',
      db,
      '--json',
      '--mapping',
      fixture('mypos-mapping.json'),
    ])
    expect(mapped.stderr).toBe('')
    expect(JSON.parse(mapped.stdout)).toMatchObject({
      preset: 'generic',
      lines_added: 3,
      net_added_satang: 138450,
    })
  })

  it('export sales writes the native layout, and a round trip through it is lossless', async () => {
    const dir = tempDir()
    const a = join(dir, 'a.db')
    for (const f of [
      'loyverse-receipts-by-item.csv',
      'square-items-detail.csv',
      'lukkha-sales.csv',
      'thai-windows-874.csv',
    ]) {
      expect((await runCli(['import', fixture(f), '--db', a])).code).toBe(0)
    }
    const first = join(dir, 'first.csv')
    const exported = await runCli(['export', 'sales', '--out', first, '--db', a, '--json'])
    expect(exported.code).toBe(0)
    expect(JSON.parse(exported.stdout)).toMatchObject({ lines: 10 + 5 + 5 + 4, receipts: 6 + 4 + 4 + 3 })
    const text = readFileSync(first, 'utf8')
    expect(text.split('\r\n')[0]).toBe(
      'receipt_number,date,customer_code,customer_name,phone,email,sku,product_name,category,quantity,unit_price,net_amount,store,staff',
    )
    // the export imported into the same database adds nothing twice
    const same = JSON.parse((await runCli(['import', first, '--db', a, '--json'])).stdout) as Record<
      string,
      unknown
    >
    expect(same).toMatchObject({ preset: 'lukkha_sales', lines_added: 0, duplicates_skipped: 24 })
    // into a new database it gives the same data: exporting that again gives the same file
    const b = join(dir, 'b.db')
    const into = JSON.parse((await runCli(['import', first, '--db', b, '--json'])).stdout) as Record<
      string,
      unknown
    >
    expect(into).toMatchObject({ lines_added: 24, receipts_added: 17 })
    const second = join(dir, 'second.csv')
    expect((await runCli(['export', 'sales', '--out', second, '--db', b])).code).toBe(0)
    expect(readFileSync(second, 'utf8')).toBe(text)
    const statsA = JSON.parse((await runCli(['stats', '--db', a, '--json'])).stdout) as Record<
      string,
      unknown
    >
    const statsB = JSON.parse((await runCli(['stats', '--db', b, '--json'])).stdout) as Record<
      string,
      unknown
    >
    expect(statsB).toEqual(statsA)
  })

  it('lists the history and undoes an import', async () => {
    const db = join(tempDir(), 'shop.db')
    await runCli(['import', fixture('overlap-a.csv'), '--db', db])
    await runCli(['import', fixture('overlap-b.csv'), '--db', db])
    const undo = await runCli(['undo-import', '2', '--db', db, '--json'])
    expect(undo.code).toBe(0)
    expect(JSON.parse(undo.stdout)).toMatchObject({
      import_id: 2,
      receipts_removed: 2,
      lines_removed: 3,
      customers_removed: 1,
    })
    const history = JSON.parse((await runCli(['imports', '--db', db, '--json'])).stdout) as {
      id: number
      status: string
    }[]
    expect(history.map((h) => [h.id, h.status])).toEqual([
      [2, 'undone'],
      [1, 'done'],
    ])
    expect(JSON.parse((await runCli(['stats', '--db', db, '--json'])).stdout)).toMatchObject({
      receipts: 4,
      lines: 6,
    })
  })
})

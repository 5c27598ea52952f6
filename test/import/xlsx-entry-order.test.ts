import { readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import { readXlsx } from '../../src/main/import/read/xlsx'
import { checkWorkbookZip } from '../../src/main/import/read/zip-check'
import { tempDir } from '../helpers/db'
import { fixture } from './helpers'

// A zip's entries may come in any order. exceljs's streaming reader parsed a sheet before it had read
// xl/workbook.xml when that came last, and failed with "Cannot read properties of undefined (reading
// 'sheets')" (seen on sales.xlsx under load). The same file with its entries reordered must read the same.

/** sales.xlsx rewritten with `first` as the zip's first entries and `last` as its final ones. */
async function reordered(dir: string, first: string[], last: string[]): Promise<string> {
  const source = await JSZip.loadAsync(readFileSync(fixture('sales.xlsx')))
  const names = Object.keys(source.files).filter((n) => !source.files[n]?.dir)
  const out = new JSZip()
  const rest = names.filter((n) => !first.includes(n) && !last.includes(n))
  for (const name of [...first, ...rest, ...last]) {
    const entry = source.file(name)
    if (!entry) throw new Error(`sales.xlsx has no ${name}`)
    out.file(name, await entry.async('uint8array'))
  }
  const file = join(dir, `reordered-${first.length}-${last.length}.xlsx`)
  writeFileSync(file, await out.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }))
  const order = Object.keys((await JSZip.loadAsync(readFileSync(file))).files)
  expect(order.slice(-last.length)).toEqual(last)
  return file
}

async function readAll(path: string) {
  const rows: string[][] = []
  let header: string[] = []
  const result = await readXlsx(path, {}, { header: (h) => (header = h), batch: (b) => rows.push(...b.rows) })
  return { header, rows, sheet: result.sheet, sheets: result.sheets }
}

describe('XLSX entry order', () => {
  it('reads a workbook whose workbook.xml comes after its sheets, shared strings and relations', async () => {
    const dir = tempDir()
    const expected = await readAll(fixture('sales.xlsx'))
    expect(expected.rows.length).toBeGreaterThan(0)
    // shared strings and relations before the sheets made exceljs parse each sheet at once, before it had
    // the sheet names from workbook.xml: the case that failed
    const early = ['xl/_rels/workbook.xml.rels', 'xl/sharedStrings.xml']
    expect(await readAll(await reordered(dir, early, ['xl/workbook.xml']))).toEqual(expected)
    expect(
      await readAll(await reordered(dir, [], ['xl/_rels/workbook.xml.rels', 'xl/workbook.xml'])),
    ).toEqual(expected)
  })

  it('reads a workbook again when a pass ends without xl/workbook.xml, and gives up after its passes', async () => {
    // A pass that ends without workbook.xml is read again (exceljs's one streaming pass sometimes stops early
    // on a busy machine); a file that really has none (the import's zip check refuses it before any read) is
    // not read as "Sheet1" with its rows half-typed: the reader says what it did not get.
    const dir = tempDir()
    const source = await JSZip.loadAsync(readFileSync(fixture('sales.xlsx')))
    source.remove('xl/workbook.xml')
    const file = join(dir, 'no-workbook.xml.xlsx')
    writeFileSync(file, await source.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }))
    const headers: string[][] = []
    await expect(
      readXlsx(file, {}, { header: (h) => headers.push(h), batch: () => undefined }),
    ).rejects.toThrow(/xl\/workbook\.xml\) was not read in 3 passes/)
    expect(headers).toEqual([]) // no pass handed on a header or a row
    await expect(checkWorkbookZip(file, statSync(file).size, 'no-workbook.xlsx')).rejects.toMatchObject({
      code: 'file_not_table',
      params: { file: 'no-workbook.xlsx' },
    })
  })
})

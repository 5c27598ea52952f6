import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { scanFile } from '../../src/main/import/encoding'
import { detectDelimiter, readHead, readTable, sniffFormat } from '../../src/main/import/read'
import { tempDir } from '../helpers/db'
import { projectRoot } from '../helpers/node'

const fixture = (name: string): string => join(projectRoot, 'test/fixtures/import', name)

describe('encoding detection', () => {
  it('reads a byte-order mark', async () => {
    expect(await scanFile(fixture('loyverse-receipts-by-item.csv'))).toMatchObject({
      encoding: 'utf-8',
      reason: 'bom',
    })
    expect(await scanFile(fixture('utf16le-bom.csv'))).toMatchObject({ encoding: 'utf-16le', reason: 'bom' })
    const dir = tempDir()
    const be = join(dir, 'be.csv')
    writeFileSync(
      be,
      Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('a,b\r\n1,2\r\n', 'utf16le').swap16()]),
    )
    expect(await scanFile(be)).toMatchObject({ encoding: 'utf-16be', reason: 'bom' })
  })

  it('takes strict UTF-8 when every byte of the file is valid, and Windows-874 otherwise', async () => {
    expect(await scanFile(fixture('lukkha-sales.csv'))).toMatchObject({ encoding: 'utf-8', reason: 'utf8' })
    expect(await scanFile(fixture('thai-windows-874.csv'))).toMatchObject({
      encoding: 'windows-874',
      reason: 'legacy_guess', // not UTF-8: a guess the preview and the CLI say is a guess
    })
  })

  it('checks the whole file, not just its start, across chunk boundaries', async () => {
    const dir = tempDir()
    const ascii = 'a,b\n'.repeat(600_000) // past several 1 MB chunks
    const utf8 = join(dir, 'late-thai.csv')
    // a Thai character straddling the first chunk boundary must not be mistaken for bad UTF-8
    writeFileSync(
      utf8,
      Buffer.concat([Buffer.from('x'.repeat((1 << 20) - 1)), Buffer.from('ก\n'), Buffer.from(ascii)]),
    )
    expect(await scanFile(utf8)).toMatchObject({ encoding: 'utf-8' })
    const tis = join(dir, 'late-tis.csv')
    // real Thai words, not isolated letters (which read like accented Latin-1 letters)
    writeFileSync(tis, Buffer.concat([Buffer.from(ascii), iconv.encode('สมชาย,ใจดี\n', 'windows-874')]))
    expect(await scanFile(tis)).toMatchObject({ encoding: 'windows-874' })
  })

  it('hashes the file', async () => {
    const a = await scanFile(fixture('overlap-a.csv'))
    const b = await scanFile(fixture('overlap-b.csv'))
    expect(a.sha256).toMatch(/^[0-9a-f]{64}$/)
    expect(a.sha256).not.toBe(b.sha256)
  })
})

describe('csv reader', () => {
  it('proposes the delimiter', () => {
    expect(detectDelimiter('a,b,c\n1,2,3\n')).toBe(',')
    expect(detectDelimiter('a;b;c\n1,5;2;3\n')).toBe(';')
    expect(detectDelimiter('a\tb\tc\n1\t2\t3\n')).toBe('\t')
    expect(detectDelimiter('a|b\n1|2\n')).toBe('|')
  })

  it('handles quotes, embedded newlines and CRLF, numbering data rows from 1 without the header', async () => {
    const { header, rows, rowNumbers } = await readHead(fixture('loyverse-receipts-by-item.csv'), 'csv', {
      encoding: 'utf-8',
      delimiter: ',',
    })
    expect(header[0]).toBe('Date') // BOM dropped
    expect(header).toHaveLength(23)
    expect(rows).toHaveLength(11)
    expect(rowNumbers).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11])
    expect(rows[3]?.[21]).toBe('Less sugar\nNo ice')
    expect(rows[8]?.[5]).toBe('Cake, chocolate')
    expect(rows.every((r) => r.length === 23 && !r[22]?.endsWith('\r'))).toBe(true)
  })

  it('skips empty lines but keeps counting them, and reports a row with an unclosed quote', async () => {
    const file = join(tempDir(), 'gaps.csv')
    writeFileSync(file, 'a,b\n1,2\n\n3,4\n5,"6\n')
    const batches: { rows: string[][]; numbers: number[]; bad: number[] }[] = []
    await readTable(
      file,
      'csv',
      { encoding: 'utf-8', delimiter: ',' },
      {
        header: () => undefined,
        batch: (b) =>
          batches.push({ rows: b.rows, numbers: b.rowNumbers, bad: b.malformed.map((m) => m.row) }),
      },
    )
    expect(batches.flatMap((b) => b.numbers)).toEqual([1, 3])
    expect(batches.flatMap((b) => b.rows)).toEqual([
      ['1', '2'],
      ['3', '4'],
    ])
    expect(batches.flatMap((b) => b.bad)).toEqual([4])
  })

  it('decodes UTF-16 and Windows-874', async () => {
    const utf16 = await readHead(fixture('utf16le-bom.csv'), 'csv', { encoding: 'utf-16le', delimiter: '\t' })
    expect(utf16.header[0]).toBe('receipt_number')
    expect(utf16.rows[0]?.[3]).toBe('นิดา')
    const tis = await readHead(fixture('thai-windows-874.csv'), 'csv', {
      encoding: 'windows-874',
      delimiter: ',',
    })
    expect(tis.rows[0]?.[3]).toBe('สมหญิง แสนดี')
    expect(tis.rows[2]?.[1]).toBe('1/1/2568 08:30')
  })

  it('stops at the preview limit', async () => {
    const file = join(tempDir(), 'big.csv')
    writeFileSync(file, `n\n${Array.from({ length: 100_000 }, (_, i) => String(i)).join('\n')}\n`)
    const head = await readHead(file, 'csv', { encoding: 'utf-8', delimiter: ',', limit: 10 })
    expect(head.rows).toHaveLength(10)
    expect(head.rows[9]).toEqual(['9'])
  })
})

describe('xlsx reader', () => {
  it('recognises an XLSX by its content and reads the first sheet, dates and numbers as text', async () => {
    expect(await sniffFormat(fixture('sales.xlsx'))).toBe('xlsx')
    expect(await sniffFormat(fixture('lukkha-sales.csv'))).toBe('csv')
    const { header, rows, result } = await readHead(fixture('sales.xlsx'), 'xlsx', {})
    expect(result.sheet).toBe('Sales')
    expect(result.sheets).toEqual(['Sales', 'Customers'])
    expect(header[0]).toBe('receipt_number')
    expect(rows[0]?.slice(0, 5)).toEqual(['X-1', '2025-03-01T10:15:00', 'C-10', 'วิไล', '812223344'])
    expect(rows[2]?.[1]).toBe('2025-03-02')
    expect(rows[0]?.[11]).toBe('70')
  })

  it('reads a chosen sheet', async () => {
    const { header, rows, result } = await readHead(fixture('sales.xlsx'), 'xlsx', { sheet: 'Customers' })
    expect(result.sheet).toBe('Customers')
    expect(header[0]).toBe('Customer name')
    expect(rows).toEqual([
      ['มานี มีนา', 'manee@example.com', '0861234567', 'C900', '01/02/2025', '28/02/2025', '3'],
    ])
  })
})

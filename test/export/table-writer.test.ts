import { mkdtemp, readFile, readdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import {
  exportFileName,
  exportTable,
  neutralizeCell,
  renderTable,
  tableToCsv,
  withHeaders,
  writeTableFile,
  type TableColumn,
} from '../../src/main/export'

interface Person {
  name: string
  phone: string | null
  spentSatang: number
  visits: number
}

const columns: TableColumn<Person>[] = [
  { id: 'name', header: 'Name', value: (p) => p.name },
  { id: 'phone', header: 'Phone', value: (p) => p.phone },
  { id: 'spent', header: 'Spent', kind: 'money', value: (p) => p.spentSatang },
  { id: 'visits', header: 'Visits', kind: 'integer', value: (p) => p.visits },
]

const dangerous = ['=1+1', '+66812345678', '-2+3+cmd|" /C calc"!A0', '@SUM(A1:A2)', '\t=1', '\r=1', '\n=1']

const people: Person[] = [
  { name: 'สมชาย ใจดี', phone: '081-234-5678', spentSatang: 123_405, visits: 3 },
  { name: 'Comma, "quoted"\nand a new line', phone: null, spentSatang: -1_250, visits: 1 },
  ...dangerous.map((name, i) => ({ name, phone: name, spentSatang: i * 100, visits: i })),
]

function sheetCells(text: string): string[][] {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: true })
  expect(parsed.errors).toEqual([])
  return parsed.data
}

describe('neutralizeCell', () => {
  it('prefixes a quote to text a spreadsheet would run, and leaves the rest alone', () => {
    for (const text of dangerous) expect(neutralizeCell(text)).toBe(`'${text}`)
    for (const text of ['สมชาย', 'a=b', '0812345678', '', ' =1', "'already"])
      expect(neutralizeCell(text)).toBe(text)
  })
})

describe('tableToCsv', () => {
  it('writes UTF-8 with a BOM, CRLF lines, translated headers, and formula-like cells that read back as text', () => {
    const thai = withHeaders(columns, { name: 'ชื่อ', phone: 'โทรศัพท์', spent: '=ยอดซื้อ' })
    const csv = tableToCsv(thai, people)
    expect(csv.startsWith('\uFEFF')).toBe(true)
    expect(csv.split('\r\n')[0]).toBe("\uFEFFชื่อ,โทรศัพท์,'=ยอดซื้อ,Visits")

    const rows = sheetCells(csv)
    expect(rows).toHaveLength(people.length + 1)
    expect(rows[1]).toEqual(['สมชาย ใจดี', '081-234-5678', '1234.05', '3'])
    expect(rows[2]).toEqual(['Comma, "quoted"\nand a new line', '', '-12.50', '1'])
    dangerous.forEach((text, i) => {
      const row = rows[i + 3]
      expect(row?.[0]).toBe(`'${text}`)
      expect(row?.[1]).toBe(`'${text}`)
      // nothing that reads back starts a formula
      for (const cell of row ?? []) expect(/^[=+@\t\r\n]/.test(cell)).toBe(false)
    })
  })
})

describe('tableToXlsx', () => {
  it('writes text cells as neutralised strings and numbers as numbers', async () => {
    const bytes = await renderTable('xlsx', columns, people, { sheetName: 'Loyal: [May]' })
    const workbook = new ExcelJS.Workbook()
    // exceljs declares its own Buffer as an ArrayBuffer
    await workbook.xlsx.load(bytes.slice().buffer)
    const sheet = workbook.worksheets[0]
    if (!sheet) throw new Error('no worksheet')
    expect(sheet.name).toBe('Loyal   May')
    expect(sheet.getRow(1).values).toEqual([undefined, 'Name', 'Phone', 'Spent', 'Visits'])
    expect(sheet.getCell('A2').value).toBe('สมชาย ใจดี')
    expect(sheet.getCell('C2').value).toBe(1234.05)
    expect(sheet.getCell('C2').type).toBe(ExcelJS.ValueType.Number)
    expect(sheet.getCell('C3').value).toBe(-12.5)
    expect(sheet.getCell('B3').value).toBeNull()
    dangerous.forEach((text, i) => {
      for (const column of ['A', 'B']) {
        const cell = sheet.getCell(`${column}${i + 4}`)
        expect(cell.type).toBe(ExcelJS.ValueType.String)
        // XML turns a lone CR into LF when read back; the leading quote is what matters
        expect(cell.text.replaceAll('\r', '\n')).toBe(`'${text}`.replaceAll('\r', '\n'))
        expect(cell.formula).toBeUndefined()
      }
    })
  })
})

describe('writeTableFile', () => {
  it('writes the whole file through a temporary file and leaves nothing else behind', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lukkha-export-'))
    const path = join(dir, exportFileName('ลูกค้า: ภักดี/May?', 'csv'))
    expect(path.endsWith('ลูกค้า- ภักดี-May-.csv')).toBe(true)
    await writeTableFile(path, 'csv', columns, people)
    await writeTableFile(path, 'csv', columns, people.slice(0, 1))
    expect(await readdir(dir)).toEqual(['ลูกค้า- ภักดี-May-.csv'])
    expect(sheetCells(await readFile(path, 'utf8'))).toHaveLength(2)
    await expect(writeTableFile(join(dir, 'missing', 'x.csv'), 'csv', columns, people)).rejects.toThrow()
    expect(await readdir(dir)).toEqual(['ลูกค้า- ภักดี-May-.csv'])
  })
})

describe('exportTable', () => {
  it('returns the file as base64 bytes with the labels and title the caller passed', async () => {
    const file = await exportTable(
      columns,
      people,
      { format: 'csv', headers: { name: 'ชื่อ' }, title: 'ลูกค้าภักดี' },
      'customers',
    )
    expect(file).toMatchObject({
      fileName: 'ลูกค้าภักดี.csv',
      mimeType: 'text/csv;charset=utf-8',
      rows: people.length,
    })
    const text = Buffer.from(file.base64, 'base64').toString('utf8')
    expect(sheetCells(text)[0]).toEqual(['ชื่อ', 'Phone', 'Spent', 'Visits'])
    const xlsx = await exportTable(columns, [], { format: 'xlsx' }, 'customers')
    expect(xlsx.fileName).toBe('customers.xlsx')
    expect(Buffer.from(xlsx.base64, 'base64').subarray(0, 2).toString()).toBe('PK')
  })
})

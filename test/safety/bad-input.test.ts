import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { readFileSync } from 'node:fs'
import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { scanFile } from '../../src/main/import/encoding'
import { testContext, tempDir } from '../helpers/db'
import { fixture, snapshot, importFile } from '../import/helpers'
import { lyingZipBomb, zipBomb } from './workbooks'

// Bad input is refused or warned about, never stored wrong (issue 16): encodings, money bounds, binary
// files, damaged workbooks and zip bombs, each refused with a coded error and nothing stored.

const HEADER = 'receipt_number,date,customer_name,phone,quantity,unit_price,net_amount,product_name\n'
const thaiRows = [
  'R1,2025-01-02,ลูกค้าหนึ่ง,0812345678,1,100,100,ข้าวมันไก่',
  'R2,2025-01-02,สมชาย ใจดี,0812345679,2,50,100,ชาเย็น',
  'R3,2025-01-03,สมหญิง รักดี,0812345670,1,80,80,กาแฟ',
  'R4,2025-01-03,ลูกค้าสี่,0812345671,1,20,20,น้ำเปล่า',
]

function write(dir: string, name: string, content: string | Buffer): string {
  const path = join(dir, name)
  writeFileSync(path, content)
  return path
}

describe('encoding on evidence', () => {
  it('keeps a Thai UTF-8 file with one bad byte as UTF-8 and rejects only that row', async () => {
    const { connection } = await testContext()
    const dir = tempDir()
    const bytes = Buffer.from(HEADER + thaiRows.join('\n') + '\n', 'utf8')
    // damage the first byte of "สมชาย" (row 2): one invalid byte in the whole file
    const at = bytes.indexOf(Buffer.from('สมชาย', 'utf8'))
    bytes[at] = 0xff
    const path = write(dir, 'one-bad-byte.csv', bytes)
    const scan = await scanFile(path)
    expect(scan).toMatchObject({ encoding: 'utf-8', reason: 'utf8_with_errors' })
    expect(scan.badSequences).toBeGreaterThan(0)
    expect(scan.badSequences).toBeLessThanOrEqual(3) // the bad lead byte and the orphaned bytes after it
    const rejected = await importFile(connection.sqlite, path, { preset: 'lukkha_sales' })
    expect(rejected.status).toBe('failed')
    expect(rejected.encodingGuessed).toBe(true)
    expect(rejected.errors).toEqual([expect.objectContaining({ row: 2, reason: 'bad_encoding' })])
    const kept = await importFile(connection.sqlite, path, { preset: 'lukkha_sales', validRowsOnly: true })
    expect(kept).toMatchObject({ status: 'done', linesAdded: 3 })
    const names = connection.sqlite.prepare('select name from customers order by name').pluck().all()
    expect(names).toEqual(['ลูกค้าสี่', 'ลูกค้าหนึ่ง', 'สมหญิง รักดี'].sort())
    expect(names.join('')).not.toMatch(/เธ|\uFFFD/)
  })

  it('reads Latin-1 and Shift-JIS as themselves, not as Windows-874, and says it guessed', async () => {
    const dir = tempDir()
    const latin = write(
      dir,
      'latin1.csv',
      iconv.encode(
        `${HEADER}R1,2025-01-02,José Müller,0812345678,1,10,10,Crème brûlée\nR2,2025-01-02,François,0812345679,1,5,5,Café\n`,
        'latin1',
      ),
    )
    expect(await scanFile(latin)).toMatchObject({ encoding: 'windows-1252', reason: 'legacy_guess' })
    const sjis = write(
      dir,
      'sjis.csv',
      iconv.encode(
        `${HEADER}R1,2025-01-02,山田太郎,0812345678,1,10,10,お茶\nR2,2025-01-02,佐藤花子,0812345679,1,5,5,ラーメン\n`,
        'shift_jis',
      ),
    )
    expect(await scanFile(sjis)).toMatchObject({ encoding: 'shift_jis', reason: 'legacy_guess' })
    const { connection } = await testContext()
    const s = await importFile(connection.sqlite, latin, { preset: 'lukkha_sales' })
    expect(s).toMatchObject({ status: 'done', encoding: 'windows-1252', encodingGuessed: true })
    expect(connection.sqlite.prepare('select name from customers order by name').pluck().all()).toEqual([
      'François',
      'José Müller',
    ])
    // the Thai legacy file still reads as Windows-874, flagged as a guess
    expect(await scanFile(fixture('thai-windows-874.csv'))).toMatchObject({ encoding: 'windows-874' })
  })
})

describe('money bounds', () => {
  it('rejects an amount beyond the bound and one with three decimals, storing nothing', async () => {
    const { connection } = await testContext()
    const dir = tempDir()
    const path = write(
      dir,
      'money.csv',
      `${HEADER}R1,2025-01-02,A,0812345678,1,99999999999999999999,99999999999999999999,x\nR2,2025-01-02,B,0812345679,1,50.001,50.001,y\nR3,2025-01-02,C,0812345670,1,"1,234.50","1,234.50",z\n`,
    )
    const before = snapshot(connection.sqlite)
    const s = await importFile(connection.sqlite, path, { preset: 'lukkha_sales' })
    expect(s.status).toBe('failed')
    expect(s.errors.map((e) => [e.row, e.reason])).toEqual([
      [1, 'amount_too_large'],
      [1, 'amount_too_large'],
      [2, 'too_many_decimals'],
      [2, 'too_many_decimals'],
    ])
    expect(snapshot(connection.sqlite)).toEqual(before)
    const kept = await importFile(connection.sqlite, path, { preset: 'lukkha_sales', validRowsOnly: true })
    expect(kept.linesAdded).toBe(1)
    const nets = connection.sqlite.prepare('select net_satang from receipt_lines').pluck().all()
    expect(nets).toEqual([123450])
    expect(nets.every((n) => Number.isSafeInteger(n))).toBe(true)
  })

  it('warns when net is not quantity x unit price, when a receipt number is reused, and on a short last row', async () => {
    const { connection } = await testContext()
    const dir = tempDir()
    const path = write(
      dir,
      'checks.csv',
      `${HEADER}R1,2025-01-02,A,0812345678,2,100,150,x\nR2,2025-01-02,B,0812345679,1,10,10,y\nR2,2025-01-05,B,0812345679,1,10,10,z\nR3,2025-01-06,C,0812345670,1,10,10`,
    )
    const s = await importFile(connection.sqlite, path, { preset: 'lukkha_sales' })
    expect(s.warnings.map((w) => [w.row, w.reason])).toEqual(
      expect.arrayContaining([
        [1, 'net_mismatch'],
        [3, 'receipt_conflict'],
        [4, 'short_row'],
      ]),
    )
  })
})

describe('files that are not tables', () => {
  it('refuses binary bytes with file_not_table, storing nothing', async () => {
    const { connection } = await testContext()
    const dir = tempDir()
    let seed = 7
    const random = Buffer.alloc(8000)
    for (let i = 0; i < random.length; i++) random[i] = (seed = (seed * 1103515245 + 12345) % 2 ** 31) & 0xff
    const before = snapshot(connection.sqlite)
    await expect(importFile(connection.sqlite, write(dir, 'garbage.csv', random))).rejects.toMatchObject({
      code: 'file_not_table',
      params: { file: 'garbage.csv' },
    })
    await expect(
      importFile(connection.sqlite, write(dir, 'photo.csv', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2]))),
    ).rejects.toMatchObject({ code: 'file_not_table' })
    expect(snapshot(connection.sqlite)).toEqual(before)
  })

  it('refuses a bit-flipped or cut workbook with file_damaged', async () => {
    const { connection } = await testContext()
    const dir = tempDir()
    const before = snapshot(connection.sqlite)
    const good = readFileSync(fixture('sales.xlsx'))
    for (const offset of [200, 1500, 3000, 5000]) {
      const bad = Buffer.from(good)
      bad[offset] = (bad[offset] ?? 0) ^ 0x10
      await expect(
        importFile(connection.sqlite, write(dir, `flip-${offset}.xlsx`, bad)),
      ).rejects.toMatchObject({
        code: 'file_damaged',
      })
    }
    await expect(
      importFile(connection.sqlite, write(dir, 'cut.xlsx', good.subarray(0, good.length / 2))),
    ).rejects.toMatchObject({ code: 'file_damaged' })
    expect(snapshot(connection.sqlite)).toEqual(before)
  })

  it('stops a zip bomb fast, before the parser sees it', async () => {
    const { connection } = await testContext()
    const dir = tempDir()
    const before = snapshot(connection.sqlite)
    // a workbook-shaped zip whose sheet inflates to 100 MB of zeros from about 100 KB
    const bomb = write(dir, 'bomb.xlsx', zipBomb())
    await expect(importFile(connection.sqlite, bomb)).rejects.toMatchObject({ code: 'file_too_big' })
    // the same bomb with sizes that lie (declared small): stopped while inflating, at the ratio limit
    await expect(
      importFile(connection.sqlite, write(dir, 'liar.xlsx', lyingZipBomb())),
    ).rejects.toMatchObject({
      code: expect.stringMatching(/^file_(too_big|damaged)$/),
    })
    expect(snapshot(connection.sqlite)).toEqual(before)
  })
})

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createCustomer } from '../../src/main/customers/edit'
import { migrateToLatest, openDatabase } from '../../src/main/db'
import { tempDir } from '../helpers/db'
import { runCli } from '../helpers/node'

async function shop(): Promise<string> {
  const dir = tempDir()
  const file = join(dir, 'shop.db')
  const connection = openDatabase(file)
  await migrateToLatest(connection.db)
  const now = '2026-11-30T10:00:00'
  await createCustomer(
    connection.db,
    { code: 'M001', name: 'สมชาย ใจดี', phone: '0812345678', email: 'somchai@example.com' },
    now,
  )
  await createCustomer(connection.db, { code: 'M002', name: 'สมชาย ใจดีมาก', phone: '0899999999' }, now)
  await createCustomer(connection.db, { code: 'M003', name: 'Jane Doe' }, now)
  await connection.close()
  return file
}

describe('cli customers', () => {
  it('search --json prints code, name, phone and email, best match first; show, export-subject, merge, erase', async () => {
    const file = await shop()
    const search = await runCli(['customers', 'search', 'ใจดี', '--db', file, '--json'])
    expect(search.stderr).toBe('')
    const hits = JSON.parse(search.stdout) as { code: string }[]
    expect(hits.map((h) => h.code)).toEqual(['M001', 'M002'])
    expect(hits[0]).toEqual({
      code: 'M001',
      name: 'สมชาย ใจดี',
      phone: '+66812345678',
      email: 'somchai@example.com',
    })
    const byPhone = JSON.parse(
      (await runCli(['customers', 'search', '+66 81 234 5678', '--db', file, '--json'])).stdout,
    ) as { code: string }[]
    expect(byPhone.map((h) => h.code)).toEqual(['M001'])

    const show = await runCli(['customers', 'show', 'M001', '--db', file, '--json'])
    expect((JSON.parse(show.stdout) as { customer: { name: string } }).customer.name).toBe('สมชาย ใจดี')

    const out = join(tempDir(), 'subject.json')
    expect((await runCli(['customers', 'export-subject', 'M001', '--out', out, '--db', file])).code).toBe(0)
    expect(readFileSync(out, 'utf8')).toContain('somchai@example.com')

    const merge = await runCli(['customers', 'merge', 'M001', 'M002', '--db', file, '--json'])
    expect(merge.stderr).toBe('')
    expect(JSON.parse(merge.stdout)).toEqual({ merge_id: 1 })
    const erase = await runCli(['customers', 'erase', 'M003', '--db', file, '--json'])
    expect(JSON.parse(erase.stdout)).toEqual({ erasure_id: 1, masked_name: 'J*** D***' })
    const gone = await runCli(['customers', 'show', 'M003', '--db', file, '--json'])
    expect(gone.code).not.toBe(0)
    expect(gone.stderr).toMatch(/No customer has code M003/)
  }, 180_000) // seven CLI runs of a few seconds each on a busy machine
})

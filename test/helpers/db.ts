import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach } from 'vitest'
import { createApiContext } from '../../src/main/app-context'
import type { ApiContext } from '../../src/main/api/context'
import type { Sqlite } from '../../src/main/db'

/** A fresh temporary folder, removed after the test. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'lukkha-test-'))
  afterEach(() => rmSync(dir, { recursive: true, force: true }))
  return dir
}

/** A migrated database in a temporary file, wrapped as the API context; closed after the test. */
export async function testContext(dir = tempDir()): Promise<ApiContext> {
  const ctx = await createApiContext({
    dbFile: join(dir, 'shop.db'),
    appVersion: '0.0.0-test',
    systemLocale: 'th-TH',
    now: () => new Date(),
  })
  afterEach(() => ctx.close())
  return ctx
}

/**
 * Noise over one whole page in the middle of a closed SQLite file (a bad sector under the database): the page
 * size is read from the file's header (bytes 16-17, big-endian; 1 means 65,536), so the damage covers a page
 * whatever size the file was made with.
 */
export function damageMiddlePage(file: string): void {
  const bytes = readFileSync(file)
  const header = bytes.readUInt16BE(16)
  const size = header === 1 ? 65536 : header
  const page = Math.floor(bytes.length / 2 / size) * size
  for (let i = 0; i < size; i++) bytes[page + i] = (i * 7919) & 0xff
  writeFileSync(file, bytes)
}

/**
 * Rows that refer to no one: SQLite's foreign-key check, and the analysis scores of a customer that does not
 * exist (analysis_scores has no foreign key to customers: migration 2026_12_01_600000).
 */
export function danglingRows(sqlite: Sqlite): unknown[] {
  return [
    ...(sqlite.pragma('foreign_key_check') as unknown[]),
    ...sqlite
      .prepare(
        'select rowid from analysis_scores s where not exists (select 1 from customers c where c.id = s.customer_id)',
      )
      .all(),
  ]
}

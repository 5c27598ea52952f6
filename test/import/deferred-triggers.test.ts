import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import { generateExport } from '../../bench/generate-export'
import type { Sqlite } from '../../src/main/db'
import { normalizePhone } from '../../src/main/customers/contacts'
import { deferCustomerTriggers } from '../../src/main/import/deferred-triggers'
import { runImport } from '../../src/main/import/run'
import { tempDir, testContext } from '../helpers/db'
import { fixedNow } from './helpers'

// A big import drops the customers' search-index and totals triggers and writes what they would have at the
// end. The search index must then hold exactly what the per-row triggers write (compared term by term through
// fts5vocab), every customer must have its totals row, and the triggers must be back as migrated.

const triggers = (sqlite: Sqlite): unknown[] =>
  sqlite.prepare("select name, tbl_name, sql from sqlite_master where type = 'trigger' order by name").all()

/** Every (term, customer, column, offset) of the search index: its whole content. */
function ftsContent(sqlite: Sqlite): unknown[] {
  sqlite.exec(
    "create virtual table if not exists temp.fts_terms using fts5vocab(main, 'customers_fts', 'instance')",
  )
  return sqlite
    .prepare('select term, doc, col, offset from temp.fts_terms order by doc, col, offset, term')
    .raw()
    .all()
}

const rows = (sqlite: Sqlite, query: string): unknown[] => sqlite.prepare(query).raw().all()

const search = (sqlite: Sqlite, text: string): number[] =>
  sqlite
    .prepare('select rowid from customers_fts where customers_fts match ? order by rowid')
    .pluck()
    .all(`"${text}"`) as number[]

/** Customers stored before the import, known by a phone only: the import names them (the update trigger). */
function seedExisting(sqlite: Sqlite, file: string): number {
  const data = Papa.parse<string[]>(readFileSync(file, 'utf8'), { skipEmptyLines: true }).data
  const phones = new Set<string>()
  for (const row of data.slice(1)) {
    const phone = normalizePhone(row[20] ?? '')
    if (phone !== null) phones.add(phone)
    if (phones.size === 40) break
  }
  const insert = sqlite.prepare(
    "insert into customers (name, phone, created_at, updated_at) values ('', ?, '2026-01-01T00:00:00', '2026-01-01T00:00:00')",
  )
  for (const phone of phones) insert.run(phone)
  // and one whose phone the file never has: untouched
  insert.run('+66900000001')
  return phones.size
}

describe("customers' triggers deferred during a big import", () => {
  it('leave the same search index and totals rows as the per-row triggers', async () => {
    const dir = tempDir()
    const file = join(dir, 'big.csv')
    // about 6.6 MB: past the size at which the import defers them
    generateExport({ layout: 'loyverse_receipts', lines: 40_000, seed: 7, out: file })
    const deferred = await testContext()
    const perRow = await testContext()
    const migrated = triggers(deferred.connection.sqlite)
    expect(seedExisting(deferred.connection.sqlite, file)).toBe(40)
    seedExisting(perRow.connection.sqlite, file)

    const a = await runImport(deferred.connection.sqlite, file, {}, { now: fixedNow })
    const b = await runImport(
      perRow.connection.sqlite,
      file,
      {},
      { now: fixedNow, customerTriggersMinBytes: Number.POSITIVE_INFINITY },
    )
    expect(a.status).toBe('done')
    expect(a.parts?.fill).toBeGreaterThan(0) // the deferred path ran
    expect(b.parts?.fill).toBeUndefined()
    expect(a.customersCreated).toBeGreaterThan(500)
    expect(a.customersMatched).toBe(40)
    const x = deferred.connection.sqlite
    const y = perRow.connection.sqlite
    expect(triggers(x)).toEqual(migrated)
    expect(ftsContent(x).length).toBeGreaterThan(10_000)
    expect(ftsContent(x)).toEqual(ftsContent(y))
    expect(rows(x, 'select * from customers order by id')).toEqual(
      rows(y, 'select * from customers order by id'),
    )
    const totals = 'select * from customer_totals order by customer_id'
    expect(rows(x, totals)).toEqual(rows(y, totals))
    expect(rows(x, totals)).toHaveLength(a.customersCreated + 41)
    // an enriched customer is found by the name the import gave it, a new one by its phone's local form
    const named = x.prepare("select id, name from customers where id <= 41 and name <> '' limit 1").get() as {
      id: number
      name: string
    }
    expect(search(x, named.name)).toContain(named.id)
    expect(search(x, named.name)).toEqual(search(y, named.name))
    const fresh = x
      .prepare('select id, phone from customers where id > 41 and phone is not null limit 1')
      .get() as {
      id: number
      phone: string
    }
    const local = `0${fresh.phone.slice(3)}`
    expect(search(x, local)).toContain(fresh.id)
    expect(x.pragma('integrity_check', { simple: true })).toBe('ok')
    x.exec("insert into customers_fts (customers_fts) values ('integrity-check')")
  })

  it('come back when the import rolls back, and stay for a small file', async () => {
    const ctx = await testContext()
    const sqlite = ctx.connection.sqlite
    const before = triggers(sqlite)
    sqlite.prepare('begin immediate').run()
    expect(deferCustomerTriggers(sqlite, 1_000_000).deferred).toBe(false)
    expect(triggers(sqlite)).toEqual(before)
    expect(deferCustomerTriggers(sqlite, 100_000_000).deferred).toBe(true)
    expect(triggers(sqlite)).toHaveLength(before.length - 3)
    sqlite.prepare('rollback').run()
    expect(triggers(sqlite)).toEqual(before)
  })

  it('are left alone when they are not the ones it was written for', async () => {
    const ctx = await testContext()
    const sqlite = ctx.connection.sqlite
    sqlite.exec('drop trigger customer_totals_row')
    sqlite.exec(
      'create trigger customer_totals_row after insert on customers begin insert or ignore into customer_totals (customer_id, receipts, visits, spend_satang) values (new.id, 0, 1, 0); end',
    )
    const before = triggers(sqlite)
    sqlite.prepare('begin immediate').run()
    expect(deferCustomerTriggers(sqlite, 100_000_000).deferred).toBe(false)
    expect(triggers(sqlite)).toEqual(before)
    sqlite.prepare('rollback').run()
  })
})

import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { undoImport } from '../../src/main/import/history'
import { tempDir, testContext } from '../helpers/db'
import { fixedNow, importFile, snapshot } from './helpers'

// The customers an import creates are numbered by the import and written at its end (customers/identity.ts):
// what is stored must be what writing each one at once and updating it would have left. Generated Loyverse
// files of regulars (phone, e-mail, name only, a second contact), imported over a database that has customers.

const HEADER =
  'Date,Receipt number,Receipt type,Category,SKU,Item,Variant,Modifiers applied,Quantity,Gross sales,Discounts,Net sales,Cost of goods,Gross profit,Taxes,Dining option,POS,Store,Cashier name,Customer name,Customer contacts,Comment,Status'

/** A customer as a receipt gives it: a name and one contact (or none). */
const person = fc.record({
  name: fc.constantFrom('', 'Anan', 'anan', 'สมชาย ใจดี', 'Somsri Rakdee', 'Beam'),
  contact: fc.oneof(
    fc.constant(''),
    fc.integer({ min: 0, max: 5 }).map((n) => `081-234-567${n}`),
    fc.integer({ min: 0, max: 5 }).map((n) => `c${n}@example.com`),
  ),
})

interface Receipt {
  who: { name: string; contact: string }
  day: number
  month: number
}

const receipt: fc.Arbitrary<Receipt> = fc.record({
  who: person,
  day: fc.integer({ min: 1, max: 28 }),
  month: fc.integer({ min: 1, max: 12 }),
})

function file(dir: string, name: string, prefix: string, receipts: Receipt[]): string {
  const rows = receipts.map(
    (r, i) =>
      `${r.day}/${r.month}/2025 10:00,${prefix}-${i},Sale,Cat,S1,Item,,,1.000,50.00,0.00,50.00,0.00,0.00,0.00,Dine in,POS 1,Store,Fon,${r.who.name},${r.who.contact},,Closed`,
  )
  // a day past 12 decides the date order
  rows.push(
    `25/12/2025 10:00,${prefix}-last,Sale,Cat,S1,Item,,,1.000,50.00,0.00,50.00,0.00,0.00,0.00,Dine in,POS 1,Store,Fon,,,,Closed`,
  )
  const path = join(dir, name)
  writeFileSync(path, `${HEADER}\n${rows.join('\n')}\n`)
  return path
}

describe('customers an import creates', () => {
  it('are stored with their fields and first/last seen, numbered on, indexed, and undone exactly', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(receipt, { maxLength: 12 }),
        fc.array(receipt, { minLength: 1, maxLength: 30 }),
        async (earlier, later) => {
          const dir = tempDir()
          const { connection, db } = await testContext(dir)
          const q = connection.sqlite
          expect((await importFile(q, file(dir, 'a.csv', 'A', earlier))).status).toBe('done')
          const before = snapshot(q)
          const seq = (): number =>
            Number(q.prepare("select seq from sqlite_sequence where name = 'customers'").pluck().get() ?? 0)
          const lastBefore = seq()
          const summary = await importFile(q, file(dir, 'b.csv', 'B', later))
          expect(summary.status).toBe('done')

          const created = q
            .prepare('select id from customers where id > ? order by id')
            .pluck()
            .all(lastBefore) as number[]
          expect(created.length).toBe(summary.customersCreated)
          // numbered on from the earlier ones, without gaps, and the sequence knows the last
          expect(created).toEqual(created.map((_, i) => lastBefore + 1 + i))
          expect(seq()).toBe(created.at(-1) ?? lastBefore)
          // first and last seen: the dates of the customer's receipts (and what it had before)
          const wrong = q
            .prepare(
              `select c.id from customers c join receipts r on r.customer_id = c.id group by c.id
               having min(substr(r.occurred_at, 1, 10)) < c.first_seen or max(substr(r.occurred_at, 1, 10)) > c.last_seen
                 or (c.id > ? and (min(substr(r.occurred_at, 1, 10)) <> c.first_seen or max(substr(r.occurred_at, 1, 10)) <> c.last_seen))`,
            )
            .all(lastBefore)
          expect(wrong).toEqual([])
          // every customer has its totals row and its search row
          expect(
            q
              .prepare(
                `select count(*) from customers c where not exists (select 1 from customer_totals t where t.customer_id = c.id)
                   or not exists (select 1 from customers_fts f where f.rowid = c.id)`,
              )
              .pluck()
              .get(),
          ).toBe(0)
          // a row with only a name matched any customer by that name: it created one only when none came before
          expect(
            q
              .prepare(
                `select count(*) from customers n join customers o on o.id < n.id and lower(o.name) = lower(n.name)
                 where n.phone is null and n.email is null and n.name <> ''`,
              )
              .pluck()
              .get(),
          ).toBe(0)
          // the customers that receipts point at exist
          expect(
            q
              .prepare(
                'select count(*) from receipts r where r.customer_id is not null and not exists (select 1 from customers c where c.id = r.customer_id)',
              )
              .pluck()
              .get(),
          ).toBe(0)

          const history = q.prepare('select max(id) from imports').pluck().get() as number
          await undoImport(db, history, fixedNow)
          expect(snapshot(q)).toEqual(before)
          // imported again after the undo: numbered past the undone ones, as AUTOINCREMENT never reuses an id
          const seqAfterUndo = seq()
          const again = await importFile(q, file(dir, 'b.csv', 'B', later))
          const renumbered = q
            .prepare('select id from customers where id > ? order by id')
            .pluck()
            .all(lastBefore) as number[]
          expect(renumbered).toEqual(
            Array.from({ length: again.customersCreated }, (_, i) => seqAfterUndo + 1 + i),
          )
          await connection.close()
        },
      ),
      { seed: 20261201, numRuns: 40 },
    )
  })

  it('a phone that gains a customer mid-file is matched again, not answered from the repeats', async () => {
    const dir = tempDir()
    const { connection } = await testContext(dir)
    const q = connection.sqlite
    const path = join(dir, 'native.csv')
    const row = (n: string, code: string, name: string, phone: string): string =>
      `${n},2024-03-0${n.slice(-1)} 10:00,${code},${name},${phone},,P-01,Rice,Food,1,50.00,50.00,Main,Dang`
    writeFileSync(
      path,
      [
        'receipt_number,date,customer_code,customer_name,phone,email,sku,product_name,category,quantity,unit_price,net_amount,store,staff',
        row('R1', 'C-01', 'Suda', '0812345670'), // X: code C-01, phone ...670
        row('R2', '', 'Beam', '0812345671'), // Y: phone ...671
        row('R3', '', 'Beam', '0812345671'), // Y again (a repeat)
        row('R4', 'C-01', 'Suda', '0812345671'), // X by its code: ...671 becomes X's alias, shared with Y
        row('R5', '', 'Beam', '0812345671'), // ...671 now means X and Y: the older one, X
      ].join('\n') + '\n',
    )
    const summary = await importFile(q, path)
    expect(summary).toMatchObject({ status: 'done', customersCreated: 2 })
    const owner = (n: string): unknown =>
      q
        .prepare(
          'select c.name from receipts r join customers c on c.id = r.customer_id where r.receipt_number = ?',
        )
        .pluck()
        .get(n)
    expect([owner('R1'), owner('R2'), owner('R3'), owner('R4'), owner('R5')]).toEqual([
      'Suda',
      'Beam',
      'Beam',
      'Suda',
      'Suda',
    ])
    expect(q.prepare('select reason, value from merge_suggestions').all()).toEqual([
      { reason: 'phone', value: '+66812345671' },
    ])
    await connection.close()
  })
})

import { createHash } from 'node:crypto'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { openDatabase, migrateToLatest, type Connection } from '../../src/main/db'
import { createDemoShop, generateDemoShop, type DemoShop } from '../../src/main/demo'
import { writeDemoShop } from '../../src/main/demo/write'
import { LukkhaError } from '../../src/main/errors'
import { addDays, dayNumber, weekday } from '../../src/shared/calendar'
import { tempDir } from '../helpers/db'

const END = '2026-11-20'
const SEED = 42

async function openEmpty(file: string): Promise<Connection> {
  const connection = openDatabase(file)
  await migrateToLatest(connection.db)
  return connection
}

const TABLES = [
  'stores',
  'customers',
  'consents',
  'products',
  'receipts',
  'receipt_lines',
  'surveys',
  'survey_aspects',
  'survey_responses',
  'survey_answers',
  'settings',
] as const

/** A fingerprint of every table's rows (settings without their write time, which is the clock's). */
function fingerprint(connection: Connection): Record<string, string> {
  return Object.fromEntries(
    TABLES.map((table) => {
      const columns = table === 'settings' ? 'key, value' : '*'
      const rows = connection.sqlite.prepare(`select ${columns} from ${table} order by rowid`).all()
      return [table, `${rows.length}:${createHash('sha256').update(JSON.stringify(rows)).digest('hex')}`]
    }),
  )
}

describe('demo shop generator', () => {
  it('is deterministic: the same seed and end date give the same database, another seed another one', async () => {
    const dir = tempDir()
    const prints: Record<string, string>[] = []
    for (const [name, seed] of [
      ['a', SEED],
      ['b', SEED],
      ['c', SEED + 1],
    ] as const) {
      const connection = await openEmpty(join(dir, `${name}.db`))
      await createDemoShop(connection.sqlite, { seed, endDate: END })
      prints.push(fingerprint(connection))
      await connection.close()
    }
    expect(prints[1]).toEqual(prints[0])
    expect(prints[2]?.receipts).not.toEqual(prints[0]?.receipts)
    expect(prints[2]?.customers).not.toEqual(prints[0]?.customers)
  })

  it('refuses a database that already has data and changes nothing', async () => {
    const connection = await openEmpty(join(tempDir(), 'used.db'))
    connection.sqlite.prepare("insert into customers (name) values ('ลูกค้าจริง')").run()
    const before = fingerprint(connection)
    await expect(
      createDemoShop(connection.sqlite, { seed: 1, endDate: END, customers: 50 }),
    ).rejects.toMatchObject({
      code: 'demo_not_empty',
    })
    const shop = await generateDemoShop({ seed: 1, endDate: END, customers: 50 })
    expect(() => writeDemoShop(connection.sqlite, shop)).toThrow(LukkhaError)
    expect(fingerprint(connection)).toEqual(before)
    await connection.close()
  })
})

describe('the generated demo shop', () => {
  let shop: DemoShop
  let connection: Connection
  const all = <T>(query: string, ...params: unknown[]): T[] =>
    connection.sqlite.prepare(query).all(...params) as T[]
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the caller names the row shape of its query
  const one = <T>(query: string, ...params: unknown[]): T =>
    connection.sqlite.prepare(query).get(...params) as T

  // One generated shop, written to a real file, is examined by every test below.
  const dir = tempDir()
  beforeAll(async () => {
    shop = await generateDemoShop({ seed: SEED, endDate: END })
    connection = await openEmpty(join(dir, 'demo.db'))
    writeDemoShop(connection.sqlite, shop)
    return () => connection.close()
  })

  /** Per customer: sale receipts, first and last sale, average sale, from the stored receipts. */
  interface Behaviour {
    id: number
    code: string
    sales: number
    first: string
    last: string
    avg_net: number
  }
  const behaviour = (): Behaviour[] =>
    all<Behaviour>(`
      select c.id, c.code, count(r.id) as sales, min(r.occurred_at) as first, max(r.occurred_at) as last,
             avg(r.net_satang) as avg_net
      from customers c join receipts r on r.customer_id = c.id and r.kind = 'sale'
      group by c.id order by c.id`)
  const daysBeforeEnd = (timestamp: string): number => dayNumber(END) - dayNumber(timestamp.slice(0, 10))

  it('has about 1,500 customers with Thai names, unique 08x mobile numbers, some e-mails and LINE ids', () => {
    const customers = all<{
      name: string
      phone: string | null
      email: string | null
      line_id: string | null
    }>('select name, phone, email, line_id from customers')
    expect(customers.length).toBeGreaterThanOrEqual(1400)
    expect(customers.length).toBeLessThanOrEqual(1600)
    for (const c of customers) expect(c.name).toMatch(/^[\u0E00-\u0E7F]+ [\u0E00-\u0E7F ]+$/)
    const phones = customers.flatMap((c) => (c.phone ? [c.phone] : []))
    expect(phones.length / customers.length).toBeGreaterThan(0.85)
    // Stored as E.164; as dialled in Thailand that is 08x-xxx-xxxx.
    for (const phone of phones) expect(`0${phone.slice(3)}`).toMatch(/^08\d{8}$/)
    expect(new Set(phones).size).toBe(phones.length)
    const share = (n: number): number => n / customers.length
    expect(share(customers.filter((c) => c.email).length)).toBeGreaterThan(0.15)
    expect(share(customers.filter((c) => c.email).length)).toBeLessThan(0.6)
    for (const c of customers) if (c.email) expect(c.email).toMatch(/^[a-z0-9._]+@[a-z.]+$/)
    expect(share(customers.filter((c) => c.line_id).length)).toBeGreaterThan(0.2)
    expect(share(customers.filter((c) => c.line_id).length)).toBeLessThan(0.6)
  })

  it('records acquisition sources, and referrals point to customers who came earlier', () => {
    const sources = all<{ source: string | null; n: number }>(
      'select acquisition_source as source, count(*) as n from customers group by 1',
    )
    expect(sources.length).toBeGreaterThanOrEqual(5)
    expect(sources.every((s) => s.source !== null)).toBe(true)
    const referrals = all<{ source: string; first: string; referrer_first: string }>(`
      select c.acquisition_source as source, c.first_seen as first, p.first_seen as referrer_first
      from customers c join customers p on p.id = c.referred_by`)
    expect(referrals.length).toBeGreaterThan(50)
    for (const r of referrals) {
      expect(r.source).toBe('referral')
      expect(r.referrer_first < r.first).toBe(true)
    }
  })

  it('mixes the customer types: loyal regulars, lapsed, one-timers, big spenders and newcomers', () => {
    const rows = behaviour()
    const n = rows.length
    const regulars = rows.filter(
      (r) => r.sales >= 24 && daysBeforeEnd(r.last) <= 30 && daysBeforeEnd(r.first) >= 180,
    )
    const lapsed = rows.filter((r) => r.sales >= 3 && daysBeforeEnd(r.last) >= 120)
    const oneTimers = rows.filter((r) => r.sales === 1)
    const newcomers = rows.filter((r) => daysBeforeEnd(r.first) < 60)
    const averages = rows.map((r) => r.avg_net).sort((a, b) => a - b)
    const median = averages[Math.floor(n / 2)] ?? 0
    const bigSpenders = rows.filter((r) => r.sales >= 3 && r.avg_net >= 5 * median)
    expect(regulars.length / n).toBeGreaterThan(0.05)
    expect(lapsed.length / n).toBeGreaterThan(0.1)
    expect(oneTimers.length / n).toBeGreaterThan(0.2)
    expect(oneTimers.length / n).toBeLessThan(0.45)
    expect(newcomers.length / n).toBeGreaterThan(0.04)
    expect(bigSpenders.length / n).toBeGreaterThan(0.03)
  })

  it('gives each generated customer the behaviour of its type', () => {
    const byCode = new Map(behaviour().map((r) => [r.code, r]))
    const of = (persona: string): Behaviour[] =>
      shop.customers.filter((c) => c.persona === persona).map((c) => byCode.get(c.code) as Behaviour)
    for (const r of of('one_timer')) expect(r.sales).toBe(1)
    for (const r of of('lapsed')) expect(daysBeforeEnd(r.last)).toBeGreaterThanOrEqual(120)
    for (const r of of('new')) expect(daysBeforeEnd(r.first)).toBeLessThan(60)
    const median = (xs: number[]): number => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0
    const regulars = of('regular')
    expect(median(regulars.map((r) => r.sales))).toBeGreaterThanOrEqual(30)
    // Most regulars are still coming; a few left after a disappointing visit.
    expect(regulars.filter((r) => daysBeforeEnd(r.last) <= 30).length / regulars.length).toBeGreaterThan(0.6)
    const bigTicket = median(of('big_spender').map((r) => r.avg_net))
    expect(bigTicket).toBeGreaterThan(5 * median(regulars.map((r) => r.avg_net)))
  })

  it('covers the 18 months up to the end date with receipts of source demo whose amounts add up', () => {
    const span = one<{ first: string; last: string; months: number; sources: string }>(`
      select min(occurred_at) as first, max(occurred_at) as last,
             count(distinct substr(occurred_at, 1, 7)) as months, group_concat(distinct source) as sources
      from receipts`)
    expect(span.months).toBe(18)
    expect(span.first >= shop.startDate).toBe(true)
    expect(span.last.slice(0, 10) <= END).toBe(true)
    expect(daysBeforeEnd(span.last)).toBeLessThanOrEqual(1)
    expect(span.sources).toBe('demo')
    const mismatched = one<{ n: number }>(`
      select count(*) as n from receipts r
      where r.net_satang != (select sum(net_satang) from receipt_lines where receipt_id = r.id)
         or r.gross_satang - r.discount_satang != r.net_satang`)
    expect(mismatched.n).toBe(0)
    const lines = one<{ n: number }>(`
      select count(*) as n from receipt_lines
      where net_satang != cast(round(quantity * unit_price_satang) as integer) - discount_satang`)
    expect(lines.n).toBe(0)
    const seen = one<{ n: number }>(`
      select count(*) as n from customers c
      where first_seen != (select min(occurred_at) from receipts where customer_id = c.id and kind = 'sale')
         or last_seen != (select max(occurred_at) from receipts where customer_id = c.id and kind = 'sale')`)
    expect(seen.n).toBe(0)
  })

  it('has refunds with negative amounts that follow a sale of the same product to the same customer', () => {
    const refunds = all<{
      id: number
      net: number
      customer_id: number | null
      store_id: number
      at: string
    }>(
      "select id, net_satang as net, customer_id, store_id, occurred_at as at from receipts where kind = 'refund'",
    )
    expect(refunds.length).toBeGreaterThan(50)
    for (const refund of refunds) {
      expect(refund.net).toBeLessThan(0)
      const line = one<{ product_id: number; quantity: number }>(
        'select product_id, quantity from receipt_lines where receipt_id = ?',
        refund.id,
      )
      expect(line.quantity).toBeLessThan(0)
      const sale = one<{ n: number }>(
        `select count(*) as n from receipts r join receipt_lines l on l.receipt_id = r.id
         where r.kind = 'sale' and r.customer_id is ? and r.store_id = ? and l.product_id = ?
           and r.occurred_at <= ? and r.occurred_at >= ?`,
        refund.customer_id,
        refund.store_id,
        line.product_id,
        refund.at,
        refund.at.slice(0, 10),
      )
      expect(sale.n).toBeGreaterThan(0)
    }
  })

  it('has seasons: weekends busier than weekdays, December busier than July, Songkran quiet', () => {
    // Walk-in sales (no customer record) show the season without the growth of the customer base.
    const days = all<{ day: string; n: number }>(`
      select substr(occurred_at, 1, 10) as day, count(*) as n from receipts
      where kind = 'sale' and customer_id is null group by day`)
    const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length
    const weekend = days.filter((d) => [0, 6].includes(weekday(d.day))).map((d) => d.n)
    const midweek = days.filter((d) => [1, 2, 3, 4].includes(weekday(d.day))).map((d) => d.n)
    expect(mean(weekend)).toBeGreaterThan(1.2 * mean(midweek))
    const inMonth = (prefix: string): number[] => days.filter((d) => d.day.startsWith(prefix)).map((d) => d.n)
    expect(mean(inMonth('2025-12'))).toBeGreaterThan(1.25 * mean(inMonth('2025-07')))
    const songkran = inMonth('2026-04').slice(12, 15)
    expect(mean(songkran)).toBeLessThan(mean(inMonth('2026-04')))
  })

  it('sells products in categories, with drinks and pastries bought together', () => {
    const categories = one<{ n: number }>('select count(distinct category) as n from products')
    expect(categories.n).toBeGreaterThanOrEqual(5)
    const together = one<{ both: number; receipts: number }>(`
      select sum(has_drink and has_bakery) as both, count(*) as receipts from (
        select r.id,
               max(p.category in ('กาแฟ', 'ชาและเครื่องดื่ม')) as has_drink,
               max(p.category = 'เบเกอรี่') as has_bakery
        from receipts r join receipt_lines l on l.receipt_id = r.id join products p on p.id = l.product_id
        where r.kind = 'sale' group by r.id)`)
    expect(together.both / together.receipts).toBeGreaterThan(0.2)
  })

  it('has survey responses on three levels per aspect, linked to the customer and their receipt', () => {
    const aspects = all<{ label_th: string; label_en: string }>(
      'select label_th, label_en from survey_aspects',
    )
    expect(aspects.length).toBeGreaterThanOrEqual(4)
    for (const a of aspects) {
      expect(a.label_th).toMatch(/[\u0E00-\u0E7F]/)
      expect(a.label_en).toMatch(/^[A-Z][a-z ]+$/)
    }
    const responses = one<{ n: number; linked: number; after: number; complete: number }>(`
      select count(*) as n,
             sum(r.customer_id = s.customer_id) as linked,
             sum(s.responded_at >= r.occurred_at) as after,
             sum((select count(*) from survey_answers a where a.response_id = s.id) = ${aspects.length}) as complete
      from survey_responses s join receipts r on r.id = s.receipt_id`)
    const total = one<{ n: number }>('select count(*) as n from survey_responses')
    expect(total.n).toBeGreaterThan(500)
    expect(responses).toEqual({ n: total.n, linked: total.n, after: total.n, complete: total.n })
    const levels = all<{ level: string; n: number }>(
      'select level, count(*) as n from survey_answers group by level',
    )
    expect(levels.map((l) => l.level).sort()).toEqual(['delighted', 'disappointed', 'satisfied'])
    for (const l of levels) expect(l.n).toBeGreaterThan(100)
  })

  it('stores the shop name and the demo marker in the settings', () => {
    const settings = all<{ key: string; value: string }>('select key, value from settings order by key')
    const values = Object.fromEntries(settings.map((s) => [s.key, JSON.parse(s.value) as unknown]))
    expect(values.demo).toEqual({ seed: SEED, endDate: END })
    expect(values['shop.name']).toMatch(/[\u0E00-\u0E7F]/)
    expect(addDays(shop.startDate, 0)).toBe('2025-06-01')
  })
})

import { describe, expect, it } from 'vitest'
import { testContext } from '../helpers/db'
import { addSales, api, visits } from './shop'

describe('referrals', () => {
  it('ranks referrers by referred customers who bought, then by what they spent', async () => {
    const ctx = await testContext()
    const ids = addSales(ctx, [
      ...visits('X1', 100, ['2026-05-01']),
      ...visits('X2', 200, ['2026-05-02']),
      ...visits('Y1', 500, ['2026-05-03']),
      ...visits('Z1', 50, ['2026-05-04']),
      ...visits('Z2', 60, ['2026-05-05']),
      { customer: null, at: '2026-06-30', baht: 90 },
    ])
    const sqlite = ctx.connection.sqlite
    const add = (code: string): number =>
      Number(
        sqlite.prepare('insert into customers (code, name) values (?, ?)').run(code, `Customer ${code}`)
          .lastInsertRowid,
      )
    const x = add('X')
    const y = add('Y')
    const z = add('Z')
    const x3 = add('X3') // referred, never bought
    const refer = sqlite.prepare('update customers set referred_by = ? where id = ?')
    for (const code of ['X1', 'X2']) refer.run(x, ids.get(code))
    refer.run(x, x3)
    refer.run(y, ids.get('Y1'))
    for (const code of ['Z1', 'Z2']) refer.run(z, ids.get(code))

    const board = await api(ctx, 'getRetentionList', { list: 'referrers' })
    expect(
      board.customers.map((c) => [c.code, c.referredCount, c.referredBuyers, c.referredNetSatang]),
    ).toEqual([
      ['X', 3, 2, 30_000],
      ['Z', 2, 2, 11_000],
      ['Y', 1, 1, 50_000],
    ])
    const referred = await api(ctx, 'getRetentionList', { list: 'referred' })
    expect(referred.customers.map((c) => [c.code, c.referrerName])).toEqual([
      ['Y1', 'Customer Y'],
      ['X2', 'Customer X'],
      ['X1', 'Customer X'],
      ['Z2', 'Customer Z'],
      ['Z1', 'Customer Z'],
      ['X3', 'Customer X'],
    ])
    const summary = await api(ctx, 'getReferralSummary', {})
    expect(summary).toEqual({
      asOf: '2026-06-30',
      referred: 6,
      referredBuyers: 5,
      referrers: 3,
      referredNetSatang: 91_000,
      shareOfRevenue: 91_000 / 100_000,
    })
  })
})

describe('birthdays this month', () => {
  it('lists the customers born in the as-of month, by day, with the age they turn', async () => {
    const ctx = await testContext()
    addSales(ctx, [...visits('B1', 100, ['2026-06-30'])])
    const sqlite = ctx.connection.sqlite
    const add = sqlite.prepare(
      'insert into customers (code, name, birthday, phone, erased_at) values (?, ?, ?, ?, ?)',
    )
    add.run('B2', 'Born 2 June', '1985-06-02', '0812345678', null)
    add.run('B3', 'Born in July', '2000-07-01', null, null)
    add.run('B4', 'No birthday', null, null, null)
    add.run('B5', 'Erased', '1970-06-30', null, '2026-01-01')
    sqlite.prepare("update customers set birthday = '1990-06-15' where code = 'B1'").run()
    const list = await api(ctx, 'getRetentionList', { list: 'birthdays' })
    expect(list.customers.map((c) => [c.code, c.birthday, c.turningAge, c.phone, c.netSatang])).toEqual([
      ['B2', '1985-06-02', 41, '0812345678', 0],
      ['B1', '1990-06-15', 36, null, 10_000],
    ])
    const july = await api(ctx, 'getRetentionList', { list: 'birthdays', asOf: '2026-07-10' })
    expect(july.customers.map((c) => c.code)).toEqual(['B3'])
  })
})
